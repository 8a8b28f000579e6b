// Text extraction from one blob of content (a MIME part's body or an archive
// member), dispatching on what the content really is.

#ifndef SENDGUARD_MAIL_EXTRACTOR_H_
#define SENDGUARD_MAIL_EXTRACTOR_H_

#include <functional>
#include <string>
#include <string_view>

#include "mail/budget.h"
#include "mail/sniff.h"

namespace sendguard {

struct Blob {
  std::string_view data;          // decoded bytes
  std::string_view content_type;  // declared, lower-case; may be empty
  std::string_view filename;      // declared; may be empty
  std::string_view charset;       // declared; may be empty
  std::string label;              // source label its text is reported under
  int part = -1;                  // index of the MIME part it belongs to
  int depth = 0;                  // container nesting it sits at
};

class Extractor {
 public:
  // Called for an attached message (message/rfc822 or an .eml in an archive)
  // that the extractor found; `depth` is the nesting the message opens at.
  using MessageHandler =
      std::function<void(std::string_view raw, const std::string& label, int part, int depth)>;

  Extractor(Budget& budget, MessageHandler on_message)
      : budget_(budget), on_message_(std::move(on_message)) {}

  // Extracts the text of `blob` into the budget, recursing into archives,
  // office documents and attached messages. Returns what the blob was read as.
  ContentKind Extract(const Blob& blob);

 private:
  void ExtractArchive(const Blob& blob, ContentKind kind);
  void ExtractOffice(const Blob& blob, ContentKind kind);

  Budget& budget_;
  MessageHandler on_message_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_EXTRACTOR_H_
