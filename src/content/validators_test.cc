#include "content/validators.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(ValidatorsTest, Luhn) {
  EXPECT_TRUE(LuhnValid("4111111111111111"));
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_FALSE(LuhnValid("79927398710"));
  EXPECT_FALSE(LuhnValid("4111-1111"));
  EXPECT_FALSE(LuhnValid("0"));
}

TEST(ValidatorsTest, CardSchemes) {
  EXPECT_EQ(CardScheme("4111111111111111"), "visa");
  EXPECT_EQ(CardScheme("4222222222222"), "visa");
  EXPECT_EQ(CardScheme("411111111111111"), "");  // Visa has no 15-digit numbers
  EXPECT_EQ(CardScheme("5555555555554444"), "mastercard");
  EXPECT_EQ(CardScheme("2720990000000007"), "mastercard");
  EXPECT_EQ(CardScheme("2721000000000000"), "");
  EXPECT_EQ(CardScheme("378282246310005"), "amex");
  EXPECT_EQ(CardScheme("6011000990139424"), "discover");
  EXPECT_EQ(CardScheme("3566002020360505"), "jcb");
  EXPECT_EQ(CardScheme("36227206271667"), "diners");
  EXPECT_EQ(CardScheme("6200000000000005"), "unionpay");
  EXPECT_EQ(CardScheme("213152655429720"), "jcb");  // legacy 15 digits
  EXPECT_EQ(CardScheme("180010624553211"), "jcb");
  EXPECT_EQ(CardScheme("2131526554297209"), "");
  EXPECT_EQ(CardScheme("501836274990"), "maestro");  // 12 digits
  EXPECT_EQ(CardScheme("6304237363661296258"), "maestro");
  EXPECT_EQ(CardScheme("5019388613427191"), "dankort");
  EXPECT_EQ(CardScheme("122082911253335"), "uatp");
  EXPECT_EQ(CardScheme("1220829112533"), "");
  EXPECT_EQ(CardScheme("9780306406157"), "");  // an ISBN
}

TEST(ValidatorsTest, Iban) {
  EXPECT_TRUE(IbanValid("GB82WEST12345698765432"));
  EXPECT_TRUE(IbanValid("DE89370400440532013000"));
  EXPECT_TRUE(IbanValid("FR1420041010050500013M02606"));
  EXPECT_TRUE(IbanValid("NO9386011117947"));
  EXPECT_FALSE(IbanValid("GB82WEST12345698765433"));  // check digits
  EXPECT_FALSE(IbanValid("GB82WEST1234569876543"));   // length for GB
  EXPECT_FALSE(IbanValid("XX82WEST12345698765432"));  // country
  EXPECT_FALSE(IbanValid("gb82west12345698765432"));  // lower case
  EXPECT_TRUE(Mod97Valid("GB82 WEST 1234 5698 7654 32"));
}

TEST(ValidatorsTest, AbaRouting) {
  EXPECT_TRUE(AbaValid("021000021"));
  EXPECT_TRUE(AbaValid("011000015"));
  EXPECT_FALSE(AbaValid("021000022"));
  EXPECT_FALSE(AbaValid("131000021"));  // checksum holds, prefix 13 is not a Fed district
  EXPECT_FALSE(AbaValid("02100002"));
}

TEST(ValidatorsTest, Ssn) {
  EXPECT_TRUE(SsnValid("123456780"));
  EXPECT_FALSE(SsnValid("000456780"));
  EXPECT_FALSE(SsnValid("666456780"));
  EXPECT_FALSE(SsnValid("912456780"));
  EXPECT_FALSE(SsnValid("123006780"));
  EXPECT_FALSE(SsnValid("123450000"));
  EXPECT_FALSE(SsnValid("078051120"));
}

TEST(ValidatorsTest, Mgrs) {
  EXPECT_TRUE(MgrsValid("18SUJ2348006470"));
  EXPECT_TRUE(MgrsValid("4QFJ12345678"));
  EXPECT_FALSE(MgrsValid("18SUJ234800647"));   // odd digits
  EXPECT_FALSE(MgrsValid("61SUJ23480647"));    // zone
  EXPECT_FALSE(MgrsValid("18AUJ2348006470"));  // band A is polar (UPS)
  EXPECT_FALSE(MgrsValid("18SUW2348006470"));  // row letter past V
}

TEST(ValidatorsTest, ByName) {
  EXPECT_TRUE(ValidatorByName("luhn")("4111-1111-1111-1111"));
  EXPECT_FALSE(ValidatorByName("luhn")("4111-1111-1111-1112"));
  EXPECT_TRUE(ValidatorByName("iban")("GB82 WEST 1234 5698 7654 32"));
  EXPECT_EQ(ValidatorByName("crc"), nullptr);
}

}  // namespace
}  // namespace sendguard
