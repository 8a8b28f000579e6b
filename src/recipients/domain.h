// Normalising and dissecting recipient domains: IDNA (libidn2) and the
// public suffix list (libpsl).

#ifndef SENDGUARD_RECIPIENTS_DOMAIN_H_
#define SENDGUARD_RECIPIENTS_DOMAIN_H_

#include <string>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

struct DomainName {
  std::string ascii;          // lower-case, A-labels (punycode), no trailing dot: "xn--rmy-8cd.mil"
  std::string unicode;        // the same with U-labels: "аrmy.mil"
  std::string registrable;    // eTLD+1, ASCII: "army.mil" for "hq.army.mil"; the whole
                              // domain when it has no label below its public suffix
  std::string suffix;         // public suffix, ASCII: "mil", "co.uk"
  std::string label;          // the label left of the suffix in `registrable`: "army"
  bool known_suffix = false;  // the suffix is an ICANN suffix (a TLD that exists)
  // The whole name is a public suffix only by a wildcard rule of the list
  // (banglalink.bd under *.bd: names there sit under com.bd, gov.bd, ...).
  // Such a name is dissected as if the wildcard were not there: label
  // "banglalink", suffix "bd", registrable the whole name.
  bool wildcard = false;

  // The domain with its registrable part replaced by `registrable`, keeping
  // any subdomain labels: ("hq.arny.mil", "army.mil") → "hq.army.mil".
  std::string WithRegistrable(std::string_view registrable) const;
};

// Parses a domain as written in an address (any case, A- or U-labels, an
// optional trailing dot). Errors: empty, too long, an empty label, or a name
// IDNA 2008 (with UTS #46 mapping) rejects.
Result<DomainName> ParseDomain(std::string_view domain);

// The domain of an address: the text after the last '@', without enclosing
// angle brackets. Empty when there is no '@'.
std::string_view AddressDomainPart(std::string_view address);

// True when `domain` is `parent` or a subdomain of it, comparing the names
// as given (both normalised ASCII): ("hq.army.mil", "army.mil") is, while
// ("notarmy.mil", "army.mil") is not.
bool DomainIsOrUnder(std::string_view domain, std::string_view parent);

// True when `suffix` is an ICANN public suffix.
bool IsKnownSuffix(std::string_view suffix);

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_DOMAIN_H_
