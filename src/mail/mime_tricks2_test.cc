// Hostile MIME, second round (issue 15, acceptance point 3): tricks from
// other projects' hostile-MIME suites on which Python's `email` or npm
// `mailparser` found an attachment or payload that sendguard did not. Each
// message carries a unique token that must reach Message::texts().

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "sendguard/parser.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using namespace sendguard::testing;  // NOLINT

const std::string kHead = kMimeTestHead;

TEST(MimeTricks2Test, UuencodeTransferEncodingWithABeginLine) {
  for (const std::string cte : {"uuencode", "x-uuencode", "uue", "x-uue"}) {
    const std::string zip = MakeZip({{"memo.txt", "SECRET//NOFORN tokUU " + cte}});
    Message m =
        ParseOk(OnePart("Content-Type: application/octet-stream\r\n"
                        "Content-Disposition: attachment; filename=\"memo.zip\"\r\n"
                        "Content-Transfer-Encoding: " +
                        cte + "\r\n\r\nbegin 644 file.bin\r\n" + UuLines(zip) + "`\r\nend\r\n"));
    EXPECT_EQ(SourceOf(m, "tokUU " + cte), "attachment:memo.zip/memo.txt") << cte;
    EXPECT_EQ(m.parts().back().size, zip.size()) << cte;
  }
}

TEST(MimeTricks2Test, ABodyWithoutAnEmptyLineBeforeItIsReadBothWays) {
  // Python's email begins the body at the first line that is no header
  // field; GMime reads those lines as (bad) fields and the body as empty.
  Message m = ParseOk(OnePart("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n" +
                              Base64("SECRET//NOFORN tokSEP\r\n") + "\r\n"));
  EXPECT_EQ(SourceOf(m, "tokSEP"), "body");
  EXPECT_TRUE(HasDefect(m, "missing-header-body-separator"));
  // A junk line, then an empty line: Python decodes the junk with the body,
  // GMime (and mailparser) only what follows the empty line; both are read.
  const std::string zip = MakeZip({{"a.txt", "SECRET//NOFORN tokJUNK"}});
  Message j = ParseOk(
      OnePart("Content-Type: application/zip\r\nContent-Disposition: attachment; filename=a.zip\r\n"
              "Content-Transfer-Encoding: base64\r\nABCD\r\n\r\n" +
              Base64(zip)));
  EXPECT_EQ(SourceOf(j, "tokJUNK"), "message#alt/attachment:a.zip/a.txt");
}

TEST(MimeTricks2Test, AVerticalTabLineEndsTheHeader) {
  Message m =
      ParseOk(OnePart("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n"
                      "\v\r\n" +
                      Base64("SECRET//NOFORN tokVT\r\n")));
  EXPECT_EQ(SourceOf(m, "tokVT"), "body");
}

TEST(MimeTricks2Test, AFieldAfterAControlCharacterIsRead) {
  // mailparser trims the line: "\rContent-Transfer-Encoding: base64" counts.
  for (const std::string c : {"\r", "\v", "\f"}) {
    Message m = ParseOk(OnePart(c +
                                "Content-Transfer-Encoding: base64\r\nContent-Type: "
                                "text/plain\r\n\r\n" +
                                Base64("SECRET//NOFORN tokCTL\r\n")));
    EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokCTL"), "body") << static_cast<int>(c[0]);
    EXPECT_TRUE(HasDefect(m, "control-before-header"));
  }
}

TEST(MimeTricks2Test, AMessageThatBeginsWithALineOfSpaces) {
  // php-mime-mail-parser m0011: GMime reads no message at all.
  const std::string zip = MakeZip({{"f.txt", "SECRET//NOFORN tokSPACES"}});
  Message m =
      ParseOk(std::string(80, ' ') + "\r\n" +
              MakeMessage("ops@army.mil", "s", {Attachment("application/zip", "f.zip", zip)}));
  EXPECT_EQ(SourceOf(m, "tokSPACES"), "attachment:f.zip/f.txt");
  EXPECT_FALSE(HasDefect(m, "unparseable-message"));
  EXPECT_TRUE(HasDefect(m, "blank-first-header-line"));
}

TEST(MimeTricks2Test, FieldsAfterALineThatIsNoFieldStayFields) {
  // Ambiguous: GMime reads the later field, Python begins the body at the
  // junk line; the guard keeps GMime's reading (the base64 is decoded).
  Message m =
      ParseOk(OnePart("Content-Type: text/plain\r\njunk\r\n"
                      "Content-Transfer-Encoding: base64\r\n\r\n" +
                      Base64("SECRET//NOFORN tokKEEP\r\n")));
  EXPECT_EQ(SourceOf(m, "SECRET//NOFORN tokKEEP"), "body");
  EXPECT_FALSE(HasDefect(m, "missing-header-body-separator"));
  EXPECT_EQ(Count(m, "tokKEEP"), 1);
}

TEST(MimeTricks2Test, Utf16WithoutBomLittleEndianNames) {
  // fname-*.rfc2231-utf16le and rfc2047.utf16le: both other readers decode
  // the bytes as little-endian, which they are.
  const std::string le("a\0b\0c\0.\0z\0i\0p\0", 14);
  Message a =
      ParseOk(OnePart("Content-Type: application/octet-stream\r\n"
                      "Content-Disposition: attachment; filename*=utf-16''"
                      "a%00b%00c%00.%00z%00i%00p%00\r\n\r\ntokLE1\r\n"));
  EXPECT_EQ(a.parts().back().filename, "abc.zip");
  Message b = ParseOk(OnePart("Content-Type: application/octet-stream; name=\"=?utf-16?B?" +
                              Base64(le) + "?=\"\r\n\r\ntokLE2\r\n"));
  EXPECT_EQ(b.parts().back().filename, "abc.zip");
}

TEST(MimeTricks2Test, AnyTypeWithABoundaryItsBodyUsesIsSplitToo) {
  // mailparser splits on the boundary whatever the type; Python decodes the
  // encoded word. GMime reads each as one leaf.
  const std::string zip = MakeZip({{"in.txt", "SECRET//NOFORN tokTYPE"}});
  for (const std::string type : {"singlepart/mixed", "\"multipart/mixed\"", "ultipart/mixed",
                                 "x-multipart/mixed", "=?UTF-8?B?bXVsdGlwYXJ0?=/mixed"}) {
    Message m = ParseOk(kHead + "Content-Type: " + type + "; boundary=XX\r\n\r\n--XX\r\n" +
                        "Content-Type: application/zip; name=in.zip\r\n"
                        "Content-Transfer-Encoding: base64\r\n\r\n" +
                        Base64(zip) + "\r\n--XX--\r\n");
    EXPECT_EQ(SourceOf(m, "tokTYPE"), "attachment:part0#multipart/attachment:in.zip/in.txt")
        << type;
    EXPECT_TRUE(HasDefect(m, "boundary-read-otherwise")) << type;
  }
  // A boundary the body does not use: one reading.
  Message plain = ParseOk(kHead + "Content-Type: text/plain; boundary=XX\r\n\r\ntokPLAIN\r\n");
  EXPECT_EQ(Count(plain, "tokPLAIN"), 1);
  EXPECT_FALSE(HasDefect(plain, "boundary-read-otherwise"));
}

TEST(MimeTricks2Test, AnInnerMultipartWithoutItsPartsIsReadAsALeaf) {
  // multipart.invalid / .noboundary / bound*0: Python reads the part as a
  // leaf (its base64 decoded, its name kept); GMime found no part in it
  // and, with a boundary declared, nothing of its body was read.
  const std::string zip = MakeZip({{"in.txt", "SECRET//NOFORN tokLEAF"}});
  for (const std::string type : {"multipart/mixed; boundary=foo", "multipart/invalid; boundary=foo",
                                 "multipart/mixed", "multipart/mixed; boundary*0*=''foo"}) {
    Message m = ParseOk(OnePart("Content-Type: " + type +
                                "\r\nContent-Disposition: attachment; filename=\"in.zip\"\r\n"
                                "Content-Transfer-Encoding: base64\r\n\r\n" +
                                Base64(zip)));
    EXPECT_EQ(SourceOf(m, "tokLEAF"), "attachment:in.zip/in.txt") << type;
    EXPECT_EQ(m.parts().back().filename, "in.zip") << type;
    EXPECT_EQ(m.parts().back().size, zip.size()) << type;
    EXPECT_EQ(m.parts().back().content_type, "application/octet-stream") << type;
  }
}

TEST(MimeTricks2Test, ABoundaryOtherReadersReadOtherwiseSplitsTheBodyToo) {
  // quote_escaped, semicolon_inside, escape_def, eq.esc, hidekey,
  // comment-kebC, quote_noend, space_boundary, double_boundary: the body's
  // delimiters follow one reader's reading of the parameter, not GMime's.
  const std::string zip = MakeZip({{"in.txt", "SECRET//NOFORN tokBND"}});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"boundary=b_1\\\"x\\\"", "b_1\"x\""},
      {"boundary=b_2\\;x", "b_2;x"},
      {"boundary=b\\_3", "b_3"},
      {"\"boundary=b_4\"", "b_4"},
      {"boundary=b_5()", "b_5"},
      {"boundary=\"b_6", "b_6"},
      {"boundary='b 7'", "b 7"},
      {"boundary=b_8; boundary=b_9", "b_9"},
      {"boundary=b_10\\\"x\\\"", "b_10"}};
  for (const auto& [param, used] : cases) {
    Message m = ParseOk(kHead + "Content-Type: multipart/mixed; " + param + "\r\n\r\n--" + used +
                        "\r\nContent-Type: application/zip; name=in.zip\r\n"
                        "Content-Transfer-Encoding: base64\r\n\r\n" +
                        Base64(zip) + "\r\n--" + used + "--\r\n");
    EXPECT_EQ(SourceOf(m, "tokBND"), "body#multipart/attachment:in.zip/in.txt") << param;
    EXPECT_TRUE(HasDefect(m, "boundary-read-otherwise")) << param;
  }
  // The usual case: GMime's reading is the only one.
  Message plain = ParseOk(OnePart("Content-Type: text/plain\r\n\r\ntokONE\r\n"));
  EXPECT_EQ(Count(plain, "tokONE"), 1);
  EXPECT_FALSE(HasDefect(plain, "boundary-read-otherwise"));
}

TEST(MimeTricks2Test, NamesReadAsRfc822ReadsThemAreReportedToo) {
  // fname-*.kCen, k1Ck2en, kexC, kexG, nE;x: comments in the parameter
  // name or value, an escaped ';'. Python's email drops the comments,
  // mailparser undoes the escape; the other names are listed.
  const std::vector<std::pair<std::string, std::string>> cases = {{"filename()=a.zip", "a.zip"},
                                                                  {"filena()me=b.zip", "b.zip"},
                                                                  {"filename=c.zip()", "c.zip"},
                                                                  {"filename=d.zip(.gif)", "d.zip"},
                                                                  {"filename=e\\;.zip", "e;.zip"}};
  for (const auto& [param, name] : cases) {
    Message m =
        ParseOk(OnePart("Content-Type: application/octet-stream\r\n"
                        "Content-Disposition: attachment; " +
                        param + "\r\n\r\ntokNAME\r\n"));
    const Part& p = m.parts().back();
    const bool found =
        p.filename == name || std::find(p.other_filenames.begin(), p.other_filenames.end(), name) !=
                                  p.other_filenames.end();
    EXPECT_TRUE(found) << param << ": " << p.filename;
  }
}

TEST(MimeTricks2Test, AFieldAfterABareCrInsideALineIsReadBothWays) {
  // hidehdr_cr, onlycr, boundary_cr: Python's email ends a line at a bare
  // CR, GMime reads the rest as the field's value (or the delimiter's).
  const std::string zip = MakeZip({{"in.txt", "SECRET//NOFORN tokCR"}});
  const std::string part =
      "Content-Type: application/zip; name=in.zip\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
      Base64(zip) + "\r\n";
  // The top header: the multipart hides in the value of X-Foo.
  Message top =
      ParseOk(kHead + "X-Foo: bar\rContent-Type: multipart/mixed; boundary=CC\r\n\r\n--CC\r\n" +
              part + "--CC--\r\n");
  EXPECT_EQ(SourceOf(top, "tokCR"), "attachment:in.zip/in.txt");
  EXPECT_TRUE(HasDefect(top, "bare-cr-in-header"));
  // A part's header: the transfer encoding hides in the value of X-Foo.
  Message inner =
      ParseOk(OnePart("Content-Type: application/zip; name=in.zip\r\n"
                      "X-Foo: bar\rContent-Transfer-Encoding: base64\r\n\r\n" +
                      Base64(zip)));
  EXPECT_EQ(SourceOf(inner, "tokCR"), "attachment:in.zip/in.txt");
  // After the delimiter: the part's first field hides in the delimiter line.
  Message delim = ParseOk(kHead + "Content-Type: multipart/mixed; boundary=DD\r\n\r\n--DD\r" +
                          part + "--DD--\r\n");
  EXPECT_EQ(SourceOf(delim, "tokCR"), "attachment:in.zip/in.txt");
  EXPECT_TRUE(HasDefect(delim, "bare-cr-in-header"));
}

}  // namespace
}  // namespace sendguard
