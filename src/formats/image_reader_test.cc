#include "formats/image_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "mail/extractor.h"

namespace sendguard {
namespace {

using namespace std::string_literals;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

MessageData Read(const std::string& bytes, const Limits& limits = {},
                 const ReaderRegistry& registry = ReaderRegistry::Builtin()) {
  MessageData data;
  Budget budget(limits, &data);
  Extractor extractor(budget, registry, [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = bytes;
  blob.content_type = "application/octet-stream";
  blob.label = "attachment:pic";
  extractor.Extract(blob);
  return data;
}

std::string Text(const MessageData& d, const std::string& source = "attachment:pic#ocr") {
  std::string all;
  for (const TextSegment& t : d.texts) {
    if (t.source == source) all += t.text;
  }
  return all;
}

bool HasHit(const MessageData& d, const std::string& limit) {
  for (const LimitHit& h : d.limit_hits) {
    if (h.limit == limit) return true;
  }
  return false;
}

bool HasUnread(const MessageData& d, const std::string& kind) {
  for (const Uninspected& u : d.uninspected) {
    if (u.kind == kind) return true;
  }
  return false;
}

class ImageReaderFormatTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ImageReaderFormatTest, ReadsTheBannerOfAPictureOfAPage) {
  MessageData d = Read(Fixture(std::string("banner-page.") + GetParam()));
  const std::string text = Text(d);
  EXPECT_NE(text.find("SECRET//NOFORN"), std::string::npos) << text;
  // 1-bit pictures may lose the spaces between the groups of digits.
  std::string digits;
  for (char c : text) {
    if (c != ' ') digits += c;
  }
  EXPECT_NE(digits.find("4111111111111111"), std::string::npos) << text;
  EXPECT_TRUE(d.uninspected.empty()) << d.uninspected[0].detail;
}

INSTANTIATE_TEST_SUITE_P(EveryFormat, ImageReaderFormatTest,
                         ::testing::Values("png", "jpg", "tif", "gif", "bmp", "webp"));

TEST(ImageReaderTest, ReadsEveryPageOfATiffWithinThePageLimit) {
  MessageData both = Read(Fixture("banner-pages.tif"));
  EXPECT_NE(Text(both).find("NOFORN"), std::string::npos);
  EXPECT_NE(Text(both, "attachment:pic#page-2-ocr").find("NOFORN"), std::string::npos);
  EXPECT_TRUE(both.uninspected.empty());

  Limits one;
  one.ocr_pages = 1;
  MessageData first = Read(Fixture("banner-pages.tif"), one);
  EXPECT_NE(Text(first).find("NOFORN"), std::string::npos);
  EXPECT_EQ(Text(first, "attachment:pic#page-2-ocr"), "");
  EXPECT_TRUE(HasHit(first, "ocr-pages"));
}

TEST(ImageReaderTest, AnIconIsNeitherReadNorReported) {
  MessageData d = Read(Fixture("ocr-icon.png"));
  EXPECT_EQ(Text(d), "");
  EXPECT_TRUE(d.uninspected.empty());
  EXPECT_TRUE(d.limit_hits.empty());
}

TEST(ImageReaderTest, AHugeHeaderIsRefusedWithoutDecoding) {
  // A PNG header claiming 100000x100000 pixels and no pixel data: decoding
  // would fail ("could not be decoded"); the header alone refuses it.
  const std::string png =
      "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x00\0\0\0"s +
      std::string(64, '\x9c');
  MessageData d = Read(png);
  EXPECT_TRUE(HasHit(d, "ocr-pixels"));
  EXPECT_FALSE(HasUnread(d, "ocr-skipped"));
}

TEST(ImageReaderTest, APictureThatDoesNotDecodeIsNotInspected) {
  const std::string png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x04\xd8\0\0\x06\xda\x08\x02\0\0\0"s +
                          std::string(64, '\x9c');
  MessageData d = Read(png);
  ASSERT_EQ(d.uninspected.size(), 1u);
  EXPECT_EQ(d.uninspected[0].kind, "ocr-skipped");
  EXPECT_NE(d.uninspected[0].detail.find("1240x1754"), std::string::npos);
}

TEST(ImageReaderTest, NoOcrTimeLeavesThePictureReported) {
  Limits limits;
  limits.ocr_time = std::chrono::milliseconds(0);
  MessageData d = Read(Fixture("banner-page.png"), limits);
  EXPECT_TRUE(HasHit(d, "ocr-time"));
  EXPECT_EQ(Text(d), "");
}

TEST(ImageReaderTest, MissingLanguageDataIsOcrSkippedWithTheReason) {
  OcrEngine missing(OcrEngine::Options{"/nonexistent/tessdata", "eng", 1});
  ReaderRegistry registry;
  registry.Register(std::make_unique<ImageReader>(missing));
  MessageData d = Read(Fixture("banner-page.jpg"), {}, registry);
  ASSERT_EQ(d.uninspected.size(), 1u);
  EXPECT_EQ(d.uninspected[0].kind, "ocr-skipped");
  EXPECT_NE(d.uninspected[0].detail.find("eng.traineddata"), std::string::npos)
      << d.uninspected[0].detail;
}

TEST(ImageReaderTest, DeclaresItsLimits) {
  std::vector<std::string_view> names = ImageReader().LimitNames();
  EXPECT_EQ(names, (std::vector<std::string_view>{"ocr-pages", "ocr-time", "ocr-pixels"}));
}

}  // namespace
}  // namespace sendguard
