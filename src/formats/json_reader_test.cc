#include "formats/json_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "formats/reader_test_util.h"

namespace sendguard {
namespace {

TEST(JsonReaderTest, SniffsObjectsAndArrays) {
  EXPECT_TRUE(LooksLikeJson(" {\"a\": 1}", ""));
  EXPECT_TRUE(LooksLikeJson("\xEF\xBB\xBF[1]", ""));
  EXPECT_TRUE(LooksLikeJson(std::string("\xFF\xFE{\0}\0", 6), ""));
  EXPECT_FALSE(LooksLikeJson("\"just a string\"", ""));
  EXPECT_FALSE(LooksLikeJson("hello {", ""));
}

TEST(JsonReaderTest, DecodesEscapesAsKeyValueLines) {
  const MessageData d = ReadAttachment(
      "{\"banner\": \"\\u0053ECRET//NOFORN\", \"n\": 4111111111111111, \"f\": 1.5e3,"
      " \"ok\": true, \"none\": null, \"list\": [\"REL TO\", 2], \"obj\": {\"k\\u0065y\": \"v\"}}",
      "a.json");
  EXPECT_EQ(TextOf(d, "attachment:a.json"),
            "banner: SECRET//NOFORN\nn: 4111111111111111\nf: 1.5e3\nok: true\nnone: null\n"
            "list:\nREL TO\n2\nobj:\nkey: v\n");
  EXPECT_TRUE(d.positions.empty());
}

TEST(JsonReaderTest, FallsBackToPlainTextWhenItDoesNotParse) {
  const MessageData d = ReadAttachment("{\"a\": \"\\u0053ECRET\", \"b\": ", "cut.json");
  EXPECT_EQ(TextOf(d, "attachment:cut.json#json"), "a: SECRET\n");
  EXPECT_EQ(TextOf(d, "attachment:cut.json"), "{\"a\": \"\\u0053ECRET\", \"b\": ");
}

TEST(JsonReaderTest, TextThatIsNotJsonIsReadAsText) {
  const MessageData d = ReadAttachment("[EXTERNAL] SECRET//NOFORN", "note.txt");
  EXPECT_EQ(TextOf(d, "attachment:note.txt"), "[EXTERNAL] SECRET//NOFORN");
  EXPECT_TRUE(TextOf(d, "attachment:note.txt#json").empty());
}

TEST(JsonReaderTest, BoundsItsDepth) {
  std::string deep(kMaxJsonDepth + 10, '[');
  deep += std::string(kMaxJsonDepth + 10, ']');
  const MessageData d = ReadAttachment(deep, "deep.json");
  ASSERT_EQ(d.limit_hits.size(), 1u);
  EXPECT_EQ(d.limit_hits[0].limit, "depth");
  EXPECT_EQ(TextOf(d, "attachment:deep.json"), deep);  // read as plain text
}

TEST(JsonReaderTest, ReadsUtf16) {
  const std::string json("\xFF\xFE{\0\"\0a\0\"\0:\0\"\0S\0\"\0}\0", 20);
  const MessageData d = ReadAttachment(json, "u.json");
  EXPECT_EQ(TextOf(d, "attachment:u.json"), "a: S\n");
}

TEST(JsonReaderTest, ReadsGeoJsonPositions) {
  const std::string geojson = FormatFixture("sites.geojson");
  ASSERT_FALSE(geojson.empty());
  const MessageData d = ReadAttachment(geojson, "sites.geojson");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "geo-file");
  EXPECT_EQ(d.positions[0].format, "geojson");
  EXPECT_EQ(d.positions[0].where, "attachment:sites.geojson");
  EXPECT_EQ(d.positions[0].points, 5u);  // a point and a four-point ring
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_NEAR(d.positions[0].box->south, 38.87, 1e-9);
  EXPECT_NEAR(d.positions[0].box->north, 38.88, 1e-9);
  EXPECT_NEAR(d.positions[0].box->west, -77.06, 1e-9);
  EXPECT_NEAR(d.positions[0].box->east, -77.05, 1e-9);
  EXPECT_NE(TextOf(d, "attachment:sites.geojson").find("name: SECRET//NOFORN depot"),
            std::string::npos);
}

TEST(JsonReaderTest, ReadsGeometryCollectionsAndSkipsBadPositions) {
  const MessageData d = ReadAttachment(
      "{\"type\": \"GeometryCollection\", \"geometries\": ["
      "{\"type\": \"Point\", \"coordinates\": [2, 1, 100]},"
      "{\"type\": \"LineString\", \"coordinates\": [[3, 4], [500, 4], [\"x\", 1]]}]}",
      "g.json");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].points, 2u);
  EXPECT_DOUBLE_EQ(d.positions[0].box->north, 4);
  EXPECT_DOUBLE_EQ(d.positions[0].box->west, 2);
}

TEST(JsonReaderTest, CoordinatesOutsideGeoJsonAreNotPositions) {
  const MessageData d = ReadAttachment("{\"coordinates\": [2, 1]}", "c.json");
  EXPECT_TRUE(d.positions.empty());
}

// What TextReader finds besides the text is found in JSON and XML too.
TEST(JsonReaderTest, FindsArmourAndEncodedFilesLikeTextReader) {
  MessageData d = ReadAttachment(
      "{\"note\": \"-----BEGIN PGP MESSAGE-----\\nhQEMA\\n-----END PGP MESSAGE-----\"}", "a.json");
  ASSERT_EQ(d.encrypted.size(), 1u);
  EXPECT_EQ(d.encrypted[0].kind, "pgp");
  MessageData x = ReadAttachment(
      "<?xml version=\"1.0\"?><a>-----BEGIN PGP MESSAGE-----\nhQEMA\n"
      "-----END PGP MESSAGE-----</a>",
      "a.xml");
  ASSERT_EQ(x.encrypted.size(), 1u);
}

}  // namespace
}  // namespace sendguard
