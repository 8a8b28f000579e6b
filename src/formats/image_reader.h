// Pictures (ContentKind::kImage). Their text is not read yet (no OCR): a
// picture large enough to show a page or a line of text is recorded as
// uninspected ("ocr-skipped"); icons, spacers and tracking pixels are not.
// The strings of the file before its pixel data (EXIF and XMP comments,
// authors, text chunks) are scanned as "<label>#strings".

#ifndef SENDGUARD_FORMATS_IMAGE_READER_H_
#define SENDGUARD_FORMATS_IMAGE_READER_H_

#include <cstdint>
#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class ImageReader : public DocumentReader {
 public:
  // Pictures of fewer pixels than this, or narrower or lower than
  // kMinTextSide, cannot carry readable text.
  static constexpr std::uint64_t kMinTextPixels = 4096;
  static constexpr std::uint32_t kMinTextSide = 12;

  std::string_view name() const override { return "image"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kImage;
  }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_IMAGE_READER_H_
