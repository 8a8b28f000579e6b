#include "service/link_signer.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

const std::string kId = "0123456789abcdef0123456789abcdef";

TEST(LinkSignerTest, SignedLinksVerifyUntilTheyExpire) {
  LinkSigner s(std::string(32, 'k'));
  std::string token = s.Sign(kId, 1000);
  Result<std::string> id = s.Verify(token, 999);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(*id, kId);
  EXPECT_EQ(s.Verify(token, 1000).status().code(), StatusCode::kDeadlineExceeded);
}

TEST(LinkSignerTest, ForgeriesAreRefused) {
  LinkSigner s(std::string(32, 'k'));
  LinkSigner other(std::string(32, 'x'));
  std::string token = s.Sign(kId, 5000);
  // Another key, a later expiry, another id, a flipped signature byte.
  EXPECT_EQ(s.Verify(other.Sign(kId, 5000), 1).status().code(), StatusCode::kPermissionDenied);
  std::string later = token;
  later.replace(33, 4, "9000");
  EXPECT_EQ(s.Verify(later, 1).status().code(), StatusCode::kPermissionDenied);
  std::string other_id = token;
  other_id[0] = other_id[0] == '0' ? '1' : '0';
  EXPECT_EQ(s.Verify(other_id, 1).status().code(), StatusCode::kPermissionDenied);
  std::string flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(s.Verify(flipped, 1).status().code(), StatusCode::kPermissionDenied);
  for (const char* junk : {"", "abc", "a.b.c", "..", "0123.12.x", "ZZZZ.1.abc"}) {
    EXPECT_EQ(s.Verify(junk, 1).status().code(), StatusCode::kPermissionDenied) << junk;
  }
}

}  // namespace
}  // namespace sendguard
