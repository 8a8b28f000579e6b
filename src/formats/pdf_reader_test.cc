#include "formats/pdf_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "mail/extractor.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

MessageData Read(const std::string& bytes, const Limits& limits = {}) {
  MessageData data;
  Budget budget(limits, &data);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = bytes;
  blob.content_type = "application/pdf";
  blob.label = "attachment:scan.pdf";
  extractor.Extract(blob);
  return data;
}

std::string Text(const MessageData& d, const std::string& source) {
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

TEST(PdfReaderOcrTest, AScannedPageIsRenderedAndRead) {
  MessageData d = Read(Fixture("banner-scan.pdf"));
  const std::string text = Text(d, "attachment:scan.pdf#page-1-ocr");
  EXPECT_NE(text.find("SECRET//NOFORN"), std::string::npos) << text;
  EXPECT_NE(text.find("4111 1111 1111 1111"), std::string::npos) << text;
  EXPECT_TRUE(d.uninspected.empty()) << d.uninspected[0].detail;
}

TEST(PdfReaderOcrTest, PagesPastTheOcrLimitsAreReported) {
  Limits limits;
  limits.ocr_pages = 0;
  MessageData d = Read(Fixture("banner-scan.pdf"), limits);
  EXPECT_TRUE(HasHit(d, "ocr-pages"));
  bool skipped = false;
  for (const Uninspected& u : d.uninspected) {
    if (u.kind == "ocr-skipped" && u.detail.find("1 of 1 PDF pages") != std::string::npos) {
      skipped = true;
    }
  }
  EXPECT_TRUE(skipped);
  EXPECT_EQ(Text(d, "attachment:scan.pdf#page-1-ocr"), "");

  Limits no_time;
  no_time.ocr_time = std::chrono::milliseconds(0);
  EXPECT_TRUE(HasHit(Read(Fixture("banner-scan.pdf"), no_time), "ocr-time"));
}

TEST(PdfReaderOcrTest, APageTooLargeToRenderLegiblyIsRefused) {
  Limits limits;
  limits.max_ocr_pixels = 10000;  // 50 dpi would still be more
  MessageData d = Read(Fixture("banner-scan.pdf"), limits);
  EXPECT_TRUE(HasHit(d, "ocr-pixels"));
}

TEST(PdfReaderOcrTest, PagesWithTextAreNotRenderedAndTheLimitsAreDeclared) {
  MessageData d = Read(testing::MakePdf({"lunch menu"}));
  for (const TextSegment& t : d.texts) EXPECT_EQ(t.source.find("-ocr"), std::string::npos);
  std::vector<std::string_view> names = PdfReader().LimitNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "ocr-pixels"), names.end());
}

}  // namespace
}  // namespace sendguard
