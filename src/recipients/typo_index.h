// An index of the domains a mistyped recipient was probably meant for,
// answering "which known domains is this domain a near miss of?" without
// scanning them: the cost of a lookup stays flat from a thousand to
// millions of domains.
//
// It keys every distinct label by its deletion neighbourhood (SymSpell: the
// label and the label with any one character removed), and every intended
// domain by its name, its confusable skeleton and its dot-less forms. A
// candidate's own keys find the labels and domains one edit, one lookalike
// or one dot away; every hit is verified on the strings before it is
// returned. All of a lookup's table slots are prefetched together, so the
// cache misses of a large table overlap.

#ifndef SENDGUARD_RECIPIENTS_TYPO_INDEX_H_
#define SENDGUARD_RECIPIENTS_TYPO_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "recipients/domain.h"
#include "recipients/edit_kind.h"
#include "util/huge_array.h"

namespace sendguard {

// Where an intended domain comes from; configured and built-in domains need
// no history to be trusted as targets.
enum class DomainOrigin : std::uint8_t { kHistory, kConfigured, kBuiltin };

struct IntendedDomain {
  std::string domain;  // ASCII, lower-case
  std::uint64_t messages = 0;
  DomainOrigin origin = DomainOrigin::kHistory;
};

enum class MissKind {
  kTldTypo,     // same label, a suffix one edit away: army.ml for army.mil
  kTypo,        // the label one edit away: arny.mil
  kHomoglyph,   // the same skeleton: arrny.mil, аrmy.mil (Cyrillic а)
  kMissingDot,  // a dot left out: usaf.mil for us.af.mil, armymil.com for army.mil
  kExtraDot,    // a dot added: ar.my.mil for army.mil
};

struct NearMiss {
  std::uint32_t id;  // index into the IntendedDomain list
  MissKind kind;
  std::optional<Edit> edit;       // for kTypo and kTldTypo
  std::string suggestion_domain;  // the candidate as it was probably meant
};

class TypoIndex {
 public:
  // Builds the index over `domains` (which it keeps).
  explicit TypoIndex(std::vector<IntendedDomain> domains);

  const IntendedDomain& domain(std::uint32_t id) const { return domains_[id]; }
  std::size_t size() const { return domains_.size(); }
  std::size_t memory_bytes() const;

  // The entry for exactly `ascii_domain`, if any. A registrable domain's
  // messages include those of its subdomains.
  const IntendedDomain* FindExact(std::string_view ascii_domain) const;

  // Intended domains `candidate` is a near miss of, in no particular order.
  // Equal domains are not near misses.
  std::vector<NearMiss> Find(const DomainName& candidate) const;

 private:
  void Insert(std::uint64_t hash, std::uint64_t packed_slot);
  template <typename F>
  void Lookup(std::uint64_t hash, F&& f) const;
  void Prefetch(std::uint64_t hash) const;
  std::string_view Label(std::uint32_t label_id) const;

  std::vector<IntendedDomain> domains_;
  // Length of the label left of the suffix, for registrable domains
  // (domain = label + "." + suffix); 0 for subdomains.
  std::vector<std::uint8_t> label_len_;
  // Distinct labels: their text, and the registrable domains carrying each
  // (label_domains_[label_first_[l] .. label_first_[l + 1]]).
  std::string label_text_;
  std::vector<std::uint32_t> label_offset_;  // size labels + 1
  std::vector<std::uint32_t> label_first_;   // size labels + 1
  std::vector<std::uint32_t> label_domains_;
  // Which suffixes each label is registered under: one bit for each of the
  // 63 most common suffixes, the top bit for all others. Lets a lookup skip
  // label neighbours that do not exist under the candidate's suffix.
  std::vector<std::uint64_t> label_suffixes_;
  std::unordered_map<std::string, int> suffix_bit_;
  // For each common suffix bit: the bits of the common suffixes one edit
  // away from it (com → co, cm, ...), plus the "other" bit.
  std::vector<std::uint64_t> suffix_neighbours_;
  HugeArray<std::uint64_t> slots_;  // packed, see Pack() in the .cc; 0 = empty
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_TYPO_INDEX_H_
