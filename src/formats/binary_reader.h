// Content no reader understands (ContentKind::kBinary: executables, audio,
// unknown formats, a declared type whose bytes are not text): its strings
// are scanned, labelled "<label>#strings", and it is recorded as uninspected
// ("unsupported"), since its strings are not all it may say. A detached
// signature (application/pkcs7-signature or pgp-signature holding a
// signature) carries nothing to inspect and is not recorded. Registered
// last: a fallback.

#ifndef SENDGUARD_FORMATS_BINARY_READER_H_
#define SENDGUARD_FORMATS_BINARY_READER_H_

#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class BinaryReader : public DocumentReader {
 public:
  std::string_view name() const override { return "binary"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kBinary;
  }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

// Scans the strings of `data` (PrintableStrings), bytes of the blob `ctx`
// reads, as "<label>#strings".
void ReadStrings(std::string_view data, ReadContext& ctx);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_BINARY_READER_H_
