// The per-message OCR budget and the preparation of pictures for Tesseract.

#include "formats/ocr.h"

#include <leptonica/allheaders.h>

#include <chrono>
#include <string>

#include "mail/charset.h"

namespace sendguard {
namespace {

// Pictures whose longer side is under this many pixels are enlarged twice
// before OCR: Tesseract misreads text only a few pixels high.
constexpr l_int32 kEnlargeBelow = 1000;

std::string Ms(std::chrono::milliseconds ms) { return std::to_string(ms.count()) + " ms"; }

// `pix` as Tesseract reads it best: 1-bit pictures as they are, others in
// 8-bit grey, transparent parts on white, small ones enlarged (within
// `max_pixels`). Null when leptonica cannot convert it.
PixPtr Prepare(Pix* pix, std::uint64_t max_pixels) {
  PixPtr opaque;
  if (pixGetSpp(pix) == 4) {
    opaque.reset(pixAlphaBlendUniform(pix, 0xffffff00));
    if (!opaque) return nullptr;
    pix = opaque.get();
  }
  const l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix);
  const bool small = w < kEnlargeBelow && h < kEnlargeBelow &&
                     std::uint64_t{4} * static_cast<std::uint64_t>(w) * h <= max_pixels;
  if (pixGetDepth(pix) == 1 && !small) return PixPtr(pixClone(pix));
  PixPtr grey(pixConvertTo8(pix, /*cmapflag=*/0));
  if (!grey || !small) return grey;
  return PixPtr(pixScaleGrayLI(grey.get(), 2.0f, 2.0f));
}

}  // namespace

void PixDeleter::operator()(Pix* pix) const { pixDestroy(&pix); }

bool AdmitOcr(std::uint64_t width, std::uint64_t height, std::string_view what, ReadContext& ctx) {
  const Limits& limits = ctx.limits();
  const std::string& label = ctx.blob().label;
  // Both sides are below 2^32, so the product cannot overflow.
  if (width * height > limits.max_ocr_pixels) {
    ctx.Hit("ocr-pixels", label,
            std::string(what) + " of " + std::to_string(width) + "x" + std::to_string(height) +
                " pixels is larger than the " + std::to_string(limits.max_ocr_pixels) +
                " pixels OCR reads; it was not decoded");
    return false;
  }
  if (!ctx.HasTime(label)) return false;  // the message's time: recorded as "time"
  if (ctx.budget().OcrTimeLeft() <= std::chrono::steady_clock::duration::zero()) {
    ctx.Hit("ocr-time", label,
            "the OCR time limit of " + Ms(limits.ocr_time) + " per message was reached; " +
                std::string(what) + " was not read for text");
    return false;
  }
  if (!ctx.budget().TakeOcrPage()) {
    ctx.Hit("ocr-pages", label,
            "more than " + std::to_string(limits.ocr_pages) +
                " pictures and pages to read by OCR in the message; " + std::string(what) +
                " was not read for text");
    return false;
  }
  return true;
}

void OcrPixels(OcrEngine& engine, Pix* pix, std::string_view what, std::string_view suffix,
               ReadContext& ctx) {
  const auto start = std::chrono::steady_clock::now();
  Budget& budget = ctx.budget();
  if (Status available = engine.Available(); !available.ok()) {
    ctx.Unread("ocr-skipped", std::string(what) + " was not read for text: " + available.message());
    return;
  }
  PixPtr prepared = Prepare(pix, ctx.limits().max_ocr_pixels);
  Result<OcrText> read =
      prepared ? engine.Recognize(prepared.get(), budget.OcrDeadline())
               : Result<OcrText>(InternalError("the picture could not be converted for OCR"));
  prepared.reset();
  budget.SpendOcrTime(std::chrono::steady_clock::now() - start);
  if (!read.ok()) {
    if (read.status().code() == StatusCode::kDeadlineExceeded) {
      ctx.Hit("ocr-time", ctx.blob().label,
              "the OCR time limit of " + Ms(ctx.limits().ocr_time) + " per message was reached; " +
                  std::string(what) + " was not read for text");
    } else {
      ctx.Unread("ocr-skipped",
                 std::string(what) + " was not read for text: " + read.status().message());
    }
    return;
  }
  ctx.AddText(SanitizeUtf8(read->text), suffix);
  if (read->cut_short) {
    ctx.Hit("ocr-time", ctx.blob().label,
            "the OCR time limit of " + Ms(ctx.limits().ocr_time) +
                " per message was reached while " + std::string(what) +
                " was read; only part of its text was read");
  }
}

}  // namespace sendguard
