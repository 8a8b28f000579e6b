// The recipient engine against generated sets: a history of a few thousand
// established domains, a typo of every kind for each, their subdomains, and
// unrelated domains far from all of them.

#include <gtest/gtest.h>

#include <map>

#include "recipients/recipient_analyzer.h"
#include "tests/typo_generator.h"

namespace sendguard {
namespace {

class RecipientsAccuracyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    set_ = new testing::TypoSet(testing::MakeTypoSet(3000, 2000, 42));
    history_ = new History();
    for (const auto& e : set_->established) history_->Add(e.domain, e.messages);
    history_->Finish();
    analyzer_ = new RecipientAnalyzer({}, *history_);
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    delete history_;
    delete set_;
  }
  static bool IsTypoFlag(const RecipientVerdict& v) { return v.suggestion.has_value(); }

  static testing::TypoSet* set_;
  static History* history_;
  static RecipientAnalyzer* analyzer_;
};

testing::TypoSet* RecipientsAccuracyTest::set_ = nullptr;
History* RecipientsAccuracyTest::history_ = nullptr;
RecipientAnalyzer* RecipientsAccuracyTest::analyzer_ = nullptr;

TEST_F(RecipientsAccuracyTest, TyposOfEveryKindAreFlaggedWithTheRightSuggestion) {
  std::map<std::string, std::pair<int, int>> per_kind;  // kind → (right, total)
  for (const testing::Typo& t : set_->typos) {
    RecipientVerdict v = analyzer_->Analyze("user@" + t.typed, {});
    auto& [right, total] = per_kind[t.kind];
    ++total;
    if (v.risk >= Risk::kMedium && v.suggestion == "user@" + t.intended) ++right;
  }
  ASSERT_GE(per_kind.size(), 12u);
  for (const auto& [kind, counts] : per_kind) {
    double recall = static_cast<double>(counts.first) / counts.second;
    EXPECT_GE(recall, 0.98) << kind << ": " << counts.first << " of " << counts.second;
  }
}

TEST_F(RecipientsAccuracyTest, EstablishedDomainsAndTheirSubdomainsAreNeverTypos) {
  for (const auto& e : set_->established) {
    EXPECT_FALSE(IsTypoFlag(analyzer_->Analyze("user@" + e.domain, {}))) << e.domain;
  }
  for (const std::string& d : set_->subdomains) {
    EXPECT_FALSE(IsTypoFlag(analyzer_->Analyze("user@" + d, {}))) << d;
  }
}

TEST_F(RecipientsAccuracyTest, UnrelatedDomainsAreNotTypos) {
  ASSERT_GE(set_->unrelated.size(), 1000u);
  int flagged = 0;
  for (const std::string& d : set_->unrelated) {
    RecipientVerdict v = analyzer_->Analyze("user@" + d, {});
    if (IsTypoFlag(v)) {
      ++flagged;
      ADD_FAILURE() << d << " flagged: " << v.reasons[0].detail;
    }
  }
  EXPECT_EQ(flagged, 0);
}

}  // namespace
}  // namespace sendguard
