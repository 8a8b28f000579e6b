#include "mail/ciphertext.h"

#include <gtest/gtest.h>

#include <string>

#include "mail/base64.h"

namespace sendguard {
namespace {

TEST(CiphertextTest, PgpPacketsOfEncryptedMessages) {
  EXPECT_TRUE(IsPgpPackets(std::string("\x85\x01\x0c\x03", 4)));  // old format, tag 1
  EXPECT_TRUE(IsPgpPackets(std::string("\xc1\x0c\x03", 3)));      // new format, tag 1
  EXPECT_TRUE(IsPgpPackets(std::string("\xc3\x0d\x04", 3)));      // tag 3, SKESK
  EXPECT_TRUE(IsPgpPackets(std::string("\xd2\x3f\x01", 3)));      // tag 18, SEIPD
  EXPECT_FALSE(IsPgpPackets("SECRET//NOFORN plans"));
  EXPECT_FALSE(IsPgpPackets(std::string("\xc2\x0c\x03", 3)));  // tag 2: a signature
  EXPECT_FALSE(IsPgpPackets(std::string("\x89\x01", 2)));      // tag 2, old format
  EXPECT_FALSE(IsPgpPackets(""));
}

TEST(CiphertextTest, CmsEnvelopedDataInDerAndBer) {
  // BER, indefinite length, as S/MIME clients write it.
  EXPECT_TRUE(IsCmsEnveloped(DecodeBase64("MIAGCSqGSIb3DQEHA6CAMIACAQA=").data));
  // DER, long-form length.
  std::string der("\x30\x82\x01\x00\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03\xa0", 16);
  EXPECT_TRUE(IsCmsEnveloped(der));
  // SignedData (1.2.840.113549.1.7.2) is not encrypted; nor is text.
  std::string signed_data("\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02\xa0", 14);
  EXPECT_FALSE(IsCmsEnveloped(signed_data));
  EXPECT_FALSE(IsCmsEnveloped("SECRET//NOFORN\r\nSSN 212-09-4821\r\n"));
  EXPECT_FALSE(IsCmsEnveloped(std::string("\x30\x84", 2)));
}

}  // namespace
}  // namespace sendguard
