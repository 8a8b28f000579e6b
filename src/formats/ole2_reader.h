// Legacy Office documents and other OLE2 compound files (ContentKind::kOle2:
// Word 97-2003 .doc, Excel .xls, PowerPoint .ppt, Outlook .msg, ...), opened
// with libgsf. Word text comes from the piece table (word_text.h), Excel
// cells from the BIFF records (biff_text.h), Outlook messages from their
// property streams; other streams (PowerPoint's, property sets) give their
// strings. Embedded objects and attachments are read as documents of their
// own, one level deeper. Storages nest at most max_depth deep; every stream
// counts as an archive member against the message's budget.

#ifndef SENDGUARD_FORMATS_OLE2_READER_H_
#define SENDGUARD_FORMATS_OLE2_READER_H_

#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

class Ole2Reader : public DocumentReader {
 public:
  std::string_view name() const override { return "ole2"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kOle2;
  }
  bool IsContainer() const override { return true; }
  // "archive-members", "member-size" and "expanded-size", as archives.
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_OLE2_READER_H_
