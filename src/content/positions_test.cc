#include "content/positions.h"

#include <gtest/gtest.h>

#include "content/content_scanner.h"

namespace sendguard {
namespace {

const DetectorDef& Def(const std::vector<DetectorDef>& defs, std::string_view id) {
  for (const DetectorDef& d : defs) {
    if (d.id == id) return d;
  }
  ADD_FAILURE() << "no detector " << id;
  return defs.front();
}

GeoPositions Picture(std::string where, double lat, double lon) {
  return GeoPositions{"exif-gps", "exif", std::move(where), 1, GeoBox{lat, lon, lat, lon}};
}

TEST(PositionsTest, APictureIsALocationFindingMaskedToTheDegree) {
  std::vector<DetectorDef> defs;
  AddPositionDetectors(&defs);
  std::optional<Finding> f =
      PositionFinding(Def(defs, "exif-gps"), {Picture("attachment:a.jpg", 38.8977, -77.0365)});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->category, "location");
  EXPECT_EQ(f->confidence, Confidence::kHigh);
  EXPECT_EQ(f->count, 1);
  EXPECT_EQ(f->where, std::vector<std::string>{"attachment:a.jpg"});
  EXPECT_EQ(f->sample, "38\u00b0N 77\u00b0W");
  EXPECT_EQ(f->detail, "1 position (exif) in 38.8\u00b0N..38.9\u00b0N, 77.1\u00b0W..77.0\u00b0W");
  // A map is not a picture.
  EXPECT_FALSE(PositionFinding(Def(defs, "geo-file"), {Picture("attachment:a.jpg", 1, 2)}));
}

TEST(PositionsTest, MapsAddTheirPointsAndJoinTheirBoxes) {
  std::vector<DetectorDef> defs;
  AddPositionDetectors(&defs);
  std::vector<GeoPositions> p = {
      {"geo-file", "kml", "attachment:sites.kml", 3, GeoBox{-33.91, 18.42, -33.90, 18.44}},
      {"geo-file", "gpx", "attachment:a.zip/track.gpx", 10, GeoBox{-34.2, 18.3, -33.95, 18.5}},
      {"geo-file", "shapefile", "attachment:b.shp", 7, std::nullopt},
  };
  std::optional<Finding> f = PositionFinding(Def(defs, "geo-file"), p);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->count, 3);
  EXPECT_EQ(f->where.size(), 3u);
  EXPECT_EQ(f->detail,
            "20 positions (kml, gpx, shapefile) in 34.2\u00b0S..33.9\u00b0S, "
            "18.3\u00b0E..18.5\u00b0E");
  // Positions that are not in degrees have no box to show.
  std::optional<Finding> projected = PositionFinding(Def(defs, "geo-file"), {p[2]});
  ASSERT_TRUE(projected);
  EXPECT_EQ(projected->sample, "shapefile");
  EXPECT_EQ(projected->detail, "7 positions (shapefile), not in degrees");
}

TEST(PositionsTest, TheScannerReportsAMessagesPositionsInDetectorOrder) {
  Result<std::shared_ptr<const ContentScanner>> scanner = ContentScanner::Builtin();
  ASSERT_TRUE(scanner.ok()) << scanner.status().message();
  MessageData d;
  d.texts.push_back(TextSegment{"body", "SECRET//NOFORN", 0});
  d.positions.push_back(Picture("attachment:a.jpg", 51.5, -0.12));
  d.positions.push_back({"geo-file", "geojson", "attachment:s.geojson", 2, GeoBox{1, 2, 3, 4}});
  Result<std::vector<Finding>> found = (*scanner)->Scan(Message(std::move(d)));
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 3u);
  EXPECT_EQ((*found)[0].detector, "classification-marking");
  EXPECT_EQ((*found)[1].detector, "exif-gps");
  EXPECT_EQ((*found)[2].detector, "geo-file");
  // A text alone reports no positions.
  Result<std::vector<Finding>> text = (*scanner)->ScanText("no map here", "body");
  ASSERT_TRUE(text.ok());
  EXPECT_TRUE(text->empty());
}

}  // namespace
}  // namespace sendguard
