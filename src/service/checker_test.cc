#include "service/checker.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "policy/decision_json.h"
#include "store/console_store.h"

namespace sendguard {
namespace {

constexpr const char* kTypo =
    "From: dana@army.mil\r\nTo: ops@army.ml\r\nSubject: travel\r\n\r\nFlights at 0610.\r\n";

class CheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sendguard_checker_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    context_ = std::move(Context::Create(Config(), History())).value();
    journal_ = std::make_unique<DecisionJournal>(
        std::move(DecisionJournal::Open((dir_ / "journal.jsonl").string())).value());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::vector<nlohmann::json> JournalLines() {
    std::vector<nlohmann::json> out;
    std::ifstream in(dir_ / "journal.jsonl");
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

  Envelope envelope_{"dana@army.mil", {"ops@army.ml"}};
  std::filesystem::path dir_;
  std::unique_ptr<Context> context_;
  std::unique_ptr<DecisionJournal> journal_;
  Metrics metrics_;
};

TEST_F(CheckerTest, ParsesAndJudgesWithTheContextsLimits) {
  Checker checker(*context_);
  EXPECT_EQ(checker.limits().max_depth, context_->config().limits.max_depth);
  Result<Checked> c = checker.Check(kTypo, envelope_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->decision.action, Action::kHold);
  EXPECT_EQ(c->message.envelope().mail_from, "dana@army.mil");
  EXPECT_EQ(c->message.subject(), "travel");
}

TEST_F(CheckerTest, LimitsOfItsOwnApplyToTheParse) {
  Limits tight;
  tight.max_text_bytes = 4;
  Checker checker(*context_, tight);
  Result<Checked> c = checker.Check(kTypo, envelope_);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->message.limit_hits().empty());
}

TEST_F(CheckerTest, NoMessageAtAllIsInvalidArgument) {
  Checker checker(*context_);
  Result<Checked> c = checker.Check("", envelope_);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(CheckerTest, MailFlowDecisionsAreCountedTimedAndJournalled) {
  Checker checker(*context_, Recorders{.journal = journal_.get(), .metrics = &metrics_});
  Result<Checked> c = checker.Check(kTypo, envelope_);
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(checker.Record(*c, {.queue_id = "4QX1", .quarantine_id = "abc"}).ok());
  EXPECT_EQ(metrics_.decisions(), 1u);
  const std::string prom = metrics_.RenderPrometheus();
  EXPECT_NE(prom.find("sendguard_held_total 1"), std::string::npos) << prom;
  EXPECT_NE(prom.find("sendguard_decisions_total{action=\"hold\",mode=\"enforce\"} 1"),
            std::string::npos);
  std::vector<nlohmann::json> lines = JournalLines();
  ASSERT_EQ(lines.size(), 1u);
  const nlohmann::json& l = lines[0];
  EXPECT_EQ(l["version"], kDecisionJsonVersion);
  EXPECT_EQ(l["origin"], "milter");
  EXPECT_EQ(l["queue_id"], "4QX1");
  EXPECT_EQ(l["quarantine_id"], "abc");
  EXPECT_EQ(l["mail_from"], "dana@army.mil");
  EXPECT_EQ(l["rcpt_to"], nlohmann::json({"ops@army.ml"}));
  EXPECT_EQ(l["action"], "hold");
  EXPECT_EQ(l["recipients"][0]["suggestion"], "ops@army.mil");
  EXPECT_TRUE(l["latency_ms"].is_number());
  EXPECT_FALSE(l.contains("source"));
}

TEST_F(CheckerTest, ChecksOfDraftsAreCountedApartFromMail) {
  Checker checker(*context_, Recorders{.journal = journal_.get(), .metrics = &metrics_});
  Result<Checked> c = checker.Check(kTypo, envelope_);
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(checker.Record(*c, {.origin = Origin::kCheck}).ok());
  EXPECT_EQ(metrics_.decisions(), 0u);  // no mail was judged
  const std::string prom = metrics_.RenderPrometheus();
  EXPECT_NE(prom.find("sendguard_checks_total{action=\"hold\",mode=\"enforce\"} 1"),
            std::string::npos)
      << prom;
  std::vector<nlohmann::json> lines = JournalLines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["origin"], "check");
}

TEST_F(CheckerTest, ErrorsAreCountedAndJournalledWithTheFailureMode) {
  Checker checker(*context_, Recorders{.journal = journal_.get(), .metrics = &metrics_});
  ASSERT_TRUE(checker.RecordError(envelope_, "disk full", false, {.queue_id = "Q1"}).ok());
  ASSERT_TRUE(checker.RecordError(envelope_, "bad", true, {}).ok());
  ASSERT_TRUE(checker.RecordError(envelope_, "unreadable", false, {.origin = Origin::kCheck}).ok());
  const std::string prom = metrics_.RenderPrometheus();
  EXPECT_NE(prom.find("sendguard_errors_total 2"), std::string::npos) << prom;
  EXPECT_NE(prom.find("sendguard_check_errors_total 1"), std::string::npos) << prom;
  std::vector<nlohmann::json> lines = JournalLines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["error"], "disk full");
  EXPECT_EQ(lines[0]["action"], "tempfail");
  EXPECT_EQ(lines[0]["queue_id"], "Q1");
  EXPECT_EQ(lines[1]["action"], "accept");
  EXPECT_EQ(lines[2]["action"], "error");
  EXPECT_EQ(lines[2]["origin"], "check");
}

TEST_F(CheckerTest, DashboardCountsKeepChecksApart) {
  Result<std::unique_ptr<ConsoleStore>> console =
      OpenSqliteConsoleStore((dir_ / "console.db").string());
  ASSERT_TRUE(console.ok());
  {
    DecisionStats stats(console->get(), std::chrono::hours(1));
    Checker checker(*context_, Recorders{.stats = &stats});
    Result<Checked> c = checker.Check(kTypo, envelope_);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(checker.Record(*c, {}).ok());
    ASSERT_TRUE(checker.Record(*c, {.origin = Origin::kCheck}).ok());
  }  // flushed
  Result<std::vector<DecisionCount>> rows = (*console)->DecisionCounts("2000-01-01");
  ASSERT_TRUE(rows.ok());
  std::map<std::string, std::int64_t> by_action;
  for (const DecisionCount& r : *rows) {
    if (r.domain.empty()) by_action[r.action] += r.count;
  }
  EXPECT_EQ(by_action["hold"], 1);
  EXPECT_EQ(by_action["check-hold"], 1);
}

TEST_F(CheckerTest, WithoutRecordersRecordingDoesNothingAndSucceeds) {
  Checker checker(*context_);
  Result<Checked> c = checker.Check(kTypo, envelope_);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(checker.Record(*c, {}).ok());
  EXPECT_TRUE(checker.RecordError(envelope_, "x", false, {}).ok());
}

}  // namespace
}  // namespace sendguard
