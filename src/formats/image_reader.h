// Pictures (ContentKind::kImage): their text is read by OCR (leptonica
// decodes PNG, JPEG, TIFF (every page), GIF, BMP and WebP; Tesseract reads
// them) and reported as "<label>#ocr" ("<label>#page-N-ocr" for the pages
// of a TIFF after the first), within the message's OCR limits
// (formats/ocr.h). Icons, spacers and tracking pixels are not read; a
// picture that cannot be decoded, or one left out by a limit, is recorded
// as not inspected. Its metadata is read first (formats/image_metadata.h):
// a GPS position is recorded as a position, its comments and authors are
// scanned as "<label>#metadata", and the strings of the file before its
// pixel data as "<label>#strings".

#ifndef SENDGUARD_FORMATS_IMAGE_READER_H_
#define SENDGUARD_FORMATS_IMAGE_READER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "formats/ocr_engine.h"
#include "mail/document_reader.h"

namespace sendguard {

class ImageReader : public DocumentReader {
 public:
  // Pictures of fewer pixels than this, or narrower or lower than
  // kMinTextSide, cannot carry readable text.
  static constexpr std::uint64_t kMinTextPixels = 4096;
  static constexpr std::uint32_t kMinTextSide = 12;
  // Pages of one TIFF decoded at most (each also counts against ocr_pages).
  static constexpr int kMaxTiffPages = 100;

  // Reads text with `engine`, which must outlive the reader.
  explicit ImageReader(OcrEngine& engine = OcrEngine::Shared()) : engine_(engine) {}

  std::string_view name() const override { return "image"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kImage;
  }
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;

 private:
  OcrEngine& engine_;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_IMAGE_READER_H_
