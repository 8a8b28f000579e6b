// JSON views of a parsed message, as printed by the command-line tools.

#ifndef SENDGUARD_CLI_MESSAGE_JSON_H_
#define SENDGUARD_CLI_MESSAGE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "sendguard/message.h"

namespace sendguard {

// The whole model: headers, addresses, parts, extracted text, limits,
// encrypted parts and defects (`sendguard inspect --json`).
nlohmann::json MessageToJson(const Message& message);

// One line of `sendguard scan --json`:
// {"source", "message_id", "action", "recipients", "findings", "limits", ...}.
nlohmann::json ScanRecordJson(const std::string& source, const Message& message);

// The domain of an address: the part after the last '@', lower-cased ASCII,
// without a trailing dot or an enclosing '>'. Empty when there is no '@'.
std::string AddressDomain(std::string_view address);

}  // namespace sendguard

#endif  // SENDGUARD_CLI_MESSAGE_JSON_H_
