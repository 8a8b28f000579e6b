#include "formats/rtf_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "content/scan_for_test.h"
#include "mail/extractor.h"

namespace sendguard {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

MessageData Extract(const std::string& data, const std::string& label = "attachment:a.rtf",
                    Limits limits = {}) {
  MessageData d;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.label = label;
  blob.content_type = "application/rtf";
  extractor.Extract(blob);
  return d;
}

std::string TextUnder(const MessageData& d, const std::string& source) {
  std::string out;
  for (const TextSegment& t : d.texts) {
    if (t.source == source) out += t.text;
  }
  return out;
}

bool Has(const MessageData& d, std::string_view limit) {
  for (const LimitHit& h : d.limit_hits) {
    if (h.limit == limit) return true;
  }
  return false;
}

TEST(RtfReaderTest, TheBuiltinRegistryReadsRtf) {
  Blob blob;
  blob.data = "{\\rtf1 x}";
  const DocumentReader* r = ReaderRegistry::Builtin().Find(blob, ContentKind::kRtf);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->name(), "rtf");
}

TEST(RtfReaderTest, ReadsTheLibreOfficeBannerAndItsPicture) {
  const std::string rtf = ReadFixture("banner.rtf");
  ASSERT_FALSE(rtf.empty()) << "run tests/data/formats/make-text.sh";
  MessageData d = Extract(rtf, "attachment:banner.rtf");
  const std::string text = TextUnder(d, "attachment:banner.rtf");
  EXPECT_NE(text.find("SECRET//NOFORN\n"), std::string::npos) << text;
  EXPECT_NE(text.find("The convoy leaves the depot"), std::string::npos) << text;
  EXPECT_EQ(text.find("Times New Roman"), std::string::npos) << "the font table is not text";
  EXPECT_EQ(text.find("89504e47"), std::string::npos) << "picture data is not text";
  // Not unsupported any more.
  for (const Uninspected& u : d.uninspected) {
    EXPECT_NE(u.where, "attachment:banner.rtf") << u.kind << ": " << u.detail;
  }
  EXPECT_TRUE(d.defects.empty());
  // The picture was handed to the picture reader, as a member.
  bool picture = false;
  for (const Uninspected& u : d.uninspected) {
    picture |= u.where == "attachment:banner.rtf/picture1.png";
  }
  for (const TextSegment& t : d.texts) {
    picture |= t.source.starts_with("attachment:banner.rtf/picture1.png");
  }
  EXPECT_TRUE(picture);
  // With the built-in detectors the banner is a SECRET marking.
  auto f = testing::Findings(text);
  ASSERT_EQ(f.count("classification-marking"), 1u);
  EXPECT_EQ(f["classification-marking"].level, "secret");
}

TEST(RtfReaderTest, EncapsulatedHtmlIsReadAsHtml) {
  MessageData d = Extract(
      "{\\rtf1\\ansi\\fromhtml1 {\\*\\htmltag <html><body>}Shown"
      "{\\*\\htmltag <img alt=\"alt text\">}\\htmlrtf {rtf run}\\htmlrtf0 "
      "{\\*\\htmltag </body></html>}}");
  EXPECT_EQ(TextUnder(d, "attachment:a.rtf"), "Shown\n");
  EXPECT_NE(TextUnder(d, "attachment:a.rtf#html-hidden").find("alt text"), std::string::npos);
  EXPECT_NE(TextUnder(d, "attachment:a.rtf#rtf").find("rtf run"), std::string::npos);
}

TEST(RtfReaderTest, EmbeddedOfficeDocumentsAreReadThroughTheRegistry) {
  // An object whose data is a plain-text file: the registry reads it as text.
  std::string hex;
  for (unsigned char c : std::string("SSN 212-09-4821")) {
    static const char* kDigits = "0123456789abcdef";
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  MessageData d = Extract("{\\rtf1{\\object{\\*\\objdata " + hex + "}}}");
  EXPECT_EQ(TextUnder(d, "attachment:a.rtf/object1.bin"), "SSN 212-09-4821");
}

TEST(RtfReaderTest, LimitsAndDamageAreRecorded) {
  std::string deep =
      "{\\rtf1 " + std::string(kMaxRtfDepth + 10, '{') + "x" + std::string(kMaxRtfDepth + 10, '}');
  MessageData d = Extract(deep);
  EXPECT_TRUE(Has(d, "rtf-depth"));
  EXPECT_EQ(TextUnder(d, "attachment:a.rtf"), "x");
  ASSERT_EQ(d.defects.size(), 1u);  // the document's own group is not closed
  EXPECT_EQ(d.defects[0].code, "rtf-truncated");

  std::string many = "{\\rtf1 ";
  for (int i = 0; i < kMaxRtfObjects + 1; ++i) many += "{\\pict\\pngblip 00}";
  many += "}";
  EXPECT_TRUE(Has(Extract(many), "rtf-objects"));

  Limits small;
  small.max_member_bytes = 1;
  EXPECT_TRUE(
      Has(Extract("{\\rtf1{\\pict\\pngblip 0000}}", "attachment:a.rtf", small), "member-size"));
}

TEST(RtfReaderTest, UuencodedFilesInTheTextAreRead) {
  MessageData d = Extract(
      "{\\rtf1 begin 644 a.txt\\par"
      " &4T5#4D54\\par `\\par end\\par}");
  EXPECT_EQ(TextUnder(d, "attachment:a.rtf/a.txt"), "SECRET");
}

}  // namespace
}  // namespace sendguard
