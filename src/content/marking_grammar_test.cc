#include "content/marking_grammar.h"

#include <gtest/gtest.h>

#include <string>

#include "content/classification_level.h"

namespace sendguard {
namespace {

struct Case {
  const char* marking;
  const char* level;  // "" for none
  MarkingShape shape;
};

TEST(MarkingGrammarTest, Shapes) {
  constexpr MarkingShape kReg = MarkingShape::kRegistered;
  constexpr MarkingShape kWell = MarkingShape::kWellFormed;
  constexpr MarkingShape kBad = MarkingShape::kMalformed;
  for (const Case& c : std::initializer_list<Case>{
           // Controls of every block of the register.
           {"TOP SECRET//SI-G ABCD//ORCON/NOFORN", "top-secret", kReg},
           {"SECRET//SAR-XYZ//NOFORN", "secret", kReg},
           {"SECRET//SPECIAL ACCESS REQUIRED-BP", "secret", kReg},
           {"SECRET//HVSACO", "secret", kReg},
           {"SECRET//RD-SG-14", "secret", kReg},
           {"TOP SECRET//DOD UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION", "top-secret", kReg},
           {"TS////NF", "top-secret", kReg},  // an empty block
           {"S//RS", "secret", kReg},
           {"//GBR S//REL TO USA, GBR", "secret", kReg},
           {"//JOINT S CAN, GBR, USA", "secret", kReg},
           {"SECRET//RD-N", "secret", kReg},
           {"SECRET//RD-SIGMA 20", "secret", kReg},
           {"SECRET//FRD-SIGMA 14", "secret", kReg},
           {"SECRET//FORMERLY RESTRICTED DATA-SIGMA 14", "secret", kReg},
           {"CONFIDENTIAL//DOD UCNI", "confidential", kReg},
           {"UNCLASSIFIED//DOE UCNI", "unclassified", kReg},
           {"S//DEA SENSITIVE", "secret", kReg},
           {"C//DS", "confidential", kReg},
           {"S//ACCM-GREENFIELD", "secret", kReg},
           {"C//NNPI", "confidential", kReg},
           {"S//EXDIS", "secret", kReg},
           {"SECRET//FGI DEU GBR//REL TO USA, DEU", "secret", kReg},
           // The RESTRICTED level.
           {"RESTRICTED//NOFORN", "restricted", kReg},
           {"R//OC", "restricted", kReg},
           // Non-US and JOINT markings.
           {"//NATO SECRET", "secret", kReg},
           {"//COSMIC TOP SECRET", "top-secret", kReg},
           {"//COSMIC TOP SECRET//ATOMAL", "top-secret", kReg},
           {"//JOINT SECRET CAN USA", "secret", kReg},
           {"//JOINT SECRET CAN USA//REL TO USA, CAN", "secret", kReg},
           {"//DEU SECRET", "secret", kReg},
           {"//GBR RESTRICTED", "restricted", kReg},
           {"//CAN RESTRICTED", "restricted", kReg},
           {"//NS", "secret", kReg},
           {"//XYZ CONFIDENTIAL", "confidential", kWell},
           // Unknown controls of the right shape.
           {"SECRET//ZEBRA", "secret", kWell},
           {"TOP SECRET//QX-ALPHA 7//ZZ", "top-secret", kWell},
           // Malformed.
           {"SECRET//212-09-4821", "secret", kBad},
           {"SECRET//A--B", "secret", kBad},
           {"SECRET//ZEBRA//", "secret", kBad},
           {"SECRET//ONE TWO THREE FOUR FIVE", "secret", kBad},
           {"//TODOS SECRET", "", kBad},
           {"//ABCD SECRET", "", kBad},
           {"//FIX S", "", kBad},
           {"//JOINT SECRET", "", kBad},
           {"//NATO", "", kBad},
       }) {
    const ParsedMarking p = ParseMarking(c.marking);
    EXPECT_EQ(ClassificationLevelName(p.rank), std::string_view(c.level)) << c.marking;
    if (p.rank != 0) {
      EXPECT_EQ(p.shape, c.shape) << c.marking;
    }
  }
}

TEST(MarkingGrammarTest, ARegisteredMarkingEndsAtItsLastControl) {
  const std::string m = "SECRET//NOFORN 212-09-4821 X";
  EXPECT_EQ(m.substr(0, ParseMarking(m).end), "SECRET//NOFORN");
  const std::string n = "//NATO SECRET MEETING AT NOON";
  EXPECT_EQ(n.substr(0, ParseMarking(n).end), "//NATO SECRET");
  EXPECT_EQ(ParseMarking("SECRET//ZEBRA").end, std::string_view("SECRET//ZEBRA").size());
}

TEST(MarkingGrammarTest, UnclassifiedControls) {
  EXPECT_TRUE(ParseMarking("UNCLASSIFIED//FOUO").unclassified_control);
  EXPECT_TRUE(ParseMarking("U//DOD UCNI").unclassified_control);
  EXPECT_TRUE(ParseMarking("U//ACCM-BLUEJAY").unclassified_control);
  EXPECT_TRUE(ParseMarking("U//RD-N").unclassified_control);  // AEA: a marking in error
  EXPECT_TRUE(ParseMarking("UNCLASSIFIED//DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION")
                  .unclassified_control);
  EXPECT_FALSE(ParseMarking("UNCLASSIFIED//REL TO USA, GBR").unclassified_control);
}

TEST(MarkingGrammarTest, LevelWords) {
  EXPECT_EQ(MarkingLevelRank("RESTRICTED"), ClassificationRank("restricted"));
  EXPECT_EQ(MarkingLevelRank("R"), ClassificationRank("restricted"));
  EXPECT_EQ(MarkingLevelRank("TS"), ClassificationRank("top-secret"));
  EXPECT_EQ(MarkingLevelRank("Secret"), 0);
  EXPECT_EQ(MarkingLevelRank("NATO SECRET"), 0);
}

}  // namespace
}  // namespace sendguard
