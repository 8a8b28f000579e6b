#include "mail/boundary_candidates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sendguard {
namespace {

using V = std::vector<std::string>;

TEST(BoundaryCandidatesTest, APlainBoundaryHasOneReading) {
  EXPECT_EQ(BoundaryCandidates({"multipart/mixed; boundary=\"abc\""}), V{"abc"});
  EXPECT_EQ(BoundaryCandidates({"multipart/mixed; boundary=abc"}), V{"abc"});
  EXPECT_TRUE(BoundaryCandidates({"text/plain"}).empty());
}

TEST(BoundaryCandidatesTest, EveryWayReadersReadIt) {
  // An escaped quote: up to the backslash, or the escapes undone.
  EXPECT_EQ(BoundaryCandidates({"multipart/mixed; boundary=b_1\\\"x\\\""}),
            (V{"b_1\\\"x\\\"", "b_1", "b_1\"x\""}));
  // A quote left open; single quotes; a comment; a boundary in quotes.
  EXPECT_EQ(BoundaryCandidates({"multipart/mixed; boundary=\"b_2"}), V{"b_2"});
  EXPECT_EQ(BoundaryCandidates({"multipart/mixed; boundary='b 3'"}),
            (V{"'b 3'", "b 3", "b", "'b"}));
  const V comment = BoundaryCandidates({"multipart/mixed; boundary=b_4()x"});
  EXPECT_NE(std::find(comment.begin(), comment.end(), "b_4"), comment.end());
  EXPECT_NE(std::find(comment.begin(), comment.end(), "b_4x"), comment.end());
  const V hidden = BoundaryCandidates({"multipart/mixed; \"boundary=b_5\""});
  EXPECT_NE(std::find(hidden.begin(), hidden.end(), "b_5"), hidden.end());
  // Two boundary parameters and a second field: all of them.
  const V two =
      BoundaryCandidates({"multipart/mixed; boundary=one; boundary=two", "x; boundary=3"});
  for (const char* b : {"one", "two", "3"}) {
    EXPECT_NE(std::find(two.begin(), two.end(), b), two.end()) << b;
  }
}

TEST(BoundaryCandidatesTest, BoundedOnAHostileField) {
  std::string field = "multipart/mixed";
  for (int i = 0; i < 100000; ++i) field += "; boundary=b" + std::to_string(i);
  EXPECT_EQ(BoundaryCandidates({field}).size(), kMaxBoundaryCandidates);
}

TEST(BoundaryCandidatesTest, UsesBoundaryNeedsAWholeDelimiterLine) {
  EXPECT_TRUE(UsesBoundary("x\r\n--ab\r\ny", "ab"));
  EXPECT_TRUE(UsesBoundary("--ab--", "ab"));
  EXPECT_TRUE(UsesBoundary("x\n--ab  \n", "ab"));
  EXPECT_FALSE(UsesBoundary("x\n--abc\n", "ab"));
  EXPECT_FALSE(UsesBoundary("x\n--ab def\n", "ab"));
  EXPECT_FALSE(UsesBoundary("x --ab\n", "ab"));
  EXPECT_FALSE(UsesBoundary("--ab", ""));
}

}  // namespace
}  // namespace sendguard
