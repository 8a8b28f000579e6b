#include "mail/mime_repair.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(MimeRepairTest, NothingToRepair) {
  MimeRepair r;
  EXPECT_FALSE(RepairMime("Subject: x\r\n\r\nhi\r--not a boundary\r\n", &r));
  EXPECT_FALSE(
      RepairMime("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nx\r\n--b--\r\n", &r));
  EXPECT_TRUE(r.raw.empty());
}

TEST(MimeRepairTest, BareCrBeforeADelimiterGetsALineFeed) {
  MimeRepair r;
  ASSERT_TRUE(
      RepairMime("Content-Type: multipart/mixed; Boundary=\"b\"\r\n\r\n--b\r\nx\r--b\r\n"
                 "y\r--bz\r\nz\r--b--\r\n",
                 &r));
  EXPECT_EQ(r.raw,
            "Content-Type: multipart/mixed; Boundary=\"b\"\r\n\r\n--b\r\nx\r\n--b\r\n"
            "y\r--bz\r\nz\r\n--b--\r\n");  // "--bz" is not a delimiter of "b"
  EXPECT_EQ(r.defects, std::vector<std::string>{"bare-cr-delimiter"});
}

TEST(MimeRepairTest, LongBoundariesAreRenamed) {
  const std::string b(kMaxBoundaryKept + 1, 'x');
  MimeRepair r;
  // The short name is one found nowhere in the message.
  ASSERT_TRUE(RepairMime("Content-Type: multipart/mixed; boundary=" + b + "\r\n\r\n--" + b +
                             "\r\nsendguard-boundary-0- sendguard-boundary-1x " + b + "\r\n--" + b +
                             "--\r\n",
                         &r));
  EXPECT_EQ(r.raw,
            "Content-Type: multipart/mixed; boundary=sendguard-boundary-2-0\r\n\r\n"
            "--sendguard-boundary-2-0\r\nsendguard-boundary-0- sendguard-boundary-1x " +
                b + "\r\n--sendguard-boundary-2-0--\r\n");
  EXPECT_EQ(r.defects, std::vector<std::string>{"long-boundary"});
}

TEST(MimeRepairTest, QuotedAndRepeatedParametersAndABareCrTogether) {
  const std::string b(kMaxBoundaryKept + 5, 'y');
  MimeRepair r;
  ASSERT_TRUE(RepairMime("Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n--" + b +
                             "\r\nx\r--" + b + "--\r\n",
                         &r));
  EXPECT_EQ(r.raw,
            "Content-Type: multipart/mixed; boundary=\"sendguard-boundary-0-0\"\r\n\r\n"
            "--sendguard-boundary-0-0\r\nx\r\n--sendguard-boundary-0-0--\r\n");
  EXPECT_EQ(r.defects, (std::vector<std::string>{"long-boundary", "bare-cr-delimiter"}));
}

TEST(MimeRepairTest, LinearOnAHostileMessage) {
  // Lines that almost match a long boundary, many times over.
  const std::string b(kMaxBoundaryKept + 1, 'L');
  std::string raw = "Content-Type: multipart/mixed; boundary=" + b + "\r\n\r\n";
  const std::string almost = "--" + b.substr(1) + "\r";
  while (raw.size() < (8u << 20)) raw += almost;
  MimeRepair r;
  EXPECT_TRUE(RepairMime(raw, &r));
  EXPECT_EQ(r.raw.size(), raw.size() - b.size() + std::string("sendguard-boundary-0-0").size());
}

}  // namespace
}  // namespace sendguard
