#include "recipients/typo_index.h"

#include <algorithm>
#include <cstring>

#include "recipients/skeleton.h"
#include "recipients/typo_keys.h"

namespace sendguard {

using typo_keys::HashKey;
using typo_keys::Key;
using typo_keys::kWhole;
using typo_keys::Target;

std::string_view TypoIndex::Name(std::uint32_t id) const {
  const Entry& e = entries_[id];
  if (e.name_len <= kInlineName) return std::string_view(e.name, e.name_len);
  return std::string_view(long_names_).substr(e.overflow, e.name_len);
}

TypoIndex::LabelHeader TypoIndex::Header(std::uint32_t block) const {
  LabelHeader h;
  std::memcpy(&h, Block(block), sizeof h);
  return h;
}

TypoIndex::LabelDomain TypoIndex::DomainOf(std::uint32_t block, std::size_t k) const {
  LabelDomain d;
  std::memcpy(&d, Block(block) + sizeof(LabelHeader) + k * sizeof(LabelDomain), sizeof d);
  return d;
}

std::string_view TypoIndex::LabelText(std::uint32_t block, const LabelHeader& h) const {
  if (h.len <= kInlineLabel)
    return std::string_view(Block(block) + offsetof(LabelHeader, text), h.len);
  return std::string_view(long_labels_).substr(h.overflow, h.len);
}

IndexEntry TypoIndex::entry(std::uint32_t id) const {
  const Entry& e = entries_[id];
  return IndexEntry{id, Name(id), e.messages, e.origin};
}

std::optional<std::uint32_t> TypoIndex::SuffixId(std::string_view suffix) const {
  auto it = suffix_ids_.find(suffix);
  if (it == suffix_ids_.end()) return std::nullopt;
  return it->second;
}

std::size_t TypoIndex::memory_bytes() const {
  std::size_t bytes = entries_.size() * sizeof(Entry) + long_names_.capacity() +
                      label_blocks_.size() + long_labels_.capacity() +
                      slots_.size() * sizeof(std::uint64_t) + suffix_bit_.size();
  for (const std::string& s : suffixes_) bytes += 2 * (sizeof(std::string) + s.size()) + 16;
  return bytes;
}

void TypoIndex::Prefetch(std::uint64_t hash) const {
  if (slots_.size() == 0) return;
  const std::uint64_t* home = &slots_[Home(hash)];
  __builtin_prefetch(home);
}

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

TypoIndex::Probe TypoIndex::MakeProbe(const DomainName& c) const {
  // Only the candidate's own entries: most recipients are known domains,
  // which need no search (prefetching its keys too would slow them down).
  Probe p;
  p.candidate_ = &c;
  p.exact_ = HashKey(Key::kExact, c.ascii);
  p.registrable_ = c.registrable == c.ascii ? p.exact_ : HashKey(Key::kExact, c.registrable);
  Prefetch(p.exact_);
  Prefetch(p.registrable_);
  return p;
}

TypoIndex::SearchKeys TypoIndex::MakeSearchKeys(const DomainName& c) const {
  SearchKeys k;
  k.run_start[0] = k.run_end[0] = kWhole;
  k.neighbours[k.count++] = HashKey(Key::kNeighbour, c.label);
  if (c.label.size() >= 4) {
    typo_keys::ForEachDeletionHash(
        c.label, [&](std::uint64_t h, std::size_t start, std::size_t run) {
          k.run_start[k.count] = static_cast<std::uint8_t>(start);
          k.run_end[k.count] = static_cast<std::uint8_t>(start + run - 1);
          k.neighbours[k.count++] = h;
        });
  }
  for (std::size_t i = 0; i < k.count; ++i) Prefetch(k.neighbours[i]);
  k.joined = HashKey(Key::kJoined, c.label);
  k.dotless = HashKey(Key::kDotless, c.ascii);
  Prefetch(k.joined);
  Prefetch(k.dotless);
  std::string_view reg_unicode =
      typo_keys::LastLabels(c.unicode, typo_keys::CountLabels(c.registrable));
  k.skeleton_text = Skeleton(reg_unicode);
  k.skeleton = HashKey(Key::kSkeleton, k.skeleton_text);
  Prefetch(k.skeleton);
  return k;
}

std::optional<IndexEntry> TypoIndex::FindExact(std::uint64_t hash, std::string_view domain) const {
  std::optional<IndexEntry> found;
  Lookup(hash, Target::kEntry, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    if (!found && Name(id) == domain) found = entry(id);
  });
  return found;
}

std::optional<IndexEntry> TypoIndex::FindExact(std::string_view domain) const {
  return FindExact(HashKey(Key::kExact, domain), domain);
}

std::optional<IndexEntry> TypoIndex::FindExact(const Probe& p) const {
  return FindExact(p.exact_, p.candidate().ascii);
}

std::optional<IndexEntry> TypoIndex::FindRegistrable(const Probe& p) const {
  return FindExact(p.registrable_, p.candidate().registrable);
}

std::vector<NearMiss> TypoIndex::Find(const DomainName& candidate) const {
  return Find(MakeProbe(candidate));
}

void TypoIndex::AddTldTypos(std::uint32_t block, const LabelHeader& h, std::string_view label,
                            std::string_view suffix, std::string_view prefix,
                            std::vector<NearMiss>& out) const {
  for (std::size_t k = 0; k < h.count; ++k) {
    const LabelDomain d = DomainOf(block, k);
    std::string_view s = suffixes_[d.suffix];
    if (s == suffix || BoundedEditDistance(s, suffix, 1) != 1) continue;
    if (std::any_of(out.begin(), out.end(), [&](const NearMiss& m) {
          return m.id == d.id && m.kind == MissKind::kTldTypo;
        })) {
      continue;
    }
    std::string intended = std::string(label) + "." + std::string(s);
    std::string suggestion = std::string(prefix) + intended;
    out.push_back(NearMiss{d.id, MissKind::kTldTypo, ClassifyEdit(s, suffix), std::move(intended),
                           d.messages, static_cast<DomainOrigin>(d.origin), std::move(suggestion)});
  }
}

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

// One edit in the label (same suffix), or in the suffix (same label), in
// two passes so that the cache misses of a large index overlap: collect
// the label blocks the probes found and prefetch them all, then read each
// (header, text, domains), dropping those not under a suffix that could
// match.
inline void TypoIndex::Search::LabelAndSuffixEdits() {
  LabelHits hits;
  CollectLabelHits(hits);
  // A block's header and first domains share two cache lines.
  for (std::size_t k = 0; k < hits.count; ++k) {
    __builtin_prefetch(ix_.Block(hits.blocks[k]));
    __builtin_prefetch(ix_.Block(hits.blocks[k]) + 64);
  }
  std::vector<NearMiss> typos;
  ReadLabelHits(hits, typos);
  for (NearMiss& m : typos) {
    if (!Seen(m.id, MissKind::kTypo)) out_.push_back(std::move(m));
  }
}

inline void TypoIndex::Search::CollectLabelHits(LabelHits& hits) const {
  for (std::size_t i = 0; i < keys_.count; ++i) {
    ix_.Lookup(keys_.neighbours[i], Target::kLabel,
               [&](std::uint32_t block, std::uint32_t start, std::uint32_t length) {
                 // A deletion of the candidate meeting a deletion of a known label is
                 // one substitution or transposition only when the deleted runs touch;
                 // other pairs are two edits apart and skipped unread.
                 if (keys_.run_start[i] != kWhole && start != kWhole) {
                   std::uint32_t lo = keys_.run_start[i] == 0 ? 0 : keys_.run_start[i] - 1u,
                                 hi = keys_.run_end[i] + 1u;
                   if (start > hi || start + length - 1 < lo) return;
                 }
                 if (hits.count == kMaxHits || std::find(hits.blocks, hits.blocks + hits.count,
                                                         block) != hits.blocks + hits.count) {
                   return;
                 }
                 hits.maybe_same[hits.count] = i == 0 && start == kWhole;
                 hits.blocks[hits.count++] = block;
               });
  }
}

inline void TypoIndex::Search::ReadLabelHits(const LabelHits& hits, std::vector<NearMiss>& typos) {
  for (std::size_t k = 0; k < hits.count; ++k) {
    const std::uint32_t block = hits.blocks[k];
    const LabelHeader h = ix_.Header(block);
    // Labels not under a suffix that could match are dropped unread.
    std::uint64_t wanted = sid_ ? suffix_mask_ : 0;
    if (hits.maybe_same[k]) wanted |= tld_neighbours_;
    if ((h.suffixes & wanted) == 0) continue;
    std::string_view label = ix_.LabelText(block, h);  // verified: the table holds fingerprints
    if (label == c_.label) {
      if ((h.suffixes & tld_neighbours_) != 0)
        ix_.AddTldTypos(block, h, label, c_.suffix, prefix_, out_);
      continue;
    }
    if (!sid_ || (h.suffixes & suffix_mask_) == 0) continue;
    std::optional<NearMiss> typo = TypoUnderOwnSuffix(block, h, label);
    if (typo) typos.push_back(std::move(*typo));
  }
}

// The label's first domain under the candidate's suffix, when the label is
// one edit from the candidate's.
inline std::optional<NearMiss> TypoIndex::Search::TypoUnderOwnSuffix(std::uint32_t block,
                                                                     const LabelHeader& h,
                                                                     std::string_view label) const {
  for (std::size_t j = 0; j < h.count; ++j) {
    const LabelDomain d = ix_.DomainOf(block, j);
    if (d.suffix != *sid_) continue;
    std::optional<Edit> edit = ClassifyEdit(label, c_.label);
    if (!edit) return std::nullopt;
    std::string intended = std::string(label) + "." + c_.suffix;
    std::string suggestion = std::string(prefix_) + intended;
    return NearMiss{d.id,
                    MissKind::kTypo,
                    std::move(edit),
                    std::move(intended),
                    d.messages,
                    static_cast<DomainOrigin>(d.origin),
                    std::move(suggestion)};
  }
  return std::nullopt;
}

// An unknown TLD can be the end of a mistyped multi-label suffix
// (magnet.co.ukk for magnet.co.uk): try the label left of each longer
// suffix too, with a suffix one edit from the entry's.
inline void TypoIndex::Search::MultiLabelSuffixTypos() {
  if (c_.known_suffix) return;
  std::string_view ascii = c_.ascii;
  std::vector<std::size_t> dots;  // positions of the dots, left to right
  for (std::size_t p = 0; p < ascii.size(); ++p) {
    if (ascii[p] == '.') dots.push_back(p);
  }
  // Suffixes of two and three labels: "co.ukk", "gov.co.ukk".
  for (std::size_t k = 2; k <= 3 && k <= dots.size(); ++k) {
    std::size_t suffix_dot = dots[dots.size() - k];
    std::size_t label_start = dots.size() > k ? dots[dots.size() - k - 1] + 1 : 0;
    std::string_view label = ascii.substr(label_start, suffix_dot - label_start);
    std::string_view suffix = ascii.substr(suffix_dot + 1);
    if (label.empty() || label.find('.') != std::string_view::npos) continue;
    ix_.Lookup(HashKey(Key::kNeighbour, label), Target::kLabel,
               [&](std::uint32_t block, std::uint32_t start, std::uint32_t) {
                 if (start != kWhole) return;
                 const LabelHeader h = ix_.Header(block);
                 if (ix_.LabelText(block, h) == label)
                   ix_.AddTldTypos(block, h, label, suffix, ascii.substr(0, label_start), out_);
               });
  }
}

// Lookalikes: the same skeleton as a known registrable domain.
inline void TypoIndex::Search::Lookalikes() {
  ix_.Lookup(keys_.skeleton, Target::kEntry, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    std::string_view name = ix_.Name(id);
    if (name == reg_ || ix_.entries_[id].label_len == 0 || Seen(id, MissKind::kHomoglyph)) return;
    Result<DomainName> en = ParseDomain(name);
    if (!en.ok() || Skeleton(en->unicode) != keys_.skeleton_text) return;
    // A lookalike that is also one typing slip away is reported once, as the lookalike.
    out_.erase(
        std::remove_if(out_.begin(), out_.end(), [&](const NearMiss& m) { return m.id == id; }),
        out_.end());
    Miss(id, MissKind::kHomoglyph, std::string(prefix_) + std::string(name));
  });
}

// A dot left out: armymil.com (army.mil with .com appended), usaf.mil (us.af.mil).
inline void TypoIndex::Search::MissingDots() {
  ix_.Lookup(keys_.joined, Target::kEntry, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    std::string_view name = ix_.Name(id);
    if (name == reg_ || ix_.entries_[id].label_len == 0 ||
        typo_keys::WithoutDots(name) != c_.label || Seen(id, MissKind::kMissingDot)) {
      return;
    }
    Miss(id, MissKind::kMissingDot, std::string(name));
  });
  ix_.Lookup(keys_.dotless, Target::kEntry, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    std::string_view d = ix_.Name(id);
    if (d == c_.ascii || Seen(id, MissKind::kMissingDot)) return;
    bool one_dot = false;
    for (std::size_t p = 0; p < d.size() && !one_dot; ++p) {
      if (d[p] == '.' && std::string(d.substr(0, p)) + std::string(d.substr(p + 1)) == c_.ascii) {
        one_dot = true;
      }
    }
    if (one_dot) Miss(id, MissKind::kMissingDot, std::string(d));
  });
}

// A dot added: ar.my.mil for army.mil.
inline void TypoIndex::Search::ExtraDots() {
  if (typo_keys::CountLabels(c_.ascii) < 3) return;
  std::size_t limit = c_.ascii.size() - c_.suffix.size() - 1;
  for (std::size_t p = 0; p < limit; ++p) {
    if (c_.ascii[p] != '.') continue;
    std::string joined = c_.ascii.substr(0, p) + c_.ascii.substr(p + 1);
    ix_.Lookup(HashKey(Key::kExact, joined), Target::kEntry,
               [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
                 if (ix_.Name(id) == joined && !Seen(id, MissKind::kExtraDot)) {
                   Miss(id, MissKind::kExtraDot, joined);
                 }
               });
  }
}

std::vector<NearMiss> TypoIndex::Find(const Probe& p) const {
  const DomainName& c = p.candidate();
  if (c.label.empty() || slots_.size() == 0) return {};
  Search search(*this, c);
  search.LabelAndSuffixEdits();
  search.MultiLabelSuffixTypos();
  search.Lookalikes();
  search.MissingDots();
  search.ExtraDots();
  return search.Take();
}

}  // namespace sendguard
