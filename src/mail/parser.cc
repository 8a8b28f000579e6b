#include "sendguard/parser.h"

#include "mail/budget.h"
#include "mail/document_reader.h"
#include "mail/mime_walker.h"
#include "util/strings.h"

namespace sendguard {

Result<Message> ParseMessage(std::string_view raw, const Envelope& envelope, const Limits& limits) {
  if (TrimWhitespace(raw).empty()) return InvalidArgumentError("empty message");
  MessageData data;
  data.envelope = envelope;
  data.raw_size = raw.size();
  MessageBudget budget(limits, &data);
  if (raw.size() > limits.max_message_bytes) {
    budget.Hit("message-size", "message",
               "message of " + std::to_string(raw.size()) + " bytes; only the first " +
                   std::to_string(limits.max_message_bytes) + " were read");
    raw = raw.substr(0, limits.max_message_bytes);
  }
  MimeWalker walker(budget, ReaderRegistry::Builtin());
  walker.WalkRaw(raw, "", -1, 0);
  return Message(std::move(data));
}

}  // namespace sendguard
