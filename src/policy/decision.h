// The verdict on one message: what to do with it and why.

#ifndef SENDGUARD_POLICY_DECISION_H_
#define SENDGUARD_POLICY_DECISION_H_

#include <string>
#include <vector>

#include "policy/context.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/message.h"

namespace sendguard {

struct Decision {
  // "accept", "tag", "notify", "hold" or "reject". Until policy rules exist
  // every message is accepted; the judgements below are what rules will use.
  std::string action = "accept";
  std::vector<RecipientVerdict> recipients;
};

// Judges `message` (with its envelope) in `context`. Pure: no I/O, no state;
// safe to call from any number of threads at once.
Decision Evaluate(const Message& message, const Context& context);

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_DECISION_H_
