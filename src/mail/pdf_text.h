// Text from PDF documents (poppler).

#ifndef SENDGUARD_MAIL_PDF_TEXT_H_
#define SENDGUARD_MAIL_PDF_TEXT_H_

#include <string>
#include <string_view>

#include "mail/budget.h"

namespace sendguard {

// Appends the text of the PDF in `data` to `budget` under `label`, page by
// page, within max_pdf_pages and the time budget. A password-protected PDF
// is recorded as encrypted; an unreadable one as a defect.
void ExtractPdfText(std::string_view data, const std::string& label, int part, Budget& budget);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_PDF_TEXT_H_
