// Text extraction from one blob of content (a MIME part's body or a member of
// a container), by the document reader registered for what it really is.

#ifndef SENDGUARD_MAIL_EXTRACTOR_H_
#define SENDGUARD_MAIL_EXTRACTOR_H_

#include <functional>
#include <string>
#include <string_view>

#include "mail/budget.h"
#include "mail/document_reader.h"
#include "mail/sniff.h"

namespace sendguard {

class Extractor {
 public:
  // Called for an attached message (message/rfc822 or an .eml in an archive)
  // that a reader found; `depth` is the nesting the message opens at.
  using MessageHandler =
      std::function<void(std::string_view raw, const std::string& label, int part, int depth)>;

  // Reads with the readers of `registry`, which must outlive the Extractor.
  Extractor(Budget& budget, const ReaderRegistry& registry, MessageHandler on_message)
      : budget_(budget), registry_(registry), on_message_(std::move(on_message)) {}

  // Extracts the text of `blob` into the budget with the first reader of the
  // registry that accepts it (none: nothing is read), recursing into
  // archives, office documents and attached messages. Returns what the blob
  // was sniffed as.
  ContentKind Extract(const Blob& blob);

  // Hands an attached message to the message handler.
  void ExtractMessage(const Blob& message) {
    on_message_(message.data, message.label, message.part, message.depth);
  }

 private:
  Budget& budget_;
  const ReaderRegistry& registry_;
  MessageHandler on_message_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_EXTRACTOR_H_
