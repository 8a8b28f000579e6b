#include "contacts/message_groups.h"

#include <gtest/gtest.h>

#include "contacts/sender_contacts.h"

namespace sendguard {
namespace {

using Handed = std::vector<std::pair<std::string, std::vector<std::string>>>;

TEST(MessageGroupsTest, InterleavedDeliveriesArePutBackTogether) {
  Handed out;
  {
    MessageGroups g(
        [&](const std::string& s, const std::vector<std::string>& r) { out.emplace_back(s, r); });
    g.Add("AAA", "ann@own.mil", "a@p.com");
    g.Add("BBB", "bob@own.mil", "x@p.com");
    g.Add("AAA", "ann@own.mil", "b@p.com");
    g.Add("", "ann@own.mil", "c@p.com");  // no message id: nothing to join on
    g.Finish();
    EXPECT_EQ(out.size(), 2u);
    g.Finish();  // nothing twice
  }
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], (Handed::value_type{"ann@own.mil", {"a@p.com", "b@p.com"}}));
  EXPECT_EQ(out[1], (Handed::value_type{"bob@own.mil", {"x@p.com"}}));
}

TEST(MessageGroupsTest, HoldsAtMostItsBoundOldestFirst) {
  Handed out;
  MessageGroups g(
      [&](const std::string& s, const std::vector<std::string>& r) { out.emplace_back(s, r); }, 2);
  g.Add("1", "a@o", "x@p");
  g.Add("2", "a@o", "y@p");
  EXPECT_TRUE(out.empty());
  g.Add("3", "a@o", "z@p");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].second, std::vector<std::string>{"x@p"});
  for (std::size_t i = 0; i < kMaxGroup + 10; ++i) g.Add("2", "a@o", "r" + std::to_string(i));
  g.Finish();
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].second.size(), kMaxGroup + 1);  // too many to be a group; not grown further
}

}  // namespace
}  // namespace sendguard
