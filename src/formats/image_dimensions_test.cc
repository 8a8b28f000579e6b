#include "formats/image_dimensions.h"

#include <gtest/gtest.h>

#include <string>

namespace sendguard {
namespace {

using namespace std::string_literals;  // NOLINT

std::string Be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

TEST(ImageDimensionsTest, ReadsPngGifAndBmpHeaders) {
  const std::string png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s + Be32(800) + Be32(600) + "\x08\x02";
  ASSERT_TRUE(ReadImageDimensions(png));
  EXPECT_EQ(ReadImageDimensions(png)->width, 800u);
  EXPECT_EQ(ReadImageDimensions(png)->height, 600u);

  const std::string gif = "GIF89a\x10\x00\x20\x00"s;
  ASSERT_TRUE(ReadImageDimensions(gif));
  EXPECT_EQ(ReadImageDimensions(gif)->width, 16u);
  EXPECT_EQ(ReadImageDimensions(gif)->height, 32u);

  std::string bmp = "BM"s + std::string(12, '\0') + "\x28\0\0\0"s + "\x40\x01\0\0"s +
                    "\x38\xff\xff\xff"s;  // 320 wide, -200 high (top-down)
  ASSERT_TRUE(ReadImageDimensions(bmp));
  EXPECT_EQ(ReadImageDimensions(bmp)->width, 320u);
  EXPECT_EQ(ReadImageDimensions(bmp)->height, 200u);
}

TEST(ImageDimensionsTest, WalksJpegMarkersToTheFrameHeader) {
  // SOI, an APP0 segment, then SOF0 with height 480 and width 640.
  const std::string jpeg =
      "\xff\xd8\xff\xe0\x00\x06JFIF\xff\xc0\x00\x11\x08\x01\xe0\x02\x80"s + std::string(12, '\0');
  ASSERT_TRUE(ReadImageDimensions(jpeg));
  EXPECT_EQ(ReadImageDimensions(jpeg)->width, 640u);
  EXPECT_EQ(ReadImageDimensions(jpeg)->height, 480u);
}

TEST(ImageDimensionsTest, MetadataIsWhatComesBeforeThePixels) {
  const std::string jpeg =
      "\xff\xd8\xff\xfe\x00\x0a"s + "Comment!\xff\xda\x00\x02pixels"s;  // SOI, COM, SOS
  EXPECT_EQ(ImageMetadataBytes(jpeg), jpeg.substr(0, jpeg.find("\xff\xda")));
  const std::string png = "\x89PNG\r\n\x1a\n"s + Be32(4) + "tEXt" + "abcd" + "crc!" + Be32(6) +
                          "IDAT" + "pixels" + "crc!";
  EXPECT_EQ(ImageMetadataBytes(png), png.substr(0, png.find("IDAT") - 4));
  const std::string cut = "\x89PNG\r\n\x1a\n"s + Be32(1000) + "tEXt";  // a length past the end
  EXPECT_EQ(ImageMetadataBytes(cut), cut);
  EXPECT_EQ(ImageMetadataBytes(std::string(100000, 'G')).size(), 65536u);
}

TEST(ImageDimensionsTest, CutOrForeignHeadersHaveNoSize) {
  EXPECT_FALSE(ReadImageDimensions("\x89PNG\r\n\x1a\n\0\0"s));
  EXPECT_FALSE(ReadImageDimensions("\xff\xd8\xff\xe0\x00\x01"s));  // length below 2
  EXPECT_FALSE(ReadImageDimensions("\xff\xd8\xff\xe0\xff\xff"s));  // runs past the end
  EXPECT_FALSE(ReadImageDimensions("II*\0"s));                     // TIFF: not read
  EXPECT_FALSE(ReadImageDimensions("plain text"));
}

}  // namespace
}  // namespace sendguard
