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
// returned.
//
// A large index is far bigger than the caches, so its layout is built for
// few dependent memory reads: an exact lookup reads a slot, then one
// cache-line entry holding the name and its traffic; a search prefetches
// all of its slots together, then the blocks of the labels they found, each
// holding the label, the suffixes it exists under (most blocks are dropped
// there) and its domains with their traffic. All large arrays sit in 2 MiB
// pages.

#ifndef SENDGUARD_RECIPIENTS_TYPO_INDEX_H_
#define SENDGUARD_RECIPIENTS_TYPO_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "recipients/domain.h"
#include "recipients/edit_kind.h"
#include "recipients/typo_keys.h"
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

// What the index holds for one of its domains; `domain` points into the
// index.
struct IndexEntry {
  std::uint32_t id = 0;  // 0 .. TypoIndex::size() - 1
  std::string_view domain;
  std::uint64_t messages = 0;
  DomainOrigin origin = DomainOrigin::kHistory;
};

enum class MissKind {
  kTldTypo,     // same label, a suffix one edit away: army.ml for army.mil
  kTypo,        // the label one edit away: arny.mil
  kHomoglyph,   // the same skeleton: arrny.mil, аrmy.mil (Cyrillic а)
  kMissingDot,  // a dot left out: usaf.mil for us.af.mil, armymil.com for army.mil
  kExtraDot,    // a dot added: ar.my.mil for army.mil
  // Same label, another suffix of the same country, or one with a
  // second-level label dropped or added: x.org.bd or x.bd for x.gov.bd.
  kSuffixSwap,
  kHyphenForDot,  // a hyphen for a dot: army-mil.com, us-af.mil, name-com.bd
  kGluedWww,      // "www" glued to the label: wwwexample.com
};

struct NearMiss {
  std::uint32_t id;  // the intended domain's entry
  MissKind kind;
  std::optional<Edit> edit;       // for kTypo and kTldTypo
  std::string intended;           // the intended domain's name
  std::uint64_t messages;         // and its traffic
  DomainOrigin origin;            // and where it comes from
  std::string suggestion_domain;  // the candidate as it was probably meant
};

class TypoIndex {
 public:
  // Builds the index over `domains`. Equal names are merged (traffic added);
  // a subdomain also adds its traffic to its registrable domain.
  explicit TypoIndex(std::vector<IntendedDomain> domains);

  // A candidate domain's own keys, hashed once, with their table slots
  // already requested from memory. Valid while `candidate` lives.
  class Probe;
  Probe MakeProbe(const DomainName& candidate) const;

  IndexEntry entry(std::uint32_t id) const;
  std::size_t size() const { return entries_.size(); }
  std::size_t memory_bytes() const;

  // The entry for exactly `ascii_domain`, if any. A registrable domain's
  // messages include those of its subdomains.
  std::optional<IndexEntry> FindExact(std::string_view ascii_domain) const;
  // The entries for the probed candidate and for its registrable domain.
  std::optional<IndexEntry> FindExact(const Probe& probe) const;
  std::optional<IndexEntry> FindRegistrable(const Probe& probe) const;

  // Intended domains the probed candidate is a near miss of, in no
  // particular order. Equal domains are not near misses.
  std::vector<NearMiss> Find(const Probe& probe) const;
  std::vector<NearMiss> Find(const DomainName& candidate) const;

 private:
  // One intended domain in one cache line, its name inline when it fits.
  static constexpr std::size_t kInlineName = 48;
  struct Entry {
    std::uint64_t messages;
    std::uint32_t overflow;  // offset of the name in long_names_ when it does not fit
    std::uint8_t name_len;   // a domain has at most 253 characters
    std::uint8_t label_len;  // the label left of the suffix, for registrable domains; else 0
    DomainOrigin origin;
    std::uint8_t unused;
    char name[kInlineName];
  };
  // A distinct label of registrable domains (domain = label + "." + suffix)
  // as one block in label_blocks_: this header, then a LabelDomain for each
  // domain carrying the label. A lookup finds header and domains in the
  // same few cache lines.
  static constexpr std::size_t kInlineLabel = 33;
  struct LabelHeader {
    // Under which suffixes the label exists: a bit for each of the 63 most
    // common suffixes, bit 63 for all others.
    std::uint64_t suffixes;
    std::uint32_t overflow;  // offset of the text in long_labels_ when it does not fit
    std::uint16_t count;     // domains that follow
    std::uint8_t len;
    char text[kInlineLabel];
  };
  struct LabelDomain {
    std::uint64_t messages;
    std::uint32_t id;
    std::uint32_t suffix : 30;  // index into suffixes_
    std::uint32_t origin : 2;
  };
  static constexpr std::size_t kBlockUnit = 16;  // blocks start at multiples of this
  struct SuffixHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  void Insert(std::uint64_t hash, std::uint64_t packed_slot);
  // Calls f(id, run_start, run_length) for each slot of `hash` whose
  // fingerprint matches and whose id is a `target`.
  template <typename F>
  void Lookup(std::uint64_t hash, typo_keys::Target target, F&& f) const;
  void Prefetch(std::uint64_t hash) const;
  // The keys a search for near misses of `candidate` reads, with their
  // slots requested from memory together.
  struct SearchKeys;
  SearchKeys MakeSearchKeys(const DomainName& candidate) const;
  // The slot where the search for `hash` starts.
  std::size_t Home(std::uint64_t hash) const {
    return static_cast<std::size_t>((static_cast<unsigned __int128>(hash) * slots_.size()) >> 64);
  }
  std::optional<IndexEntry> FindExact(std::uint64_t hash, std::string_view domain) const;
  std::string_view Name(std::uint32_t id) const;
  const char* Block(std::uint32_t block) const { return label_blocks_.data() + block * kBlockUnit; }
  LabelHeader Header(std::uint32_t block) const;
  LabelDomain DomainOf(std::uint32_t block, std::size_t k) const;
  std::string_view LabelText(std::uint32_t block, const LabelHeader& h) const;
  std::optional<std::uint32_t> SuffixId(std::string_view suffix) const;
  // Appends kTldTypo misses for the domains of a label whose suffix is one
  // edit from `suffix`; `prefix` is prepended to each suggestion.
  void AddTldTypos(std::uint32_t block, const LabelHeader& header, std::string_view label,
                   std::string_view suffix, std::string_view prefix,
                   std::vector<NearMiss>& out) const;

  // Construction steps (typo_index_build.cc), in the order they run.
  struct Layout;
  void LayOutEntries(Layout& l);
  void AssignSuffixBits(const std::vector<std::size_t>& suffix_count);
  void LayOutLabelBlocks(Layout& l);
  static std::vector<std::pair<std::uint64_t, std::uint64_t>> CollectKeys(const Layout& l);
  // The steps of one Find (typo_index.cc).
  class Search;

  HugeArray<Entry> entries_;
  std::string long_names_;
  HugeArray<char> label_blocks_;
  std::string long_labels_;
  // Distinct suffixes of registrable domains.
  std::vector<std::string> suffixes_;
  std::unordered_map<std::string, std::uint32_t, SuffixHash, std::equal_to<>> suffix_ids_;
  // Bit of each suffix in a label's suffix mask.
  std::vector<std::uint8_t> suffix_bit_;
  // For each common suffix bit: the bits of the common suffixes one edit
  // away from it (com → co, cm, ...), plus the "other" bit.
  std::vector<std::uint64_t> suffix_neighbours_;
  HugeArray<std::uint64_t> slots_;  // packed, see typo_keys.h; 0 = empty
};

class TypoIndex::Probe {
 public:
  const DomainName& candidate() const { return *candidate_; }

 private:
  friend class TypoIndex;
  const DomainName* candidate_ = nullptr;
  std::uint64_t exact_ = 0, registrable_ = 0;
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_TYPO_INDEX_H_
