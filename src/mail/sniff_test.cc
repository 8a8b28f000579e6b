#include "mail/sniff.h"

#include <gtest/gtest.h>

#include "tests/fixtures.h"

namespace sendguard {
namespace {

using testing::MakeDocx;
using testing::MakeOdt;
using testing::MakeZip;

TEST(SniffTest, MagicBeatsDeclaredType) {
  EXPECT_EQ(Sniff(MakeZip({{"a.txt", "x"}}), "text/plain", "notes.txt"), ContentKind::kZip);
  EXPECT_EQ(Sniff("%PDF-1.7\n...", "application/octet-stream", "x.bin"), ContentKind::kPdf);
  EXPECT_EQ(Sniff("\x1f\x8b\x08\x00", "text/plain", ""), ContentKind::kArchive);
}

TEST(SniffTest, OfficeDocumentsAreRecognisedByContent) {
  EXPECT_EQ(Sniff(MakeDocx({"x"}), "application/octet-stream", "a.bin"), ContentKind::kOoxml);
  EXPECT_EQ(Sniff(MakeOdt({"x"}), "", ""), ContentKind::kOdf);
  EXPECT_EQ(Sniff(MakeZip({{"word/document.xml", "<w/>"}}), "", "memo.docx"), ContentKind::kOoxml);
}

TEST(SniffTest, DeclaredTypesWhenNoMagic) {
  EXPECT_EQ(Sniff("<p>hi</p>", "text/html", ""), ContentKind::kHtml);
  EXPECT_EQ(Sniff("hello", "text/plain", ""), ContentKind::kText);
  EXPECT_EQ(Sniff("Subject: x\n\nhi", "message/rfc822", ""), ContentKind::kMessage);
  EXPECT_EQ(Sniff("Subject: x\n\nhi", "application/octet-stream", "fwd.eml"),
            ContentKind::kMessage);
  EXPECT_EQ(Sniff("plain words", "application/octet-stream", "notes"), ContentKind::kText);
  EXPECT_EQ(Sniff(std::string("\0\1\2\3", 4), "application/octet-stream", ""),
            ContentKind::kBinary);
  EXPECT_EQ(Sniff("\x89PNG\r\n", "image/png", "a.png"), ContentKind::kBinary);
  EXPECT_EQ(Sniff("{\\rtf1 hello}", "application/rtf", "a.rtf"), ContentKind::kUnsupported);
}

}  // namespace
}  // namespace sendguard
