// Turning raw message bytes into a Message.

#ifndef SENDGUARD_PARSER_H_
#define SENDGUARD_PARSER_H_

#include <string_view>

#include "sendguard/limits.h"
#include "sendguard/message.h"
#include "sendguard/status.h"

namespace sendguard {

// Parses `raw` (RFC 5322 with MIME; CRLF or LF line ends) into a Message,
// decoding every part and extracting the text of bodies and attachments
// (HTML, PDF, OOXML, OpenDocument, archives, attached messages) within
// `limits`. Limits reached, encrypted parts and structural defects are
// recorded in the Message, not returned as errors: a malformed message still
// yields a Message with whatever could be read.
//
// Returns InvalidArgument only when `raw` holds no message at all (empty, or
// no header block and no body). Thread-safe.
Result<Message> ParseMessage(std::string_view raw, const Envelope& envelope = {},
                             const Limits& limits = {});

}  // namespace sendguard

#endif  // SENDGUARD_PARSER_H_
