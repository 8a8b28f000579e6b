// Domains known to exist with no history at all: every US .gov domain (the
// CISA registry) and the known .mil second-level domains, bundled at build
// time from data/domains/ (scripts/refresh-domain-lists refreshes them). A
// suggestion names a domain that is real: one of these, one in the history
// or one configured.

#ifndef SENDGUARD_RECIPIENTS_REAL_DOMAINS_H_
#define SENDGUARD_RECIPIENTS_REAL_DOMAINS_H_

#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

class RealDomains {
 public:
  // The bundled lists, read once; shared by all threads, never destroyed.
  static const RealDomains& Bundled();

  // Reads lists from text: one domain per line; blank lines and lines
  // starting with '#' are skipped; names are lower-cased.
  static RealDomains FromText(std::string_view text);

  // True when `ascii_domain` (lower-case ASCII) is listed.
  bool Contains(std::string_view ascii_domain) const;

  // Every listed name, sorted, each once.
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_REAL_DOMAINS_H_
