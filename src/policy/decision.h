// The verdict on one message: what to do with it and why.

#ifndef SENDGUARD_POLICY_DECISION_H_
#define SENDGUARD_POLICY_DECISION_H_

#include <string>
#include <vector>

#include "content/finding.h"
#include "policy/context.h"
#include "policy/rules.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/message.h"
#include "sendguard/status.h"

namespace sendguard {

struct Decision {
  // What to do: the policy's action in enforce mode; always accept in
  // audit mode, with the policy's action kept in `policy_action`.
  Action action = Action::kAccept;
  Action policy_action = Action::kAccept;
  bool audit = false;
  std::string rule;    // the rule that matched; empty when none did
  std::string reason;  // for the sender: what matched and, for typos, "did you mean ...?"
  // The recipients the rule matched (for rules about recipients).
  std::vector<std::string> suspects;
  // remove-recipients mode: only `suspects` are held (or rejected); the
  // other recipients get the message.
  bool partial = false;
  std::vector<RecipientVerdict> recipients;
  std::vector<Finding> findings;  // one per content detector that matched
};

// Whom `message` is from, as its recipients are judged against that
// sender's history: the envelope sender, else the first From address;
// empty when neither is known.
std::string_view MessageSender(const Message& message);

// Judges `message` (with its envelope) in `context`. Pure: no I/O, no state;
// safe to call from any number of threads at once. Fails only on an
// internal error (the pattern matcher failing), which a mail filter must
// treat by its failure mode, never as "accept".
Result<Decision> Evaluate(const Message& message, const Context& context);

// Which of the policy's rules an evaluation applies.
struct EvaluateOptions {
  // Rules left out, by name, as if they were not configured: a sender who
  // sends a held message as written vouches for its recipients, so the
  // rules about recipients alone are not asked again. Names of no rule are
  // ignored.
  std::vector<std::string> skip_rules = {};
};

// As Evaluate(message, context), with only the rules `options` leaves in:
// the first of those that matches decides.
Result<Decision> Evaluate(const Message& message, const Context& context,
                          const EvaluateOptions& options);

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_DECISION_H_
