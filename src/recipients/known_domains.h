// Built-in knowledge that holds with no history at all: the suffixes whose
// typos are dangerous (the .mil → .ml incident) and the big webmail
// providers, which are both frequent typo targets and personal accounts.

#ifndef SENDGUARD_RECIPIENTS_KNOWN_DOMAINS_H_
#define SENDGUARD_RECIPIENTS_KNOWN_DOMAINS_H_

#include <span>
#include <string_view>

namespace sendguard {

// Suffixes of government and military mail: a domain one edit away from
// them (army.ml, state.gv) is treated as a typo even with no history.
std::span<const std::string_view> BuiltinSensitiveSuffixes();

// Registrable domains of large personal webmail providers.
std::span<const std::string_view> BuiltinWebmailDomains();

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_KNOWN_DOMAINS_H_
