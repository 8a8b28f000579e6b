// Policy rules: conditions over a message's recipients and content
// findings, and the action the first matching rule takes.

#ifndef SENDGUARD_POLICY_RULES_H_
#define SENDGUARD_POLICY_RULES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/finding.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/message.h"

namespace sendguard {

// In order of severity.
enum class Action { kAccept = 0, kTag, kNotify, kHold, kReject };
std::string_view ActionName(Action a);  // "accept", "tag", "notify", "hold", "reject"
std::optional<Action> ParseAction(std::string_view name);

// Holds for a recipient when every condition that is set holds.
struct RecipientCondition {
  std::vector<std::string> reasons;  // any of these reason codes
  std::optional<Risk> min_risk;
  std::vector<std::string> domains;  // the domain or a parent of it is one of these
  std::optional<bool> external;
  std::optional<bool> trusted;  // own or trusted domains
};

// Holds for a finding when every condition that is set holds.
struct ContentCondition {
  std::vector<std::string> detectors;   // any of these ids
  std::vector<std::string> categories;  // any of these categories
  Confidence min_confidence = Confidence::kMedium;
  int min_count = 1;
  std::optional<std::string> above_level;  // a classification level strictly above this
};

// Holds for a message by what of it was not inspected (Message::uninspected).
struct UninspectedCondition {
  // true: some content was not inspected (of one of `kinds`, when given);
  // false: everything was inspected.
  bool present = true;
  std::vector<std::string> kinds = {};  // "limit", "encrypted", "unsupported", ...
};

// The kinds of uninspected content a rule may name.
const std::vector<std::string>& UninspectedKinds();

struct Rule {
  std::string name;
  std::optional<RecipientCondition> recipients;  // some recipient must match
  std::optional<ContentCondition> content;       // some finding must match
  std::optional<bool> encrypted;                 // S/MIME- or PGP-encrypted parts
  std::optional<UninspectedCondition> uninspected;
  Action action = Action::kAccept;
  std::string reason;  // told to the sender; the details of the match are added
};

struct PolicyConfig {
  enum class Mode { kEnforce, kAudit };  // audit: log the would-be action, deliver
  enum class OnError { kTempfail, kAccept };
  enum class Suspects { kHoldMessage, kRemoveRecipients };
  Mode mode = Mode::kEnforce;
  OnError on_error = OnError::kTempfail;
  // When a rule about recipients holds or rejects: the whole message (the
  // sender corrects it and it goes to everyone), or only the recipients it
  // matched while the rest get the message.
  Suspects suspects = Suspects::kHoldMessage;
  std::vector<Rule> rules;  // first match wins; none: accept
};

// Whether `rule` is about recipients alone: it has a recipient condition
// and no content, encryption or uninspected condition (a typo, a homoglyph,
// a domain).
bool IsRecipientOnly(const Rule& rule);

// The shipped policy, used when the configuration has no `policy:` rules:
// classification markings above UNCLASSIFIED → reject; typo, homoglyph and
// missing-dot recipients → hold; CUI to anything outside the own and
// trusted domains → hold; credentials or personal data to a first-contact
// external domain or a personal webmail address → hold; content that could
// not be inspected (a limit, an encryption, an unknown format, damage, a
// picture not read) to anything outside the own and trusted domains → hold.
std::vector<Rule> DefaultRules();

// What one rule matched.
struct RuleMatch {
  std::vector<std::size_t> recipients;   // indexes of the recipients it matched
  std::vector<std::size_t> findings;     // indexes of the findings it matched
  std::vector<std::size_t> uninspected;  // indexes into Message::uninspected()
};

// Whether `rule` holds for `message`, whose recipients were judged
// `recipients` and whose content gave `findings`.
std::optional<RuleMatch> MatchRule(const Rule& rule, const Message& message,
                                   const std::vector<RecipientVerdict>& recipients,
                                   const std::vector<Finding>& findings);

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_RULES_H_
