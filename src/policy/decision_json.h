// The JSON form of a decision: what `scan --json` prints per message, what
// the check API answers, what the decision journal records and what the
// quarantine keeps beside a held message. Content never appears in it:
// findings carry masked samples only.
//
// Clients (mail add-ins, SIEM parsers) read it, so its shape is versioned:
// fields may be added within a version; renaming, removing or retyping a
// field bumps kDecisionJsonVersion.

#ifndef SENDGUARD_POLICY_DECISION_JSON_H_
#define SENDGUARD_POLICY_DECISION_JSON_H_

#include <nlohmann/json.hpp>

#include "content/finding.h"
#include "policy/decision.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/message.h"

namespace sendguard {

// The version of the shape below, sent as "version" where clients read it
// (the check API, the decision journal).
inline constexpr int kDecisionJsonVersion = 1;

// {"message_id", "action", "rule", "reason", "recipients", "findings",
//  "limits", "encrypted", "defects", "uninspected"[, "policy_action"][, "suspects"]
//  [, "partial"]}
// "rule" and "reason" are null when no rule matched; "policy_action" is
// there in audit mode only.
nlohmann::json DecisionJson(const Message& message, const Decision& decision);

// {"address", "domain", "risk", "external", "trusted",
//  "reasons": [{"code", "detail"}], "suggestion" (or null)}
nlohmann::json RecipientJson(const RecipientVerdict& verdict);

// {"detector", "category", "confidence", "count", "where", "sample"[, "level"]}
nlohmann::json FindingJson(const Finding& finding);

// The parts of the message that were not (fully) read:
// [{"limit", "where", "detail"}], [{"kind", "where"}], [{"code", "where"}];
// and everything the detectors did not see: [{"kind", "where", "detail"}].
nlohmann::json LimitsJson(const Message& message);
nlohmann::json EncryptedJson(const Message& message);
nlohmann::json DefectsJson(const Message& message);
nlohmann::json UninspectedJson(const Message& message);

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_DECISION_JSON_H_
