#include "formats/unsupported_reader.h"

#include <gtest/gtest.h>

#include <memory>

#include "mail/extractor.h"

namespace sendguard {
namespace {

// The shape of a future legacy-format reader: it reads what is unsupported.
class RtfReader : public DocumentReader {
 public:
  std::string_view name() const override { return "rtf"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kRtf;
  }
  void Read(const Blob&, ReadContext& ctx) const override { ctx.AddText("rtf text"); }
};

MessageData ReadRtf(const ReaderRegistry& registry) {
  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  Extractor extractor(budget, registry, [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = "{\\rtf1 secret}";
  blob.label = "attachment:a.rtf";
  extractor.Extract(blob);
  return d;
}

TEST(UnsupportedReaderTest, RecordsTheDefect) {
  ReaderRegistry registry;
  registry.Register(std::make_unique<UnsupportedReader>());
  MessageData d = ReadRtf(registry);
  ASSERT_EQ(d.defects.size(), 1u);
  EXPECT_EQ(d.defects[0].code, "unsupported-document");
  EXPECT_EQ(d.defects[0].where, "attachment:a.rtf");
  // Not read, so not clean: uninspected, and its strings scanned.
  ASSERT_EQ(d.uninspected.size(), 1u);
  EXPECT_EQ(d.uninspected[0].kind, "unsupported");
  EXPECT_EQ(d.uninspected[0].where, "attachment:a.rtf");
  EXPECT_NE(d.uninspected[0].detail.find("RTF"), std::string::npos) << d.uninspected[0].detail;
  ASSERT_EQ(d.texts.size(), 1u);
  EXPECT_EQ(d.texts[0].source, "attachment:a.rtf#strings");
  EXPECT_EQ(d.texts[0].text, "{\\rtf1 secret}\n");
}

TEST(UnsupportedReaderTest, AReaderRegisteredBeforeItTakesOver) {
  ReaderRegistry registry;
  registry.Register(std::make_unique<RtfReader>());
  registry.Register(std::make_unique<UnsupportedReader>());
  MessageData d = ReadRtf(registry);
  ASSERT_EQ(d.texts.size(), 1u);
  EXPECT_EQ(d.texts[0].text, "rtf text");
  EXPECT_TRUE(d.defects.empty());
  EXPECT_TRUE(d.uninspected.empty());
}

}  // namespace
}  // namespace sendguard
