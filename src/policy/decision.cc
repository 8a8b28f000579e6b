#include "policy/decision.h"

#include <algorithm>

namespace sendguard {
namespace {

constexpr std::size_t kMaxReason = 400;

// "ops@army.ml (.ml is one slip from .mil): did you mean ops@army.mil?"
std::string RecipientDetail(const RecipientVerdict& v) {
  std::string s = v.address;
  if (!v.reasons.empty()) s += " (" + v.reasons.front().detail + ")";
  if (v.suggestion) s += ": did you mean " + *v.suggestion + "?";
  return s;
}

std::string FindingDetail(const Finding& f) {
  return f.detector + " " + f.sample + " in " + (f.where.empty() ? "the message" : f.where[0]);
}

std::string UninspectedDetail(const Uninspected& u) {
  return (u.where.empty() ? std::string("the message") : u.where) + " (" + u.kind + ": " +
         u.detail + ")";
}

std::string Reason(const Rule& rule, const RuleMatch& match, const Decision& d,
                   const Message& message) {
  std::string s = rule.reason.empty() ? "policy rule " + rule.name : rule.reason;
  std::string details;
  auto add = [&](const std::string& part) { details += (details.empty() ? "" : "; ") + part; };
  for (std::size_t i : match.findings) add(FindingDetail(d.findings[i]));
  for (std::size_t i : match.uninspected) add(UninspectedDetail(message.uninspected()[i]));
  if (rule.recipients) {
    for (std::size_t i : match.recipients) add(RecipientDetail(d.recipients[i]));
  }
  if (!details.empty()) s += ": " + details;
  if (s.size() > kMaxReason) s = s.substr(0, kMaxReason - 3) + "...";
  return s;
}

bool Skipped(const Rule& rule, const EvaluateOptions& options) {
  return std::find(options.skip_rules.begin(), options.skip_rules.end(), rule.name) !=
         options.skip_rules.end();
}

// The first limit hit that left the rest of the message unread: a cut
// before parsing (parts, header fields, field size, addresses) or the time
// budget spent. What was not read is not clean.
const LimitHit* UnreadRest(const Message& message) {
  for (const LimitHit& h : message.limit_hits()) {
    if (h.limit == "parts" || h.limit == "header-fields" || h.limit == "header-size" ||
        h.limit == "total-addresses" || h.limit == "nesting" || h.limit == "time") {
      return &h;
    }
  }
  return nullptr;
}

}  // namespace

std::string_view MessageSender(const Message& message) {
  if (!message.envelope().mail_from.empty()) return message.envelope().mail_from;
  if (!message.from().empty()) return message.from().front().address;
  return {};
}

Result<Decision> Evaluate(const Message& message, const Context& context) {
  return Evaluate(message, context, EvaluateOptions{});
}

Result<Decision> Evaluate(const Message& message, const Context& context,
                          const EvaluateOptions& options) {
  Decision d;
  const std::vector<std::string> recipients = message.recipients();
  const std::string_view sender = MessageSender(message);
  std::shared_ptr<const ContactView> contacts;
  if (context.contacts() != nullptr && context.config().recipients.per_sender && !sender.empty()) {
    Result<std::shared_ptr<const ContactView>> c = context.contacts()->Contacts(sender);
    if (!c.ok()) {
      return InternalError("the sender's history could not be read: " + c.status().message());
    }
    contacts = std::move(c).value();
  }
  std::vector<Address> visible = message.to();
  visible.insert(visible.end(), message.cc().begin(), message.cc().end());
  d.recipients = context.judge().JudgeMessage(
      MessageRecipients{sender, contacts.get(), recipients, visible, message.bcc()});
  Result<std::vector<Finding>> findings = context.content().Scan(message);
  if (!findings.ok()) return findings.status();
  d.findings = std::move(findings).value();

  const PolicyConfig& policy = context.config().policy;
  for (const Rule& rule : policy.rules) {
    if (Skipped(rule, options)) continue;
    std::optional<RuleMatch> match = MatchRule(rule, message, d.recipients, d.findings);
    if (!match) continue;
    d.rule = rule.name;
    d.policy_action = rule.action;
    d.reason = Reason(rule, *match, d, message);
    if (rule.recipients) {
      for (std::size_t i : match->recipients) d.suspects.push_back(d.recipients[i].address);
    }
    d.partial = policy.suspects == PolicyConfig::Suspects::kRemoveRecipients &&
                rule.recipients.has_value() && rule.action >= Action::kHold &&
                d.suspects.size() < d.recipients.size();
    break;
  }
  if (d.rule.empty()) {
    if (const LimitHit* hit = UnreadRest(message)) {
      d.rule = "unread-content";
      d.policy_action = Action::kHold;
      d.reason = "part of the message was not read: " + hit->detail;
    }
  }
  d.audit = policy.mode == PolicyConfig::Mode::kAudit;
  d.action = d.audit ? Action::kAccept : d.policy_action;
  return d;
}

}  // namespace sendguard
