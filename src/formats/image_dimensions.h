// The size in pixels of a picture, read from its header alone.

#ifndef SENDGUARD_FORMATS_IMAGE_DIMENSIONS_H_
#define SENDGUARD_FORMATS_IMAGE_DIMENSIONS_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace sendguard {

struct ImageDimensions {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

// The width and height a PNG, GIF, BMP, JPEG or WebP header in `data`
// declares, or nullopt when `data` is none of these or its header is cut
// or damaged (TIFF is not read: nullopt). Reads only the header bytes; for a
// JPEG, walks the markers up to the first frame header.
std::optional<ImageDimensions> ReadImageDimensions(std::string_view data);

// The bytes of the picture in `data` before its compressed pixel data, where
// its comments and metadata (EXIF, XMP, text chunks) are: a JPEG up to its
// first start-of-scan marker, a PNG up to its first IDAT chunk; of other
// formats, or a PNG whose chunks cannot be followed, the first 64 KB.
std::string_view ImageMetadataBytes(std::string_view data);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_IMAGE_DIMENSIONS_H_
