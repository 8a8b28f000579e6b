#include "service/sender_release.h"

#include <algorithm>
#include <vector>

namespace sendguard {
namespace {

constexpr char kAskAdmin[] = "an administrator must release it";

SenderVerdict Refused(std::string rule, std::string why) {
  return SenderVerdict{.allowed = false, .rule = std::move(rule), .reason = std::move(why)};
}

// The rules a sender sending as written vouches for: those about recipients
// alone that at most hold (a rule that rejects for a recipient is a block,
// not a doubt about an address).
std::vector<std::string> VouchedRules(const std::vector<Rule>& rules) {
  std::vector<std::string> names;
  for (const Rule& r : rules) {
    if (IsRecipientOnly(r) && r.action <= Action::kHold) names.push_back(r.name);
  }
  return names;
}

// Why the rule that held `held` is not one a sender may vouch past; "" when
// it is.
std::string AsWrittenPrecondition(const std::vector<Rule>& rules, const HeldMessage& held) {
  auto holding =
      std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.name == held.rule; });
  if (holding == rules.end()) return "the rule that held it is no longer configured; ";
  if (!IsRecipientOnly(*holding) || holding->action > Action::kHold) {
    return "rule " + held.rule + " held it, which a sender cannot lift; ";
  }
  return "";
}

}  // namespace

Result<SenderVerdict> JudgeSenderRelease(const Checker& checker, const HeldMessage& held,
                                         ReleaseTo to, bool as_written_allowed) {
  const std::vector<Rule>& rules = checker.context().config().policy.rules;
  EvaluateOptions options;
  Envelope envelope{held.mail_from, {}};
  switch (to) {
    case ReleaseTo::kAsWritten:
      if (!as_written_allowed) {
        return Refused(
            "", std::string("policy does not let senders send messages as written; ") + kAskAdmin);
      }
      if (std::string why = AsWrittenPrecondition(rules, held); !why.empty()) {
        return Refused(held.rule, why + kAskAdmin);
      }
      options.skip_rules = VouchedRules(rules);
      envelope.rcpt_to = held.recipients;
      break;
    case ReleaseTo::kSuggestion:
      if (!HasSuggestion(held)) {
        return FailedPreconditionError("message " + held.id + " has no suggested recipient");
      }
      envelope.rcpt_to = SuggestedRecipients(held);
      break;
    case ReleaseTo::kAddresses:
      return Refused(
          "", std::string("senders release only as written or to the suggestion; ") + kAskAdmin);
  }
  if (envelope.rcpt_to.empty()) return FailedPreconditionError("no recipients to release to");
  Result<Checked> checked = checker.Check(held.raw, envelope, options);
  if (!checked.ok()) return checked.status();
  const Decision& d = checked->decision;
  if (d.policy_action >= Action::kHold) {
    return Refused(d.rule, "rule " + d.rule + " would still " +
                               std::string(ActionName(d.policy_action)) + " it (" + d.reason +
                               "): " + kAskAdmin);
  }
  return SenderVerdict{.allowed = true};
}

}  // namespace sendguard
