#include "mail/budget.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(MessageBudgetTest, RecordsGrantedPartsInOrder) {
  MessageData d;
  Limits limits;
  MessageBudget budget(limits, &d);
  EXPECT_EQ(budget.NextPartIndex(), 0);
  ASSERT_TRUE(budget.TakePart("body"));
  Part part;
  part.label = "body";
  EXPECT_EQ(budget.AddPart(part), 0);
  EXPECT_EQ(budget.NextPartIndex(), 1);
  ASSERT_EQ(d.parts.size(), 1u);
  EXPECT_EQ(d.parts[0].label, "body");
}

TEST(MessageBudgetTest, DropsPartsTakePartDidNotGrant) {
  MessageData d;
  Limits limits;
  limits.max_parts = 1;
  MessageBudget budget(limits, &d);
  EXPECT_EQ(budget.AddPart(Part{}), -1);  // nothing taken yet
  ASSERT_TRUE(budget.TakePart("body"));
  EXPECT_EQ(budget.AddPart(Part{}), 0);
  EXPECT_EQ(budget.AddPart(Part{}), -1);  // one grant, one part
  EXPECT_FALSE(budget.TakePart("attachment:x"));
  EXPECT_EQ(budget.AddPart(Part{}), -1);
  EXPECT_EQ(d.parts.size(), 1u);
  ASSERT_EQ(d.limit_hits.size(), 1u);
  EXPECT_EQ(d.limit_hits[0].limit, "parts");
}

TEST(MessageBudgetTest, SetsTheTopMessageFields) {
  MessageData d;
  Limits limits;
  MessageBudget budget(limits, &d);
  TopMessageFields f;
  f.headers.push_back(Header{"Subject", "hi"});
  f.from.push_back(Address{"A", "a@example.org"});
  f.subject = "hi";
  f.message_id = "id@example.org";
  f.date = "Mon, 1 Jan 2024 00:00:00 +0000";
  budget.SetTopMessage(f);
  ASSERT_EQ(d.headers.size(), 1u);
  EXPECT_EQ(d.headers[0].value, "hi");
  ASSERT_EQ(d.from.size(), 1u);
  EXPECT_EQ(d.from[0].address, "a@example.org");
  EXPECT_EQ(d.subject, "hi");
  EXPECT_EQ(d.message_id, "id@example.org");
  EXPECT_EQ(d.date, "Mon, 1 Jan 2024 00:00:00 +0000");
}

TEST(BudgetTest, CountsOcrPagesAndTime) {
  MessageData d;
  Limits limits;
  limits.ocr_pages = 2;
  limits.ocr_time = std::chrono::milliseconds(1000);
  Budget budget(limits, &d);
  EXPECT_TRUE(budget.TakeOcrPage());
  EXPECT_TRUE(budget.TakeOcrPage());
  EXPECT_FALSE(budget.TakeOcrPage());
  const auto now = std::chrono::steady_clock::now();
  EXPECT_GT(budget.OcrDeadline(), now + std::chrono::milliseconds(900));
  budget.SpendOcrTime(std::chrono::milliseconds(600));
  EXPECT_LT(budget.OcrDeadline(), now + std::chrono::milliseconds(500));
  budget.SpendOcrTime(std::chrono::milliseconds(600));
  EXPECT_EQ(budget.OcrTimeLeft(), std::chrono::steady_clock::duration::zero());
  const auto deadline = budget.OcrDeadline();
  EXPECT_LE(deadline, std::chrono::steady_clock::now());
  EXPECT_TRUE(d.limit_hits.empty());
}

TEST(BudgetTest, OcrStopsWithTheMessagesTime) {
  MessageData d;
  Limits limits;
  limits.max_time = std::chrono::milliseconds(100);
  Budget budget(limits, &d);
  EXPECT_LT(budget.OcrDeadline(),
            std::chrono::steady_clock::now() + std::chrono::milliseconds(200));
}

}  // namespace
}  // namespace sendguard
