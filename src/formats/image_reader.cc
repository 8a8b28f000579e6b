#include "formats/image_reader.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <string>

#include "formats/image_dimensions.h"
#include "formats/image_metadata.h"
#include "formats/ocr.h"

namespace sendguard {
namespace {

std::string Shape(std::uint64_t width, std::uint64_t height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

// Reads the pages of the TIFF in `data`, one at a time, each admitted first.
void ReadTiff(OcrEngine& engine, const l_uint8* data, std::size_t size, ReadContext& ctx) {
  std::size_t offset = 0;
  for (int n = 0; n < ImageReader::kMaxTiffPages; ++n) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderMemTiff(data, size, n, &w, &h, &bps, &spp, &res, &cmap, &format) != 0) {
      if (n == 0) ctx.Unread("ocr-skipped", "a TIFF picture could not be decoded for OCR");
      return;
    }
    const std::string what =
        (n == 0 ? "a " : "page " + std::to_string(n + 1) + ", a ") + Shape(w, h) + " TIFF picture";
    if (!AdmitOcr(w, h, what, ctx)) return;
    PixPtr pix(pixReadMemFromMultipageTiff(data, size, &offset));
    if (!pix) {
      ctx.Unread("ocr-skipped", what + " could not be decoded for OCR");
      return;
    }
    OcrPixels(engine, pix.get(), what,
              n == 0 ? std::string("#ocr") : "#page-" + std::to_string(n + 1) + "-ocr", ctx);
    if (offset == 0) return;  // the last page
  }
  ctx.Unread("ocr-skipped", "pages of a TIFF after the first " +
                                std::to_string(ImageReader::kMaxTiffPages) +
                                " were not read for text");
}

}  // namespace

std::vector<std::string_view> ImageReader::LimitNames() const {
  return {kOcrLimitNames.begin(), kOcrLimitNames.end()};
}

void ImageReader::Read(const Blob& blob, ReadContext& ctx) const {
  ReadImageMetadata(blob, ctx);
  // A picture whose header cannot be read may be anything: not small.
  const std::optional<ImageDimensions> size = ReadImageDimensions(blob.data);
  if (size) {
    const std::uint64_t pixels = std::uint64_t{size->width} * size->height;
    if (pixels < kMinTextPixels || size->width < kMinTextSide || size->height < kMinTextSide) {
      return;
    }
  }
  const std::string shape = size ? "a " + Shape(size->width, size->height) + " picture"
                                 : std::string("a picture of unknown size");
  OcrEngine::QuietLeptonica();
  const auto* data = reinterpret_cast<const l_uint8*>(blob.data.data());
  // Leptonica's header, read before any pixel is decoded: the format, and
  // the size it will decode (which a damaged file may declare differently
  // from what ReadImageDimensions found).
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(data, blob.data.size(), &format, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 ||
      h <= 0) {
    ctx.Unread("ocr-skipped",
               shape +
                   " was not read for text: its format is not one OCR decodes, or it is "
                   "damaged");
    return;
  }
  std::uint64_t width = w, height = h;
  if (size) {
    width = std::max<std::uint64_t>(width, size->width);
    height = std::max<std::uint64_t>(height, size->height);
  }
  if (L_FORMAT_IS_TIFF(format)) {
    ReadTiff(engine_, data, blob.data.size(), ctx);
    return;
  }
  const std::string what = "a " + Shape(width, height) + " picture";
  if (!AdmitOcr(width, height, what, ctx)) return;
  PixPtr pix(pixReadMem(data, blob.data.size()));
  if (!pix) {
    ctx.Unread("ocr-skipped", what + " could not be decoded for OCR");
    return;
  }
  OcrPixels(engine_, pix.get(), what, "#ocr", ctx);
}

}  // namespace sendguard
