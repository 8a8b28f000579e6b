// PDF documents (ContentKind::kPdf), page by page with poppler, within
// max_pdf_pages and the time budget. A password-protected PDF is recorded as
// encrypted, an unreadable one as a defect. Pages without a text layer
// (scans) are rendered and read by OCR within the message's OCR limits
// (formats/ocr.h), as "<label>#page-N-ocr"; those left are recorded as not
// inspected ("ocr-skipped").

#ifndef SENDGUARD_FORMATS_PDF_READER_H_
#define SENDGUARD_FORMATS_PDF_READER_H_

#include <string_view>
#include <vector>

#include "formats/ocr_engine.h"
#include "mail/document_reader.h"

namespace sendguard {

class PdfReader : public DocumentReader {
 public:
  // Reads scanned pages with `engine`, which must outlive the reader.
  explicit PdfReader(OcrEngine& engine = OcrEngine::Shared()) : engine_(engine) {}

  std::string_view name() const override { return "pdf"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kPdf;
  }
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;

 private:
  OcrEngine& engine_;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_PDF_READER_H_
