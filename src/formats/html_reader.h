// HTML (ContentKind::kHtml): the text a reader of the page would see, under
// the blob's label, and the text in it that is not shown (comments, alt and
// title attributes, hidden elements: HtmlText::hidden) under the label
// followed by "#html-hidden". Files encoded in the visible text (a uuencoded
// block in a <pre>) are read as in plain text (formats/embedded_files.h).

#ifndef SENDGUARD_FORMATS_HTML_READER_H_
#define SENDGUARD_FORMATS_HTML_READER_H_

#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class HtmlReader : public DocumentReader {
 public:
  std::string_view name() const override { return "html"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kHtml;
  }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_HTML_READER_H_
