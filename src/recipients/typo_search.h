// The steps of one typo index search, shared by the files that implement
// them (typo_index.cc, typo_index_suffixes.cc). Internal to the index.

#ifndef SENDGUARD_RECIPIENTS_TYPO_SEARCH_H_
#define SENDGUARD_RECIPIENTS_TYPO_SEARCH_H_

#include <algorithm>
#include <string>
#include <vector>

#include "recipients/typo_index.h"
#include "recipients/typo_keys.h"

namespace sendguard {

template <typename F>
void TypoIndex::Lookup(std::uint64_t hash, typo_keys::Target target, F&& f) const {
  std::size_t n = slots_.size();
  if (n == 0) return;
  std::size_t i = Home(hash);
  const std::uint64_t match = typo_keys::MatchBits(hash, target);
  for (;;) {
    std::uint64_t s = slots_[i];
    if (s == 0) return;
    if ((s & typo_keys::kMatchMask) == match) {
      f(static_cast<std::uint32_t>((s & 0xFFFFFFFFULL) - 1),
        static_cast<std::uint32_t>((s >> 38) & 63), static_cast<std::uint32_t>((s >> 32) & 63));
    }
    if (++i == n) i = 0;
  }
}

struct TypoIndex::SearchKeys {
  static constexpr std::size_t kMaxNeighbours = 64;
  // The label and its deletions; run_start/run_end: the deleted run, kWhole
  // for the label itself.
  std::uint64_t neighbours[kMaxNeighbours];
  std::uint8_t run_start[kMaxNeighbours], run_end[kMaxNeighbours];
  std::size_t count = 0;
  std::uint64_t skeleton = 0, joined = 0, dotless = 0;
  std::string skeleton_text;
};

// One search for the near misses of a candidate: Find's steps, each adding
// to the same list, in the order Find takes them.
class TypoIndex::Search {
 public:
  Search(const TypoIndex& index, const DomainName& candidate);

  void LabelAndSuffixEdits();
  void MultiLabelSuffixTypos();
  void Lookalikes();
  void MissingDots();
  void ExtraDots();
  void HyphensForDots();
  void GluedWww();
  std::vector<NearMiss> Take() { return std::move(out_); }

 private:
  // Label blocks the label's keys found (at most kMaxHits, each once).
  static constexpr std::size_t kMaxHits = 64;
  struct LabelHits {
    std::uint32_t blocks[kMaxHits];
    bool maybe_same[kMaxHits];  // found by the whole label: perhaps the candidate's own
    std::size_t count = 0;
  };
  void CollectLabelHits(LabelHits& hits) const;
  void ReadLabelHits(const LabelHits& hits, std::vector<NearMiss>& typos);
  std::optional<NearMiss> TypoUnderOwnSuffix(std::uint32_t block, const LabelHeader& h,
                                             std::string_view label) const;
  // kSuffixSwap misses for the domains of the candidate's own label block.
  void AddSuffixSwaps(std::uint32_t block, const LabelHeader& h);
  // A miss of `kind` when exactly `name` is an entry.
  void MissIfEntry(const std::string& name, MissKind kind);
  bool Seen(std::uint32_t id, MissKind kind) const;
  void Miss(std::uint32_t id, MissKind kind, std::string suggestion);

  const TypoIndex& ix_;
  const DomainName& c_;
  const SearchKeys keys_;
  std::string_view reg_;
  // What the candidate's domains are prefixed with in its suggestions:
  // "hq." for hq.arny.mil.
  std::string_view prefix_;
  std::optional<std::uint32_t> sid_;
  std::uint64_t suffix_mask_, tld_neighbours_;
  std::vector<NearMiss> out_;
};

inline TypoIndex::Search::Search(const TypoIndex& index, const DomainName& c)
    : ix_(index), c_(c), keys_(index.MakeSearchKeys(c)), reg_(c.registrable) {
  prefix_ = std::string_view(c.ascii).substr(
      0, c.ascii.size() > reg_.size() ? c.ascii.size() - reg_.size() : 0);
  sid_ = ix_.SuffixId(c.suffix);
  const int bit = sid_ ? ix_.suffix_bit_[*sid_] : 63;
  suffix_mask_ = 1ULL << bit;
  tld_neighbours_ = bit == 63 ? ~0ULL : ix_.suffix_neighbours_[static_cast<std::size_t>(bit)];
}

inline bool TypoIndex::Search::Seen(std::uint32_t id, MissKind kind) const {
  for (const NearMiss& m : out_) {
    if (m.id == id && m.kind == kind) return true;
  }
  return false;
}

inline void TypoIndex::Search::Miss(std::uint32_t id, MissKind kind, std::string suggestion) {
  const Entry& e = ix_.entries_[id];
  out_.push_back(NearMiss{id, kind, std::nullopt, std::string(ix_.Name(id)), e.messages, e.origin,
                          std::move(suggestion)});
}

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_TYPO_SEARCH_H_
