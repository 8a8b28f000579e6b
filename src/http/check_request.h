// The body of POST /api/v1/check as a message: a mail client's draft
// ({"from", "recipients", "subject", "body", "attachments"}) is composed
// into an RFC 5322 message so that it is judged exactly like mail the
// milter sees.

#ifndef SENDGUARD_HTTP_CHECK_REQUEST_H_
#define SENDGUARD_HTTP_CHECK_REQUEST_H_

#include <nlohmann/json.hpp>
#include <string>

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
// InvalidArgument naming the field that is wrong.
Result<CheckInput> CheckInputFromJson(const nlohmann::json& draft);

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_CHECK_REQUEST_H_
