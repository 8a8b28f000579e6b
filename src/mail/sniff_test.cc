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
  EXPECT_EQ(Sniff("\x89PNG\r\n", "image/png", "a.png"), ContentKind::kImage);
  EXPECT_EQ(Sniff("GIF89a\x01\x00", "", ""), ContentKind::kImage);
  EXPECT_EQ(Sniff(std::string_view("RIFF\x04\0\0\0WEBPVP8 ", 16), "", ""), ContentKind::kImage);
  EXPECT_EQ(Sniff("RIFF%P", "", ""),
            ContentKind::kText);  // cut short: no WebP (found by attachment_fuzz)
  EXPECT_EQ(Sniff("MZ\x90", "image/png", ""), ContentKind::kBinary);
  EXPECT_EQ(Sniff("{\\rtf1 hello}", "application/rtf", "a.rtf"), ContentKind::kRtf);
  EXPECT_EQ(Sniff("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword", "a.doc"),
            ContentKind::kOle2);
  EXPECT_EQ(Sniff("\x78\x9f\x3e\x22\x01\x00", "application/ms-tnef", "winmail.dat"),
            ContentKind::kTnef);
}

TEST(SniffTest, TheBytesDecideWhatIsText) {
  using namespace std::string_literals;  // NOLINT
  // A stray NUL or control byte does not make text binary.
  EXPECT_EQ(Sniff("SECRET//NOFORN\ntravel plans for the week: room 4\0B\x01, gate 7\n"s,
                  "text/plain", ""),
            ContentKind::kText);
  // UTF-16 without a byte-order mark, in either order, and with one.
  EXPECT_EQ(Sniff("S\0E\0C\0R\0E\0T\0"s, "application/octet-stream", ""), ContentKind::kText);
  EXPECT_EQ(Sniff("\0S\0E\0C\0R\0E\0T"s, "", ""), ContentKind::kText);
  EXPECT_EQ(Sniff("\xff\xfeS\0"s, "", ""), ContentKind::kText);
  // Text under a label that promises something else is text.
  EXPECT_EQ(Sniff("plain words", "image/png", "a.png"), ContentKind::kText);
  EXPECT_EQ(Sniff("plain words", "application/pkcs7-signature", ""), ContentKind::kText);
  // One byte in twenty a control character is binary.
  std::string noisy(100, 'a');
  for (int i = 0; i < 100; i += 25) noisy[i] = '\x02';
  EXPECT_EQ(Sniff(noisy, "text/plain", ""), ContentKind::kText);
  for (int i = 0; i < 100; i += 4) noisy[i] = '\x02';
  EXPECT_EQ(Sniff(noisy, "text/plain", ""), ContentKind::kBinary);
}

}  // namespace
}  // namespace sendguard
