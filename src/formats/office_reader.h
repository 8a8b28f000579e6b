// Office documents: OOXML (docx, xlsx, pptx, ...) and OpenDocument (odt,
// ods, odp). The text of their XML parts is one text; embedded objects are
// read as documents of their own, one level deeper.

#ifndef SENDGUARD_FORMATS_OFFICE_READER_H_
#define SENDGUARD_FORMATS_OFFICE_READER_H_

#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

class OfficeReader : public DocumentReader {
 public:
  std::string_view name() const override { return "office"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kOoxml || sniffed == ContentKind::kOdf;
  }
  bool IsContainer() const override { return true; }
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_OFFICE_READER_H_
