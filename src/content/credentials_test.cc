#include <gtest/gtest.h>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

constexpr const char* kRsaKey =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
    "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
    "-----END RSA PRIVATE KEY-----\n";

TEST(PrivateKeyTest, KeyBlocks) {
  EXPECT_EQ(Detect("private-key", std::string("key:\n") + kRsaKey), kHigh);
  EXPECT_EQ(Findings(kRsaKey)["private-key"].sample, "-----BEGIN RSA PRIVATE KEY-----");
  EXPECT_EQ(Detect("private-key",
                   "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                   "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                   "-----END OPENSSH PRIVATE KEY-----\n"),
            kHigh);
  EXPECT_EQ(Detect("private-key",
                   "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
                   "lQOYBF0m2nQBCADGuQ3JZ5mJ4NlGz7mRKf8v2iVYkR0pZ1K0Yw6q5eVbR3Vk9s9U\n"),
            kHigh);
  EXPECT_EQ(Detect("private-key",
                   "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yBxhcnT"
                   "cJq4XdmKS+KRmRNPhEmsoAoGCCqGSM49\n"),
            kHigh);
}

// Key blocks as they are written on one line, and escaped inside JSON or
// code (a written "\n" between the lines).
TEST(PrivateKeyTest, OneLineAndEscapedBlocks) {
  for (const std::string& text : {
           std::string("-----BEGIN RSA PRIVATE KEY----- "
                       "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun "
                       "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK "
                       "-----END RSA PRIVATE KEY-----"),
           std::string("{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9"
                       "w0BAQEFAASCBKgwggSkAgEAAoIBAQC7\\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp9"
                       "8C3SC6dV\\n-----END PRIVATE KEY-----\\n\"}"),
           std::string(
               "key = \"-----BEGIN EC PRIVATE KEY-----\\r\\nMHcCAQEEIBkg4LVWM9nuwNSk"
               "3yBxhcnTcJq4XdmKS+KRmRNPhEmsoAoGCCqGSM49\\r\\n-----END EC PRIVATE KEY-----\""),
           std::string("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key\"\n"
                       "P2/56wAAAi4AAAA3aWYtbW9kbntzaWdue3JzYS1wa2NzMS1zaGExfSxlbmNyeXB0e3JzYS\n"
                       "---- END SSH2 ENCRYPTED PRIVATE KEY ----\n"),
       }) {
    EXPECT_EQ(Detect("private-key", text), kHigh) << text;
  }
}

// A block of stand-ins shows where a key goes, not a key.
TEST(PrivateKeyTest, PlaceholderBodiesAreLow) {
  for (const std::string& text : {
           "-----BEGIN PRIVATE KEY-----\n" + std::string(64, 'x') + "\n" + std::string(64, 'x') +
               "\n-----END PRIVATE KEY-----\n",
           "-----BEGIN RSA PRIVATE KEY-----\n" + std::string(64, 'A') +
               "\n-----END RSA PRIVATE KEY-----\n",
           std::string("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"),
           std::string("-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----\n"),
       }) {
    EXPECT_EQ(Detect("private-key", text), kLow) << text;
  }
}

TEST(PrivateKeyTest, AMentionOfTheHeaderIsLow) {
  EXPECT_EQ(Detect("private-key", "The file starts with -----BEGIN PRIVATE KEY----- and ends."),
            kLow);
}

TEST(PrivateKeyTest, PublicKeysAndCertificatesAreNot) {
  for (const char* text : {
           "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1L\n",
           "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQsw\n",
           "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQENBF0m2nQBCADGuQ3JZ5mJ4NlGz7mRKf8v2iVYkR0\n",
           "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1G user@host",
       }) {
    EXPECT_EQ(Detect("private-key", text), std::nullopt) << text;
  }
}

TEST(AwsAccessKeyTest, KeyIdsAndSecrets) {
  EXPECT_EQ(Detect("aws-access-key", "key AKIAZ7XQW3RTY5UIOP2A"), kMedium);
  EXPECT_EQ(Detect("aws-access-key",
                   "aws_access_key_id = AKIAZ7XQW3RTY5UIOP2A\n"
                   "aws_secret_access_key = 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\n"),
            kHigh);
  EXPECT_EQ(
      Detect("aws-access-key", "AKIAZ7XQW3RTY5UIOP2A Zt3Qv8k2LmN9pR4sT6uW1xY5zA7bC0dE2fG4hJ6k"),
      kHigh);
  EXPECT_EQ(Findings("AKIAZ7XQW3RTY5UIOP2A")["aws-access-key"].sample, "AKIA****************");
  EXPECT_EQ(Detect("aws-access-key", "docs: AKIAIOSFODNN7EXAMPLE"), kLow);
  EXPECT_EQ(Detect("aws-access-key", "key = AKIAXXXXXXXXXXXXXXXX"), kLow);
  // Made-up ids with digits a real (base32) id lacks are still their form.
  EXPECT_EQ(Detect("aws-access-key", "id: ABIAS9L8MQ5IPHTZPPUQ"), kMedium);
  EXPECT_EQ(Detect("aws-access-key", "key A3TZQW7XRTY5UIOP2AB3"), kMedium);  // an older prefix
  // A git commit id is 40 characters too, but not a secret key.
  EXPECT_EQ(Detect("aws-access-key",
                   "AKIAZ7XQW3RTY5UIOP2A fixed in 3f786850e387550fdab836ed7e6dc881de23001b"),
            kMedium);
  for (const char* text :
       {"AKIA1234", "akiaz7xqw3rty5uiop2a", "XAKIAZ7XQW3RTY5UIOP2A", "AKIAZ7XQW3RTY5UIOP2AB"}) {
    EXPECT_EQ(Detect("aws-access-key", text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace sendguard::testing
