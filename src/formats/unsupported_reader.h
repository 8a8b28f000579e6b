// Known document formats sendguard has no reader for yet (OLE2, RTF and
// TNEF until their readers are registered before it): recorded as an "unsupported-document"
// defect and as uninspected ("unsupported"); their strings are scanned as
// "<label>#strings". Registered last, so that a reader of such a format
// registered before it takes over.

#ifndef SENDGUARD_FORMATS_UNSUPPORTED_READER_H_
#define SENDGUARD_FORMATS_UNSUPPORTED_READER_H_

#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class UnsupportedReader : public DocumentReader {
 public:
  std::string_view name() const override { return "unsupported"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kOle2 || sniffed == ContentKind::kRtf ||
           sniffed == ContentKind::kTnef;
  }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_UNSUPPORTED_READER_H_
