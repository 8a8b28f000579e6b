#include "policy/rules.h"

#include <algorithm>

#include "content/classification_level.h"
#include "recipients/domain.h"

namespace sendguard {
namespace {

bool Contains(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

bool Holds(const RecipientCondition& c, const RecipientVerdict& v) {
  if (!c.reasons.empty() &&
      std::none_of(v.reasons.begin(), v.reasons.end(),
                   [&](const RecipientReason& r) { return Contains(c.reasons, r.code); })) {
    return false;
  }
  if (c.min_risk && v.risk < *c.min_risk) return false;
  if (!c.domains.empty() &&
      std::none_of(c.domains.begin(), c.domains.end(),
                   [&](const std::string& d) { return DomainIsOrUnder(v.domain, d); })) {
    return false;
  }
  if (c.external && v.external != *c.external) return false;
  if (c.trusted && v.trusted != *c.trusted) return false;
  return true;
}

bool Holds(const ContentCondition& c, const Finding& f) {
  if (!c.detectors.empty() && !Contains(c.detectors, f.detector)) return false;
  if (!c.categories.empty() && !Contains(c.categories, f.category)) return false;
  if (f.confidence < c.min_confidence || f.count < c.min_count) return false;
  if (c.above_level) {
    if (!f.level || ClassificationRank(*f.level) <= ClassificationRank(*c.above_level)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view ActionName(Action a) {
  switch (a) {
    case Action::kAccept:
      return "accept";
    case Action::kTag:
      return "tag";
    case Action::kNotify:
      return "notify";
    case Action::kHold:
      return "hold";
    case Action::kReject:
      return "reject";
  }
  return "accept";
}

std::optional<Action> ParseAction(std::string_view name) {
  for (Action a :
       {Action::kAccept, Action::kTag, Action::kNotify, Action::kHold, Action::kReject}) {
    if (ActionName(a) == name) return a;
  }
  return std::nullopt;
}

const std::vector<std::string>& UninspectedKinds() {
  static const auto* const kKinds =
      new std::vector<std::string>{"limit", "encrypted", "unsupported", "corrupt", "ocr-skipped"};
  return *kKinds;
}

bool IsRecipientOnly(const Rule& rule) {
  return rule.recipients.has_value() && !rule.content.has_value() && !rule.encrypted.has_value() &&
         !rule.uninspected.has_value();
}

std::vector<Rule> DefaultRules() {
  std::vector<Rule> rules;
  {
    Rule r;
    r.name = "classified-marking";
    ContentCondition c;
    c.detectors = {"classification-marking"};
    c.above_level = "unclassified";
    r.content = c;
    r.action = Action::kReject;
    r.reason = "the message carries a classification marking above UNCLASSIFIED";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "mistyped-recipient";
    RecipientCondition c;
    c.reasons = {"tld-typo", "typo", "homoglyph", "missing-dot"};
    c.min_risk = Risk::kMedium;
    r.recipients = c;
    r.action = Action::kHold;
    r.reason = "a recipient address looks mistyped";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "misdirected-address";
    RecipientCondition c;
    c.reasons = {"address-typo", "name-mismatch"};
    c.min_risk = Risk::kMedium;
    r.recipients = c;
    r.action = Action::kHold;
    r.reason = "a recipient is not the address this sender usually writes to";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "cui-outside";
    ContentCondition c;
    c.detectors = {"cui-marking"};
    r.content = c;
    RecipientCondition rc;
    rc.trusted = false;
    r.recipients = rc;
    r.action = Action::kHold;
    r.reason = "CUI is addressed outside the organisation and its trusted partners";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "sensitive-to-first-contact";
    ContentCondition c;
    c.categories = {"credential", "pii"};
    r.content = c;
    RecipientCondition rc;
    rc.reasons = {"first-contact", "personal-webmail"};
    rc.external = true;
    r.recipients = rc;
    r.action = Action::kHold;
    r.reason =
        "credentials or personal data are addressed to a first-time or personal webmail recipient";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "positions-outside";
    ContentCondition c;
    c.detectors = {"exif-gps", "geo-file"};
    r.content = c;
    RecipientCondition rc;
    rc.trusted = false;
    r.recipients = rc;
    r.action = Action::kHold;
    r.reason =
        "a map file or a picture's GPS position is addressed outside the organisation and its "
        "trusted partners";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "uninspected-outside";
    r.uninspected = UninspectedCondition{};
    RecipientCondition rc;
    rc.trusted = false;
    r.recipients = rc;
    r.action = Action::kHold;
    r.reason =
        "content that could not be inspected is addressed outside the organisation and its trusted "
        "partners";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "many-external-visible";
    RecipientCondition rc;
    rc.reasons = {"many-external-visible"};
    r.recipients = rc;
    r.action = Action::kNotify;
    r.reason = "many external recipients can see each other's addresses: use Bcc";
    rules.push_back(r);
  }
  {
    Rule r;
    r.name = "unusual-recipient";
    RecipientCondition rc;
    rc.reasons = {"unusual-recipient"};
    rc.min_risk = Risk::kMedium;
    r.recipients = rc;
    r.action = Action::kNotify;
    r.reason =
        "a recipient new to this sender, added to people it mails together, looks like one "
        "of them";
    rules.push_back(r);
  }
  return rules;
}

std::optional<RuleMatch> MatchRule(const Rule& rule, const Message& message,
                                   const std::vector<RecipientVerdict>& recipients,
                                   const std::vector<Finding>& findings) {
  if (rule.encrypted && *rule.encrypted == message.encrypted().empty()) return std::nullopt;
  RuleMatch m;
  if (rule.uninspected) {
    const std::vector<Uninspected>& unread = message.uninspected();
    for (std::size_t i = 0; i < unread.size(); ++i) {
      if (rule.uninspected->kinds.empty() || Contains(rule.uninspected->kinds, unread[i].kind)) {
        m.uninspected.push_back(i);
      }
    }
    if (m.uninspected.empty() == rule.uninspected->present) return std::nullopt;
    if (!rule.uninspected->present) m.uninspected.clear();
  }
  if (rule.content) {
    for (std::size_t i = 0; i < findings.size(); ++i) {
      if (Holds(*rule.content, findings[i])) m.findings.push_back(i);
    }
    if (m.findings.empty()) return std::nullopt;
  }
  for (std::size_t i = 0; i < recipients.size(); ++i) {
    if (!rule.recipients || Holds(*rule.recipients, recipients[i])) m.recipients.push_back(i);
  }
  if (rule.recipients && m.recipients.empty()) return std::nullopt;
  return m;
}

}  // namespace sendguard
