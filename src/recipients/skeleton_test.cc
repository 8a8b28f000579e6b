#include "recipients/skeleton.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

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

TEST(SkeletonTest, ThreadsShareTheIcuObjectsAndGetTheSameAnswers) {
  // The checker is shared and the transliterators are lent one at a time:
  // threads at once must see what one thread sees.
  const std::string folded = Skeleton("a\xC9\xBEm\xC9\x8F");  // aɾmɏ
  const std::string cyrillic = Skeleton(
      "\xD1\x80"
      "aypal");
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        if (Skeleton("a\xC9\xBEm\xC9\x8F") != folded ||
            Skeleton("\xD1\x80"
                     "aypal") != cyrillic ||
            !HasMixedScriptLabel("\xD0\xB0rmy.mil") || HasMixedScriptLabel("army.mil")) {
          wrong.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(folded, Skeleton("army"));
}

}  // namespace
}  // namespace sendguard
