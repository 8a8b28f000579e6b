#include "formats/image_reader.h"

#include <string>

#include "formats/binary_reader.h"
#include "formats/image_dimensions.h"

namespace sendguard {

void ImageReader::Read(const Blob& blob, ReadContext& ctx) const {
  ReadStrings(ImageMetadataBytes(blob.data), ctx);
  // A picture whose header cannot be read may be anything: not small.
  const std::optional<ImageDimensions> size = ReadImageDimensions(blob.data);
  if (size) {
    const std::uint64_t pixels = std::uint64_t{size->width} * size->height;
    if (pixels < kMinTextPixels || size->width < kMinTextSide || size->height < kMinTextSide) {
      return;
    }
  }
  const std::string shape =
      size ? std::to_string(size->width) + "x" + std::to_string(size->height) + " picture"
           : std::string("picture of unknown size");
  ctx.Unread("ocr-skipped", "a " + shape + " was not read for text (no OCR)");
}

}  // namespace sendguard
