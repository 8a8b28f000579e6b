// JSON views of a parsed message, as printed by the command-line tools.

#ifndef SENDGUARD_CLI_MESSAGE_JSON_H_
#define SENDGUARD_CLI_MESSAGE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "policy/decision.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/message.h"
#include "store/quarantine_store.h"

namespace sendguard {

// The whole model: headers, addresses, parts, extracted text, limits,
// encrypted parts and defects (`sendguard inspect --json`).
nlohmann::json MessageToJson(const Message& message);

// One line of `sendguard scan --json`:
// {"source", "message_id", "action", "recipients", "findings", "limits", ...}.
nlohmann::json ScanRecordJson(const std::string& source, const Message& message,
                              const Decision& decision);

// {"address", "domain", "risk", "external", "reasons": [{"code", "detail"}], "suggestion"}
nlohmann::json RecipientJson(const RecipientVerdict& verdict);

// {"detector", "category", "confidence", "count", "where", "sample"[, "level"]}
nlohmann::json FindingJson(const Finding& finding);

// A held message without its bytes or decision: id, times, envelope,
// subject, rule, reason, status and who changed it last.
nlohmann::json HeldMessageJson(const HeldMessage& held);

}  // namespace sendguard

#endif  // SENDGUARD_CLI_MESSAGE_JSON_H_
