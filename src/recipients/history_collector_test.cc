#include "recipients/history_collector.h"

#include <gtest/gtest.h>

#include <map>

namespace sendguard {
namespace {

std::map<std::string, std::uint64_t> AsMap(const HistoryCollector& c) {
  auto v = c.Counts();
  return {v.begin(), v.end()};
}

TEST(HistoryCollectorTest, CountsEachMessageOncePerDomainAndAddress) {
  HistoryCollector c;
  c.AddRecipient("Q1", "a@army.mil");
  c.AddRecipient("Q1", "b@army.mil");
  c.AddRecipient("Q1", "a@army.mil");  // a retry logged again
  c.AddRecipient("Q2", "A@Army.MIL");
  auto m = AsMap(c);
  EXPECT_EQ(c.messages(), 2u);
  EXPECT_EQ(m["army.mil"], 2u);
  EXPECT_EQ(m["a@army.mil"], 2u);
  EXPECT_EQ(m["b@army.mil"], 1u);
}

TEST(HistoryCollectorTest, MessagesFromMailboxes) {
  HistoryCollector c;
  c.AddMessage({"a@navy.mil", "b@navy.mil", "c@army.mil", "nonsense"});
  auto m = AsMap(c);
  EXPECT_EQ(m["navy.mil"], 1u);
  EXPECT_EQ(m["army.mil"], 1u);
  EXPECT_EQ(m.count("nonsense"), 0u);
}

}  // namespace
}  // namespace sendguard
