// The organisation's outbound mail history: how many messages went to each
// domain and address. Established domains are what mistyped recipients
// were probably meant for.

#ifndef SENDGUARD_RECIPIENTS_HISTORY_H_
#define SENDGUARD_RECIPIENTS_HISTORY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sendguard/status.h"

namespace sendguard {

class History {
 public:
  // Adds `messages` sent to `key`: an address ("a@b.org") or a domain.
  // Keys are lower-cased; an address also counts towards its domain unless
  // the domain has counts of its own (see Finish()).
  void Add(std::string_view key, std::uint64_t messages);

  // Settles domain counts: a domain listed only through its addresses gets
  // the sum of their counts. Call once after the last Add().
  void Finish();

  std::uint64_t DomainMessages(std::string_view ascii_domain) const;
  std::uint64_t AddressMessages(std::string_view address) const;
  std::size_t domain_count() const { return domains_.size(); }
  bool empty() const { return domains_.empty() && addresses_.empty(); }
  bool has_addresses() const { return !addresses_.empty(); }

  void ForEachDomain(const std::function<void(const std::string&, std::uint64_t)>& f) const;
  void ForEachAddress(const std::function<void(const std::string&, std::uint64_t)>& f) const;

  // Reads "domain-or-address<TAB>count" lines; blank lines and lines
  // starting with '#' are skipped. Errors name the file and line.
  static Result<History> LoadTsv(const std::string& path);

 private:
  // Transparent hashing: lookups by string_view without a copy.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>>;
  Map domains_;
  Map address_domains_;  // sums, for Finish()
  Map addresses_;
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_HISTORY_H_
