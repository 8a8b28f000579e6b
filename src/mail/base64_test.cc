#include "mail/base64.h"

#include <gtest/gtest.h>

#include "tests/fixtures.h"

namespace sendguard {
namespace {

TEST(Base64Test, DecodesWithAndWithoutPadding) {
  EXPECT_EQ(DecodeBase64("TWFu").data, "Man");
  EXPECT_EQ(DecodeBase64("TWE=").data, "Ma");
  EXPECT_EQ(DecodeBase64("TQ==").data, "M");
  EXPECT_FALSE(DecodeBase64("TQ==").truncated);
  EXPECT_EQ(DecodeBase64("").data, "");
}

TEST(Base64Test, SkipsLineBreaksAndJunk) {
  EXPECT_EQ(DecodeBase64("TW\r\nFu\tIG*lz").data, "Man is");
  EXPECT_EQ(DecodeBase64(" T W F u ").data, "Man");
}

TEST(Base64Test, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (std::size_t len = 0; len < all.size(); len += 37) {
    std::string part = all.substr(0, len);
    Base64Result r = DecodeBase64(testing::Base64(part));
    EXPECT_EQ(r.data, part);
    EXPECT_FALSE(r.truncated);
  }
}

TEST(Base64Test, ReportsTruncation) {
  Base64Result r = DecodeBase64("TWFuIGlzIGRp");  // "Man is di"
  EXPECT_FALSE(r.truncated);
  r = DecodeBase64("TWFuIGlzIGR");
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.data, "Man is d");
  r = DecodeBase64("TWFuI");
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.data, "Man");
}

TEST(Base64Test, EncodeRoundTripsAndWrapsOnlyWhenAsked) {
  std::string data;
  for (int i = 0; i < 300; ++i) data.push_back(static_cast<char>(i * 7));
  for (std::size_t n : {0u, 1u, 2u, 3u, 57u, 58u, 300u}) {
    std::string part = data.substr(0, n);
    EXPECT_EQ(DecodeBase64(EncodeBase64(part)).data, part) << n;
    EXPECT_EQ(DecodeBase64(EncodeBase64(part, 76)).data, part) << n;
  }
  EXPECT_EQ(EncodeBase64("Man"), "TWFu");
  EXPECT_EQ(EncodeBase64("Ma"), "TWE=");
  EXPECT_EQ(EncodeBase64(data).find('\n'), std::string::npos);
  std::string wrapped = EncodeBase64(data, 76);
  EXPECT_EQ(wrapped.find("\r\n"), 76u);
  EXPECT_NE(wrapped.substr(wrapped.size() - 2), "\r\n");
}

}  // namespace
}  // namespace sendguard
