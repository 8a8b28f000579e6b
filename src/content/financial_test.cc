#include <gtest/gtest.h>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

TEST(CreditCardTest, ValidNumbersOfEachScheme) {
  for (const char* number : {
           "4111111111111111",     // Visa
           "4111 1111 1111 1111",  // Visa, grouped
           "4012-8888-8888-1881",  // Visa, dashes
           "5555555555554444",     // Mastercard
           "2223000048400011",     // Mastercard 2-series
           "3782 822463 10005",    // American Express 4-6-5
           "6011111111111117",     // Discover
           "3530111333300000",     // JCB
           "30569309025904",       // Diners
       }) {
    EXPECT_EQ(Detect("credit-card", std::string("Ref ") + number + " thanks"), kMedium) << number;
  }
}

TEST(CreditCardTest, LegacyAndShortSchemes) {
  for (const char* number : {
           "213152655429720",      // JCB, legacy 15 digits (2131)
           "180010624553211",      // JCB, legacy 15 digits (1800)
           "501836274990",         // Maestro, 12 digits
           "5018 3627 4990",       // Maestro, 12 digits grouped
           "6759134470363",        // Maestro, 13 digits
           "6304237363661296258",  // Maestro, 19 digits
           "5019388613427191",     // Dankort
           "122082911253335",      // UATP
       }) {
    EXPECT_EQ(Detect("credit-card", std::string("Ref ") + number + " thanks"), kMedium) << number;
  }
  for (const char* number : {
           "213152655429721",   // fails Luhn
           "2131526554297209",  // the legacy JCB range has 15 digits only
           "601836274993",      // 12 digits outside Maestro's ranges
           "122082911253",      // UATP has 15 digits
       }) {
    EXPECT_EQ(Detect("credit-card", std::string("Ref ") + number + " thanks"), std::nullopt)
        << number;
  }
}

TEST(CreditCardTest, SeveralNumbersOnOneLine) {
  struct Case {
    const char* text;
    int count;
  };
  for (const Case& c : {
           Case{"cards 4532803406699278 4532-8034-0669-9278 4532 8034 0669 9278", 3},
           Case{"cards 4532803406699278 5425001943548127", 2},
           Case{"cards 4532-8034-0669-9278 5425 0019 4354 8127", 2},
           Case{"cards 4532 8034 0669 9278, 5425-0019-4354-8127.", 2},
       }) {
    auto f = Findings(c.text);
    ASSERT_TRUE(f.count("credit-card")) << c.text;
    EXPECT_EQ(f["credit-card"].count, c.count) << c.text;
  }
  // Still one longer number, not a card followed by something.
  for (const char* text : {
           "4532 8034 0669 9278 2222",  // a fifth group with the same separator
           "4532-8034-0669-9278-12",    // the same, with hyphens
           "4532803406699278 77",       // a short group after bare digits
           "1-4532-8034-0669-9278",     // a short group before
       }) {
    EXPECT_EQ(Detect("credit-card", text), std::nullopt) << text;
  }
}

TEST(CreditCardTest, CardWordsOrExpiryRaiseConfidence) {
  EXPECT_EQ(Detect("credit-card", "Visa 4111 1111 1111 1111"), kHigh);
  EXPECT_EQ(Detect("credit-card", "4111111111111111 exp 09/28"), kHigh);
  EXPECT_EQ(Detect("credit-card", "number 4111111111111111 valid 12/2027"), kHigh);
  EXPECT_EQ(Findings("Visa 4111 1111 1111 1111")["credit-card"].sample, "4111 **** **** 1111");
}

TEST(CreditCardTest, FalsePositiveWordsLowerIt) {
  EXPECT_EQ(Detect("credit-card", "tracking 4111111111111111"), kLow);
}

TEST(CreditCardTest, NearMisses) {
  for (const char* text : {
           "4111111111111112",             // fails Luhn
           "4111 1111 1111 1112",          // fails Luhn, grouped
           "ISBN 978-0-306-40615-7",       // ISBN-13 with hyphens
           "ISBN 9780306406157",           // ISBN-13 bare
           "1Z999AA10123456784",           // UPS tracking number
           "9400 1000 0000 0000 0000 00",  // USPS tracking number
           "Call +1 202-555-0143 today",   // phone number
           "4111-1111 1111-1111",          // mixed separators
           "4111 1111 1111 1111 2222",     // part of a longer grouped number
           "0000 0000 0000 0000",          // all one digit
           "1234567812345670",             // passes Luhn, no issuer range
           "version 4.1.1.1 build 1111",   // version string
       }) {
    EXPECT_EQ(Detect("credit-card", text), std::nullopt) << text;
  }
}

TEST(IbanTest, ValidIbans) {
  EXPECT_EQ(Detect("iban", "IBAN: GB82 WEST 1234 5698 7654 32"), kHigh);
  EXPECT_EQ(Detect("iban", "pay DE89370400440532013000 now"), kMedium);
  EXPECT_EQ(Detect("iban", "Bank account FR14 2004 1010 0505 0001 3M02 606"), kHigh);
  EXPECT_EQ(Findings("IBAN GB82WEST12345698765432")["iban"].sample, "GB82****************32");
}

TEST(IbanTest, LowerCaseAndHyphens) {
  EXPECT_EQ(Detect("iban", "IBAN: GB82-WEST-1234-5698-7654-32"), kHigh);
  EXPECT_EQ(Detect("iban", "pay DE89-3704-0044-0532-0130-00 now"), kMedium);
  EXPECT_EQ(Detect("iban", "iban gb82 west 1234 5698 7654 32"), kHigh);
  EXPECT_EQ(Detect("iban", "pay de89 3704 0044 0532 0130 00 now"), kMedium);
  EXPECT_EQ(Detect("iban", "pay de89-3704-0044-0532-0130-00 now"), kMedium);
  EXPECT_EQ(Detect("iban", "pay de89370400440532013000 now"), kMedium);
  EXPECT_EQ(Detect("iban", "account gb82west12345698765432"), kHigh);
  // Bare lower case with letters past the country is how ids are written:
  // only the banking words make it more than a mention.
  EXPECT_EQ(Detect("iban", "ref gb82west12345698765432"), kLow);
  EXPECT_EQ(Findings("IBAN gb82-west-1234-5698-7654-32")["iban"].sample,
            "gb82-****-****-****-****-32");
}

TEST(IbanTest, NearMisses) {
  for (const char* text : {
           "IBAN GB82 WEST 1234 5698 7654 33",  // check digits wrong
           "IBAN GB82 WEST 1234 5698 7654",     // too short for GB
           "IBAN QQ82 WEST 1234 5698 7654 32",  // no such country
           "DE89370400440532013001",            // mod 97 fails
           "IBAN GB82-WEST 1234-5698 7654-32",  // mixed separators
           "IBAN gb82 WEST 1234 5698 7654 32",  // mixed case
           "IBAN Gb82west12345698765432",       // mixed case, bare
           "IBAN de89 3704 0044 0532 0130 01",  // mod 97 fails, lower case
       }) {
    EXPECT_EQ(Detect("iban", text), std::nullopt) << text;
  }
}

TEST(AbaRoutingTest, NeedsBankingWords) {
  EXPECT_EQ(Detect("aba-routing", "Routing number: 021000021"), kHigh);
  EXPECT_EQ(Detect("aba-routing", "ABA 011000015 for the wire"), kHigh);
  EXPECT_EQ(Detect("aba-routing", "bank account 021000021"), kMedium);
  EXPECT_EQ(Findings("routing 021000021")["aba-routing"].sample, "*****0021");
  EXPECT_EQ(Detect("aba-routing", "Order 021000021 shipped"), std::nullopt);  // no bank words
  EXPECT_EQ(Detect("aba-routing", "routing 021000022"), std::nullopt);        // checksum
  EXPECT_EQ(Detect("aba-routing", "routing 131000021"), std::nullopt);        // prefix 13
}

TEST(AbaRoutingTest, TheChequeFormNeedsNoWords) {
  EXPECT_EQ(Detect("aba-routing", "use 0210-0002-1 for it"), kMedium);
  EXPECT_EQ(Detect("aba-routing", "Routing: 0210-0002-1"), kHigh);
  EXPECT_EQ(Findings("use 0210-0002-1")["aba-routing"].sample, "****-*002-1");
  for (const char* text : {
           "use 0210-0002-2 for it",    // checksum
           "use 1310-0002-1 for it",    // prefix 13
           "use 0210-0002-1-7 for it",  // part of a longer number
           "use 5-0210-0002-1 for it",
       }) {
    EXPECT_EQ(Detect("aba-routing", text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace sendguard::testing
