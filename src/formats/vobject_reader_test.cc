#include "formats/vobject_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "mail/extractor.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

MessageData Extract(const std::string& data, const std::string& charset = "") {
  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.charset = charset;
  blob.label = "attachment:a.ics";
  blob.content_type = "text/calendar";
  extractor.Extract(blob);
  return d;
}

std::string TextUnder(const MessageData& d, const std::string& source) {
  std::string out;
  for (const TextSegment& t : d.texts) {
    if (t.source == source) out += t.text;
  }
  return out;
}

TEST(VObjectReaderTest, AcceptsCalendarsAndCardsOnly) {
  VObjectReader r;
  Blob b;
  b.data = "\xEF\xBB\xBF\r\n begin:vcalendar\r\n";
  EXPECT_TRUE(r.Accepts(b, ContentKind::kText));
  b.data = "BEGIN:VCARD\r\n";
  EXPECT_TRUE(r.Accepts(b, ContentKind::kText));
  EXPECT_FALSE(r.Accepts(b, ContentKind::kHtml));
  b.data = "Hello BEGIN:VCARD";
  EXPECT_FALSE(r.Accepts(b, ContentKind::kText));
  std::string utf16("\xFF\xFE", 2);
  for (char c : std::string("BEGIN:VCARD\r\n")) utf16 += std::string{c, '\0'};
  b.data = utf16;
  EXPECT_TRUE(r.Accepts(b, ContentKind::kText));
  EXPECT_EQ(ReaderRegistry::Builtin().Find(b, ContentKind::kText)->name(), "vobject");
}

TEST(VObjectReaderTest, PropertiesWithTheirNamesUnfoldedAndUnescaped) {
  MessageData d = Extract(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
      "SUMMARY:Budget\\, review\\; SECRET//NO\r\n FORN\r\n"
      "DESCRIPTION:line one\\nline two\r\n"
      "ATTENDEE;CN=\"Doe, John\";ROLE=REQ-PARTICIPANT:mailto:jd@example.org\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n");
  std::string text = TextUnder(d, "attachment:a.ics");
  EXPECT_NE(text.find("SUMMARY: Budget, review; SECRET//NOFORN\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DESCRIPTION: line one\nline two\n"), std::string::npos) << text;
  EXPECT_NE(text.find("ATTENDEE: mailto:jd@example.org (CN=Doe, John)"), std::string::npos) << text;
}

TEST(VObjectReaderTest, VCard21QuotedPrintableInItsCharset) {
  MessageData d = Extract(
      "BEGIN:VCARD\r\nVERSION:2.1\r\n"
      "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:SSN caf=E9 212-09-=\r\n4821\r\n"
      "item1.TEL;HOME;VOICE:+1 555 0100\r\nEND:VCARD\r\n");
  std::string text = TextUnder(d, "attachment:a.ics");
  EXPECT_NE(text.find("NOTE: SSN caf\xc3\xa9 212-09-4821\n"), std::string::npos) << text;
  EXPECT_NE(text.find("TEL: +1 555 0100"), std::string::npos) << text;
}

TEST(VObjectReaderTest, BinaryValuesAreReadAsMembers) {
  const std::string b64 = testing::Base64("SECRET//NOFORN attached notes");
  MessageData d = Extract(
      "BEGIN:VCALENDAR\r\nATTACH;FMTTYPE=text/plain;ENCODING=BASE64;VALUE=BINARY;"
      "X-FILENAME=notes.txt:" +
      b64 + "\r\nEND:VCALENDAR\r\n");
  EXPECT_EQ(TextUnder(d, "attachment:a.ics/notes.txt"), "SECRET//NOFORN attached notes");
  MessageData card = Extract("BEGIN:VCARD\r\nPHOTO:data:text/plain;base64," +
                             testing::Base64("photo text") + "\r\nEND:VCARD\r\n");
  EXPECT_EQ(TextUnder(card, "attachment:a.ics/photo1.bin"), "photo text");
}

TEST(VObjectReaderTest, GeoIsAPosition) {
  MessageData d = Extract(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nGEO:37.386013;-122.082932\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nGEO:38.5;-121.5\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "geo-file");
  EXPECT_EQ(d.positions[0].format, "ics");
  EXPECT_EQ(d.positions[0].points, 2u);
  ASSERT_TRUE(d.positions[0].box.has_value());
  EXPECT_DOUBLE_EQ(d.positions[0].box->south, 37.386013);
  EXPECT_DOUBLE_EQ(d.positions[0].box->north, 38.5);
  EXPECT_DOUBLE_EQ(d.positions[0].box->west, -122.082932);
  MessageData card = Extract("BEGIN:VCARD\r\nGEO:geo:51.5,-0.12\r\nGEO:200;1\r\nEND:VCARD\r\n");
  ASSERT_EQ(card.positions.size(), 1u);
  EXPECT_EQ(card.positions[0].format, "vcard");
  EXPECT_EQ(card.positions[0].points, 1u);  // 200 is no latitude
}

TEST(VObjectReaderTest, ReadsWhatTextReaderReadsBesides) {
  MessageData d = Extract(
      "BEGIN:VCALENDAR\r\nDESCRIPTION:see below\r\n-----BEGIN PGP MESSAGE-----\r\n"
      "begin 644 a.txt\r\n&4T5#4D54\r\n`\r\nend\r\nEND:VCALENDAR\r\n");
  ASSERT_EQ(d.encrypted.size(), 1u);
  EXPECT_EQ(TextUnder(d, "attachment:a.ics/a.txt"), "SECRET");
  // Lines that are not content lines are kept as they are.
  EXPECT_NE(TextUnder(d, "attachment:a.ics").find("-----BEGIN PGP MESSAGE-----\n"),
            std::string::npos);
}

}  // namespace
}  // namespace sendguard
