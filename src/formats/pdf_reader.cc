#include "formats/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

#include "formats/binary_reader.h"
#include "mail/charset.h"
#include "util/strings.h"

namespace sendguard {
namespace {

void Silent(const std::string&, void*) {}

}  // namespace

std::vector<std::string_view> PdfReader::LimitNames() const { return {"pdf-size", "pdf-pages"}; }

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
  int blank = 0;  // pages without a text layer: scans, or pictures of text
  for (int i = 0; i < pages; ++i) {
    if (!ctx.HasTime(label)) break;
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    const std::size_t before = text.size();
    text.append(utf8.data(), utf8.size());
    if (TrimWhitespace(std::string_view(text).substr(before)).empty()) ++blank;
    text.push_back('\n');
  }
  ctx.AddText(SanitizeUtf8(text));
  if (blank > 0) {
    ctx.Unread("ocr-skipped", std::to_string(blank) + " of " + std::to_string(pages) +
                                  " PDF pages have no text layer (scanned?) and were not read "
                                  "for text (no OCR)");
  }
}

}  // namespace sendguard
