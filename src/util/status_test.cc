#include "sendguard/status.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(StatusTest, FailedPreconditionAndUnimplementedHaveNamesAndCodes) {
  Status held = FailedPreconditionError("message 1 is released, not held");
  EXPECT_EQ(held.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(held.ToString(), "failed-precondition: message 1 is released, not held");
  Status pg = UnimplementedError("PostgreSQL stores are not built yet");
  EXPECT_EQ(pg.code(), StatusCode::kUnimplemented);
  EXPECT_EQ(pg.ToString(), "unimplemented: PostgreSQL stores are not built yet");
  EXPECT_EQ(StatusCodeName(StatusCode::kInvalidArgument), "invalid-argument");
}

}  // namespace
}  // namespace sendguard
