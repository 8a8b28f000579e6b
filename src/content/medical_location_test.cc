#include <gtest/gtest.h>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

TEST(Icd10Test, CodesWithMedicalContext) {
  EXPECT_EQ(Detect("icd10", "ICD-10 code F32.A noted"), kHigh);
  EXPECT_EQ(Detect("icd10", "Diagnosis: E11.9, type 2 diabetes"), kMedium);
  EXPECT_EQ(Detect("icd10", "patient diagnosed with J45.909 last spring"), kMedium);
  EXPECT_EQ(Detect("icd10", "dx code S72.001A"), kHigh);
  EXPECT_EQ(Detect("icd10", "ICD10: F41"), kMedium);
  EXPECT_EQ(Findings("Diagnosis: E11.9")["icd10"].sample, "E**.*");
}

TEST(Icd10Test, LookalikesWithoutMedicalContext) {
  for (const char* text : {
           "E11.9",                                // no context
           "The F16 and B52 aircraft flew over.",  // aircraft
           "A10 Warthog crews in room B12 on the A4 paper",
           "vitamin B12 and D3 supplements at the clinic",  // vitamins: false positive words
           "Take route I95 to exit N12",
       }) {
    EXPECT_EQ(Detect("icd10", text), std::nullopt) << text;
  }
}

TEST(MgrsTest, GridReferences) {
  EXPECT_EQ(Detect("mgrs", "at 18SUJ2348006470 tomorrow"), kMedium);
  EXPECT_EQ(Detect("mgrs", "Grid 18S UJ 23480 06470"), kHigh);
  EXPECT_EQ(Detect("mgrs", "LZ at 4QFJ1234567890"), kHigh);
  EXPECT_EQ(Detect("mgrs", "near 18SUJ2306"), kLow);
  EXPECT_EQ(Findings("18S UJ 23480 06470")["mgrs"].sample, "18S UJ ***** *****");
}

TEST(MgrsTest, NearMisses) {
  for (const char* text : {
           "18S UJ 2348 06470",  // easting and northing of different precision
           "18SUJ2348064",       // odd number of digits
           "61X AB 1234 5678",   // zone 61
           "18I UJ 1234 5678",   // band I does not exist
           "4GB RAM, 16GB SSD",  // sizes
           "Model 12AB 3456",    // band letter B is not a band
       }) {
    EXPECT_EQ(Detect("mgrs", text), std::nullopt) << text;
  }
}

TEST(LatLongTest, Coordinates) {
  EXPECT_EQ(Detect("lat-long", "meet at 38.8977, -77.0365"), kMedium);
  EXPECT_EQ(Detect("lat-long", "GPS 38.8977, -77.0365"), kHigh);
  EXPECT_EQ(Detect("lat-long", "38.8977\xC2\xB0 N, 77.0365\xC2\xB0 W"), kHigh);
  EXPECT_EQ(Detect("lat-long",
                   "38\xC2\xB0"
                   "53'51.6\"N 77\xC2\xB0"
                   "2'11.4\"W"),
            kHigh);
  EXPECT_EQ(Detect("lat-long", "38.897, -77.036"), kLow);
  EXPECT_EQ(Findings("38.8977, -77.0365")["lat-long"].sample, "38.****, -**.****");
}

TEST(LatLongTest, NearMisses) {
  for (const char* text : {
           "version 1.2.3, 4.5.6",
           "95.1234, 20.5678",   // latitude above 90
           "45.1234, 200.5678",  // longitude above 180
           "3.14, 2.71",         // two decimals are just numbers
           "38\xC2\xB0"
           "75'00\"N 77\xC2\xB0"
           "2'11\"W",  // 75 minutes
       }) {
    EXPECT_EQ(Detect("lat-long", text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace sendguard::testing
