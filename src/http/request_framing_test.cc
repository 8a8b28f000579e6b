#include "http/request_framing.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

httplib::Headers Of(std::initializer_list<std::pair<std::string, std::string>> h) {
  httplib::Headers out;
  for (const auto& [k, v] : h) out.emplace(k, v);
  return out;
}

TEST(RequestFramingTest, PlainRequestsPass) {
  EXPECT_FALSE(FramingError(Of({{"Host", "x"}})));
  EXPECT_FALSE(FramingError(Of({{"Content-Length", "12"}, {"Content-Type", "application/json"}})));
  EXPECT_FALSE(FramingError(Of({{"Transfer-Encoding", "chunked"}})));
  EXPECT_FALSE(FramingError(Of({{"transfer-encoding", "Chunked"}})));
}

TEST(RequestFramingTest, AmbiguousLengthsAreRefused) {
  EXPECT_EQ(*FramingError(Of({{"Content-Length", "5"}, {"content-length", "7"}})),
            "Content-Length given more than once");
  EXPECT_TRUE(FramingError(Of({{"Content-Length", "5"}, {"Content-Length", "5"}})));
  for (const char* bad : {"", "+5", "5 ", "0x10", "-1", "1,1", "99999999999999999999"}) {
    EXPECT_TRUE(FramingError(Of({{"Content-Length", bad}}))) << bad;
  }
}

TEST(RequestFramingTest, OddTransferEncodingsAreRefused) {
  for (const char* bad :
       {"chunked, identity", "identity", "gzip, chunked", "chunked,", " chunked"}) {
    EXPECT_TRUE(FramingError(Of({{"Transfer-Encoding", bad}}))) << bad;
  }
  EXPECT_TRUE(
      FramingError(Of({{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}})));
  EXPECT_EQ(*FramingError(Of({{"Transfer-Encoding", "chunked"}, {"Content-Length", "3"}})),
            "both Transfer-Encoding and Content-Length");
}

TEST(RequestFramingTest, HeaderNamesMustBeTokens) {
  // httplib keeps "Transfer-Encoding " (space before the colon) as a name of its own.
  EXPECT_TRUE(FramingError(Of({{"Transfer-Encoding ", "chunked"}})));
  EXPECT_TRUE(FramingError(Of({{"X\tY", "1"}})));
  EXPECT_TRUE(FramingError(Of({{"", "1"}})));
  EXPECT_FALSE(FramingError(Of({{"X-Custom_Header.1~", "1"}})));
}

}  // namespace
}  // namespace sendguard
