#include "formats/xml_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "formats/archive_reader.h"
#include "formats/reader_test_util.h"

namespace sendguard {
namespace {

TEST(XmlReaderTest, SniffsXmlButNotHtml) {
  EXPECT_TRUE(LooksLikeXml("<?xml version=\"1.0\"?><a/>"));
  EXPECT_TRUE(LooksLikeXml("\xEF\xBB\xBF  <!-- c --><kml/>"));
  EXPECT_TRUE(LooksLikeXml("<!DOCTYPE note [<!ENTITY a \"b\">]><note/>"));
  EXPECT_TRUE(LooksLikeXml(std::string("\xFF\xFE<\0a\0/\0>\0", 10)));
  EXPECT_FALSE(LooksLikeXml("<!DOCTYPE html><html></html>"));
  EXPECT_FALSE(LooksLikeXml("<HTML><body>x</body></HTML>"));
  EXPECT_FALSE(LooksLikeXml("Hello <b>"));
  EXPECT_FALSE(LooksLikeXml("< not a tag"));
}

TEST(XmlReaderTest, ScansTextCdataAttributesAndComments) {
  const MessageData d = ReadAttachment(
      "<?xml version=\"1.0\"?><doc title=\"TOP SECRET//SI\"><!-- CONFIDENTIAL note -->"
      "<p>SECRET//NOFORN</p><![CDATA[<b>REL TO USA</b>]]><?pi SENSITIVE?></doc>",
      "a.xml");
  const std::string text = TextOf(d, "attachment:a.xml");
  EXPECT_NE(text.find("TOP SECRET//SI"), std::string::npos) << text;
  EXPECT_NE(text.find("CONFIDENTIAL note"), std::string::npos) << text;
  EXPECT_NE(text.find("SECRET//NOFORN"), std::string::npos) << text;
  EXPECT_NE(text.find("<b>REL TO USA</b>"), std::string::npos) << text;
  EXPECT_NE(text.find("SENSITIVE"), std::string::npos) << text;
  // Markup is not text.
  EXPECT_EQ(text.find("<p>"), std::string::npos) << text;
}

TEST(XmlReaderTest, ExpandsInternalEntities) {
  const MessageData d = ReadAttachment(
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY s \"SEC\"><!ENTITY t \"&s;RET\">]>"
      "<d>&t;//NOFORN &#x53;&#69;CRET</d>",
      "e.xml");
  const std::string text = TextOf(d, "attachment:e.xml");
  EXPECT_NE(text.find("SECRET//NOFORN SECRET"), std::string::npos) << text;
}

TEST(XmlReaderTest, NeverLoadsExternalEntities) {
  const std::string path = ::testing::TempDir() + "/xxe.txt";
  std::ofstream(path) << "EXTERNAL-CONTENT-42";
  const std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file://" + path +
                          "\"><!ENTITY % p SYSTEM \"file://" + path + "\">%p;]><d>a&x;b</d>";
  const MessageData d = ReadAttachment(xml, "x.xml");
  for (const TextSegment& t : d.texts) {
    EXPECT_EQ(t.text.find("EXTERNAL-CONTENT-42"), std::string::npos) << t.source << t.text;
  }
  std::remove(path.c_str());
}

TEST(XmlReaderTest, StopsAnEntityBomb) {
  std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a0 \"SECRETSECRET\">";
  for (int i = 1; i < 12; ++i) {
    xml += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) xml += "&a" + std::to_string(i - 1) + ";";
    xml += "\">";
  }
  xml += "]><d>&a11;</d>";
  Limits limits;
  limits.max_expansion_floor = 1u << 16;
  limits.max_expansion_ratio = 10;
  const MessageData d = ReadAttachment(xml, "bomb.xml", "", "", limits);
  std::size_t total = 0;
  for (const TextSegment& t : d.texts) total += t.text.size();
  EXPECT_LT(total, std::size_t{1} << 20);
  // Either libxml2's amplification check or the expansion ratio stopped it;
  // the raw text is read either way.
  EXPECT_NE(TextOf(d, "attachment:bomb.xml").find("SECRETSECRET"), std::string::npos);
}

TEST(XmlReaderTest, HitsTheExpansionRatio) {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"" + std::string(1000, 'x') + "\">]><d>";
  for (int i = 0; i < 200; ++i) xml += "&a;";
  xml += "</d>";
  Limits limits;
  limits.max_expansion_floor = 1000;
  limits.max_expansion_ratio = 2;
  const MessageData d = ReadAttachment(xml, "r.xml", "", "", limits);
  ASSERT_EQ(d.limit_hits.size(), 1u);
  EXPECT_EQ(d.limit_hits[0].limit, "expansion-ratio");
  EXPECT_EQ(d.limit_hits[0].where, "attachment:r.xml");
}

TEST(XmlReaderTest, FallsBackToPlainTextWhenNotWellFormed) {
  const MessageData d =
      ReadAttachment("<?xml version=\"1.0\"?><d><p>SECRET//NOFORN</d>", "bad.xml");
  const std::string text = TextOf(d, "attachment:bad.xml");
  // TextReader's reading: the raw bytes, markup and all.
  EXPECT_NE(text.find("<p>SECRET//NOFORN</d>"), std::string::npos) << text;
  EXPECT_NE(TextOf(d, "attachment:bad.xml#xml").find("SECRET//NOFORN"), std::string::npos);
}

TEST(XmlReaderTest, ReadsTheDeclaredEncoding) {
  const MessageData d = ReadAttachment(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><d>R\xE9union</d>", "l.xml", "", "utf-8");
  EXPECT_NE(TextOf(d, "attachment:l.xml").find("R\xC3\xA9union"), std::string::npos);
}

TEST(XmlReaderTest, ReadsTheMimeCharsetWhenTheDocumentDeclaresNone) {
  const MessageData d = ReadAttachment("<d>R\xE9union</d>", "m.xml", "text/xml", "iso-8859-1");
  EXPECT_NE(TextOf(d, "attachment:m.xml").find("R\xC3\xA9union"), std::string::npos);
}

TEST(XmlReaderTest, ReadsUtf16) {
  const std::string xml("\xFF\xFE<\0d\0>\0S\0E\0C\0R\0E\0T\0<\0/\0d\0>\0", 28);
  const MessageData d = ReadAttachment(xml, "u.xml");
  EXPECT_NE(TextOf(d, "attachment:u.xml").find("SECRET"), std::string::npos);
}

TEST(XmlReaderTest, ReadsKmlPositions) {
  const std::string kml = FormatFixture("sites.kml");
  ASSERT_FALSE(kml.empty());
  const MessageData d = ReadAttachment(kml, "sites.kml");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "geo-file");
  EXPECT_EQ(d.positions[0].format, "kml");
  EXPECT_EQ(d.positions[0].where, "attachment:sites.kml");
  EXPECT_EQ(d.positions[0].points, 4u);  // a point, a two-point line, a gx:coord
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_NEAR(d.positions[0].box->south, 38.87, 1e-9);
  EXPECT_NEAR(d.positions[0].box->north, 38.89, 1e-9);
  EXPECT_NEAR(d.positions[0].box->west, -77.0563, 1e-9);
  EXPECT_NEAR(d.positions[0].box->east, -77.03, 1e-9);
  EXPECT_NE(TextOf(d, "attachment:sites.kml").find("<b>SECRET//NOFORN</b> staging"),
            std::string::npos);
}

TEST(XmlReaderTest, ReadsKmzThroughTheArchiveReader) {
  const std::string kmz = FormatFixture("sites.kmz");
  ASSERT_FALSE(kmz.empty());
  const MessageData d = ReadAttachment(kmz, "sites.kmz", "application/vnd.google-earth.kmz");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].format, "kml");
  EXPECT_EQ(d.positions[0].where, "attachment:sites.kmz/doc.kml");
  EXPECT_EQ(d.positions[0].points, 4u);
}

TEST(XmlReaderTest, ReadsGpxPositions) {
  const std::string gpx = FormatFixture("track.gpx");
  ASSERT_FALSE(gpx.empty());
  const MessageData d = ReadAttachment(gpx, "track.gpx");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].format, "gpx");
  EXPECT_EQ(d.positions[0].points, 4u);  // a waypoint, a route point, two track points
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_NEAR(d.positions[0].box->south, 38.87, 1e-9);
  EXPECT_NEAR(d.positions[0].box->west, -77.06, 1e-9);
  EXPECT_NE(TextOf(d, "attachment:track.gpx").find("SECRET//NOFORN"), std::string::npos);
}

TEST(XmlReaderTest, KeepsPositionsReadBeforeDamage) {
  const MessageData d = ReadAttachment(
      "<gpx><wpt lat=\"10\" lon=\"20\"/><wpt lat=\"11\" lon=\"21\"/><broken", "cut.gpx");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].points, 2u);
}

TEST(XmlReaderTest, ReadsKmlFragmentsAndBoxes) {
  const MessageData d = ReadAttachment(
      "<GroundOverlay xmlns=\"http://www.opengis.net/kml/2.2\"><LatLonBox><north>38.9</north>"
      "<south>38.8</south><east>-77.0</east><west>-77.1</west></LatLonBox></GroundOverlay>",
      "overlay.kml");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].format, "kml");
  EXPECT_EQ(d.positions[0].points, 2u);
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_DOUBLE_EQ(d.positions[0].box->north, 38.9);
  EXPECT_DOUBLE_EQ(d.positions[0].box->south, 38.8);
  EXPECT_DOUBLE_EQ(d.positions[0].box->east, -77.0);
  EXPECT_DOUBLE_EQ(d.positions[0].box->west, -77.1);
}

TEST(XmlReaderTest, PlainXmlHasNoPositions) {
  const MessageData d = ReadAttachment(
      "<root><coordinates>1,2</coordinates><wpt lat=\"1\" lon=\"2\"/></root>", "plain.xml");
  EXPECT_TRUE(d.positions.empty());
}

}  // namespace
}  // namespace sendguard
