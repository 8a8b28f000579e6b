// Building the message model from GMime's MIME tree.

#ifndef SENDGUARD_MAIL_MIME_WALKER_H_
#define SENDGUARD_MAIL_MIME_WALKER_H_

#include <string>
#include <string_view>

#include "mail/budget.h"
#include "mail/extractor.h"

namespace sendguard {

// Walks one message's MIME tree, recording Parts and extracted text through
// the budget. Attached messages are parsed and walked recursively.
class MimeWalker {
 public:
  // Reads the content of parts with the readers of `registry`, which must
  // outlive the walker.
  MimeWalker(MessageBudget& budget, const ReaderRegistry& registry);

  // Parses `raw` and walks it. `prefix` is "" for the top message, else the
  // label of the part carrying the attached message ("attachment:fwd.eml");
  // `parent` is that part's index. The top message also fills the headers,
  // addresses, subject, Message-ID and Date of the MessageData.
  void WalkRaw(std::string_view raw, const std::string& prefix, int parent, int depth);

 private:
  // `raw` up to the first structural limit it passes, without the addresses
  // of a field past max_addresses (both recorded); a view of `raw` or of
  // `*storage`.
  std::string_view Prescan(std::string_view raw, const std::string& prefix, std::string* storage);

  // Parses `raw`, already repaired, and walks it; `top` fills the
  // MessageData's header fields.
  void WalkRepaired(std::string_view raw, const std::string& prefix, int parent, int depth,
                    bool top);

  MessageBudget& budget_;
  Extractor extractor_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_MIME_WALKER_H_
