#include <gtest/gtest.h>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

constexpr const char* kMarking = "classification-marking";
constexpr const char* kCui = "cui-marking";

std::optional<std::string> LevelIn(std::string_view text) {
  auto f = Findings(text);
  auto it = f.find(kMarking);
  if (it == f.end()) return std::nullopt;
  return it->second.level;
}

TEST(ClassificationMarkingTest, BannersWithControlsAreHigh) {
  EXPECT_EQ(Detect(kMarking, "TOP SECRET//SI/TK//NOFORN\nThe plan follows.\n"), kHigh);
  EXPECT_EQ(LevelIn("TOP SECRET//SI/TK//NOFORN\n"), "top-secret");
  EXPECT_EQ(Detect(kMarking, "SECRET//REL TO USA, GBR\n"), kHigh);
  EXPECT_EQ(LevelIn("SECRET//REL TO USA, GBR\n"), "secret");
  EXPECT_EQ(Detect(kMarking, "CONFIDENTIAL//NOFORN\n"), kHigh);
  EXPECT_EQ(LevelIn("CONFIDENTIAL//NOFORN\n"), "confidential");
  EXPECT_EQ(Detect(kMarking, "  NATO SECRET  \n"), kMedium);
}

TEST(ClassificationMarkingTest, PortionMarks) {
  EXPECT_EQ(Detect(kMarking, "(S//NF) The convoy leaves at dawn."), kHigh);
  EXPECT_EQ(LevelIn("(S//NF) The convoy leaves at dawn."), "secret");
  EXPECT_EQ(Detect(kMarking, "(TS//SI-G//OC/NF) Source reporting."), kHigh);
  EXPECT_EQ(LevelIn("(TS//SI-G//OC/NF) Source reporting."), "top-secret");
  EXPECT_EQ(Detect(kMarking, "(S) The unit moves north.\n(U) Weather is fair.\n"), kMedium);
  auto f = Findings("(S//NF) one.\n(C//REL TO USA, AUS) two.\n(TS//NF) three.\n");
  ASSERT_TRUE(f.count(kMarking));
  EXPECT_EQ(f[kMarking].count, 3);
  EXPECT_EQ(f[kMarking].level, "top-secret");  // the highest seen
  EXPECT_EQ(f[kMarking].sample, "S//NF");
}

TEST(ClassificationMarkingTest, BareBannerLinesNeedTheAuthorityBlockForHigh) {
  EXPECT_EQ(Detect(kMarking, "SECRET\n\nMeeting notes\n"), kMedium);
  EXPECT_EQ(Detect(kMarking, "CONFIDENTIAL\nQ3 numbers attached\n"), kLow);
  EXPECT_EQ(Detect(kMarking,
                   "SECRET\nClassified By: J. Smith\nDerived From: SCG 12\n"
                   "Declassify On: 20501231\n"),
            kHigh);
}

TEST(ClassificationMarkingTest, LegacyFouoIsUnclassified) {
  EXPECT_EQ(Detect(kMarking, "UNCLASSIFIED//FOR OFFICIAL USE ONLY\n"), kHigh);
  EXPECT_EQ(LevelIn("UNCLASSIFIED//FOUO\n"), "unclassified");
  EXPECT_EQ(LevelIn("(U//FOUO) Travel plan."), "unclassified");
  EXPECT_EQ(Detect(kMarking, "Marked FOUO, do not forward."), kHigh);
}

TEST(ClassificationMarkingTest, OrdinaryProseIsNotAMarking) {
  for (const char* text : {
           "Grandma's top secret recipe for chili.",
           "TOP SECRET RECIPE FOR CHILI\n",
           "This email is confidential and may be privileged. If you are not the intended "
           "recipient, please delete it.",
           "CONFIDENTIAL: This message and any attachments are intended solely for the "
           "addressee.\n",
           "Our secret sauce is customer service. Secret Santa is on Friday.",
           "UNCLASSIFIED\n\nCafeteria menu\n",
           "UNCLASSIFIED//\n",
           "(C) Copyright 2024 Acme Corp. All rights reserved.\n",
           "See HTTPS://EXAMPLE.COM for S/MIME help; C://WINDOWS is a path.",
           "the item(s) listed; PERSON(S) named",
           "SECRET SANTA\n",
           "Top Secret Recipe\n",
           "TOP SECRET RECIPE\n",
           "(C) 2024 Acme Corp.\n",
           "CONFIDENTIAL: salary review\n",
           "R&D budget for Q3; R & D team\n",
           "S// see below\n",
           "S//\n",
           "DS\n",
           "The DS team and the DS-160 form.",
           "Keep out of the restricted area.\n",
           "RESTRICTED AREA\n",
           "https://EXAMPLE.COM//NATO SECRET",
           "// TODO SECRET rotation\n",
           "//FIX S\n//TODO C\n",
           "x = a//B; y = c//D;\n",
       }) {
    EXPECT_EQ(Detect(kMarking, text), std::nullopt) << text;
  }
}

struct Form {
  const char* text;
  std::optional<Confidence> confidence;
};

void ExpectForms(std::initializer_list<Form> forms) {
  for (const Form& f : forms) EXPECT_EQ(Detect(kMarking, f.text), f.confidence) << f.text;
}

TEST(ClassificationMarkingTest, NonUsAndJointMarkings) {
  ExpectForms({
      {"//NATO SECRET\nExercise plan.\n", kHigh},
      {"//COSMIC TOP SECRET\n", kHigh},
      {"//COSMIC TOP SECRET//ATOMAL\n", kHigh},
      {"//JOINT SECRET CAN USA\n", kHigh},
      {"//JOINT SECRET CAN USA//REL TO USA, CAN\n", kHigh},
      {"//DEU SECRET\n", kHigh},
      {"//GBR RESTRICTED\n", kHigh},
      {"//CAN RESTRICTED\n", kHigh},
      {"(//NS) The exercise begins Monday.", kHigh},
      {"(//DEU S) Liaison notes.", kHigh},
      {"//XYZ CONFIDENTIAL\n", kMedium},  // a trigraph not on our list
      {"//XYZ CONFIDENTIAL meeting moved", kLow},
      {"//JOINT SECRET\n", std::nullopt},  // JOINT needs its countries
      {"//ABCD SECRET\n", std::nullopt},
  });
  EXPECT_EQ(LevelIn("//COSMIC TOP SECRET\n"), "top-secret");
  EXPECT_EQ(LevelIn("//GBR RESTRICTED\n"), "restricted");
  EXPECT_EQ(Findings("//NATO SECRET MEETING TODAY\n")[kMarking].sample, "//NATO SECRET");
}

TEST(ClassificationMarkingTest, RestrictedLevel) {
  ExpectForms({
      {"RESTRICTED//NOFORN\n", kHigh},
      {"R//OC\n", kHigh},
      {"(R//REL TO USA, GBR) Logistics note.", kHigh},
      {"RESTRICTED\nMinutes of the meeting.\n", kLow},
      {"RESTRICTED\nMinutes of the meeting.\nRESTRICTED\n", kMedium},
      {"NATO RESTRICTED\n", kMedium},
      {"COSMIC TOP SECRET ATOMAL\n", kMedium},
      // "(R)" is the registered mark: a bare (R) portion is not one.
      {"(R) Acme is a registered trademark.\n", std::nullopt},
  });
  EXPECT_EQ(LevelIn("RESTRICTED//NOFORN\n"), "restricted");
}

TEST(ClassificationMarkingTest, ConfidentialBannerAtTopAndBottom) {
  ExpectForms({
      {"CONFIDENTIAL\n\nQ3 numbers attached.\n\nCONFIDENTIAL\n", kMedium},
      {"  CONFIDENTIAL \r\nBody\r\n  CONFIDENTIAL\r\n", kMedium},
      {"CONFIDENTIAL\n", kLow},
      {"CONFIDENTIAL\nQ3 numbers attached\n", kLow},
      {"Hello\nCONFIDENTIAL\nBody\nCONFIDENTIAL\nBye\n", kLow},  // not top and bottom
  });
}

TEST(ClassificationMarkingTest, ControlsOfTheRegister) {
  ExpectForms({
      {"SECRET//RD-N\n", kHigh},
      {"SECRET//RD-SIGMA 20\n", kHigh},
      {"SECRET//FORMERLY RESTRICTED DATA-SIGMA 14\n", kHigh},
      {"(S//FRD-SIGMA 14) Yield data.", kHigh},
      {"TOP SECRET//SPECIAL ACCESS REQUIRED-BP\n", kHigh},
      {"(S//SAR-XYZ) Program status.", kHigh},
      {"SECRET//DEA SENSITIVE\n", kHigh},
      {"(C//DS) Embassy cable.", kHigh},
      {"SECRET//ACCM-BLUEJAY\n", kHigh},
      {"UNCLASSIFIED//DOD UCNI\n", kHigh},
      {"(U//DOE UCNI) Site map.", kHigh},
      {"C//NNPI\n", kHigh},
      {"UNCLASSIFIED//DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION\n", kHigh},
      {"(U//RD) Test yields.", kHigh},  // AEA information is never unclassified
      {"(S////NF) An empty block.", kHigh},
      {"S////\n", std::nullopt},
      {"SECRET//EXDIS\n", kHigh},
      {"SECRET//HVSACO\n", kHigh},
      {"TOP SECRET//TALENT KEYHOLE\n", kHigh},
      {"(S//REL) Port schedule.", kHigh},
  });
}

TEST(ClassificationMarkingTest, WellFormedUnknownControlsAreMedium) {
  ExpectForms({
      {"SECRET//ZEBRA\nBody.\n", kMedium},
      {"TOP SECRET//QX-ALPHA 7//NEWCTL\n", kMedium},
      {"(S//ZEBRA) The plan.", kMedium},
      {"Please mark it SECRET//ZEBRA when done.", kLow},  // not a banner or portion
      {"SECRET//212-09-4821\n", std::nullopt},            // not a control's shape
      {"SECRET//A--B\n", kLow},
      {"SECRET//Q3 REPORT.DOC\n", kLow},
      {"SECRET//ZEBRA//\n", kLow},
      {"SECRET//ONE TWO THREE FOUR FIVE\n", kLow},
      {"UNCLASSIFIED//ZEBRA\n", std::nullopt},  // plainly unclassified
  });
}

TEST(CuiMarkingTest, Markings) {
  EXPECT_EQ(Detect(kCui, "CUI\n\nPersonnel roster attached.\n"), kHigh);
  EXPECT_EQ(Detect(kCui, "CUI//SP-PRVCY//NOFORN\n"), kHigh);
  EXPECT_EQ(Findings("CUI//SP-PRVCY//NOFORN\n")[kCui].sample, "CUI//SP-PRVCY//NOFORN");
  EXPECT_EQ(Detect(kCui, "(CUI) The roster is attached."), kHigh);
  EXPECT_EQ(Detect(kCui, "CONTROLLED UNCLASSIFIED INFORMATION\n"), kHigh);
  EXPECT_EQ(Detect(kCui, "Controlled by: DoD CIO\nCUI Category: PRVCY\nCUI\n"), kHigh);
}

TEST(CuiMarkingTest, PortionWithCategoryIsOneMatch) {
  auto f = Findings("(CUI//SP-PRVCY) The roster is attached.");
  ASSERT_TRUE(f.count(kCui));
  EXPECT_EQ(f[kCui].count, 1);
  EXPECT_EQ(f[kCui].confidence, kHigh);
  EXPECT_FALSE(f[kCui].sample.empty());
}

TEST(MarkingSampleTest, WhatFollowsAMarkingIsNotShown) {
  auto f = Findings("CUI//SP-PRVCY SSN 212-09-4821 JOHN DOE\nSECRET//NOFORN 212-09-4821 X\n");
  EXPECT_EQ(f[kCui].sample, "CUI//SP-PRVCY");
  EXPECT_EQ(f[kMarking].sample, "SECRET//NOFORN");
  EXPECT_EQ(f[kMarking].confidence, kHigh);
}

TEST(CuiMarkingTest, TalkAboutCuiIsLow) {
  EXPECT_EQ(Detect(kCui, "Annual training on controlled unclassified information is due."), kLow);
  EXPECT_EQ(Detect(kCui, "The CUI program office meets on Tuesday."), kLow);
  for (const char* text : {"biscuit cuisine CUIT", "cui bono", "Cuisine and biscuits"}) {
    EXPECT_EQ(Detect(kCui, text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace sendguard::testing
