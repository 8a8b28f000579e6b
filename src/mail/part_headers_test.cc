#include "mail/part_headers.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

std::string Param(std::string_view raw, std::string_view name) {
  const HeaderParams p = ParseHeaderParams(raw);
  const std::string* v = p.Get(name);
  return v == nullptr ? "<none>" : *v;
}

TEST(PartHeadersTest, TokenAndQuotedParameters) {
  const HeaderParams p =
      ParseHeaderParams(" Text/Plain;\r\n charset=\"utf-8\"; name=\"a;b \\\"c\\\".txt\"; x");
  EXPECT_EQ(p.token, "text/plain");
  EXPECT_EQ(Param(" Text/Plain; charset=\"utf-8\"", "charset"), "utf-8");
  ASSERT_NE(p.Get("name"), nullptr);
  EXPECT_EQ(*p.Get("name"), "a;b \"c\".txt");
  EXPECT_EQ(p.Get("x"), nullptr);
  EXPECT_EQ(ParseHeaderParams("text/html (a note); charset=x").token, "text/html");
  EXPECT_EQ(ParseHeaderParams("text/html charset=x").token, "text/html");
}

TEST(PartHeadersTest, Rfc2231) {
  EXPECT_EQ(Param("attachment; filename=a.bin; filename*=utf-8''r%C3%A9.txt", "filename"),
            "r\xC3\xA9.txt");
  EXPECT_EQ(Param("attachment; filename*=utf-8''b.txt; filename=a.bin", "filename"), "b.txt");
  EXPECT_EQ(Param("a; filename*2=c; filename*0*=iso-8859-1'en'%E9; filename*1=b", "filename"),
            "\xC3\xA9"
            "bc");
  EXPECT_EQ(Param("a; filename*=''x.zip", "filename"), "x.zip");
  EXPECT_EQ(Param("a; filename*=x%2Ezip", "filename"), "x.zip");  // no charset at all
  EXPECT_EQ(Param("a; filename*=utf-16''%00x", "filename"), "x");
  EXPECT_EQ(Param("a; filename*=utf-16''%FF%FEx%00", "filename"), "x");  // a BOM decides
}

TEST(PartHeadersTest, EncodedWords) {
  EXPECT_EQ(DecodeEncodedWords("=?utf-8?B?w6k=?= =?utf-8?Q?_x?= y"), "\xC3\xA9 x y");
  EXPECT_EQ(DecodeEncodedWords("=?utf-16?B?AHg=?="), "x");
  EXPECT_EQ(DecodeEncodedWords("a =?bad ?= b"), "a =?bad ?= b");
  EXPECT_EQ(DecodeEncodedWords("caf\xE9"), "caf\xC3\xA9");  // 8-bit, not UTF-8
}

TEST(PartHeadersTest, ManyParametersInLinearTime) {
  std::string raw = "attachment";
  for (int i = 0; i < 20000; ++i) raw += "; p" + std::to_string(i) + "=v";
  for (int i = 20000; i > 0; --i) raw += "; filename*" + std::to_string(i) + "=x";
  raw += "; filename*0=a";
  const HeaderParams p = ParseHeaderParams(raw);
  EXPECT_EQ(p.params.size(), 20001u);
  EXPECT_EQ(*p.Get("filename"), "a" + std::string(20000, 'x'));
}

}  // namespace
}  // namespace sendguard
