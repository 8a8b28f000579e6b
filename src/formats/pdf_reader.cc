#include "formats/pdf_reader.h"

#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

#include "formats/binary_reader.h"
#include "formats/ocr.h"
#include "mail/charset.h"
#include "util/strings.h"

namespace sendguard {
namespace {

void Silent(const std::string&, void*) {}

// Resolution pages without a text layer are rendered at for OCR, unless the
// page would then be larger than max_ocr_pixels.
constexpr double kOcrDpi = 200;
// Below this a page's text cannot be read: such a page is refused.
constexpr double kMinOcrDpi = 50;

// A rendered 8-bit grey page as a leptonica picture; null when it is not one.
PixPtr ToPix(const poppler::image& image) {
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) return nullptr;
  const int w = image.width(), h = image.height();
  PixPtr pix(pixCreate(w, h, 8));
  if (!pix) return nullptr;
  const char* rows = image.const_data();
  l_uint32* data = pixGetData(pix.get());
  const l_int32 wpl = pixGetWpl(pix.get());
  for (int y = 0; y < h; ++y) {
    const auto* row =
        reinterpret_cast<const unsigned char*>(rows + std::size_t(y) * image.bytes_per_row());
    l_uint32* line = data + std::size_t(y) * wpl;
    for (int x = 0; x < w; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

// Renders page `index` of `doc` and reads it by OCR, within the message's
// OCR budget; false when the budget refused it (recorded).
bool OcrPage(OcrEngine& engine, poppler::document& doc, int index, ReadContext& ctx) {
  const std::string what = "PDF page " + std::to_string(index + 1);
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return true;
  const poppler::rectf box = page->page_rect(poppler::media_box);
  const double inches = std::max(box.width(), 1.0) / 72 * std::max(box.height(), 1.0) / 72;
  double dpi =
      std::min(kOcrDpi, std::floor(std::sqrt(double(ctx.limits().max_ocr_pixels) / inches)));
  if (!std::isfinite(dpi) || dpi < kMinOcrDpi) dpi = kMinOcrDpi;
  const double w = std::ceil(box.width() / 72 * dpi), h = std::ceil(box.height() / 72 * dpi);
  if (!(w >= 0 && h >= 0 && w < 4e9 && h < 4e9)) {
    ctx.Hit("ocr-pixels", ctx.blob().label, what + " is too large to render for OCR");
    return false;
  }
  if (!AdmitOcr(std::uint64_t(w), std::uint64_t(h), what, ctx)) return false;
  const auto start = std::chrono::steady_clock::now();
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  PixPtr pix = ToPix(renderer.render_page(page.get(), dpi, dpi));
  ctx.budget().SpendOcrTime(std::chrono::steady_clock::now() - start);
  if (!pix) {
    ctx.Unread("ocr-skipped", what + " could not be rendered for OCR");
    return true;
  }
  pixSetResolution(pix.get(), int(dpi), int(dpi));
  OcrPixels(engine, pix.get(), what, "#page-" + std::to_string(index + 1) + "-ocr", ctx);
  return true;
}

}  // namespace

std::vector<std::string_view> PdfReader::LimitNames() const {
  std::vector<std::string_view> names = {"pdf-size", "pdf-pages"};
  names.insert(names.end(), kOcrLimitNames.begin(), kOcrLimitNames.end());
  return names;
}

void PdfReader::Read(const Blob& blob, ReadContext& ctx) const {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Silent, nullptr); });
  const std::string& label = blob.label;
  if (blob.data.size() > static_cast<std::size_t>(INT_MAX)) {
    ctx.Hit("pdf-size", label, "PDF larger than 2 GiB was not read");
    return;
  }
  // poppler reads from the blob without copying; it outlives `doc`.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(blob.data.data(), static_cast<int>(blob.data.size())));
  if (!doc) {
    ctx.Defect("pdf-unreadable", label);
    ReadStrings(blob.data, ctx);
    ctx.Unread("corrupt", "the PDF could not be parsed; only its text strings were scanned");
    return;
  }
  if (doc->is_locked()) {
    ctx.Encrypted("pdf-password", label);
    return;
  }
  const int max_pages = ctx.limits().max_pdf_pages;
  int pages = doc->pages();
  if (pages > max_pages) {
    ctx.Hit("pdf-pages", label,
            "PDF has " + std::to_string(pages) + " pages; only the first " +
                std::to_string(max_pages) + " were read");
    pages = max_pages;
  }
  std::string text;
  std::vector<int> blank;  // pages without a text layer: scans, or pictures of text
  for (int i = 0; i < pages; ++i) {
    if (!ctx.HasTime(label)) break;
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    const std::size_t before = text.size();
    text.append(utf8.data(), utf8.size());
    if (TrimWhitespace(std::string_view(text).substr(before)).empty()) blank.push_back(i);
    text.push_back('\n');
  }
  ctx.AddText(SanitizeUtf8(text));
  std::size_t read = 0;
  while (read < blank.size() && OcrPage(engine_, *doc, blank[read], ctx)) ++read;
  if (read < blank.size()) {
    ctx.Unread("ocr-skipped", std::to_string(blank.size() - read) + " of " + std::to_string(pages) +
                                  " PDF pages have no text layer (scanned?) and were not read "
                                  "for text (OCR limits)");
  }
}

}  // namespace sendguard
