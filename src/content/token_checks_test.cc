#include "content/token_checks.h"

#include <gtest/gtest.h>

#include <string>

namespace sendguard {
namespace {

TEST(TokenChecksTest, Entropy) {
  EXPECT_EQ(ShannonEntropy(""), 0);
  EXPECT_EQ(ShannonEntropy("aaaa"), 0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("abab"), 1);
  EXPECT_DOUBLE_EQ(ShannonEntropy("0123456789abcdef"), 4);
}

TEST(TokenChecksTest, UuidAndHex) {
  EXPECT_TRUE(IsUuid("7068fef2-7fa1-47ea-96c9-6aabfd4160bc"));
  EXPECT_TRUE(IsUuid("7068FEF2-7FA1-47EA-96C9-6AABFD4160BC"));
  EXPECT_FALSE(IsUuid("7068fef2-7fa1-47ea-96c9-6aabfd4160b"));
  EXPECT_FALSE(IsUuid("7068fef2x7fa1-47ea-96c9-6aabfd4160bc"));
  EXPECT_FALSE(IsUuid("7068fef2-7fa1-47ea-96c9-6aabfd4160bg"));
  EXPECT_TRUE(IsHex("b2b87c5bBE"));
  EXPECT_FALSE(IsHex(""));
  EXPECT_FALSE(IsHex("b2b87c5g"));
}

TEST(TokenChecksTest, Placeholders) {
  for (const char* v :
       {"", "xxxxxxxxxxxx", "****************", "<token>", "${API_TOKEN}", "{{ secret }}",
        "%(token)s", "your_api_key_here", "CHANGEME-2024", "REDACTED123", "aaaaaaaaaa11",
        "sk-0123456789abcdef", "[secret]", "insert-key-7", "not_real_4u2"}) {
    EXPECT_TRUE(LooksLikePlaceholder(v)) << v;
  }
  for (const char* v : {"Yks47etkI4Eyyvgh6sMLWls28ZP0MfSN", "7068fef2-7fa1-47ea-96c9-6aabfd4160bc",
                        "wDBofCsK54UxT82d_6aa"}) {
    EXPECT_FALSE(LooksLikePlaceholder(v)) << v;
  }
}

TEST(TokenChecksTest, Names) {
  for (const char* v : {"NEXUS-GPT4-API-KEY", "token_with_underscores", "my-app-secret",
                        "process.env.SERVICE_API_KEY", "CUSTOM_TOKEN_123", "Prod.Db.Password"}) {
    EXPECT_TRUE(LooksLikeName(v)) << v;
  }
  for (const char* v :
       {"Yks47etkI4Eyyvgh6sMLWls28ZP0MfSN", "wDBofCsK54UxT82d_6aa", "secret",
        "7068fef2-7fa1-47ea-96c9-6aabfd4160bc", "xK9f-a8Lm-q2Zp", "qykJOrELyHgez-ABCdefGHi"}) {
    EXPECT_FALSE(LooksLikeName(v)) << v;
  }
}

TEST(TokenChecksTest, SecretValues) {
  for (const char* v : {"Yks47etkI4Eyyvgh6sMLWls28ZP0MfSN", "7068fef2-7fa1-47ea-96c9-6aabfd4160bc",
                        "b2b87c5bbe9a08e809697e339a3c82fbf1556ca0", "btQHevtjO/URo9slkhA3dltW",
                        "Lj2^5O%xi214", "abc123def456"}) {
    EXPECT_TRUE(LooksLikeSecretValue(v)) << v;
  }
  for (const char* v : {
           "short1",                        // too short
           "password",                      // a word
           "Bearer",                        //
           "1234567890123",                 // a number
           "2024-01-15T10:30:00Z",          // a time
           "https://example.com/a1b2c3d4",  // a link
           "/etc/ssl/private/server.key",   // a path
           "C:\\keys\\a1b2c3d4e5",          //
           "os.environ.get(1)",             // code
           "admin7@example.com",            // an address
           "a b c d e f g h 1 2",           // prose
           "ab12ab12ab12ab12",              // low entropy
           "NEXUS-GPT4-API-KEY",            // a name
           "xxxxxxxxxxxxxxxx",              // a stand-in
       }) {
    EXPECT_FALSE(LooksLikeSecretValue(v)) << v;
  }
  EXPECT_FALSE(LooksLikeSecretValue(std::string(301, 'a') + "1"));
}

TEST(TokenChecksTest, OpenAiKeyShapes) {
  const std::string l20 = "46VjyvxYc0KIGAjkNk6T", r20 = "j6zl7xHvThhIidvLUfXU";
  const std::string l58 = "64pYoewmGo4D7wcbKNlB_ngvS4CaG-1IGYfzHwIAr2Ef-HvNQBtNe7svLT";
  const std::string r74 =
      "NeEFNRtTTOC1G7oVgzHxPmlHOlpnLkXMj3BBOImQaWLA9wyPPW0YmQyLGxq0qYzHp9_65cONLN";
  EXPECT_EQ(ClassifyOpenAiKey("sk-" + l20 + "T3BlbkFJ" + r20), OpenAiKeyShape::kKnown);
  EXPECT_EQ(ClassifyOpenAiKey("sk-proj-" + l20 + "T3BlbkFJ" + r20), OpenAiKeyShape::kKnown);
  EXPECT_EQ(ClassifyOpenAiKey("sk-proj-" + l58 + "T3BlbkFJ" + r74), OpenAiKeyShape::kKnown);
  EXPECT_EQ(ClassifyOpenAiKey("sk-svcacct-" + l58 + "T3BlbkFJ" + l58), OpenAiKeyShape::kKnown);
  EXPECT_EQ(ClassifyOpenAiKey("sk-admin-" + l58 + "T3BlbkFJ" + l58), OpenAiKeyShape::kKnown);
  EXPECT_EQ(ClassifyOpenAiKey("sk-admin-" + l58 + "T3BlbkFJ" + r74), OpenAiKeyShape::kBroken);
  EXPECT_EQ(ClassifyOpenAiKey("sk-admin-" + l20 + "T3BlbkFJ" + r20), OpenAiKeyShape::kBroken);
  EXPECT_EQ(ClassifyOpenAiKey("sk-" + l58 + "T3BlbkFJ" + r20), OpenAiKeyShape::kUnknown);
  EXPECT_EQ(ClassifyOpenAiKey("sk-" + l20 + "T3BlbkFJ" + r20 + "x"), OpenAiKeyShape::kUnknown);
  EXPECT_EQ(ClassifyOpenAiKey("sk-proj-" + l58 + "T3BlbkFJ" + r20), OpenAiKeyShape::kUnknown);
}

TEST(TokenChecksTest, JwtShapes) {
  EXPECT_EQ(ClassifyJwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"), JwtShape::kSigned);
  // Signed but naming no "alg": not a token.
  EXPECT_EQ(ClassifyJwt("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"), JwtShape::kNone);
  EXPECT_EQ(ClassifyJwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"), JwtShape::kUnsigned);
  EXPECT_EQ(ClassifyJwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln.bmF0"), JwtShape::kNone);
}

}  // namespace
}  // namespace sendguard
