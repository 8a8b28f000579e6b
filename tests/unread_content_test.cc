// Nothing passes unread (issue 15): a sensitive item under a stray byte, a
// misleading charset or an unknown format is still found, and content that
// could not be read does not leave for an outside recipient without a hold.
// Every message goes through the shipped policy to a first-contact external
// recipient, as a new installation would judge it.

#include <gtest/gtest.h>

#include "policy/decision.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using namespace sendguard::testing;    // NOLINT
using namespace std::string_literals;  // NOLINT

constexpr char kBanner[] = "SECRET//NOFORN";
constexpr char kOutside[] = "ops@newcorp.example";

std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) out += std::string{c, '\0'};
  return out;
}

std::string Utf16Be(std::string_view ascii) {
  std::string out;
  for (char c : ascii) out += std::string{'\0', c};
  return out;
}

// Bytes no reader knows (every byte value, as compressed or encrypted data
// has), with `text` inside.
std::string BinaryWith(std::string_view text) {
  std::string out;
  for (int i = 0; i < 512; ++i) out.push_back(static_cast<char>((i * 37 + 11) % 256));
  return out + "\x01"s + std::string(text) + "\x00\x01"s + out;
}

struct Judged {
  Message message;
  Decision decision;
};

Judged Judge(const std::string& raw, const Limits& limits = {}) {
  Config config;
  config.recipients.own_domains = {"army.mil"};
  History history;
  history.Add("army.mil", 9000);
  history.Add("vendor.example", 300);
  history.Finish();
  Result<std::unique_ptr<Context>> context = Context::Create(std::move(config), std::move(history));
  EXPECT_TRUE(context.ok());
  Message m = ParseOk(raw, limits);
  Result<Decision> d = Evaluate(m, **context);
  EXPECT_TRUE(d.ok());
  return {std::move(m), d.ok() ? *d : Decision{}};
}

Judged JudgeParts(const std::vector<MimePart>& parts, const Limits& limits = {}) {
  return Judge(MakeMessage(kOutside, "report", parts), limits);
}

// The sources the classification marking was found in, ";"-joined.
std::string MarkingWhere(const Judged& j) {
  for (const Finding& f : j.decision.findings) {
    if (f.detector != "classification-marking") continue;
    std::string all;
    for (const std::string& w : f.where) all += w + ";";
    return all;
  }
  return "(not found)";
}

bool HasUninspected(const Message& m, const std::string& kind) {
  for (const Uninspected& u : m.uninspected()) {
    if (u.kind == kind) return true;
  }
  return false;
}

TEST(UnreadContentTest, TextWithAStrayNulByteIsText) {
  Judged j = JudgeParts({{"text/plain; charset=utf-8", "8bit", "",
                          "travel plans\r\n"s + kBanner + "\r\nroom 4\0B, gate 7\r\n"s}});
  EXPECT_EQ(MarkingWhere(j), "body;");
  EXPECT_EQ(j.decision.action, Action::kReject);
  EXPECT_TRUE(j.message.uninspected().empty());
}

TEST(UnreadContentTest, Utf16TextIsReadWhateverTheLabelSays) {
  const std::string text = std::string(kBanner) + "\r\nthe plans\r\n";
  // Declared little-endian, no byte-order mark.
  EXPECT_EQ(MarkingWhere(JudgeParts(
                {{"text/plain; charset=utf-16le", "base64", "", Base64(Utf16Le(text))}})),
            "body;");
  // "utf-16" with a mark of either order.
  EXPECT_EQ(MarkingWhere(JudgeParts({{"text/plain; charset=utf-16", "base64", "",
                                      Base64("\xff\xfe"s + Utf16Le(text))}})),
            "body;");
  EXPECT_EQ(MarkingWhere(JudgeParts({{"text/plain; charset=utf-16", "base64", "",
                                      Base64("\xfe\xff"s + Utf16Be(text))}})),
            "body;");
  // "utf-16" without a mark on little-endian bytes, and on big-endian ones.
  EXPECT_EQ(MarkingWhere(
                JudgeParts({{"text/plain; charset=utf-16", "base64", "", Base64(Utf16Le(text))}})),
            "body;");
  EXPECT_EQ(MarkingWhere(
                JudgeParts({{"text/plain; charset=utf-16", "base64", "", Base64(Utf16Be(text))}})),
            "body;");
  // Undeclared UTF-16 in an attachment.
  EXPECT_EQ(MarkingWhere(
                JudgeParts({Attachment("application/octet-stream", "notes.txt", Utf16Le(text))})),
            "attachment:notes.txt;");
}

TEST(UnreadContentTest, ACharsetThatWouldGarbleAsciiIsReadBothWays) {
  const std::string text = "plans\r\n"s + kBanner + "\r\n";
  Judged j = JudgeParts({{"text/plain; charset=ibm037", "8bit", "", text}});
  EXPECT_EQ(MarkingWhere(j), "body#raw;");
  // A charset that keeps ASCII is read once.
  Judged latin = JudgeParts({{"text/plain; charset=iso-8859-1", "8bit", "", text}});
  EXPECT_EQ(MarkingWhere(latin), "body;");
}

TEST(UnreadContentTest, BinaryContentGetsAStringsPassAndIsUninspected) {
  Judged ascii =
      JudgeParts({Attachment("application/octet-stream", "blob.bin", BinaryWith(kBanner))});
  EXPECT_EQ(MarkingWhere(ascii), "attachment:blob.bin#strings;");
  EXPECT_TRUE(HasUninspected(ascii.message, "unsupported"));

  Judged wide = JudgeParts(
      {Attachment("application/octet-stream", "blob.bin", BinaryWith(Utf16Le(kBanner)))});
  EXPECT_EQ(MarkingWhere(wide), "attachment:blob.bin#strings;");

  // Nothing found in it is still not clean: held on the way out.
  Judged quiet = JudgeParts(
      {Attachment("application/x-msdownload", "tool.exe", "MZ"s + BinaryWith("hello there"))});
  EXPECT_TRUE(HasUninspected(quiet.message, "unsupported"));
  EXPECT_EQ(quiet.decision.action, Action::kHold);
  EXPECT_EQ(quiet.decision.rule, "uninspected-outside");
  EXPECT_NE(quiet.decision.reason.find("attachment:tool.exe"), std::string::npos)
      << quiet.decision.reason;
}

TEST(UnreadContentTest, LegacyOfficeAndRtfAreScannedForStringsAndHeld) {
  const std::string ole2 = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"s + std::string(504, '\0');
  Judged doc = JudgeParts({Attachment("application/msword", "memo.doc",
                                      ole2 + Utf16Le("Memo\r") + Utf16Le(kBanner) + ole2)});
  EXPECT_EQ(MarkingWhere(doc), "attachment:memo.doc#strings;");
  EXPECT_TRUE(HasUninspected(doc.message, "corrupt"));  // a damaged OLE2 file

  Judged xls = JudgeParts(
      {Attachment("application/vnd.ms-excel", "sheet.xls", ole2 + "\x0b\x00"s + kBanner + ole2)});
  EXPECT_EQ(MarkingWhere(xls), "attachment:sheet.xls#strings;");

  Judged rtf = JudgeParts({Attachment("application/rtf", "memo.rtf",
                                      "{\\rtf1\\ansi\\deff0\n"s + kBanner + "\\par\n}")});
  EXPECT_EQ(MarkingWhere(rtf), "attachment:memo.rtf;");  // read by the RTF reader now
  EXPECT_FALSE(HasUninspected(rtf.message, "unsupported"));
}

std::string Png(std::uint32_t w, std::uint32_t h) {
  auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
  };
  return "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s + be32(w) + be32(h) + "\x08\x02\0\0\0"s +
         std::string(64, '\x9c');
}

TEST(UnreadContentTest, APictureOfAPageIsHeldButAnIconIsNot) {
  Judged page = JudgeParts({Attachment("image/png", "scan.png", Png(1240, 1754))});
  EXPECT_TRUE(HasUninspected(page.message, "ocr-skipped"));
  EXPECT_EQ(page.decision.action, Action::kHold);
  EXPECT_NE(page.decision.reason.find("1240x1754"), std::string::npos) << page.decision.reason;

  Judged icon = JudgeParts(
      {{"text/plain", "7bit", "", "hello"}, Attachment("image/png", "logo.png", Png(16, 16))});
  EXPECT_TRUE(icon.message.uninspected().empty());
  EXPECT_EQ(icon.decision.action, Action::kAccept);

  // A JPEG (photos carry positions in EXIF) is a picture too.
  const std::string jpeg =
      "\xff\xd8\xff\xe1\x00\x10"
      "Exif\0\0GPS..."s +
      "\xff\xc0\x00\x11\x08\x0b\xb8\x0f\xa0"s + std::string(12, '\0');
  EXPECT_TRUE(HasUninspected(JudgeParts({Attachment("image/jpeg", "site.jpg", jpeg)}).message,
                             "ocr-skipped"));
}

TEST(UnreadContentTest, TextUnderAPictureLabelIsReadAsText) {
  Judged j = JudgeParts({Attachment("image/png", "notes.png", "plans\n"s + kBanner + "\n")});
  EXPECT_EQ(MarkingWhere(j), "attachment:notes.png;");
  EXPECT_FALSE(HasUninspected(j.message, "ocr-skipped"));
}

TEST(UnreadContentTest, APdfPageWithoutTextIsUninspected) {
  // Such a page is read by OCR (formats/pdf_reader_test.cc) while the
  // message's OCR limits allow; past them it is not inspected.
  Limits no_ocr;
  no_ocr.ocr_pages = 0;
  Judged j = JudgeParts({Attachment("application/pdf", "scan.pdf", MakePdf({}))}, no_ocr);
  EXPECT_TRUE(HasUninspected(j.message, "ocr-skipped"));
  EXPECT_EQ(j.decision.action, Action::kHold);
  Judged text = JudgeParts({Attachment("application/pdf", "memo.pdf", MakePdf({"lunch menu"}))});
  EXPECT_TRUE(text.message.uninspected().empty());
}

TEST(UnreadContentTest, MapFilesAreText) {
  const std::string kml =
      "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
      "<name>"s +
      kBanner +
      "</name><Placemark><Point><coordinates>-77.0365,38.8977,0"
      "</coordinates></Point></Placemark></Document></kml>\n";
  const std::string gpx =
      "<?xml version=\"1.0\"?><gpx version=\"1.1\"><wpt lat=\"38.8977\" "
      "lon=\"-77.0365\"><name>"s +
      kBanner + "</name></wpt></gpx>\n";
  const std::string geojson = "{\"type\":\"Feature\",\"properties\":{\"name\":\""s + kBanner +
                              "\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-77.0365,"
                              "38.8977]}}\n";
  EXPECT_EQ(MarkingWhere(
                JudgeParts({Attachment("application/vnd.google-earth.kml+xml", "sites.kml", kml)})),
            "attachment:sites.kml;");
  EXPECT_EQ(MarkingWhere(JudgeParts({Attachment("application/gpx+xml", "route.gpx", gpx)})),
            "attachment:route.gpx;");
  EXPECT_EQ(
      MarkingWhere(JudgeParts({Attachment("application/geo+json", "sites.geojson", geojson)})),
      "attachment:sites.geojson;");
}

TEST(UnreadContentTest, AnArchiveTooDeepOrLockedIsHeld) {
  std::string zip = MakeZip({{"memo.txt", std::string(kBanner) + "\n"}});
  for (int i = 0; i < 3; ++i) zip = MakeZip({{"inner" + std::to_string(i) + ".zip", zip}});
  Limits shallow;
  shallow.max_depth = 2;
  Judged deep = JudgeParts({Attachment("application/zip", "deep.zip", zip)}, shallow);
  EXPECT_TRUE(HasUninspected(deep.message, "limit"));
  EXPECT_EQ(deep.decision.action, Action::kHold);
  EXPECT_EQ(deep.decision.rule, "uninspected-outside");

  Judged locked = JudgeParts({Attachment("application/zip", "locked.zip",
                                         MakeEncryptedZip({{"memo.txt", kBanner}}, "hunter2"))});
  EXPECT_TRUE(HasUninspected(locked.message, "encrypted"));
  EXPECT_EQ(locked.decision.action, Action::kHold);
}

TEST(UnreadContentTest, ADetachedSignatureIsNothingToInspect) {
  // SEQUENCE { OID signedData, ... }, as an S/MIME signature starts.
  const std::string sig =
      "\x30\x82\x01\x00\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"s + BinaryWith("Example CA");
  Judged j = JudgeParts({{"text/plain", "7bit", "", "signed hello"},
                         Attachment("application/pkcs7-signature", "smime.p7s", sig)});
  EXPECT_TRUE(j.message.uninspected().empty());
  EXPECT_EQ(j.decision.action, Action::kAccept);
  // The label alone proves nothing.
  Judged fake =
      JudgeParts({Attachment("application/pkcs7-signature", "smime.p7s", BinaryWith(""))});
  EXPECT_TRUE(HasUninspected(fake.message, "unsupported"));
}

TEST(UnreadContentTest, HiddenHtmlAndFilesInsideTextAreScanned) {
  Judged comment = JudgeParts(
      {{"text/html; charset=utf-8", "7bit", "", "<p>lunch</p><!-- "s + kBanner + " -->"}});
  EXPECT_EQ(MarkingWhere(comment), "body#html-hidden;");
  EXPECT_EQ(comment.decision.action, Action::kReject);

  Judged alt = JudgeParts({{"text/html; charset=utf-8", "7bit", "",
                            "<p>see the badge</p><img src=cid:x alt=\"SSN 212-09-4821\" "
                            "title=\"social security number 212-09-4821\">"}});
  EXPECT_EQ(alt.decision.action, Action::kHold) << alt.decision.reason;
  EXPECT_EQ(alt.decision.rule, "sensitive-to-first-contact");

  // "SECRET//NOFORN\n", uuencoded (Python's binascii.b2a_uu).
  Judged uu = JudgeParts({{"text/plain", "7bit", "",
                           "notes attached\r\nbegin 644 notes.txt\r\n"
                           "/4T5#4D54+R].3T9/4DX*\r\n`\r\nend\r\n"}});
  EXPECT_EQ(MarkingWhere(uu), "body/notes.txt;");
}

TEST(UnreadContentTest, InsideTheOrganisationUnreadContentGoes) {
  Judged j = Judge(MakeMessage("ops@army.mil", "report",
                               {Attachment("image/png", "scan.png", Png(1240, 1754))}));
  EXPECT_TRUE(HasUninspected(j.message, "ocr-skipped"));
  EXPECT_EQ(j.decision.action, Action::kAccept);
}

}  // namespace
}  // namespace sendguard
