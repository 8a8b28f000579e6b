#include "recipients/typo_index.h"

#include <algorithm>
#include <cstring>

#include "recipients/skeleton.h"
#include "recipients/typo_keys.h"
#include "recipients/typo_search.h"

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
  if (c.label.size() >= 2) {
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
    // Labels not under the candidate's suffix are dropped unread; the
    // candidate's own label (found by the whole label) is always read: its
    // domains under other suffixes can be meant.
    if (!hits.maybe_same[k] && (!sid_ || (h.suffixes & suffix_mask_) == 0)) continue;
    std::string_view label = ix_.LabelText(block, h);  // verified: the table holds fingerprints
    if (label == c_.label) {
      if ((h.suffixes & tld_neighbours_) != 0)
        ix_.AddTldTypos(block, h, label, c_.suffix, prefix_, out_);
      AddSuffixSwaps(block, h);
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

std::vector<NearMiss> TypoIndex::Find(const Probe& p) const {
  const DomainName& c = p.candidate();
  if (c.label.empty() || slots_.size() == 0) return {};
  Search search(*this, c);
  search.LabelAndSuffixEdits();
  search.MultiLabelSuffixTypos();
  search.Lookalikes();
  search.MissingDots();
  search.ExtraDots();
  search.HyphensForDots();
  search.GluedWww();
  return search.Take();
}

}  // namespace sendguard
