#include "mail/header_value.h"

#include <gtest/gtest.h>

#include "mail/base64.h"

namespace sendguard {
namespace {

TEST(HeaderValueTest, LineBreaksAndTabsBecomeSpaces) {
  EXPECT_EQ(OneHeaderLine("a\r\nBcc: x@y\tz"), "a  Bcc: x@y z");
  EXPECT_EQ(OneHeaderLine(""), "");
}

TEST(HeaderValueTest, AsciiStaysAsItIs) {
  EXPECT_EQ(EncodeHeaderValue("Travel plan"), "Travel plan");
  EXPECT_EQ(EncodeHeaderValue("two\nlines"), "two lines");
}

TEST(HeaderValueTest, NonAsciiIsOneUnfoldedEncodedWord) {
  const std::string subject = "R\xc3\xa9union " + std::string(200, 'x');
  const std::string encoded = EncodeHeaderValue(subject);
  ASSERT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_EQ(encoded.substr(encoded.size() - 2), "?=");
  EXPECT_EQ(encoded.find_first_of("\r\n "), std::string::npos);
  Base64Result decoded = DecodeBase64(encoded.substr(10, encoded.size() - 12));
  EXPECT_EQ(decoded.data, subject);
}

}  // namespace
}  // namespace sendguard
