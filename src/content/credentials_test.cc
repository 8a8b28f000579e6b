#include <gtest/gtest.h>
#include <zlib.h>

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
  // A git commit id is 40 characters too, but not a secret key.
  EXPECT_EQ(Detect("aws-access-key",
                   "AKIAZ7XQW3RTY5UIOP2A fixed in 3f786850e387550fdab836ed7e6dc881de23001b"),
            kMedium);
  for (const char* text :
       {"AKIA1234", "akiaz7xqw3rty5uiop2a", "XAKIAZ7XQW3RTY5UIOP2A", "AKIAZ7XQW3RTY5UIOP2AB"}) {
    EXPECT_EQ(Detect("aws-access-key", text), std::nullopt) << text;
  }
}

// A GitHub token with a valid checksum, made the way GitHub describes.
std::string GithubToken(const std::string& random30) {
  const char* base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  unsigned long crc =
      crc32(0, reinterpret_cast<const Bytef*>(random30.data()), static_cast<uInt>(random30.size()));
  std::string check(6, '0');
  for (int i = 5; i >= 0; --i, crc /= 62) check[static_cast<std::size_t>(i)] = base62[crc % 62];
  return "ghp_" + random30 + check;
}

TEST(ApiTokenTest, WellKnownFormats) {
  const std::string gh = GithubToken("R2xvYmFsU2VjcmV0VG9rZW5WYWx1ZQ");
  EXPECT_EQ(Detect("api-token", "token " + gh), kHigh);
  std::string bad = gh;
  bad[10] = bad[10] == 'A' ? 'B' : 'A';  // checksum no longer matches
  EXPECT_EQ(Detect("api-token", "token " + bad), kMedium);
  EXPECT_EQ(Findings("token " + gh)["api-token"].sample.substr(0, 8), "ghp_****");
  for (const std::string& text : {
           std::string("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
           std::string(
               "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
           std::string("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"),
           std::string("sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
           std::string("glpat-xxxxXXXXxxxxXXXXxxxx"),
           std::string("npm_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"),
           std::string("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"),
           std::string("sk-proj-abcdefghijklmnopqrstT3BlbkFJabcdefghijklmnopqrst"),
           std::string("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                       "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
       }) {
    EXPECT_EQ(Detect("api-token", "key: " + text + " end"), kHigh) << text;
  }
  EXPECT_EQ(Detect("api-token", "test key sk_test_4eC39HqLyjWDarjtT1zdp7dc"), kLow);
  // A token that ends a sentence.
  EXPECT_EQ(Detect("api-token",
                   "Use eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                   "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U."),
            kHigh);
  EXPECT_EQ(Findings("npm_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ")["api-token"].sample.substr(0, 5),
            "npm_*");
}

TEST(ApiTokenTest, NearMisses) {
  for (const char* text : {
           "ghp_short",
           "eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",  // no alg
           "eyJhbGciOi.eyJzdWIiOiIx",                                                  // too short
           "AIza too short",
           "sk_live_short",
       }) {
    EXPECT_EQ(Detect("api-token", text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace sendguard::testing
