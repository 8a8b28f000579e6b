#include "service/sender_release.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

// A typo (ops@army.ml, did you mean ops@army.mil?) held by
// mistyped-recipient, carrying `body`.
HeldMessage Held(const std::string& body) {
  HeldMessage h;
  h.id = "0123456789abcdef0123456789abcdef";
  h.mail_from = "dana@army.mil";
  h.recipients = {"ops@army.ml"};
  h.rule = "mistyped-recipient";
  h.corrections = {{"ops@army.ml", "ops@army.mil"}};
  h.raw = "From: dana@army.mil\r\nTo: ops@army.ml\r\nSubject: s\r\n\r\n" + body + "\r\n";
  return h;
}

class SenderReleaseTest : public ::testing::Test {
 protected:
  void SetUp() override { context_ = std::move(Context::Create(Config(), History())).value(); }
  SenderVerdict Judge(const HeldMessage& h, ReleaseTo to, bool as_written = true) {
    Checker checker(*context_);
    Result<SenderVerdict> v = JudgeSenderRelease(checker, h, to, as_written);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : SenderVerdict{};
  }
  std::unique_ptr<Context> context_;
};

TEST_F(SenderReleaseTest, ATypoAloneGoesBothWays) {
  EXPECT_TRUE(Judge(Held("travel plans"), ReleaseTo::kAsWritten).allowed);
  EXPECT_TRUE(Judge(Held("travel plans"), ReleaseTo::kSuggestion).allowed);
}

TEST_F(SenderReleaseTest, ContentRulesStillApply) {
  HeldMessage h = Held("SECRET//NOFORN plans");
  for (ReleaseTo to : {ReleaseTo::kAsWritten, ReleaseTo::kSuggestion}) {
    SenderVerdict v = Judge(h, to);
    EXPECT_FALSE(v.allowed);
    EXPECT_EQ(v.rule, "classified-marking");
    EXPECT_NE(v.reason.find("would still reject"), std::string::npos) << v.reason;
    EXPECT_NE(v.reason.find("administrator"), std::string::npos) << v.reason;
  }
}

TEST_F(SenderReleaseTest, AsWrittenNeedsTheConfigurationAndARecipientRule) {
  HeldMessage h = Held("travel plans");
  SenderVerdict off = Judge(h, ReleaseTo::kAsWritten, /*as_written=*/false);
  EXPECT_FALSE(off.allowed);
  EXPECT_TRUE(off.rule.empty());
  h.rule = "cui-outside";  // held for content
  EXPECT_FALSE(Judge(h, ReleaseTo::kAsWritten).allowed);
  h.rule = "a-rule-since-removed";
  EXPECT_FALSE(Judge(h, ReleaseTo::kAsWritten).allowed);
  EXPECT_FALSE(Judge(h, ReleaseTo::kAddresses).allowed);  // only administrators choose addresses
}

TEST_F(SenderReleaseTest, NoSuggestionOrNoMessageIsAnError) {
  Checker checker(*context_);
  HeldMessage h = Held("travel plans");
  h.corrections.clear();
  EXPECT_EQ(JudgeSenderRelease(checker, h, ReleaseTo::kSuggestion, true).status().code(),
            StatusCode::kFailedPrecondition);
  h.raw.clear();  // nothing to judge: never "allowed"
  EXPECT_FALSE(JudgeSenderRelease(checker, h, ReleaseTo::kAsWritten, true).ok());
}

}  // namespace
}  // namespace sendguard
