#include "service/decision_stats.h"

#include <gtest/gtest.h>

#include <map>

namespace sendguard {
namespace {

class MemoryConsoleStore : public ConsoleStore {
 public:
  Status SetPassword(std::string_view, std::string_view) override { return OkStatus(); }
  Result<bool> CheckPassword(std::string_view, std::string_view) override { return false; }
  Result<std::vector<std::string>> Accounts() override { return std::vector<std::string>(); }
  Result<std::string> Secret(std::string_view, std::size_t n) override {
    return std::string(n, 's');
  }
  Status AddDecisionCounts(const std::vector<DecisionCount>& counts) override {
    for (const DecisionCount& c : counts) rows[c.action + "/" + c.rule + "/" + c.domain] += c.count;
    return OkStatus();
  }
  Result<std::vector<DecisionCount>> DecisionCounts(std::string_view) override {
    return std::vector<DecisionCount>();
  }
  std::map<std::string, std::int64_t> rows;
};

Decision TypoHold() {
  Decision d;
  d.action = d.policy_action = Action::kHold;
  d.rule = "mistyped-recipient";
  RecipientVerdict typo;
  typo.address = "ops@army.ml";
  typo.domain = "army.ml";
  typo.reasons = {{"tld-typo", ".ml is one slip from .mil"}};
  typo.suggestion = "ops@army.mil";
  RecipientVerdict fine;
  fine.address = "a@navy.mil";
  fine.domain = "navy.mil";
  d.recipients = {typo, fine};
  return d;
}

TEST(DecisionStatsTest, CountsDecisionsAndTypoDomains) {
  MemoryConsoleStore store;
  {
    DecisionStats stats(&store, std::chrono::hours(1));
    stats.Record(TypoHold());
    stats.Record(TypoHold());
    Decision accept;
    stats.Record(accept);
    Decision audit = TypoHold();
    audit.action = Action::kAccept;
    audit.audit = true;
    stats.Record(audit);
  }  // flushed when destroyed
  EXPECT_EQ(store.rows["hold/mistyped-recipient/"], 2);
  EXPECT_EQ(store.rows["hold/mistyped-recipient/army.ml"], 2);
  EXPECT_EQ(store.rows["accept/-/"], 1);
  EXPECT_EQ(store.rows["hold-audit/mistyped-recipient/"], 1);
  EXPECT_EQ(store.rows.count("hold/mistyped-recipient/navy.mil"), 0u);
}

}  // namespace
}  // namespace sendguard
