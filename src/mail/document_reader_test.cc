#include "mail/document_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "mail/extractor.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using testing::MakeDocx;
using testing::MakeGzip;
using testing::MakeOdt;
using testing::MakePdf;
using testing::MakeZip;

// A reader for a made-up content type: its text is "fake:" and the bytes.
class FakeReader : public DocumentReader {
 public:
  explicit FakeReader(std::string tag = "fake") : tag_(std::move(tag)) {}
  std::string_view name() const override { return tag_; }
  bool Accepts(const Blob& blob, ContentKind) const override {
    return blob.content_type == "application/x-sendguard-fake";
  }
  void Read(const Blob& blob, ReadContext& ctx) const override {
    ctx.AddText(tag_ + ":" + std::string(blob.data));
  }

 private:
  std::string tag_;
};

// Reads "nest:<inner>" by recursing into <inner>; anything else is a leaf
// whose bytes are its text. Counts the nesting blobs it read.
class NestingReader : public DocumentReader {
 public:
  NestingReader(bool container, int* reads) : container_(container), reads_(reads) {}
  std::string_view name() const override { return "nest"; }
  bool Accepts(const Blob&, ContentKind) const override { return true; }
  bool IsContainer() const override { return container_; }
  void Read(const Blob& blob, ReadContext& ctx) const override {
    if (blob.data.substr(0, 5) != "nest:") {
      ctx.AddText(std::string(blob.data));
      return;
    }
    ++*reads_;
    ctx.Recurse(ctx.Member(blob.data.substr(5), "in"));
  }

 private:
  bool container_;
  int* reads_;
};

struct Outcome {
  MessageData data;
  std::vector<std::pair<std::string, int>> messages;  // label, depth
};

ContentKind ExtractWith(const ReaderRegistry& registry, const Blob& blob, Outcome* run,
                        const Limits& limits = {}) {
  Budget budget(limits, &run->data);
  Extractor extractor(budget, registry,
                      [run](std::string_view, const std::string& label, int, int depth) {
                        run->messages.emplace_back(label, depth);
                      });
  return extractor.Extract(blob);
}

Blob MakeBlob(std::string_view data, std::string_view type = {}, std::string_view name = {}) {
  Blob blob;
  blob.data = data;
  blob.content_type = type;
  blob.filename = name;
  blob.label = "attachment:x";
  blob.part = 3;
  return blob;
}

TEST(ReaderRegistryTest, ARegisteredReaderReadsItsContent) {
  ReaderRegistry registry;
  registry.Register(std::make_unique<FakeReader>());
  Outcome run;
  ExtractWith(registry, MakeBlob("bytes", "application/x-sendguard-fake"), &run);
  ASSERT_EQ(run.data.texts.size(), 1u);
  EXPECT_EQ(run.data.texts[0].text, "fake:bytes");
  EXPECT_EQ(run.data.texts[0].source, "attachment:x");
  EXPECT_EQ(run.data.texts[0].part, 3);
}

TEST(ReaderRegistryTest, ContentNoReaderAcceptsIsNotRead) {
  ReaderRegistry registry;
  registry.Register(std::make_unique<FakeReader>());
  Outcome run;
  EXPECT_EQ(ExtractWith(registry, MakeBlob("plain words", "text/plain"), &run), ContentKind::kText);
  EXPECT_TRUE(run.data.texts.empty());
  EXPECT_EQ(registry.Find(MakeBlob("plain words", "text/plain"), ContentKind::kText), nullptr);
}

TEST(ReaderRegistryTest, TheFirstReaderThatAcceptsWins) {
  ReaderRegistry registry;
  registry.Register(std::make_unique<FakeReader>("first"));
  registry.Register(std::make_unique<FakeReader>("second"));
  Outcome run;
  ExtractWith(registry, MakeBlob("b", "application/x-sendguard-fake"), &run);
  ASSERT_EQ(run.data.texts.size(), 1u);
  EXPECT_EQ(run.data.texts[0].text, "first:b");
}

std::string Nested(int levels) {
  std::string s;
  for (int i = 0; i < levels; ++i) s += "nest:";
  return s + "leaf";
}

TEST(ReadContextTest, RecurseStopsAtMaxDepthAndRecordsIt) {
  int reads = 0;
  ReaderRegistry registry;
  registry.Register(std::make_unique<NestingReader>(false, &reads));
  Limits limits;
  limits.max_depth = 3;
  Outcome run;
  std::string data = Nested(20);
  ExtractWith(registry, MakeBlob(data), &run, limits);
  EXPECT_EQ(reads, 4);  // depths 0 to 3; depth 4 is refused
  EXPECT_TRUE(run.data.texts.empty());
  ASSERT_EQ(run.data.limit_hits.size(), 1u);
  EXPECT_EQ(run.data.limit_hits[0].limit, "depth");
  EXPECT_EQ(run.data.limit_hits[0].where, "attachment:x/in/in/in");
}

TEST(ReadContextTest, RecurseReadsWhatFitsWithinMaxDepth) {
  int reads = 0;
  ReaderRegistry registry;
  registry.Register(std::make_unique<NestingReader>(false, &reads));
  Limits limits;
  limits.max_depth = 3;
  Outcome run;
  std::string data = Nested(3);
  ExtractWith(registry, MakeBlob(data), &run, limits);
  EXPECT_EQ(reads, 3);
  ASSERT_EQ(run.data.texts.size(), 1u);
  EXPECT_EQ(run.data.texts[0].text, "leaf");
  EXPECT_EQ(run.data.texts[0].source, "attachment:x/in/in/in");
  EXPECT_EQ(run.data.texts[0].part, 3);
  EXPECT_TRUE(run.data.limit_hits.empty());
}

TEST(ReadContextTest, AContainerAtMaxDepthIsNotOpened) {
  int reads = 0;
  ReaderRegistry registry;
  registry.Register(std::make_unique<NestingReader>(true, &reads));
  Limits limits;
  limits.max_depth = 3;
  Outcome run;
  std::string data = Nested(20);
  ExtractWith(registry, MakeBlob(data), &run, limits);
  EXPECT_EQ(reads, 3);  // depths 0 to 2; the container at depth 3 is not opened
  ASSERT_EQ(run.data.limit_hits.size(), 1u);
  EXPECT_EQ(run.data.limit_hits[0].limit, "depth");
  EXPECT_EQ(run.data.limit_hits[0].where, "attachment:x/in/in/in");
}

// The builtin registry reads each kind Sniff() knows with today's reader.
TEST(BuiltinReadersTest, EachKindHasItsReader) {
  const ReaderRegistry& builtin = ReaderRegistry::Builtin();
  Blob blob = MakeBlob("x");
  auto name = [&](ContentKind kind) {
    const DocumentReader* r = builtin.Find(blob, kind);
    return r == nullptr ? std::string("none") : std::string(r->name());
  };
  EXPECT_EQ(name(ContentKind::kText), "text");
  EXPECT_EQ(name(ContentKind::kHtml), "html");
  EXPECT_EQ(name(ContentKind::kPdf), "pdf");
  EXPECT_EQ(name(ContentKind::kZip), "archive");
  EXPECT_EQ(name(ContentKind::kArchive), "archive");
  EXPECT_EQ(name(ContentKind::kOoxml), "office");
  EXPECT_EQ(name(ContentKind::kOdf), "office");
  EXPECT_EQ(name(ContentKind::kMessage), "message");
  EXPECT_EQ(name(ContentKind::kOle2), "ole2");
  EXPECT_EQ(name(ContentKind::kRtf), "rtf");
  EXPECT_EQ(name(ContentKind::kTnef), "tnef");
  EXPECT_EQ(name(ContentKind::kImage), "image");
  EXPECT_EQ(name(ContentKind::kBinary), "binary");
}

TEST(BuiltinReadersTest, ContainersAndTheirLimitsAreDeclared) {
  const ReaderRegistry& builtin = ReaderRegistry::Builtin();
  Blob blob = MakeBlob("x");
  EXPECT_TRUE(builtin.Find(blob, ContentKind::kZip)->IsContainer());
  EXPECT_TRUE(builtin.Find(blob, ContentKind::kOoxml)->IsContainer());
  EXPECT_TRUE(builtin.Find(blob, ContentKind::kMessage)->IsContainer());
  EXPECT_FALSE(builtin.Find(blob, ContentKind::kPdf)->IsContainer());
  EXPECT_FALSE(builtin.Find(blob, ContentKind::kText)->IsContainer());
  std::vector<std::string_view> pdf = builtin.Find(blob, ContentKind::kPdf)->LimitNames();
  EXPECT_NE(std::find(pdf.begin(), pdf.end(), "pdf-pages"), pdf.end());
  std::vector<std::string_view> zip = builtin.Find(blob, ContentKind::kZip)->LimitNames();
  EXPECT_NE(std::find(zip.begin(), zip.end(), "archive-members"), zip.end());
}

TEST(BuiltinReadersTest, TextAndItsPgpArmour) {
  Outcome run;
  std::string data = "hello\n-----BEGIN PGP MESSAGE-----\nabc\n";
  EXPECT_EQ(ExtractWith(ReaderRegistry::Builtin(), MakeBlob(data, "text/plain"), &run),
            ContentKind::kText);
  ASSERT_EQ(run.data.texts.size(), 1u);
  EXPECT_EQ(run.data.texts[0].text, data);
  ASSERT_EQ(run.data.encrypted.size(), 1u);
  EXPECT_EQ(run.data.encrypted[0].kind, "pgp");
}

TEST(BuiltinReadersTest, HtmlPdfAndOfficeGiveTheirText) {
  struct Case {
    std::string data, type, name, text;
  };
  std::vector<Case> cases = {
      {"<p>Hi <b>there</b></p>", "text/html", "", "there"},
      {MakePdf({"pdf words"}), "application/pdf", "a.pdf", "pdf words"},
      {MakeDocx({"docx words"}), "", "a.docx", "docx words"},
      {MakeOdt({"odt words"}), "", "a.odt", "odt words"},
  };
  for (const Case& c : cases) {
    Outcome run;
    ExtractWith(ReaderRegistry::Builtin(), MakeBlob(c.data, c.type, c.name), &run);
    ASSERT_EQ(run.data.texts.size(), 1u) << c.type << c.name;
    EXPECT_NE(run.data.texts[0].text.find(c.text), std::string::npos) << run.data.texts[0].text;
    EXPECT_EQ(run.data.texts[0].source, "attachment:x");
  }
}

TEST(BuiltinReadersTest, ArchiveMembersAreReadOneLevelDeeper) {
  Outcome run;
  std::string zip = MakeZip({{"a.txt", "alpha"}, {"b.eml", "Subject: s\r\n\r\nbody\r\n"}});
  Blob blob = MakeBlob(zip, "application/zip", "a.zip");
  blob.depth = 1;
  EXPECT_EQ(ExtractWith(ReaderRegistry::Builtin(), blob, &run), ContentKind::kZip);
  ASSERT_EQ(run.data.texts.size(), 1u);
  EXPECT_EQ(run.data.texts[0].source, "attachment:x/a.txt");
  EXPECT_EQ(run.data.texts[0].text, "alpha");
  ASSERT_EQ(run.messages.size(), 1u);
  EXPECT_EQ(run.messages[0], (std::pair<std::string, int>{"attachment:x/b.eml", 3}));
}

TEST(BuiltinReadersTest, ABareCompressedFileIsNamedAfterItsContent) {
  Outcome run;
  std::string gz = MakeGzip("inside");
  EXPECT_EQ(ExtractWith(ReaderRegistry::Builtin(), MakeBlob(gz, "", "notes.txt.gz"), &run),
            ContentKind::kArchive);
  ASSERT_EQ(run.data.texts.size(), 1u);
  EXPECT_EQ(run.data.texts[0].source, "attachment:x/notes.txt");
}

TEST(BuiltinReadersTest, AnAttachedMessageGoesToTheWalkerOneLevelDeeper) {
  Outcome run;
  std::string eml = "Subject: s\r\n\r\nbody\r\n";
  Blob blob = MakeBlob(eml, "message/rfc822");
  blob.depth = 2;
  EXPECT_EQ(ExtractWith(ReaderRegistry::Builtin(), blob, &run), ContentKind::kMessage);
  ASSERT_EQ(run.messages.size(), 1u);
  EXPECT_EQ(run.messages[0], (std::pair<std::string, int>{"attachment:x", 3}));
  EXPECT_TRUE(run.data.texts.empty());
}

TEST(BuiltinReadersTest, AnAttachedMessageAtMaxDepthIsNotWalked) {
  Outcome run;
  Limits limits;
  limits.max_depth = 2;
  Blob blob = MakeBlob("Subject: s\r\n\r\nbody\r\n", "message/rfc822");
  blob.depth = 2;
  ExtractWith(ReaderRegistry::Builtin(), blob, &run, limits);
  EXPECT_TRUE(run.messages.empty());
  ASSERT_EQ(run.data.limit_hits.size(), 1u);
  EXPECT_EQ(run.data.limit_hits[0].limit, "depth");
}

TEST(BuiltinReadersTest, UnsupportedDocumentsAndPicturesAreUninspected) {
  Outcome rtf;
  EXPECT_EQ(ExtractWith(ReaderRegistry::Builtin(), MakeBlob("{\\rtf1 secret}"), &rtf),
            ContentKind::kRtf);
  // RTF has its reader now (formats/rtf_reader.h): read, not unsupported.
  EXPECT_TRUE(rtf.data.defects.empty());
  EXPECT_TRUE(rtf.data.uninspected.empty());

  // A picture whose header does not say its size may show anything.
  Outcome png;
  EXPECT_EQ(ExtractWith(ReaderRegistry::Builtin(), MakeBlob("\x89PNG\r\n\x1a\nIHDR"), &png),
            ContentKind::kImage);
  EXPECT_TRUE(png.data.defects.empty());
  EXPECT_TRUE(png.data.limit_hits.empty());
  ASSERT_EQ(png.data.uninspected.size(), 1u);
  EXPECT_EQ(png.data.uninspected[0].kind, "ocr-skipped");
  EXPECT_EQ(png.data.uninspected[0].where, "attachment:x");
}

}  // namespace
}  // namespace sendguard
