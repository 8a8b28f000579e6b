// The verdict on one message: what to do with it and why.

#ifndef SENDGUARD_POLICY_DECISION_H_
#define SENDGUARD_POLICY_DECISION_H_

#include <string>
#include <vector>

#include "content/finding.h"
#include "policy/context.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/message.h"
#include "sendguard/status.h"

namespace sendguard {

struct Decision {
  // "accept", "tag", "notify", "hold" or "reject". Until policy rules exist
  // every message is accepted; the judgements below are what rules will use.
  std::string action = "accept";
  std::vector<RecipientVerdict> recipients;
  std::vector<Finding> findings;  // one per content detector that matched
};

// Judges `message` (with its envelope) in `context`. Pure: no I/O, no state;
// safe to call from any number of threads at once. Fails only on an
// internal error (the pattern matcher failing), which a mail filter must
// treat by its failure mode, never as "accept".
Result<Decision> Evaluate(const Message& message, const Context& context);

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_DECISION_H_
