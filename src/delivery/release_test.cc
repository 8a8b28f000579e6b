// Releases against a real SMTP server on loopback (tests/smtp_sink): what
// arrives, and what the store records, for releases that work and ones the
// relay refuses.

#include "delivery/release.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/stores.h"
#include "tests/smtp_sink.h"

namespace sendguard {
namespace {

using testing::SmtpSink;

// Dot-stuffing, a bare LF and a NUL-free body that does not end a line
// with the terminator's dot.
constexpr char kRaw[] =
    "From: dana@army.mil\r\nTo: ops@army.ml, x@army.mil\r\nSubject: Travel plan\r\n\r\n"
    "Flight details.\r\n.leading dot\r\n..two dots\r\nbare\nline\r\n";

class ReleaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_release_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    TearDown();
    Result<Stores> s = OpenStores(path_, {.quarantine = true});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s->quarantine);
  }
  void TearDown() override {
    store_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }
  // Holds kRaw for ops@army.ml (suggestion ops@army.mil) and x@army.mil.
  std::string HoldOne(bool with_suggestion = true) {
    HeldMessage m;
    m.mail_from = "dana@army.mil";
    m.recipients = {"ops@army.ml", "x@army.mil"};
    m.subject = "Travel plan";
    m.action = "hold";
    m.rule = "mistyped-recipient";
    m.reason = "did you mean ops@army.mil?";
    m.decision_json = "{}";
    if (with_suggestion) m.corrections = {{"ops@army.ml", "ops@army.mil"}};
    m.raw = kRaw;
    Result<std::string> id = store_->Hold(m);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : "";
  }
  static SmtpRelay Relay(const SmtpSink& sink) {
    SmtpRelay r;
    r.url = sink.url();
    r.timeout_ms = 10000;
    return r;
  }
  std::vector<std::string> EventKinds() {
    std::vector<std::string> kinds;
    Result<std::vector<QuarantineEvent>> events = store_->Events(100, 0);
    EXPECT_TRUE(events.ok());
    if (events.ok()) {
      for (const QuarantineEvent& e : *events) kinds.push_back(e.kind);
    }
    return kinds;
  }
  std::string path_;
  std::unique_ptr<QuarantineStore> store_;
};

TEST_F(ReleaseTest, AsWrittenDeliversTheBytesToTheHeldRecipients) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  std::string id = HoldOne();
  Result<std::vector<std::string>> sent =
      ReleaseHeld(*store_, Relay(sink), id, ReleaseTo::kAsWritten, {}, "alice");
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(*sent, (std::vector<std::string>{"ops@army.ml", "x@army.mil"}));
  std::vector<SmtpSink::Mail> mails = sink.mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].mail_from, "dana@army.mil");
  EXPECT_EQ(mails[0].rcpts, (std::vector<std::string>{"ops@army.ml", "x@army.mil"}));
  EXPECT_EQ(mails[0].data, kRaw);
  Result<HeldMessage> h = store_->Get(id);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->status, HeldStatus::kReleased);
  EXPECT_EQ(h->actor, "alice");
  EXPECT_EQ(h->note, "released to ops@army.ml, x@army.mil");
  EXPECT_EQ(EventKinds(), (std::vector<std::string>{"released", "held"}));
}

TEST_F(ReleaseTest, ToTheSuggestionReplacesOnlyTheCorrectedRecipient) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  std::string id = HoldOne();
  Result<std::vector<std::string>> sent =
      ReleaseHeld(*store_, Relay(sink), id, ReleaseTo::kSuggestion, {}, "sender:dana@army.mil");
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(*sent, (std::vector<std::string>{"ops@army.mil", "x@army.mil"}));
  ASSERT_EQ(sink.mails().size(), 1u);
  EXPECT_EQ(sink.mails()[0].rcpts, (std::vector<std::string>{"ops@army.mil", "x@army.mil"}));
  EXPECT_EQ(sink.mails()[0].data, kRaw);
  EXPECT_EQ(store_->Get(id)->actor, "sender:dana@army.mil");
  EXPECT_EQ(store_->Get(id)->note, "released to ops@army.mil, x@army.mil");
}

TEST_F(ReleaseTest, ToGivenAddresses) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  std::string id = HoldOne();
  Result<std::vector<std::string>> sent =
      ReleaseHeld(*store_, Relay(sink), id, ReleaseTo::kAddresses, {"ops@army.mil"}, "bob");
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  ASSERT_EQ(sink.mails().size(), 1u);
  EXPECT_EQ(sink.mails()[0].mail_from, "dana@army.mil");
  EXPECT_EQ(sink.mails()[0].rcpts, std::vector<std::string>{"ops@army.mil"});
  EXPECT_EQ(store_->Get(id)->note, "released to ops@army.mil");
}

TEST_F(ReleaseTest, AMessageIsReleasedOnce) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  std::string id = HoldOne();
  ASSERT_TRUE(ReleaseHeld(*store_, Relay(sink), id, ReleaseTo::kAsWritten, {}, "alice").ok());
  Result<std::vector<std::string>> again =
      ReleaseHeld(*store_, Relay(sink), id, ReleaseTo::kAsWritten, {}, "bob");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(sink.mails().size(), 1u);  // nothing sent the second time
  EXPECT_EQ(store_->Get(id)->actor, "alice");
}

TEST_F(ReleaseTest, ARefusedReleaseIsHeldAgainWithAFailedEvent) {
  SmtpSink sink(/*refuse_recipients=*/true);
  ASSERT_TRUE(sink.ok());
  std::string id = HoldOne();
  Result<std::vector<std::string>> sent =
      ReleaseHeld(*store_, Relay(sink), id, ReleaseTo::kSuggestion, {}, "alice");
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(sink.mails().empty());
  Result<HeldMessage> h = store_->Get(id);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->status, HeldStatus::kHeld);
  EXPECT_EQ(h->note.rfind("release failed: ", 0), 0u) << h->note;
  std::vector<QuarantineEvent> events = *store_->Events(100, 0);
  ASSERT_EQ(events.size(), 4u);  // held, released, held (back), release-failed
  EXPECT_EQ(events[0].kind, "release-failed");
  EXPECT_EQ(events[0].actor, "alice");
  EXPECT_NE(events[0].detail.find("550"), std::string::npos) << events[0].detail;
  EXPECT_EQ(events[1].kind, "held");
  EXPECT_EQ(events[2].kind, "released");
  // Held again, so it can be released once the relay takes it.
  SmtpSink good;
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(ReleaseHeld(*store_, Relay(good), id, ReleaseTo::kSuggestion, {}, "alice").ok());
  EXPECT_EQ(good.mails().size(), 1u);
}

TEST_F(ReleaseTest, ARelayThatIsNotThereLeavesItHeld) {
  SmtpRelay closed;
  closed.url = "smtp://127.0.0.1:1";
  closed.timeout_ms = 2000;
  std::string id = HoldOne();
  Result<std::vector<std::string>> sent =
      ReleaseHeld(*store_, closed, id, ReleaseTo::kAsWritten, {}, "alice");
  EXPECT_EQ(sent.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(store_->Get(id)->status, HeldStatus::kHeld);
}

TEST_F(ReleaseTest, WrongRequestsSendNothing) {
  SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  const SmtpRelay relay = Relay(sink);
  EXPECT_EQ(ReleaseHeld(*store_, relay, std::string(32, '0'), ReleaseTo::kAsWritten, {}, "a")
                .status()
                .code(),
            StatusCode::kNotFound);
  std::string plain = HoldOne(/*with_suggestion=*/false);
  EXPECT_FALSE(HasSuggestion(*store_->Get(plain)));
  EXPECT_EQ(ReleaseHeld(*store_, relay, plain, ReleaseTo::kSuggestion, {}, "a").status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReleaseHeld(*store_, relay, plain, ReleaseTo::kAddresses, {}, "a").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(sink.mails().empty());
  EXPECT_EQ(store_->Get(plain)->status, HeldStatus::kHeld);
}

TEST_F(ReleaseTest, DeleteHeldKeepsTheMessageMarkedDeleted) {
  std::string id = HoldOne();
  ASSERT_TRUE(DeleteHeld(*store_, id, "alice").ok());
  Result<HeldMessage> h = store_->Get(id);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->status, HeldStatus::kDeleted);
  EXPECT_EQ(h->actor, "alice");
  EXPECT_EQ(h->raw, kRaw);  // kept for the audit trail
  EXPECT_EQ(EventKinds(), (std::vector<std::string>{"deleted", "held"}));
  EXPECT_EQ(DeleteHeld(*store_, id, "bob").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(DeleteHeld(*store_, std::string(32, '0'), "bob").code(), StatusCode::kNotFound);
  SmtpSink sink;
  ASSERT_TRUE(sink.ok());
  EXPECT_EQ(ReleaseHeld(*store_, Relay(sink), id, ReleaseTo::kAsWritten, {}, "bob").status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(sink.mails().empty());
}

TEST(SuggestedRecipientsTest, TheCorrectionsOfTheHeldRecipients) {
  HeldMessage h;
  h.recipients = {"ops@army.ml", "x@army.mil", "cfo@contso.com"};
  h.corrections = {{"cfo@contso.com", "cfo@contoso.com"},
                   {"ops@army.ml", "first@army.mil"},
                   {"ops@army.ml", "ops@army.mil"}};  // a later pair wins
  EXPECT_EQ(SuggestedRecipients(h),
            (std::vector<std::string>{"ops@army.mil", "x@army.mil", "cfo@contoso.com"}));
  EXPECT_TRUE(HasSuggestion(h));
  h.corrections = {{"someone@else.ml", "someone@else.mil"}};
  EXPECT_EQ(SuggestedRecipients(h), h.recipients);
  EXPECT_FALSE(HasSuggestion(h));
}

}  // namespace
}  // namespace sendguard
