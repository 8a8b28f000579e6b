#include "recipients/two_slip_index.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sendguard {
namespace {

std::vector<std::string> Found(const TwoSlipIndex& index, std::string_view label,
                               std::string_view suffix) {
  std::vector<std::string> out;
  for (const TwoSlipIndex::Match& m : index.Find(label, suffix))
    out.push_back(m.target->label + "/" + std::to_string(m.distance));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TwoSlipIndexTest, FindsLabelsTwoSlipsOfAnyKindAway) {
  TwoSlipIndex index({{"blackberry", "com.bd", 5000}, {"educationboardresults", "gov.bd", 900}},
                     16);
  using V = std::vector<std::string>;
  EXPECT_EQ(Found(index, "blackbelly", "com.bd"), V{"blackberry/2"});  // two replacements
  EXPECT_EQ(Found(index, "educatinboardresult", "gov.bd"),
            V{"educationboardresults/2"});                               // two omissions
  EXPECT_EQ(Found(index, "blackberryyy", "com.bd"), V{"blackberry/2"});  // two insertions
  EXPECT_EQ(Found(index, "blackbreryy", "com.bd"),
            V{"blackberry/2"});  // transposition, replacement
  EXPECT_EQ(Found(index, "educationboradresult", "gov.bd"), V{"educationboardresults/2"});
  EXPECT_EQ(Found(index, "blackberri", "com.bd"), V{"blackberry/1"});
  EXPECT_TRUE(Found(index, "blackberry", "com.bd").empty());         // the target itself
  EXPECT_TRUE(Found(index, "blockbully", "com.bd").empty());         // three slips
  EXPECT_EQ(Found(index, "blackbry", "com.bd"), V{"blackberry/2"});  // two omissions
  EXPECT_TRUE(Found(index, "blakbe", "com.bd").empty());             // too short to search
  EXPECT_TRUE(Found(index, "blackbelly", "com").empty());            // another suffix
  EXPECT_TRUE(Found(index, "xlackberrx", "com.bd").empty());         // both ends changed
}

TEST(TwoSlipIndexTest, KeepsOnlyTheBusiestLongLabels) {
  TwoSlipIndex index({{"quietcompany", "com", 10},
                      {"busycompanys", "com", 900},
                      {"army", "mil", 9000},
                      {"busiercompany", "com", 5000}},
                     2);
  EXPECT_EQ(index.size(), 2u);  // "army" is too short; quietcompany the least busy
  EXPECT_TRUE(index.Find("quitecompaly", "com").empty());
  EXPECT_FALSE(index.Find("busycompannys", "com").empty());
  EXPECT_FALSE(index.Find("busiercompamy", "com").empty());
  EXPECT_TRUE(TwoSlipIndex({}, 10).Find("anything-at-all", "com").empty());
}

}  // namespace
}  // namespace sendguard
