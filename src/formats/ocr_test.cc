#include "formats/ocr.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "mail/extractor.h"

namespace sendguard {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Admits pictures of the size its blob's content type names ("w x h"), as
// many as the blob's file name says, and reads the admitted ones (the blob's
// bytes, decoded) with `engine`.
class ProbeReader : public DocumentReader {
 public:
  explicit ProbeReader(OcrEngine& engine) : engine_(engine) {}
  std::string_view name() const override { return "probe"; }
  bool Accepts(const Blob&, ContentKind) const override { return true; }
  void Read(const Blob& blob, ReadContext& ctx) const override {
    unsigned long long w = 0, h = 0;
    std::sscanf(std::string(blob.content_type).c_str(), "%llux%llu", &w, &h);
    const int count = std::atoi(std::string(blob.filename).c_str());
    for (int i = 0; i < count; ++i) {
      if (!AdmitOcr(w, h, "picture " + std::to_string(i + 1), ctx)) return;
      ++admitted;
      PixPtr pix(pixReadMem(reinterpret_cast<const l_uint8*>(blob.data.data()), blob.data.size()));
      if (pix) OcrPixels(engine_, pix.get(), "picture " + std::to_string(i + 1), "#ocr", ctx);
    }
  }
  mutable int admitted = 0;

 private:
  OcrEngine& engine_;
};

struct Probed {
  MessageData data;
  int admitted = 0;
};

Probed Probe(const std::string& bytes, const std::string& size, int count, const Limits& limits,
             OcrEngine& engine = OcrEngine::Shared()) {
  ReaderRegistry registry;
  auto probe = std::make_unique<ProbeReader>(engine);
  ProbeReader* p = probe.get();
  registry.Register(std::move(probe));
  Probed run;
  Budget budget(limits, &run.data);
  Extractor extractor(budget, registry, [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = bytes;
  blob.content_type = size;
  const std::string name = std::to_string(count);
  blob.filename = name;
  blob.label = "attachment:p";
  extractor.Extract(blob);
  run.admitted = p->admitted;
  return run;
}

bool HasHit(const MessageData& d, const std::string& limit) {
  for (const LimitHit& h : d.limit_hits) {
    if (h.limit == limit && h.where == "attachment:p") return true;
  }
  return false;
}

std::string Text(const MessageData& d) {
  std::string all;
  for (const TextSegment& t : d.texts) {
    if (t.source == "attachment:p#ocr") all += t.text;
  }
  return all;
}

TEST(OcrTest, APictureLargerThanTheLimitIsRefusedAndCostsNoPage) {
  Limits limits;
  limits.ocr_pages = 1;
  Probed run = Probe("", "100000x100000", 1, limits);
  EXPECT_EQ(run.admitted, 0);
  EXPECT_TRUE(HasHit(run.data, "ocr-pixels"));
  EXPECT_EQ(Probe("", "4900x4900", 1, limits).admitted, 1);  // 24 M pixels: under 25 M
  limits.max_ocr_pixels = 1000;
  EXPECT_EQ(Probe("", "40x30", 1, limits).admitted, 0);
}

TEST(OcrTest, PagesPastTheMessagesLimitAreRefused) {
  Limits limits;
  limits.ocr_pages = 2;
  Probed run = Probe("", "100x100", 5, limits);
  EXPECT_EQ(run.admitted, 2);
  EXPECT_TRUE(HasHit(run.data, "ocr-pages"));
  ASSERT_FALSE(run.data.uninspected.empty());
  EXPECT_NE(run.data.uninspected[0].detail.find("picture 3"), std::string::npos);
}

TEST(OcrTest, NoOcrTimeLeftRefusesAndCutsShort) {
  Limits limits;
  limits.ocr_time = std::chrono::milliseconds(0);
  Probed none = Probe("", "100x100", 1, limits);
  EXPECT_EQ(none.admitted, 0);
  EXPECT_TRUE(HasHit(none.data, "ocr-time"));

  // 300 ms: the first picture is read (cut short or whole), the time it took
  // counts, and the pictures after it are refused.
  limits.ocr_time = std::chrono::milliseconds(300);
  // (A picture takes 50-150 ms here: twenty do not fit in 300 ms on any
  // machine this runs on.)
  Probed some = Probe(Fixture("banner-page.png"), "1100x560", 20, limits);
  EXPECT_GE(some.admitted, 1);
  EXPECT_LT(some.admitted, 20);
  EXPECT_TRUE(HasHit(some.data, "ocr-time"));
}

TEST(OcrTest, TheTextIsAddedUnderTheSuffix) {
  Probed run = Probe(Fixture("banner-page.png"), "1100x560", 1, Limits{});
  EXPECT_NE(Text(run.data).find("NOFORN"), std::string::npos) << Text(run.data);
  EXPECT_TRUE(run.data.uninspected.empty());
}

TEST(OcrTest, SmallTextIsEnlargedToBeRead) {
  // 385x196: lower-case letters 7 pixels high, which Tesseract misreads
  // ("uarterty") unless the picture is enlarged.
  Probed run = Probe(Fixture("ocr-small-text.png"), "385x196", 1, Limits{});
  EXPECT_NE(Text(run.data).find("SECRET//NOFORN"), std::string::npos) << Text(run.data);
  EXPECT_NE(Text(run.data).find("quarterly travel card audit"), std::string::npos)
      << Text(run.data);
  EXPECT_NE(Text(run.data).find("4111 1111 1111 1111"), std::string::npos) << Text(run.data);
}

TEST(OcrTest, MissingLanguageDataIsRecordedWithItsReason) {
  OcrEngine missing(OcrEngine::Options{"/nonexistent/tessdata", "eng", 1});
  Probed run = Probe(Fixture("banner-page.png"), "1100x560", 1, Limits{}, missing);
  ASSERT_EQ(run.data.uninspected.size(), 1u);
  EXPECT_EQ(run.data.uninspected[0].kind, "ocr-skipped");
  EXPECT_NE(run.data.uninspected[0].detail.find("not installed"), std::string::npos)
      << run.data.uninspected[0].detail;
  EXPECT_TRUE(run.data.texts.empty());
}

}  // namespace
}  // namespace sendguard
