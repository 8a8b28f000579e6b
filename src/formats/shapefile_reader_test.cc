#include "formats/shapefile_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "formats/reader_test_util.h"

namespace sendguard {
namespace {

void PutBe(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

void PutLe(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (8 * i));
}

void PutDouble(std::string& s, std::size_t at, double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 8; ++i) s[at + i] = static_cast<char>(bits >> (8 * i));
}

// A polyline shapefile of one record with `points` points, its header box
// xmin..xmax, ymin..ymax.
std::string Polyline(std::uint32_t points, double xmin, double ymin, double xmax, double ymax) {
  std::string s(100 + 8 + 44 + 4 + 16 * points, '\0');
  PutBe(s, 0, 9994);
  PutBe(s, 24, static_cast<std::uint32_t>(s.size() / 2));
  PutLe(s, 28, 1000);
  PutLe(s, 32, 3);
  PutDouble(s, 36, xmin);
  PutDouble(s, 44, ymin);
  PutDouble(s, 52, xmax);
  PutDouble(s, 60, ymax);
  PutBe(s, 100, 1);
  PutBe(s, 104, static_cast<std::uint32_t>((44 + 4 + 16 * points) / 2));
  PutLe(s, 108, 3);
  PutLe(s, 108 + 36, 1);
  PutLe(s, 108 + 40, points);
  return s;
}

TEST(ShapefileReaderTest, ReadsThePointsOfTheFixture) {
  const std::string shp = FormatFixture("sites.shp");
  ASSERT_FALSE(shp.empty());
  const MessageData d = ReadAttachment(shp, "sites.shp", "application/octet-stream");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "geo-file");
  EXPECT_EQ(d.positions[0].format, "shapefile");
  EXPECT_EQ(d.positions[0].where, "attachment:sites.shp");
  EXPECT_EQ(d.positions[0].points, 3u);
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_NEAR(d.positions[0].box->west, -77.0563, 1e-9);
  EXPECT_NEAR(d.positions[0].box->north, 38.88, 1e-9);
  EXPECT_TRUE(d.uninspected.empty());
}

TEST(ShapefileReaderTest, CountsPolylinePoints) {
  const ShapefileSummary s = SummarizeShapefile(Polyline(5, 1, 2, 3, 4));
  EXPECT_EQ(s.points, 5u);
  EXPECT_EQ(s.records, 1u);
  EXPECT_FALSE(s.damaged);
  ASSERT_TRUE(s.box);
  EXPECT_DOUBLE_EQ(s.box->south, 2);
  EXPECT_DOUBLE_EQ(s.box->east, 3);
}

TEST(ShapefileReaderTest, AProjectedShapefileHasNoBox) {
  const MessageData d = ReadAttachment(Polyline(2, 320000, 4300000, 330000, 4310000), "utm.shp");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].points, 2u);
  EXPECT_FALSE(d.positions[0].box);
}

TEST(ShapefileReaderTest, ACountBeyondItsRecordIsCorrupt) {
  std::string s = Polyline(2, 1, 2, 3, 4);
  PutLe(s, 108 + 40, 0x10000000);  // more points than the record holds
  const MessageData d = ReadAttachment(s, "bad.shp");
  EXPECT_TRUE(d.positions.empty());
  ASSERT_EQ(d.uninspected.size(), 1u);
  EXPECT_EQ(d.uninspected[0].kind, "corrupt");
  EXPECT_EQ(d.uninspected[0].where, "attachment:bad.shp");
}

TEST(ShapefileReaderTest, ATruncatedFileKeepsWhatWasRead) {
  std::string shp = FormatFixture("sites.shp");
  ASSERT_GT(shp.size(), 130u);
  shp.resize(shp.size() - 10);
  const ShapefileSummary s = SummarizeShapefile(shp);
  EXPECT_EQ(s.points, 2u);
  EXPECT_TRUE(s.damaged);
}

TEST(ShapefileReaderTest, LeavesTheIndexToTheBinaryReader) {
  const MessageData d = ReadAttachment(FormatFixture("sites.shp"), "sites.shx");
  EXPECT_TRUE(d.positions.empty());
  EXPECT_FALSE(IsShapefileHeader(std::string(99, '\0')));
}

}  // namespace
}  // namespace sendguard
