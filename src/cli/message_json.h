// JSON views of a parsed message, as printed by the command-line tools.

#ifndef SENDGUARD_CLI_MESSAGE_JSON_H_
#define SENDGUARD_CLI_MESSAGE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "policy/decision_json.h"
#include "sendguard/message.h"

namespace sendguard {

// The whole model: headers, addresses, parts, extracted text, limits,
// encrypted parts and defects (`sendguard inspect --json`).
nlohmann::json MessageToJson(const Message& message);

// One line of `sendguard scan --json`: DecisionJson with "source", the
// path (and mbox/Maildir position) the message was read from.
nlohmann::json ScanRecordJson(const std::string& source, const Message& message,
                              const Decision& decision);

}  // namespace sendguard

#endif  // SENDGUARD_CLI_MESSAGE_JSON_H_
