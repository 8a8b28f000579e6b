#include "content/mask.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(MaskTest, KeepsEndsAndSeparators) {
  EXPECT_EQ(MaskValue("4111 1111 1111 1111", 4, 4), "4111 **** **** 1111");
  EXPECT_EQ(MaskValue("123-45-6789", 0, 4), "***-**-6789");
  EXPECT_EQ(MaskValue("AKIAZ7XQW3RTY5UIOP2A", 4, 0), "AKIA****************");
}

TEST(MaskTest, NeverShowsMoreThanHalf) {
  EXPECT_EQ(MaskValue("12345", 4, 4), "1***5");
  EXPECT_EQ(MaskValue("ab", 4, 4), "*b");
  EXPECT_EQ(MaskValue("", 4, 4), "");
}

TEST(MaskTest, HidesNonAsciiBytes) { EXPECT_EQ(MaskValue("p\xC3\xA4ss", 0, 0), "*****"); }

}  // namespace
}  // namespace sendguard
