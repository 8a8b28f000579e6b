#include "content/classification_level.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sendguard {
namespace {

TEST(ClassificationLevelTest, NamesAreInOrderOfSeverity) {
  std::vector<std::string_view> names(ClassificationLevelNames().begin(),
                                      ClassificationLevelNames().end());
  EXPECT_EQ(names, (std::vector<std::string_view>{"unclassified", "restricted", "confidential",
                                                  "secret", "top-secret"}));
}

TEST(ClassificationLevelTest, RanksAndNamesAreInverse) {
  for (int rank = 1; rank <= 5; ++rank) {
    EXPECT_EQ(ClassificationRank(ClassificationLevelName(rank)), rank);
  }
  EXPECT_EQ(ClassificationRank("unclassified"), 1);
  EXPECT_EQ(ClassificationRank("top-secret"), 5);
  EXPECT_LT(ClassificationRank("unclassified"), ClassificationRank("restricted"));
  EXPECT_LT(ClassificationRank("restricted"), ClassificationRank("confidential"));
}

TEST(ClassificationLevelTest, UnknownNamesAndRanks) {
  EXPECT_EQ(ClassificationRank("RESTRICTED"), 0);
  EXPECT_EQ(ClassificationRank(""), 0);
  EXPECT_EQ(ClassificationRank("SECRET"), 0);
  EXPECT_EQ(ClassificationLevelName(0), "");
  EXPECT_EQ(ClassificationLevelName(6), "");
  EXPECT_EQ(ClassificationLevelName(-1), "");
}

}  // namespace
}  // namespace sendguard
