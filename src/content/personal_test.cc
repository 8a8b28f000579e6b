#include <gtest/gtest.h>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

TEST(SsnTest, FormattedNumbers) {
  EXPECT_EQ(Detect("us-ssn", "SSN: 123-45-6780"), kHigh);
  EXPECT_EQ(Detect("us-ssn", "Social Security number 219-09-9990 on file"), kHigh);
  EXPECT_EQ(Detect("us-ssn", "ref 123-45-6780"), kMedium);
  EXPECT_EQ(Detect("us-ssn", "ref 123 45 6780"), kMedium);
  EXPECT_EQ(Detect("us-ssn", "ref 30 123 45 6780"), kLow);  // groups that go on
  EXPECT_EQ(Detect("us-ssn", "ref 123 45 6780 12"), kLow);
  EXPECT_EQ(Findings("SSN: 123-45-6780")["us-ssn"].sample, "***-**-6780");
}

TEST(SsnTest, DottedNumbers) {
  EXPECT_EQ(Detect("us-ssn", "SSN: 123.45.6780"), kHigh);
  EXPECT_EQ(Detect("us-ssn", "ref 219.09.9990"), kMedium);
  EXPECT_EQ(Findings("SSN 123.45.6780")["us-ssn"].sample, "***.**.6780");
  for (const char* text : {
           "SSN 123.45-6780",    // mixed separators
           "SSN 000.12.3456",    // invalid area
           "ref 1.123.45.6780",  // part of a longer dotted number
           "ref 123.45.6780.12",
           "ref 123-45-6780-12",  // the same with hyphens
       }) {
    EXPECT_EQ(Detect("us-ssn", text), std::nullopt) << text;
  }
}

TEST(SsnTest, BareDigitsNeedTheWords) {
  EXPECT_EQ(Detect("us-ssn", "SSN 123456780"), kMedium);
  EXPECT_EQ(Detect("us-ssn", "ref 123456780"), std::nullopt);
}

TEST(SsnTest, InvalidAreasGroupsSerialsAndPublishedNumbers) {
  for (const char* text : {
           "SSN 000-12-3456", "SSN 666-12-3456", "SSN 900-12-3456", "SSN 999-12-3456",
           "SSN 123-00-4567", "SSN 123-45-0000",
           "SSN 078-05-1120",  // the Woolworth wallet card
           "SSN 123-45-6789",  // the example everyone uses
       }) {
    EXPECT_EQ(Detect("us-ssn", text), std::nullopt) << text;
  }
}

TEST(SsnTest, PhoneNumbersAreNotSsns) {
  EXPECT_EQ(Detect("us-ssn", "Call 202-555-0143 or (202) 555-0143"), std::nullopt);
  EXPECT_EQ(Detect("us-ssn", "phone 212-55-1234"), kLow);  // the shape, but phone words
}

TEST(DodIdTest, NeedsDodIdWords) {
  EXPECT_EQ(Detect("dod-id", "DoD ID: 1234567890"), kHigh);
  EXPECT_EQ(Detect("dod-id", "EDIPI 1234567890"), kHigh);
  EXPECT_EQ(Detect("dod-id", "CAC number 1234567890"), kMedium);
  EXPECT_EQ(Findings("EDIPI 1234567890")["dod-id"].sample, "*******890");
  EXPECT_EQ(Detect("dod-id", "Invoice 1234567890 is due"), std::nullopt);
  EXPECT_EQ(Detect("dod-id", "1234567890"), std::nullopt);
}

TEST(PassportTest, NeedsPassportWords) {
  EXPECT_EQ(Detect("us-passport", "Passport number: 123456780"), kHigh);
  EXPECT_EQ(Detect("us-passport", "her passport is C03005988"), kMedium);
  EXPECT_EQ(Detect("us-passport", "Ticket C03005988"), std::nullopt);
  EXPECT_EQ(Detect("us-passport", "123456780"), std::nullopt);
}

}  // namespace
}  // namespace sendguard::testing
