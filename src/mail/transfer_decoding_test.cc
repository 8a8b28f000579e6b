#include "mail/transfer_decoding.h"

#include <gtest/gtest.h>

#include "mail/base64.h"

namespace sendguard {
namespace {

TEST(TransferDecodingTest, QuotedPrintable) {
  EXPECT_EQ(DecodeQuotedPrintable("a=3D=3db=\r\nc"), "a==bc");
  EXPECT_EQ(DecodeQuotedPrintable("a= \t\r\nb=  \nc= "), "abc");  // transport padding
  EXPECT_EQ(DecodeQuotedPrintable("1=2 x=\r"), "1=2 x=\r");
  EXPECT_EQ(DecodeQuotedPrintable("=G1="), "=G1");
}

TEST(TransferDecodingTest, NamesAndDispatch) {
  EXPECT_EQ(ParseTransferEncoding(" Base64 (comment)"), TransferEncoding::kBase64);
  EXPECT_EQ(ParseTransferEncoding("QUOTED-PRINTABLE"), TransferEncoding::kQuotedPrintable);
  EXPECT_EQ(ParseTransferEncoding("x-uuencode"), TransferEncoding::kUuencode);
  EXPECT_EQ(ParseTransferEncoding("8bit"), TransferEncoding::kIdentity);
  EXPECT_EQ(DecodeTransfer("TWE=", TransferEncoding::kBase64).data, "Ma");
  EXPECT_EQ(DecodeTransfer("TWE=", TransferEncoding::kIdentity).data, "TWE=");
}

TEST(TransferDecodingTest, CommentsAnywhereAndEncodedWordsInTheName) {
  // mailparser drops comments inside the token; Python decodes the word.
  EXPECT_EQ(ParseTransferEncoding("bas()e64"), TransferEncoding::kBase64);
  EXPECT_EQ(ParseTransferEncoding("bas(\r\n )e64"), TransferEncoding::kBase64);
  EXPECT_EQ(ParseTransferEncoding("(xx) base64"), TransferEncoding::kBase64);
  EXPECT_EQ(ParseTransferEncoding("=?UTF-8?B?YmFzZTY0?="), TransferEncoding::kBase64);
  EXPECT_EQ(TransferEncodingToken(" Quoted-(x(y))Printable; x"), "quoted-printable");
  EXPECT_EQ(ParseTransferEncoding("\vbase64\f"), TransferEncoding::kBase64);
}

TEST(TransferDecodingTest, Base64AfterPadding) {
  Base64Result r = DecodeBase64("TQ==\r\nTWFu\r\n");
  EXPECT_EQ(r.data, "MMan");
  EXPECT_EQ(r.after_padding, 1u);
  r = DecodeBase64("TWE=TQ==");
  EXPECT_EQ(r.data, "MaM");
  EXPECT_EQ(r.after_padding, 2u);
  EXPECT_EQ(DecodeBase64("TWFu\r\n").after_padding, std::string::npos);
  EXPECT_EQ(DecodeBase64("TQ==\r\n").after_padding, std::string::npos);
}

}  // namespace
}  // namespace sendguard
