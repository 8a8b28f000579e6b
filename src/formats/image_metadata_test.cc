#include "formats/image_metadata.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "formats/reader_test_util.h"
#include "mail/extractor.h"

namespace sendguard {
namespace {

// Reads pictures as ImageReader will: through ReadImageMetadata.
class MetadataReader : public DocumentReader {
 public:
  std::string_view name() const override { return "metadata"; }
  bool Accepts(const Blob&, ContentKind) const override { return true; }
  void Read(const Blob& blob, ReadContext& ctx) const override { ReadImageMetadata(blob, ctx); }
};

MessageData ReadPicture(std::string_view data, std::string_view name) {
  ReaderRegistry registry;
  registry.Register(std::make_unique<MetadataReader>());
  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  Extractor extractor(budget, registry, [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.filename = name;
  blob.label = "attachment:" + std::string(name);
  extractor.Extract(blob);
  return d;
}

TEST(ImageMetadataTest, ParsesXmpCoordinates) {
  EXPECT_NEAR(*ParseXmpCoordinate("38,53.85N"), 38.8975, 1e-9);
  EXPECT_NEAR(*ParseXmpCoordinate("77,3,22.68W"), -(77 + 3 / 60.0 + 22.68 / 3600), 1e-9);
  EXPECT_NEAR(*ParseXmpCoordinate("12.5S"), -12.5, 1e-9);
  EXPECT_FALSE(ParseXmpCoordinate(""));
  EXPECT_FALSE(ParseXmpCoordinate("N"));
  EXPECT_FALSE(ParseXmpCoordinate("1,2,3,4N"));
  EXPECT_FALSE(ParseXmpCoordinate("-1,2N"));
  EXPECT_FALSE(ParseXmpCoordinate("a,bN"));
}

TEST(ImageMetadataTest, ReadsExifGpsAndComments) {
  const std::string jpg = FormatFixture("gps.jpg");
  ASSERT_FALSE(jpg.empty());
  const MessageData d = ReadPicture(jpg, "gps.jpg");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "exif-gps");
  EXPECT_EQ(d.positions[0].format, "exif");
  EXPECT_EQ(d.positions[0].where, "attachment:gps.jpg");
  EXPECT_EQ(d.positions[0].points, 1u);
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_NEAR(d.positions[0].box->south, 38.8719, 1e-4);
  EXPECT_NEAR(d.positions[0].box->west, -77.0563, 1e-4);
  const std::string text = TextOf(d, "attachment:gps.jpg#metadata");
  EXPECT_NE(text.find("SECRET//NOFORN site photo"), std::string::npos) << text;
  EXPECT_NE(text.find("J. Doe"), std::string::npos) << text;
  EXPECT_NE(text.find("SECRET//NOFORN comment"), std::string::npos) << text;  // UTF-16 XPComment
  EXPECT_NE(text.find("taken at the depot"), std::string::npos) << text;      // UserComment
}

TEST(ImageMetadataTest, ReadsXmpGpsAndDescription) {
  const std::string png = FormatFixture("xmp.png");
  ASSERT_FALSE(png.empty());
  const MessageData d = ReadPicture(png, "xmp.png");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "exif-gps");
  EXPECT_EQ(d.positions[0].format, "xmp");
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_NEAR(d.positions[0].box->north, 38.8975, 1e-4);
  EXPECT_NEAR(d.positions[0].box->east, -77.0563, 1e-4);
  const std::string text = TextOf(d, "attachment:xmp.png#metadata");
  EXPECT_NE(text.find("SECRET//NOFORN overhead"), std::string::npos) << text;
}

TEST(ImageMetadataTest, ReadsGeoTiffTiePoints) {
  const std::string tif = FormatFixture("geo.tif");
  ASSERT_FALSE(tif.empty());
  const MessageData d = ReadPicture(tif, "geo.tif");
  ASSERT_EQ(d.positions.size(), 1u);
  EXPECT_EQ(d.positions[0].kind, "geo-file");
  EXPECT_EQ(d.positions[0].format, "geotiff");
  EXPECT_EQ(d.positions[0].points, 1u);
  ASSERT_TRUE(d.positions[0].box);
  EXPECT_NEAR(d.positions[0].box->west, -77.06, 1e-4);
  EXPECT_NEAR(d.positions[0].box->north, 38.88, 1e-4);
  EXPECT_NEAR(d.positions[0].box->east, -77.056, 1e-4);
  EXPECT_NEAR(d.positions[0].box->south, 38.876, 1e-4);
}

TEST(ImageMetadataTest, APictureExiv2CannotReadStillHasItsStringsScanned) {
  const std::string junk = "\xFF\xD8\xFF\xE1garbage SECRET//NOFORN garbage";
  const MessageData d = ReadPicture(junk, "bad.jpg");
  EXPECT_TRUE(d.positions.empty());
  EXPECT_NE(TextOf(d, "attachment:bad.jpg#strings").find("SECRET//NOFORN"), std::string::npos);
}

}  // namespace
}  // namespace sendguard
