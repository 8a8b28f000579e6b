// Plain text in its declared charset (ContentKind::kText), NUL bytes left
// out. An armoured PGP message in it is recorded as encrypted. When the
// declared charset would change ASCII (UTF-16 or EBCDIC on bytes that are
// plain UTF-8), the bytes as UTF-8 are scanned too, as "<label>#raw".
// uuencode, yEnc and BinHex blocks in it are decoded and read as members
// (formats/embedded_files.h).

#ifndef SENDGUARD_FORMATS_TEXT_READER_H_
#define SENDGUARD_FORMATS_TEXT_READER_H_

#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class TextReader : public DocumentReader {
 public:
  std::string_view name() const override { return "text"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kText;
  }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_TEXT_READER_H_
