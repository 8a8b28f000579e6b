#include "recipients/confusables_extra.h"

#include <gtest/gtest.h>

#include <string>

namespace sendguard {
namespace {

TEST(ConfusablesExtraTest, MapsLowerAndUpperCaseToTheAsciiTheyImitate) {
  EXPECT_EQ(ExtraConfusable(U'ш'), "w");
  EXPECT_EQ(ExtraConfusable(U'Ш'), "w");  // looked up by its lower-case form
  EXPECT_EQ(ExtraConfusable(U'æ'), "ae");
  EXPECT_EQ(ExtraConfusable(U'Æ'), "ae");
  EXPECT_EQ(ExtraConfusable(U'২'), "2");
  EXPECT_EQ(ExtraConfusable(U'七'), "t");
  EXPECT_EQ(ExtraConfusable(U'a'), "");  // ASCII is never mapped
  EXPECT_EQ(ExtraConfusable(U'ж'), "");  // no lookalike
  EXPECT_EQ(ExtraConfusable(U'本'), "");
}

TEST(ConfusablesExtraTest, EveryMappingIsLowerCaseAsciiSoMappingTwiceChangesNothing) {
  int mapped = 0;
  for (char32_t c = 0x80; c < 0x30000; ++c) {
    std::string_view to = ExtraConfusable(c);
    if (to.empty()) continue;
    ++mapped;
    for (char ch : to) {
      EXPECT_TRUE((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')
          << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_EQ(MapExtraConfusables(to), to);
  }
  EXPECT_GE(mapped, 100);
}

TEST(ConfusablesExtraTest, MapsInsideTextAndCopiesTheRest) {
  EXPECT_EQ(MapExtraConfusables("\xD1\x88ikipedia"), "wikipedia");  // шikipedia
  EXPECT_EQ(MapExtraConfusables("caf\xC3\xA9"), "caf\xC3\xA9");     // é is folded elsewhere
  EXPECT_EQ(MapExtraConfusables("a\xFF\xD1"), "a\xFF\xD1");         // invalid bytes copied
  EXPECT_EQ(MapExtraConfusables(""), "");
}

TEST(ConfusablesExtraTest, DigitLookalikesAreThoseReadAsADigit) {
  EXPECT_TRUE(IsDigitLookalike(U'২'));   // Bengali two
  EXPECT_TRUE(IsDigitLookalike(U'੪'));   // Gurmukhi four, read as 8
  EXPECT_TRUE(IsDigitLookalike(U'з'));   // Cyrillic ze, read as 3
  EXPECT_FALSE(IsDigitLookalike(U'০'));  // Bengali zero reads as o
  EXPECT_FALSE(IsDigitLookalike(U'5'));  // an ASCII digit is no lookalike
  EXPECT_FALSE(IsDigitLookalike(U'ш'));
}

}  // namespace
}  // namespace sendguard
