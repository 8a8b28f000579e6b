#include "formats/geo_points.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "mail/extractor.h"

namespace sendguard {
namespace {

TEST(GeoPointsTest, KeepsTheBoxOfValidPoints) {
  GeoPoints p;
  EXPECT_FALSE(p.box());
  EXPECT_TRUE(p.Add(38.87, -77.05));
  EXPECT_TRUE(p.Add(-10, 20));
  EXPECT_FALSE(p.Add(91, 0));
  EXPECT_FALSE(p.Add(0, -180.5));
  EXPECT_FALSE(p.Add(NAN, 0));
  EXPECT_FALSE(p.Add(0, INFINITY));
  EXPECT_EQ(p.points(), 2u);
  EXPECT_EQ(p.rejected(), 4u);
  ASSERT_TRUE(p.box());
  EXPECT_DOUBLE_EQ(p.box()->south, -10);
  EXPECT_DOUBLE_EQ(p.box()->north, 38.87);
  EXPECT_DOUBLE_EQ(p.box()->west, -77.05);
  EXPECT_DOUBLE_EQ(p.box()->east, 20);
}

TEST(GeoPointsTest, ReadsKmlTuplesInLonLatOrder) {
  GeoPoints p;
  p.AddLonLatTuples(" -77.0563,38.8719,0\n\t-77.04,38.88  +2.5,-45 1,2,3,4 x,y 100,95 7");
  EXPECT_EQ(p.points(), 3u);
  EXPECT_EQ(p.rejected(), 4u);  // four numbers, not numbers, lat 95, no comma
  ASSERT_TRUE(p.box());
  EXPECT_DOUBLE_EQ(p.box()->south, -45);
  EXPECT_DOUBLE_EQ(p.box()->north, 38.88);
  EXPECT_DOUBLE_EQ(p.box()->west, -77.0563);
  EXPECT_DOUBLE_EQ(p.box()->east, 2.5);
}

TEST(GeoPointsTest, ReadsSpacedCoordinates) {
  GeoPoints p;
  EXPECT_TRUE(p.AddLonLatSpaced("-77.03 38.89 0"));
  EXPECT_TRUE(p.AddLonLatSpaced(" 2 3 "));
  EXPECT_FALSE(p.AddLonLatSpaced("2"));
  EXPECT_FALSE(p.AddLonLatSpaced("2 3 4 5"));
  EXPECT_FALSE(p.AddLonLatSpaced("2 north"));
  EXPECT_EQ(p.points(), 2u);
  EXPECT_DOUBLE_EQ(p.box()->south, 3);
  EXPECT_DOUBLE_EQ(p.box()->west, -77.03);
}

TEST(GeoPointsTest, ParsesWholeNumbersOnly) {
  EXPECT_EQ(ParseDegrees(" 38.5 "), 38.5);
  EXPECT_EQ(ParseDegrees("+1e1"), 10);
  EXPECT_FALSE(ParseDegrees("38.5x"));
  EXPECT_FALSE(ParseDegrees(""));
  EXPECT_FALSE(ParseDegrees("+"));
}

// Records what it reads as GeoPoints do.
class PointsReader : public DocumentReader {
 public:
  std::string_view name() const override { return "points"; }
  bool Accepts(const Blob&, ContentKind) const override { return true; }
  void Read(const Blob& blob, ReadContext& ctx) const override {
    GeoPoints p;
    p.AddLonLatTuples(blob.data);
    p.Record(ctx, "kml");
  }
};

MessageData ReadPoints(std::string_view text) {
  ReaderRegistry registry;
  registry.Register(std::make_unique<PointsReader>());
  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  Extractor extractor(budget, registry, [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = text;
  blob.label = "attachment:a.kml";
  extractor.Extract(blob);
  return d;
}

TEST(GeoPointsTest, RecordsGeoFilePositions) {
  const MessageData d = ReadPoints("1,2 3,4");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "geo-file");
  EXPECT_EQ(d.positions[0].format, "kml");
  EXPECT_EQ(d.positions[0].where, "attachment:a.kml");
  EXPECT_EQ(d.positions[0].points, 2u);
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_DOUBLE_EQ(d.positions[0].box->north, 4);
  EXPECT_DOUBLE_EQ(d.positions[0].box->east, 3);
}

TEST(GeoPointsTest, RecordsNothingWithoutPoints) {
  EXPECT_TRUE(ReadPoints("none 200,100").positions.empty());
}

}  // namespace
}  // namespace sendguard
