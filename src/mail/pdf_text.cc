#include "mail/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

#include "mail/charset.h"

namespace sendguard {
namespace {

void Silent(const std::string&, void*) {}

}  // namespace

void ExtractPdfText(std::string_view data, const std::string& label, int part, Budget& budget) {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Silent, nullptr); });
  if (data.size() > static_cast<std::size_t>(INT_MAX)) {
    budget.Hit("pdf-size", label, "PDF larger than 2 GiB was not read");
    return;
  }
  // poppler reads from `data` without copying; it outlives `doc`.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!doc) {
    budget.Defect("pdf-unreadable", label);
    return;
  }
  if (doc->is_locked()) {
    budget.Encrypted("pdf-password", label);
    return;
  }
  int pages = doc->pages();
  if (pages > budget.limits().max_pdf_pages) {
    budget.Hit("pdf-pages", label,
               "PDF has " + std::to_string(pages) + " pages; only the first " +
                   std::to_string(budget.limits().max_pdf_pages) + " were read");
    pages = budget.limits().max_pdf_pages;
  }
  std::string text;
  for (int i = 0; i < pages; ++i) {
    if (!budget.HasTime(label)) break;
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    text.append(utf8.data(), utf8.size());
    text.push_back('\n');
  }
  budget.AddText(label, SanitizeUtf8(text), part);
}

}  // namespace sendguard
