// The body of POST /api/v1/check as a message: a mail client's draft
// ({"from", "recipients", "subject", "body", "attachments"}) is composed
// into an RFC 5322 message so that it is judged exactly like mail the
// milter sees.

#ifndef SENDGUARD_HTTP_CHECK_REQUEST_H_
#define SENDGUARD_HTTP_CHECK_REQUEST_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "sendguard/message.h"
#include "sendguard/status.h"

namespace sendguard {

struct CheckInput {
  std::string raw;
  Envelope envelope;
};

// From the JSON draft: "recipients" (1-1000 addresses) is required; "from",
// "subject", "body" (text), "html" and "attachments" ([{"filename",
// "content_type", "content_base64"}]) are optional; or "raw" (a whole
// message) with optional "from"/"recipients" as the envelope.
// An attachment's "content_type" must be a MIME "type/subtype" (its
// parameters are dropped: no boundary or charset comes from the caller);
// a composite type (multipart/*, message/* but message/rfc822), or a type
// under which the bytes would not be read (text labelled image/png), is
// replaced by application/octet-stream, so that the bytes are read by what
// they are. The parts are separated by a boundary drawn at random for each
// draft, one that occurs in no part.
// InvalidArgument naming the field that is wrong; Internal when no random
// boundary can be drawn.
Result<CheckInput> CheckInputFromJson(const nlohmann::json& draft);

// As CheckInputFromJson(draft), separating the parts with `boundary` when it
// occurs in none of them (else with a random one): for tests that play an
// attacker who guessed the boundary.
Result<CheckInput> CheckInputFromJson(const nlohmann::json& draft, std::string_view boundary);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_CHECK_REQUEST_H_
