#include "mail/uudecode.h"

#include <gtest/gtest.h>

#include <string>

#include "mail/transfer_decoding.h"

namespace sendguard {
namespace {

// `data` uuencoded as lines of at most 45 bytes, without begin and end.
std::string UuLines(const std::string& data) {
  std::string out;
  for (std::size_t i = 0; i < data.size(); i += 45) {
    const std::string chunk = data.substr(i, 45);
    out.push_back(static_cast<char>(0x20 + chunk.size()));
    for (std::size_t j = 0; j < chunk.size(); j += 3) {
      unsigned int v = 0;
      for (std::size_t k = 0; k < 3; ++k) {
        v = v << 8 | (j + k < chunk.size() ? static_cast<unsigned char>(chunk[j + k]) : 0u);
      }
      for (int s = 18; s >= 0; s -= 6) {
        const unsigned int c = v >> s & 0x3f;
        out.push_back(c == 0 ? '`' : static_cast<char>(0x20 + c));
      }
    }
    out += "\r\n";
  }
  return out;
}

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
