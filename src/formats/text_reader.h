// Plain text in its declared charset (ContentKind::kText), NUL bytes left
// out. An armoured PGP message in it is recorded as encrypted. When the
// declared charset would change ASCII (UTF-16 or EBCDIC on bytes that are
// plain UTF-8), the bytes as UTF-8 are scanned too, as "<label>#raw".
// uuencode, yEnc and BinHex blocks in it are decoded and read as members
// (formats/embedded_files.h).

#ifndef SENDGUARD_FORMATS_TEXT_READER_H_
#define SENDGUARD_FORMATS_TEXT_READER_H_

#include <string>
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

// For readers of text-like formats (CSV, iCalendar, vCard), which must lose
// nothing TextReader would have found:

// The blob's text as TextReader reads it: its bytes in its declared charset,
// NUL bytes left out.
std::string PlainText(const Blob& blob);

// What TextReader reads besides the text: an armoured PGP message in `text`
// (PlainText of the blob) recorded as encrypted, the bytes as UTF-8 as
// "<label>#raw" when the declared charset changes ASCII, and the files
// encoded in the bytes.
void ReadTextExtras(const Blob& blob, std::string_view text, ReadContext& ctx);

// Everything TextReader::Read does: the fallback of a text-like reader whose
// format does not parse.
void ReadPlainText(const Blob& blob, ReadContext& ctx);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_TEXT_READER_H_
