#include "formats/tnef_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "mail/extractor.h"

namespace sendguard {
namespace {

std::string Le32(std::uint32_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[i] = static_cast<char>(v >> (8 * i) & 0xFF);
  return s;
}

std::string Le16(std::uint16_t v) { return Le32(v).substr(0, 2); }

// One TNEF attribute (MS-OXTNEF 2.1.3.1) with its checksum.
std::string Attr(int level, std::uint32_t tag, const std::string& data) {
  std::uint16_t sum = 0;
  for (unsigned char c : data) sum = static_cast<std::uint16_t>(sum + c);
  return std::string(1, static_cast<char>(level)) + Le32(tag) +
         Le32(static_cast<std::uint32_t>(data.size())) + data + Le16(sum);
}

std::string Tnef(const std::string& attributes) { return Le32(0x223E9F78) + Le16(1) + attributes; }

// An attMAPIProps block holding one binary property `tag` of `value`.
std::string BinaryProp(std::uint32_t tag, const std::string& value) {
  std::string v = value + std::string((4 - value.size() % 4) % 4, '\0');
  return Le32(1) + Le32(tag) + Le32(1) + Le32(static_cast<std::uint32_t>(value.size())) + v;
}

// Compressed RTF of only literals (each flag byte announces eight).
std::string CompressRtf(const std::string& rtf) {
  std::string body;
  for (std::size_t i = 0; i < rtf.size(); i += 8) body += '\0' + rtf.substr(i, 8);
  return Le32(static_cast<std::uint32_t>(body.size() + 12)) +
         Le32(static_cast<std::uint32_t>(rtf.size())) + "LZFu" + Le32(0) + body;
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

MessageData Read(std::string_view data, Limits limits = Limits()) {
  MessageData d;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.label = "attachment:winmail.dat";
  extractor.Extract(blob);
  return d;
}

std::string TextOf(const MessageData& d, std::string_view source) {
  std::string all;
  for (const TextSegment& t : d.texts) {
    if (t.source == source) all += t.text;
  }
  return all;
}

bool HasUninspected(const MessageData& d, std::string_view kind) {
  for (const Uninspected& u : d.uninspected) {
    if (u.kind == kind) return true;
  }
  return false;
}

TEST(TnefReaderTest, ReadsTheSubjectBodyAndAttachment) {
  MessageData d = Read(Fixture("winmail.dat"));
  const std::string top = TextOf(d, "attachment:winmail.dat");
  EXPECT_NE(top.find("Quarterly plan"), std::string::npos) << top;
  EXPECT_NE(top.find("SECRET//NOFORN"), std::string::npos) << top;
  EXPECT_NE(top.find("Visa 4111 1111 1111 1111"), std::string::npos) << top;
  EXPECT_NE(TextOf(d, "attachment:winmail.dat/notes.txt").find("SECRET//NOFORN site list"),
            std::string::npos);
  EXPECT_TRUE(d.uninspected.empty()) << d.uninspected[0].detail;
}

TEST(TnefReaderTest, HandsTheCompressedRtfBodyToTheRegistry) {
  const std::string rtf = "{\\rtf1\\ansi SECRET//NOFORN rtf body}";
  MessageData d = Read(Tnef(Attr(1, 0x00069003, BinaryProp(0x10090102, CompressRtf(rtf))) +
                            Attr(1, 0x00010004, std::string("s\0", 2))));
  std::string all;
  for (const TextSegment& t : d.texts) {
    if (t.source.rfind("attachment:winmail.dat/body.rtf", 0) == 0) all += t.text;
  }
  EXPECT_NE(all.find("SECRET//NOFORN rtf body"), std::string::npos) << all;
}

TEST(TnefReaderTest, ADamagedRtfBodyIsCorrupt) {
  std::string bad = CompressRtf("{\\rtf1 x}");
  bad[4] = '\x7f';  // declares more RTF than it could hold
  bad[6] = '\x7f';
  MessageData d = Read(Tnef(Attr(1, 0x00069003, BinaryProp(0x10090102, bad))));
  EXPECT_TRUE(HasUninspected(d, "corrupt"));
}

TEST(TnefReaderTest, ReadsAnHtmlBodyAsHtml) {
  MessageData d = Read(Tnef(Attr(
      1, 0x00069003, BinaryProp(0x10130102, "<html><body><p>SECRET//NOFORN</p></body></html>"))));
  EXPECT_NE(TextOf(d, "attachment:winmail.dat/body.html").find("SECRET//NOFORN"),
            std::string::npos);
}

TEST(TnefReaderTest, TruncatedStreamsAreCorruptNotACrash) {
  const std::string tnef = Fixture("winmail.dat");
  ASSERT_GT(tnef.size(), 100u);
  for (std::size_t cut : {7u, 20u, 60u, 100u, 200u}) {
    MessageData d = Read(tnef.substr(0, cut));
    EXPECT_TRUE(HasUninspected(d, "corrupt")) << cut;
  }
}

// A wrong checksum is a defect, and the stream is still read; libytnef,
// which would print the mismatch on standard output (the CLI's JSON), never
// sees it.
TEST(TnefReaderTest, ABadChecksumIsADefectAndPrintsNothing) {
  std::string tnef = Fixture("winmail.dat");
  ASSERT_GT(tnef.size(), 15u);
  // The checksum of the first attribute, after its 9-byte header and data.
  const std::size_t len =
      static_cast<unsigned char>(tnef[11]) | static_cast<unsigned char>(tnef[12]) << 8;
  ASSERT_LT(6 + 9 + len + 1, tnef.size());
  tnef[6 + 9 + len] ^= 0x55;
  ::testing::internal::CaptureStdout();
  MessageData d = Read(tnef);
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
  ASSERT_FALSE(d.defects.empty());
  EXPECT_EQ(d.defects[0].code, "tnef-checksum");
  std::string text;
  for (const TextSegment& t : d.texts) text += t.text;
  EXPECT_NE(text.find("SECRET//NOFORN"), std::string::npos) << text;
}

TEST(TnefReaderTest, AttachmentsCountAsArchiveMembers) {
  std::string attrs;
  for (int i = 0; i < 4; ++i) {
    attrs += Attr(2, 0x00069002, std::string(14, '\0'));
    attrs += Attr(2, 0x0006800F, "attachment text " + std::to_string(i));
  }
  Limits limits;
  limits.max_archive_members = 2;
  MessageData d = Read(Tnef(attrs), limits);
  ASSERT_FALSE(d.limit_hits.empty());
  EXPECT_EQ(d.limit_hits[0].limit, "archive-members");
}

TEST(TnefReaderTest, FramingIsCheckedBeforeLibytnef) {
  EXPECT_FALSE(CheckTnefFraming(Tnef(Attr(1, 0x00010004, "abc"))).has_value());
  EXPECT_TRUE(CheckTnefFraming("nope").has_value());
  std::string huge = Tnef(Attr(1, 0x00010004, "abc"));
  huge[6 + 5 + 3] = '\x7f';  // length 0x7f000003
  EXPECT_TRUE(CheckTnefFraming(huge).has_value());
}

TEST(TnefReaderTest, RepeatedOrStrayAttributesAreRefused) {
  const std::string body = Attr(1, 0x0002800C, "body");
  EXPECT_TRUE(CheckTnefFraming(Tnef(body + body)).has_value());
  const std::string stray = Attr(2, 0x0006800F, "data before any attachment");
  EXPECT_TRUE(CheckTnefFraming(Tnef(stray)).has_value());
  const std::string rend = Attr(2, 0x00069002, std::string(14, '\0'));
  EXPECT_FALSE(CheckTnefFraming(Tnef(body + rend + stray + rend + stray)).has_value());
  EXPECT_TRUE(CheckTnefFraming(Tnef(rend + stray + stray)).has_value());
  MessageData d = Read(Tnef(body + body));
  EXPECT_TRUE(HasUninspected(d, "corrupt"));
}

}  // namespace
}  // namespace sendguard
