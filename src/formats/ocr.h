// Reading the text of pictures and rendered PDF pages (OCR) within one
// message's limits: at most ocr_pages pictures and pages, ocr_time of OCR
// (within the message's max_time), max_ocr_pixels per picture.
//
// A reader first asks AdmitOcr, with the size its picture's header declares,
// before decoding anything; then decodes and hands the pixels to OcrPixels.
// What is refused or cut is recorded under the blob's label, so the reader
// only has to stop.

#ifndef SENDGUARD_FORMATS_OCR_H_
#define SENDGUARD_FORMATS_OCR_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

#include "formats/ocr_engine.h"
#include "mail/document_reader.h"

struct Pix;

namespace sendguard {

// The limit hits the OCR helpers record, for the readers' LimitNames.
inline constexpr std::array<std::string_view, 3> kOcrLimitNames = {"ocr-pages", "ocr-time",
                                                                   "ocr-pixels"};

// Owns a leptonica picture.
struct PixDeleter {
  void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// True when the message may read one more picture or page, of `width` x
// `height` pixels, by OCR; it is then counted against ocr_pages. Otherwise
// records why as a limit hit under the blob's label, naming `what` ("a
// 1100x560 picture", "PDF page 3"): "ocr-pixels" (more than max_ocr_pixels:
// it must not be decoded), "ocr-time" (no OCR time left) or "ocr-pages".
bool AdmitOcr(std::uint64_t width, std::uint64_t height, std::string_view what, ReadContext& ctx);

// Reads the text of `pix` (any depth) with `engine` before the message's OCR
// deadline and adds it under the blob's label + `suffix` ("#ocr"). Grey
// conversion and enlargement of small pictures happen here. Records an
// unavailable or failing engine as "ocr-skipped" (with the reason), a
// recognition cut short as an "ocr-time" hit; counts its time against
// ocr_time. `what` names the picture in those records.
void OcrPixels(OcrEngine& engine, Pix* pix, std::string_view what, std::string_view suffix,
               ReadContext& ctx);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_OCR_H_
