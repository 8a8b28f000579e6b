#include "mail/uudecode.h"

#include <gtest/gtest.h>

#include <string>

#include "mail/transfer_decoding.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using sendguard::testing::UuLines;

TEST(UudecodeTest, ABlockIsDecodedFromItsBeginLine) {
  const std::string data(100, 'x');
  const std::string block = "begin 644 file.bin\r\n" + UuLines(data + "tail!") + "`\r\nend\r\n";
  UudecodeResult r = DecodeUuencodeBlock(block);
  EXPECT_TRUE(r.found_begin);
  EXPECT_EQ(r.name, "file.bin");
  EXPECT_EQ(r.data, data + "tail!");
  // Without its end, and after text before it.
  r = DecodeUuencodeBlock("hello\nbegin 600 a b\n" + UuLines("abc"));
  EXPECT_EQ(r.name, "a b");
  EXPECT_EQ(r.data, "abc");
}

TEST(UudecodeTest, NoBeginLineDecodesNothing) {
  EXPECT_FALSE(DecodeUuencodeBlock(UuLines("abc")).found_begin);
  EXPECT_FALSE(DecodeUuencodeBlock("begin here\n" + UuLines("abc")).found_begin);
  EXPECT_TRUE(DecodeUuencodeBlock("").data.empty());
}

TEST(UudecodeTest, ShortAndLongLinesAreDecodedAsFarAsTheyGo) {
  // Length 3 but one character: the missing ones count as zero bits.
  EXPECT_EQ(DecodeUuencodeBlock("begin 644 f\n#80\nend\n").data, std::string("a\0\0", 3));
  // Length 1 but four characters: one byte.
  EXPECT_EQ(DecodeUuencodeBlock("begin 644 f\n!86)C\nend\n").data, "a");
}

TEST(UudecodeTest, TheTransferEncodingDecodesABeginBlock) {
  // GMime's decoder reads the begin line as data (two bytes).
  const std::string body = "begin 644 f.bin\r\n" + UuLines("SECRET//NOFORN uu") + "`\r\nend\r\n";
  EXPECT_EQ(DecodeTransfer(body, TransferEncoding::kUuencode).data, "SECRET//NOFORN uu");
  // Bare encoded lines still decode.
  EXPECT_EQ(DecodeTransfer(UuLines("plain lines"), TransferEncoding::kUuencode).data,
            "plain lines");
}

}  // namespace
}  // namespace sendguard
