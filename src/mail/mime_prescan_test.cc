#include "mail/mime_prescan.h"

#include <gtest/gtest.h>

#include <string>

namespace sendguard {
namespace {

constexpr PrescanLimits kWide{
    .parts = 1000, .header_fields = 1000, .header_bytes = 1 << 20, .addresses = 1000};

// A multipart/mixed of `n` one-line parts.
std::string Multipart(int n) {
  std::string raw = "To: a@b.org\r\nContent-Type: multipart/mixed; boundary=\"b 1\"\r\n\r\n";
  for (int i = 0; i < n; ++i)
    raw += "--b 1\r\nContent-Type: text/plain\r\n\r\npart " + std::to_string(i) + "\r\n";
  return raw + "--b 1--\r\n";
}

// The offset of the `k`-th (from 1) occurrence of `what` in `s`.
std::size_t Nth(const std::string& s, const std::string& what, int k) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < k; ++i) at = s.find(what, at == std::string::npos ? 0 : at + 1);
  return at;
}

TEST(MimePrescanTest, OrdinaryMessageIsNotCut) {
  PrescanCut cut = PrescanMessage(Multipart(3), kWide);
  EXPECT_FALSE(cut.cut());
  EXPECT_TRUE(cut.limit.empty());
}

TEST(MimePrescanTest, PartsAreCutAtTheBoundaryOfOnePartTooMany) {
  const std::string raw = Multipart(10);
  PrescanLimits l = kWide;
  l.parts = 11;  // the top body and its ten parts
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.parts = 5;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_EQ(cut.limit, "parts");
  EXPECT_EQ(cut.offset, Nth(raw, "--b 1\r\n", 5));
}

TEST(MimePrescanTest, AttachedMessagesAndNestedMultipartsCountAsTheWalkerCounts) {
  const std::string raw =
      "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
      "--outer\r\nContent-Type: message/rfc822\r\n\r\n"  // parts 2 and 3 (its body)
      "Subject: inner\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
      "--inner\r\n\r\nplain\r\n--inner\r\n\r\nmore\r\n--inner--\r\n"  // parts 4 and 5
      "--outer\r\n\r\nlast\r\n--outer--\r\n";                         // part 6
  PrescanLimits l = kWide;
  l.parts = 6;
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.parts = 5;
  EXPECT_EQ(PrescanMessage(raw, l).offset, raw.find("--outer\r\n\r\nlast"));
  l.parts = 2;
  EXPECT_EQ(PrescanMessage(raw, l).offset, raw.find("Subject: inner"));
}

TEST(MimePrescanTest, BoundariesOnlyCountInsideTheirMultipart) {
  // A leaf body that happens to hold a boundary-like line is not a part.
  const std::string raw = "Content-Type: text/plain\r\n\r\n--b 1\r\n--b 1\r\n--b 1\r\n";
  PrescanLimits l = kWide;
  l.parts = 1;
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
}

TEST(MimePrescanTest, AnOuterBoundaryClosesTheMultipartsInsideIt) {
  // 100 nested multiparts (parts 2..101), never closed; then the outermost
  // boundary starts part 102 and the inner boundaries mean nothing more.
  std::string raw = "Content-Type: multipart/mixed; boundary=b0\r\n\r\n";
  for (int i = 1; i <= 100; ++i) {
    raw += "--b" + std::to_string(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=b" +
           std::to_string(i) + "\r\n\r\n";
  }
  raw += "--b0\r\n\r\nouter again\r\n";
  for (int i = 0; i < 1000; ++i) raw += "--b" + std::to_string(1 + i % 100) + "\r\n--x\r\n";
  raw += "--b0--\r\n--b0\r\n";
  PrescanLimits l = kWide;
  l.parts = 102;
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.parts = 101;
  EXPECT_EQ(PrescanMessage(raw, l).offset, raw.find("--b0\r\n\r\nouter"));
}

TEST(MimePrescanTest, HeaderFieldsAreCutAtTheFieldOneTooMany) {
  std::string raw;
  for (int i = 0; i < 20; ++i) raw += "X-F" + std::to_string(i) + ": v\r\n";
  raw += "\r\nbody\r\n";
  PrescanLimits l = kWide;
  l.header_fields = 20;
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.header_fields = 10;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_EQ(cut.limit, "header-fields");
  EXPECT_EQ(cut.offset, raw.find("X-F10:"));
}

TEST(MimePrescanTest, HeaderFieldsOfPartsCount) {
  const std::string raw = Multipart(10);  // 2 top fields, 1 per part
  PrescanLimits l = kWide;
  l.header_fields = 7;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_EQ(cut.limit, "header-fields");
  EXPECT_EQ(cut.offset, Nth(raw, "Content-Type: text/plain", 6));
}

TEST(MimePrescanTest, LongFieldIsCutAtTheByteLimitFoldedLinesIncluded) {
  const std::string raw = "To: a@b.org\r\nSubject: " + std::string(600, 's') + "\r\n " +
                          std::string(600, 't') + "\r\n\r\nbody\r\n";
  PrescanLimits l = kWide;
  l.header_bytes = 1300;
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.header_bytes = 1000;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_EQ(cut.limit, "header-size");
  EXPECT_EQ(cut.offset, raw.find("Subject:") + 1000);
}

TEST(MimePrescanTest, AddressesAreCutAtTheCommaBeforeOneTooMany) {
  std::string raw = "From: s@b.org\r\nTo: \"Doe, Jane\" <j@b.org>";
  for (int i = 0; i < 29; ++i) raw += ",\r\n u" + std::to_string(i) + "@b.org (x, y)";
  raw += "\r\nCc: c1@b.org, c2@b.org\r\n\r\nbody, with, commas\r\n";
  PrescanLimits l = kWide;
  l.addresses = 33;  // 1 + 30 + 2: quoted and commented commas separate nothing
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.addresses = 11;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_EQ(cut.limit, "total-addresses");
  EXPECT_EQ(cut.offset, raw.find(",\r\n u9@"));  // From, Jane and u0..u8
  l.addresses = 31;
  EXPECT_EQ(PrescanMessage(raw, l).offset, raw.find("Cc:"));
}

TEST(MimePrescanTest, AFieldWithTooManyAddressesLosesTheRestOfItsList) {
  std::string raw = "From: s@b.org\r\nTo: a0@b.org";
  for (int i = 1; i < 6; ++i) raw += ",\r\n a" + std::to_string(i) + "@b.org";
  raw += "\r\nCc: c1@b.org, c2@b.org, c3@b.org\r\nSubject: s\r\n\r\nbody, with, commas\r\n";
  PrescanLimits l = kWide;
  l.addresses_per_field = 2;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_FALSE(cut.cut());  // the rest of the message is read
  ASSERT_EQ(cut.dropped.size(), 2u);
  EXPECT_EQ(cut.dropped[0].field, "To");
  EXPECT_EQ(cut.dropped[0].begin, raw.find(",\r\n a2@"));
  EXPECT_EQ(cut.dropped[0].end, raw.find("\r\nCc:"));
  EXPECT_EQ(cut.dropped[1].field, "Cc");
  EXPECT_EQ(cut.dropped[1].begin, raw.find(", c3@"));
  EXPECT_EQ(cut.dropped[1].end, raw.find("\r\nSubject:"));
  // Dropped addresses do not count towards the message's total.
  l.addresses = 5;  // From, a0, a1, c1, c2
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.addresses = 4;
  EXPECT_EQ(PrescanMessage(raw, l).offset, raw.find(", c2@"));
}

TEST(MimePrescanTest, DroppedAddressesDoNotCountTowardsTheFieldSize) {
  std::string raw = "To: a@b.org";
  for (int i = 0; i < 2000; ++i) raw += ", u" + std::to_string(i) + "@b.org";
  raw += "\r\nSubject: s\r\n\r\nbody\r\n";
  PrescanLimits l = kWide;
  l.header_bytes = 1024;
  l.addresses_per_field = 10;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_FALSE(cut.cut()) << cut.limit;
  ASSERT_EQ(cut.dropped.size(), 1u);
  // A field too long before its addresses run out is still cut.
  l.addresses_per_field = 1000;
  EXPECT_EQ(PrescanMessage(raw, l).limit, "header-size");
}

TEST(MimePrescanTest, TheFirstLimitReachedDecides) {
  std::string raw = "To: " + std::string(5000, 'x') + "@b.org";
  for (int i = 0; i < 100; ++i) raw += ", u@b.org";
  raw += "\r\n\r\n";
  PrescanLimits l = kWide;
  l.header_bytes = 1000;
  l.addresses = 10;
  EXPECT_EQ(PrescanMessage(raw, l).limit, "header-size");
  l.header_bytes = 1 << 20;
  EXPECT_EQ(PrescanMessage(raw, l).limit, "total-addresses");
}

}  // namespace
}  // namespace sendguard

namespace sendguard {
namespace {

// `depth` multiparts, each the first part of the one around it.
std::string Nested(int depth) {
  std::string raw = "Subject: deep\r\n";
  for (int i = 0; i < depth; ++i) {
    raw += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\r\n\r\n--b" +
           std::to_string(i) + "\r\n";
  }
  raw += "Content-Type: text/plain\r\n\r\nSECRET//NOFORN\r\n";
  for (int i = depth - 1; i >= 0; --i) raw += "--b" + std::to_string(i) + "--\r\n";
  return raw;
}

TEST(MimePrescanTest, NestingIsCutAtThePartThatOpensOneLevelTooMany) {
  const std::string raw = Nested(6);
  PrescanLimits l = kWide;
  l.nesting = 6;
  EXPECT_FALSE(PrescanMessage(raw, l).cut());
  l.nesting = 3;
  PrescanCut cut = PrescanMessage(raw, l);
  EXPECT_EQ(cut.limit, "nesting");
  EXPECT_EQ(cut.offset, raw.find("--b2\r\n"));  // the part holding the fourth multipart
}

}  // namespace
}  // namespace sendguard
