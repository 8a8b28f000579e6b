// Attached messages (message/rfc822, .eml files): handed to the MIME walker,
// one level deeper.

#ifndef SENDGUARD_FORMATS_MESSAGE_READER_H_
#define SENDGUARD_FORMATS_MESSAGE_READER_H_

#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class MessageReader : public DocumentReader {
 public:
  std::string_view name() const override { return "message"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kMessage;
  }
  bool IsContainer() const override { return true; }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_MESSAGE_READER_H_
