#include "recipients/edit_kind.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

EditKind KindOf(std::string_view intended, std::string_view typed) {
  std::optional<Edit> e = ClassifyEdit(intended, typed);
  EXPECT_TRUE(e.has_value()) << intended << " / " << typed;
  return e ? e->kind : EditKind::kReplacement;
}

TEST(EditKindTest, ClassifiesTypingSlips) {
  EXPECT_EQ(KindOf("army", "amy"), EditKind::kOmission);
  EXPECT_EQ(KindOf("army", "armmy"), EditKind::kRepetition);
  EXPECT_EQ(KindOf("army", "arzmy"), EditKind::kInsertion);
  EXPECT_EQ(KindOf("army", "ar-my"), EditKind::kHyphenation);
  EXPECT_EQ(KindOf("my-unit", "myunit"), EditKind::kHyphenation);
  EXPECT_EQ(KindOf("army", "amry"), EditKind::kTransposition);
  EXPECT_EQ(KindOf("army", "arny"), EditKind::kKeyboard);
  EXPECT_EQ(KindOf("navy", "novy"), EditKind::kVowelSwap);
  EXPECT_EQ(KindOf("army", "crmy"), EditKind::kBitFlip);  // a=0x61, c=0x63
  EXPECT_EQ(KindOf("army", "aqmy"), EditKind::kReplacement);
  EXPECT_EQ(KindOf("mil", "ml"), EditKind::kOmission);
}

TEST(EditKindTest, NotOneEdit) {
  EXPECT_FALSE(ClassifyEdit("army", "army").has_value());
  EXPECT_FALSE(ClassifyEdit("army", "navy").has_value());
  EXPECT_FALSE(ClassifyEdit("army", "ar").has_value());
  EXPECT_FALSE(ClassifyEdit("abcd", "badc").has_value());
}

TEST(EditKindTest, BoundedDistance) {
  EXPECT_EQ(BoundedEditDistance("army", "amry", 2), 1);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 1), 2);
  EXPECT_EQ(BoundedEditDistance("", "abc", 5), 3);
}

}  // namespace
}  // namespace sendguard
