// Hostile MIME (issue 15, point 2): every trick that makes other parsers, and
// so other mail clients, see an attachment or payload that GMime alone would
// not. Each message carries a unique token that must reach Message::texts().

#include <gtest/gtest.h>

#include <string>

#include "sendguard/parser.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using namespace sendguard::testing;  // NOLINT

const std::string kHead = kMimeTestHead;

// The last part (the attachment of OnePart).
const Part& Last(const Message& m) { return m.parts().back(); }

TEST(MimeTricksTest, TwoTransferEncodingsAreBothDecoded) {
  // GMime takes the last (7bit: the base64 text is scanned as it is); most
  // clients the first, and show the decoded banner.
  Message m =
      ParseOk(OnePart("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n"
                      "Content-Transfer-Encoding: 7bit\r\n\r\n" +
                      Base64("SECRET//NOFORN tokCTE\r\n")));
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokCTE"), "body");
  EXPECT_EQ(Last(m).transfer_encoding, "base64");
}

TEST(MimeTricksTest, TwoDispositionsReportBothNamesAndScanEachReading) {
  Message m =
      ParseOk(OnePart("Content-Type: application/octet-stream\r\n"
                      "Content-Disposition: attachment; filename=first.txt\r\n"
                      "Content-Disposition: attachment; filename=second.bin\r\n"
                      "Content-Transfer-Encoding: base64\r\n\r\n" +
                      Base64("SECRET//NOFORN tokCD\r\n")));
  EXPECT_EQ(Last(m).filename, "first.txt");
  EXPECT_EQ(Last(m).label, "attachment:first.txt");
  EXPECT_EQ(Last(m).other_filenames, std::vector<std::string>{"second.bin"});
  EXPECT_EQ(SourceOf(m, "tokCD"), "attachment:first.txt");
  int readings = 0;
  for (const TextSegment& t : m.texts()) readings += t.text.find("tokCD") != std::string::npos;
  EXPECT_EQ(readings, 2);  // the second reading too, as "#alt"
}

TEST(MimeTricksTest, TwoContentTypesTheFirstIsReadAsMostClientsRead) {
  // GMime takes image/png (no text); the first says text/plain.
  Message m = ParseOk(OnePart(
      "Content-Type: text/plain; name=first.txt\r\nContent-Type: image/png; name=second.png\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      Base64("SECRET//NOFORN tokCT\r\n")));
  EXPECT_EQ(Last(m).content_type, "text/plain");
  EXPECT_EQ(Last(m).filename, "first.txt");
  EXPECT_EQ(Last(m).other_filenames, std::vector<std::string>{"second.png"});
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokCT"), "attachment:first.txt");
}

TEST(MimeTricksTest, ALaterContentTypeThatMakesAMultipartIsWalkedToo) {
  // The first Content-Type is a leaf (GMime would read the last... either way
  // the multipart reading is walked as a message of its own).
  const std::string inner =
      "--IN\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=in.txt\r\n"
      "\r\nSECRET//NOFORN tokMP\r\n--IN--\r\n";
  Message m =
      ParseOk(OnePart("Content-Type: multipart/mixed; boundary=IN\r\n"
                      "Content-Type: application/octet-stream\r\n\r\n" +
                      inner));
  EXPECT_NE(SourceOf(m, "SECRET//NOFORN tokMP").find("in.txt"), std::string::npos)
      << SourceOf(m, "tokMP");
}

TEST(MimeTricksTest, AFirstContentTypeThatMakesAMultipartALeafReadsItsWholeBody) {
  // Clients that take the first field show the whole body as text.
  Message m = ParseOk(kHead +
                      "Content-Type: text/plain\r\nContent-Type: multipart/mixed; boundary=BB\r\n"
                      "\r\nSECRET//NOFORN tokpre\r\n--BB\r\nContent-Type: text/plain\r\n\r\n"
                      "hello\r\n--BB--\r\nSECRET//NOFORN tokepi\r\n");
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokpre"), "body#alt");
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokepi"), "body#alt");
  EXPECT_EQ(SourceOf(m, "hello"), "body#alt");  // the whole body, as such a client shows it
}

TEST(MimeTricksTest, TwoMultipartTypesWithTwoBoundariesAreBothSplit) {
  // Clients split by the first boundary (A), GMime by the last (B): the
  // attachment between A delimiters is inside B's decoy part.
  Message m = ParseOk(
      kHead +
      "Content-Type: multipart/mixed; boundary=A\r\nContent-Type: multipart/mixed; boundary=B\r\n"
      "\r\n--B\r\nContent-Type: text/plain\r\n\r\ndecoy\r\n--A\r\n"
      "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
      "Content-Disposition: attachment; filename=hidden.txt\r\n\r\n" +
      Base64("SECRET//NOFORN tokAB\r\n") + "\r\n--A--\r\n--B--\r\n");
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokAB"), "body#alt/attachment:hidden.txt");
  EXPECT_EQ(SourceOf(m, "decoy"), "body");
}

TEST(MimeTricksTest, TopLevelFieldsAreReadEveryWayToo) {
  Message m = ParseOk(kHead +
                      "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n"
                      "Content-Transfer-Encoding: 7bit\r\n\r\n" +
                      Base64("SECRET//NOFORN toktop\r\n") + "\r\n");
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN toktop"), "body");
  EXPECT_EQ(SourceOf(m, Base64("SECRET//NOFORN toktop\r\n")), "body#alt");
}

TEST(MimeTricksTest, AlternateReadingsAreBoundedAndCountAsParts) {
  std::string fields;
  for (int i = 0; i < 8; ++i) {
    fields += "Content-Disposition: attachment; filename=f" + std::to_string(i) + ".txt\r\n";
  }
  Message m = ParseOk(OnePart("Content-Type: text/plain\r\n" + fields + "\r\ntokBOUND\r\n"));
  int readings = 0;
  for (const TextSegment& t : m.texts()) readings += t.text.find("tokBOUND") != std::string::npos;
  EXPECT_EQ(readings, 3);
  EXPECT_EQ(Last(m).other_filenames, (std::vector<std::string>{"f1.txt", "f7.txt"}));
  Limits two;
  two.max_parts = 2;
  Message capped =
      ParseOk(OnePart("Content-Type: text/plain\r\n" + fields + "\r\ntokCAP\r\n"), two);
  ASSERT_FALSE(capped.limit_hits().empty());
  EXPECT_EQ(capped.limit_hits()[0].limit, "parts");
}

TEST(MimeTricksTest, Rfc2231NameWinsOverThePlainOne) {
  Message m = ParseOk(OnePart(
      "Content-Type: application/octet-stream; name=\"plain.bin\"; name*=utf-8''real%2Etxt\r\n"
      "Content-Disposition: attachment; filename=\"plain.bin\"; filename*=utf-8''real.txt\r\n"
      "\r\nSECRET//NOFORN tok2231\r\n"));
  EXPECT_EQ(Last(m).filename, "real.txt");
  EXPECT_EQ(SourceOf(m, "tok2231"), "attachment:real.txt");
}

TEST(MimeTricksTest, Rfc2231ContinuationsOutOfOrderAndCharsetPrefixes) {
  Message m = ParseOk(
      OnePart("Content-Type: text/plain\r\n"
              "Content-Disposition: attachment; filename*1*=t.txt; filename*0*=utf-8''secr\r\n"
              "\r\nSECRET//NOFORN tokorder\r\n"));
  EXPECT_EQ(Last(m).filename, "secrt.txt");
  Message empty = ParseOk(
      OnePart("Content-Type: text/plain\r\nContent-Disposition: attachment; filename*=''a.zip\r\n"
              "\r\ntokempty\r\n"));
  EXPECT_EQ(Last(empty).filename, "a.zip");
}

TEST(MimeTricksTest, ContentTypeNameIsTheFilenameWhenTheDispositionHasNone) {
  Message m = ParseOk(
      OnePart("Content-Type: text/plain; name=ctname.txt\r\nContent-Disposition: attachment\r\n"
              "\r\nSECRET//NOFORN tokct\r\n"));
  EXPECT_EQ(Last(m).filename, "ctname.txt");
  EXPECT_TRUE(Last(m).other_filenames.empty());
  EXPECT_EQ(SourceOf(m, "tokct"), "attachment:ctname.txt");
}

TEST(MimeTricksTest, Utf16WithoutBomIsBigEndianInParameters) {
  Message a = ParseOk(
      OnePart("Content-Type: text/plain\r\n"
              "Content-Disposition: attachment; filename*=utf-16''%00a%00b%00.%00t%00x%00t\r\n"
              "\r\ntoku16\r\n"));
  EXPECT_EQ(Last(a).filename, "ab.txt");
  Message b = ParseOk(OnePart(
      "Content-Type: text/plain\r\nContent-Disposition: attachment; filename=\"=?utf-16?B?" +
      Base64(std::string("\0x\0y\0.\0t\0x\0t", 12)) + "?=\"\r\n\r\ntoku16b\r\n"));
  EXPECT_EQ(Last(b).filename, "xy.txt");
}

TEST(MimeTricksTest, QuotedPrintableSoftBreakWithTransportPadding) {
  Message m = ParseOk(
      OnePart("Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
              "SECRET//NO=  \r\nFORN tok=\t\r\nQP\r\n"));
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokQP"), "body");
}

TEST(MimeTricksTest, Base64AfterPaddingIsDecodedToo) {
  Message m =
      ParseOk(OnePart("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                      Base64("hello!!") + "\r\n" + Base64("SECRET//NOFORN tokb64\r\n") + "\r\n"));
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokb64"), "body");
  EXPECT_EQ(SourceOf(m, "hello!!"), "body");
  EXPECT_TRUE(HasDefect(m, "base64-after-padding"));
}

TEST(MimeTricksTest, Base64AfterPaddingInABinaryPartIsReadInPieces) {
  const std::string zip = MakeZip({{"hidden.txt", "SECRET//NOFORN tokzip"}});
  Message m = ParseOk(
      OnePart("Content-Type: application/zip\r\nContent-Disposition: attachment; filename=a.zip\r\n"
              "Content-Transfer-Encoding: base64\r\n\r\n" +
              Base64(MakeZip({{"decoy.txt", "nothing"}})) + "\r\n" + Base64(zip) + "\r\n"));
  // The whole decoded run ends in the second zip; the first, what most
  // clients show, is read on its own.
  EXPECT_EQ(SourceOf(m, "tokzip"), "attachment:a.zip/hidden.txt");
  EXPECT_EQ(SourceOf(m, "nothing"), "attachment:a.zip#before-padding/decoy.txt");
  EXPECT_TRUE(HasDefect(m, "base64-after-padding"));
}

TEST(MimeTricksTest, DelimiterAfterABareCr) {
  Message m = ParseOk(kHead +
                      "Content-Type: multipart/mixed; boundary=\"BB\"\r\n\r\n--BB\r\n"
                      "Content-Type: text/plain\r\n\r\nhello\r--BB\r\nContent-Type: text/plain\r\n"
                      "Content-Disposition: attachment; filename=cr.txt\r\n\r\n"
                      "SECRET//NOFORN tokcr\r\n\r--BB--\r\n");
  EXPECT_EQ(SourceOf(m, "tokcr"), "attachment:cr.txt");
  EXPECT_EQ(m.parts().size(), 3u);
}

TEST(MimeTricksTest, BoundaryOfThousandsOfCharacters) {
  const std::string b(5000, 'L');
  Message m = ParseOk(kHead + "Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n--" +
                      b + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n--" + b +
                      "\r\nContent-Type: text/plain\r\n"
                      "Content-Disposition: attachment; filename=long.txt\r\n\r\n"
                      "SECRET//NOFORN toklong\r\n--" +
                      b + "--\r\n");
  EXPECT_EQ(SourceOf(m, "toklong"), "attachment:long.txt");
  EXPECT_EQ(m.parts().size(), 3u);
}

TEST(MimeTricksTest, EncodedWordInContentTypeName) {
  Message m = ParseOk(OnePart("Content-Type: text/plain; name=\"=?utf-8?B?" +
                              Base64("r\xC3\xA9p.txt") + "?=\"\r\n\r\ntok2047\r\n"));
  EXPECT_EQ(Last(m).filename, "r\xC3\xA9p.txt");
}

TEST(MimeTricksTest, AttachedMessageLabelledByItsContentTypeName) {
  Message m =
      ParseOk(OnePart("Content-Type: message/rfc822; name=fwd.eml\r\n\r\nSubject: inner\r\n\r\n"
                      "SECRET//NOFORN tok822\r\n"));
  EXPECT_EQ(m.parts()[1].filename, "fwd.eml");
  EXPECT_EQ(SourceOf(m, "tok822"), "attachment:fwd.eml/body");
}

TEST(MimeTricksTest, MultipartWithoutBoundaryIsReadAsText) {
  Message m =
      ParseOk(kHead +
              "Content-Type: multipart/mixed\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n"
              "SECRET//NOFORN toknob\r\n--XX--\r\n");
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN toknob"), "body");
  EXPECT_TRUE(HasDefect(m, "multipart-without-boundary"));
}

}  // namespace
}  // namespace sendguard
