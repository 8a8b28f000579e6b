#include "recipients/skeleton.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(SkeletonTest, LookalikesShareASkeleton) {
  EXPECT_EQ(Skeleton("arrny"), Skeleton("army"));
  EXPECT_EQ(Skeleton("g00gle"), Skeleton("google"));
  EXPECT_EQ(Skeleton("paypa1"), Skeleton("paypal"));
  EXPECT_EQ(Skeleton("\xD1\x80"
                     "aypal"),
            Skeleton("paypal"));                                // Cyrillic р looks like p
  EXPECT_EQ(Skeleton("a\xC9\xBEm\xC9\x8F"), Skeleton("army"));  // aɾmɏ
  EXPECT_EQ(Skeleton("ARMY"), Skeleton("army"));
  EXPECT_NE(Skeleton("navy"), Skeleton("army"));
}

TEST(SkeletonTest, MixedScripts) {
  EXPECT_TRUE(HasMixedScriptLabel("\xD0\xB0rmy.mil"));  // Cyrillic а + Latin
  EXPECT_FALSE(HasMixedScriptLabel("army.mil"));
  EXPECT_FALSE(
      HasMixedScriptLabel("\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84"));
}

}  // namespace
}  // namespace sendguard
