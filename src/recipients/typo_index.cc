#include "recipients/typo_index.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>

#include "recipients/skeleton.h"

namespace sendguard {
namespace {

enum class Key : std::uint64_t { kNeighbour = 1, kSkeleton, kJoined, kDotless, kExact };

std::uint64_t Mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t HashKey(Key kind, std::string_view s) {
  return Mix(std::hash<std::string_view>{}(s) ^
             (static_cast<std::uint64_t>(kind) * 0x9E3779B97F4A7C15ULL));
}

constexpr std::size_t kMaxLabel = 63;

// Calls f(deletion, run_start, run_length) for each distinct string made by
// removing one character; deleting any character of a run of equal ones
// gives the same string, so each run is visited once.
template <typename F>
void ForEachDeletion(std::string_view s, F&& f) {
  if (s.size() > kMaxLabel) return;
  char buf[kMaxLabel];
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;  // same result as deleting i-1
    std::size_t run = 1;
    while (i + run < s.size() && s[i + run] == s[i]) ++run;
    std::memcpy(buf, s.data(), i);
    std::memcpy(buf + i, s.data() + i + 1, s.size() - i - 1);
    f(std::string_view(buf, s.size() - 1), i, run);
  }
}

// Slot layout: fingerprint (20 bits) | run start (6) | run length (6) | id + 1 (32).
// Deletion keys record which run of the label was deleted; other keys carry
// kWhole.
constexpr std::uint32_t kWhole = 63;

std::uint64_t Pack(std::uint64_t hash, std::uint32_t start, std::uint32_t length,
                   std::uint32_t id) {
  return ((hash & 0xFFFFFULL) << 44) | (static_cast<std::uint64_t>(start & 63) << 38) |
         (static_cast<std::uint64_t>(length & 63) << 32) | (static_cast<std::uint64_t>(id) + 1);
}

std::string WithoutDots(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

// The last `labels` labels of `domain`.
std::string_view LastLabels(std::string_view domain, std::size_t labels) {
  std::size_t pos = domain.size();
  for (std::size_t i = 0; i < labels; ++i) {
    std::size_t dot = domain.rfind('.', pos == 0 ? 0 : pos - 1);
    if (dot == std::string_view::npos || pos == 0) return domain;
    pos = dot;
  }
  return domain.substr(pos + 1);
}

std::size_t CountLabels(std::string_view d) {
  return static_cast<std::size_t>(std::count(d.begin(), d.end(), '.')) + 1;
}

}  // namespace

TypoIndex::TypoIndex(std::vector<IntendedDomain> input) {
  // Registrable domains carry the label-level keys and the sum of the
  // traffic of everything below them; subdomains only the dot keys.
  std::unordered_map<std::string, std::size_t> by_domain;
  std::vector<DomainName> parsed;
  auto add = [&](const IntendedDomain& d, const DomainName& name) {
    auto [it, inserted] = by_domain.try_emplace(d.domain, domains_.size());
    if (inserted) {
      domains_.push_back(d);
      parsed.push_back(name);
    } else {
      IntendedDomain& e = domains_[it->second];
      e.messages += d.messages;
      e.origin = std::max(e.origin, d.origin);
    }
  };
  for (const IntendedDomain& d : input) {
    Result<DomainName> name = ParseDomain(d.domain);
    if (!name.ok() || name->label.empty()) continue;
    IntendedDomain self = d;
    self.domain = name->ascii;
    if (name->ascii != name->registrable) {
      Result<DomainName> reg = ParseDomain(name->registrable);
      if (reg.ok()) add(IntendedDomain{reg->ascii, d.messages, d.origin}, *reg);
    }
    add(self, *name);
  }
  label_len_.resize(domains_.size());
  std::unordered_map<std::string_view, std::uint32_t> label_ids;
  std::vector<std::vector<std::uint32_t>> by_label;
  std::vector<std::string_view> label_views;
  for (std::uint32_t id = 0; id < domains_.size(); ++id) {
    const DomainName& n = parsed[id];
    bool registrable = n.ascii == n.registrable && n.label.size() <= kMaxLabel;
    label_len_[id] = registrable ? static_cast<std::uint8_t>(n.label.size()) : 0;
    if (!registrable) continue;
    std::string_view label = std::string_view(domains_[id].domain).substr(0, n.label.size());
    auto [it, inserted] = label_ids.try_emplace(label, static_cast<std::uint32_t>(by_label.size()));
    if (inserted) {
      by_label.emplace_back();
      label_views.push_back(label);
    }
    by_label[it->second].push_back(id);
  }
  label_offset_.reserve(label_views.size() + 1);
  label_first_.reserve(label_views.size() + 1);
  for (std::size_t l = 0; l < label_views.size(); ++l) {
    label_offset_.push_back(static_cast<std::uint32_t>(label_text_.size()));
    label_text_.append(label_views[l]);
    label_first_.push_back(static_cast<std::uint32_t>(label_domains_.size()));
    label_domains_.insert(label_domains_.end(), by_label[l].begin(), by_label[l].end());
  }
  label_offset_.push_back(static_cast<std::uint32_t>(label_text_.size()));
  label_first_.push_back(static_cast<std::uint32_t>(label_domains_.size()));

  std::unordered_map<std::string, std::size_t> suffix_count;
  for (std::uint32_t id = 0; id < domains_.size(); ++id) {
    if (label_len_[id] != 0) ++suffix_count[domains_[id].domain.substr(label_len_[id] + 1u)];
  }
  std::vector<std::pair<std::size_t, std::string>> by_count;
  for (auto& [suffix, n] : suffix_count) by_count.emplace_back(n, suffix);
  std::sort(by_count.rbegin(), by_count.rend());
  for (std::size_t i = 0; i < by_count.size() && i < 63; ++i)
    suffix_bit_[by_count[i].second] = static_cast<int>(i);
  suffix_neighbours_.assign(64, 1ULL << 63);
  for (const auto& [a, abit] : suffix_bit_) {
    for (const auto& [b, bbit] : suffix_bit_) {
      if (BoundedEditDistance(a, b, 1) == 1) suffix_neighbours_[abit] |= 1ULL << bbit;
    }
  }
  label_suffixes_.assign(label_views.size(), 0);
  for (std::uint32_t l = 0; l + 1 < label_first_.size(); ++l) {
    for (std::uint32_t k = label_first_[l]; k < label_first_[l + 1]; ++k) {
      const IntendedDomain& e = domains_[label_domains_[k]];
      auto it = suffix_bit_.find(e.domain.substr(label_len_[label_domains_[k]] + 1u));
      label_suffixes_[l] |= 1ULL << (it == suffix_bit_.end() ? 63 : it->second);
    }
  }

  std::vector<std::pair<std::uint64_t, std::uint64_t>> keys;  // hash, packed slot
  keys.reserve(domains_.size() * 4 + label_views.size() * 10);
  auto key = [&](std::uint64_t h, std::uint32_t id, std::uint32_t start = kWhole,
                 std::uint32_t length = kWhole) {
    keys.emplace_back(h, Pack(h, start, length, id));
  };
  for (std::uint32_t l = 0; l < label_views.size(); ++l) {
    std::string_view label = Label(l);
    key(HashKey(Key::kNeighbour, label), l);
    if (label.size() >= 4) {
      ForEachDeletion(label, [&](std::string_view del, std::size_t start, std::size_t run) {
        key(HashKey(Key::kNeighbour, del), l, static_cast<std::uint32_t>(start),
            static_cast<std::uint32_t>(run));
      });
    }
  }
  for (std::uint32_t id = 0; id < domains_.size(); ++id) {
    const DomainName& n = parsed[id];
    key(HashKey(Key::kExact, n.ascii), id);
    if (label_len_[id] != 0) {
      key(HashKey(Key::kSkeleton, Skeleton(n.unicode)), id);
      if (n.label.size() >= 2) key(HashKey(Key::kJoined, WithoutDots(n.ascii)), id);
    } else {
      // us.af.mil → usaf.mil, us.afmil: each dot left of the suffix removed.
      std::size_t limit = n.ascii.size() - n.suffix.size() - 1;
      for (std::size_t p = 0; p < limit; ++p) {
        if (n.ascii[p] != '.') continue;
        key(HashKey(Key::kDotless, n.ascii.substr(0, p) + n.ascii.substr(p + 1)), id);
      }
    }
  }
  std::size_t capacity = keys.size() + keys.size() / 2 + 16;
  slots_ = HugeArray<std::uint64_t>(capacity);
  for (const auto& [h, packed] : keys) Insert(h, packed);
}

std::string_view TypoIndex::Label(std::uint32_t l) const {
  return std::string_view(label_text_)
      .substr(label_offset_[l], label_offset_[l + 1] - label_offset_[l]);
}

const IntendedDomain* TypoIndex::FindExact(std::string_view domain) const {
  const IntendedDomain* found = nullptr;
  Lookup(HashKey(Key::kExact, domain), [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    if (domains_[id].domain == domain) found = &domains_[id];
  });
  return found;
}

std::size_t TypoIndex::memory_bytes() const {
  std::size_t bytes =
      slots_.bytes() + domains_.capacity() * sizeof(IntendedDomain) + label_text_.capacity() +
      (label_offset_.capacity() + label_first_.capacity() + label_domains_.capacity()) *
          sizeof(std::uint32_t) +
      label_len_.capacity() + label_suffixes_.capacity() * sizeof(std::uint64_t);
  for (const IntendedDomain& d : domains_) {
    if (d.domain.capacity() > 15) bytes += d.domain.capacity() + 1;
  }
  return bytes;
}

void TypoIndex::Insert(std::uint64_t hash, std::uint64_t value) {
  std::size_t n = slots_.size();
  std::size_t i = static_cast<std::size_t>((static_cast<unsigned __int128>(hash) * n) >> 64);
  for (;;) {
    if (slots_[i] == 0) {
      slots_[i] = value;
      return;
    }
    if (slots_[i] == value) return;  // the same key for the same domain
    if (++i == n) i = 0;
  }
}

void TypoIndex::Prefetch(std::uint64_t hash) const {
  std::size_t i =
      static_cast<std::size_t>((static_cast<unsigned __int128>(hash) * slots_.size()) >> 64);
  __builtin_prefetch(&slots_[i]);
}

template <typename F>
void TypoIndex::Lookup(std::uint64_t hash, F&& f) const {
  std::size_t n = slots_.size();
  std::size_t i = static_cast<std::size_t>((static_cast<unsigned __int128>(hash) * n) >> 64);
  const std::uint64_t fp = (hash & 0xFFFFFULL) << 44;
  for (;;) {
    std::uint64_t s = slots_[i];
    if (s == 0) return;
    if ((s & (0xFFFFFULL << 44)) == fp) {
      f(static_cast<std::uint32_t>((s & 0xFFFFFFFFULL) - 1),
        static_cast<std::uint32_t>((s >> 38) & 63), static_cast<std::uint32_t>((s >> 32) & 63));
    }
    if (++i == n) i = 0;
  }
}

std::vector<NearMiss> TypoIndex::Find(const DomainName& c) const {
  std::vector<NearMiss> out;
  if (c.label.empty()) return out;
  auto seen = [&](std::uint32_t id, MissKind kind) {
    for (const NearMiss& m : out) {
      if (m.id == id && m.kind == kind) return true;
    }
    return false;
  };
  std::string_view reg = c.registrable;

  // Every slot this lookup may touch, prefetched together.
  std::uint64_t hashes[kMaxLabel + 8];
  std::uint32_t run_start[kMaxLabel + 8],
      run_end[kMaxLabel + 8];  // deleted run; kWhole for the label
  std::size_t nneighbour = 0;
  run_start[0] = run_end[0] = kWhole;
  hashes[nneighbour++] = HashKey(Key::kNeighbour, c.label);
  if (c.label.size() >= 4) {
    ForEachDeletion(c.label, [&](std::string_view del, std::size_t start, std::size_t run) {
      run_start[nneighbour] = static_cast<std::uint32_t>(start);
      run_end[nneighbour] = static_cast<std::uint32_t>(start + run - 1);
      hashes[nneighbour++] = HashKey(Key::kNeighbour, del);
    });
  }
  std::string_view reg_unicode = LastLabels(c.unicode, CountLabels(reg));
  const std::string skeleton = Skeleton(reg_unicode);
  const std::uint64_t skeleton_hash = HashKey(Key::kSkeleton, skeleton);
  const std::uint64_t joined_hash = HashKey(Key::kJoined, c.label);
  const std::uint64_t dotless_hash = HashKey(Key::kDotless, c.ascii);
  for (std::size_t i = 0; i < nneighbour; ++i) Prefetch(hashes[i]);
  Prefetch(skeleton_hash);
  Prefetch(joined_hash);
  Prefetch(dotless_hash);

  auto bit = suffix_bit_.find(std::string(c.suffix));
  const std::uint64_t suffix_mask = 1ULL << (bit == suffix_bit_.end() ? 63 : bit->second);
  const std::uint64_t tld_neighbours =
      bit == suffix_bit_.end() ? ~0ULL : suffix_neighbours_[static_cast<std::size_t>(bit->second)];

  // One edit in the label (same suffix), or in the suffix (same label).
  // Three passes, each prefetching what the next one reads, so that the
  // dependent cache misses of a large index overlap: collect the labels the
  // probes found, read them, then look up the domains they imply.
  constexpr std::size_t kMaxHits = 64;
  std::uint32_t hits[kMaxHits];
  std::size_t nhits = 0;
  for (std::size_t i = 0; i < nneighbour; ++i) {
    Lookup(hashes[i], [&](std::uint32_t l, std::uint32_t start, std::uint32_t length) {
      // A deletion of the candidate meeting a deletion of a known label is
      // one substitution or transposition only when the deleted runs touch;
      // other pairs are two edits apart and skipped unread.
      if (run_start[i] != kWhole && start != kWhole) {
        std::uint32_t lo = run_start[i] == 0 ? 0 : run_start[i] - 1, hi = run_end[i] + 1;
        if (start > hi || start + length - 1 < lo) return;
      }
      if (nhits == kMaxHits || std::find(hits, hits + nhits, l) != hits + nhits) return;
      hits[nhits++] = l;
    });
  }
  for (std::size_t k = 0; k < nhits; ++k) {
    __builtin_prefetch(&label_offset_[hits[k]]);
    __builtin_prefetch(&label_suffixes_[hits[k]]);
  }
  for (std::size_t k = 0; k < nhits; ++k)
    __builtin_prefetch(label_text_.data() + label_offset_[hits[k]]);
  struct Pending {
    std::uint32_t label;
    std::uint64_t hash;
    std::string target;
    Edit edit;
  };
  std::vector<Pending> pending;
  for (std::size_t k = 0; k < nhits; ++k) {
    const std::uint32_t l = hits[k];
    std::string_view label = Label(l);  // verified: the table holds fingerprints
    if (label == c.label) {
      // Only when the label is registered under a suffix one edit from the
      // candidate's (or under an uncommon one) are its domains read.
      if ((label_suffixes_[l] & tld_neighbours) == 0) continue;
      for (std::uint32_t j = label_first_[l]; j < label_first_[l + 1]; ++j) {
        std::uint32_t id = label_domains_[j];
        const IntendedDomain& e = domains_[id];
        std::string_view suffix = std::string_view(e.domain).substr(label.size() + 1);
        if (suffix == c.suffix || BoundedEditDistance(suffix, c.suffix, 1) != 1 ||
            seen(id, MissKind::kTldTypo)) {
          continue;
        }
        out.push_back(NearMiss{id, MissKind::kTldTypo, ClassifyEdit(suffix, c.suffix),
                               c.WithRegistrable(e.domain)});
      }
      continue;
    }
    if ((label_suffixes_[l] & suffix_mask) == 0) continue;  // not under this suffix
    std::optional<Edit> edit = ClassifyEdit(label, c.label);
    if (!edit) continue;
    std::string target = std::string(label) + "." + c.suffix;
    std::uint64_t h = HashKey(Key::kExact, target);
    Prefetch(h);
    pending.push_back(Pending{l, h, std::move(target), std::move(*edit)});
  }
  for (Pending& p : pending) {
    const IntendedDomain* e = nullptr;
    Lookup(p.hash, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
      if (domains_[id].domain == p.target) e = &domains_[id];
    });
    if (e == nullptr) continue;
    std::uint32_t id = static_cast<std::uint32_t>(e - domains_.data());
    if (label_len_[id] == 0 || seen(id, MissKind::kTypo)) continue;
    out.push_back(NearMiss{id, MissKind::kTypo, std::move(p.edit), c.WithRegistrable(e->domain)});
  }

  // An unknown TLD can be the end of a mistyped multi-label suffix
  // (magnet.co.ukk for magnet.co.uk): try the label left of each longer
  // suffix too, with a suffix one edit from the entry's.
  if (!c.known_suffix) {
    std::string_view ascii = c.ascii;
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
      Lookup(HashKey(Key::kNeighbour, label), [&](std::uint32_t l, std::uint32_t, std::uint32_t) {
        if (Label(l) != label) return;
        for (std::uint32_t k = label_first_[l]; k < label_first_[l + 1]; ++k) {
          std::uint32_t id = label_domains_[k];
          const IntendedDomain& e = domains_[id];
          std::string_view es = std::string_view(e.domain).substr(label.size() + 1);
          if (BoundedEditDistance(es, suffix, 1) != 1 || seen(id, MissKind::kTldTypo)) continue;
          out.push_back(NearMiss{id, MissKind::kTldTypo, ClassifyEdit(es, suffix),
                                 std::string(ascii.substr(0, label_start)) + e.domain});
        }
      });
    }
  }

  // Lookalikes: the same skeleton as a known registrable domain.
  Lookup(skeleton_hash, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    const IntendedDomain& e = domains_[id];
    if (e.domain == reg || label_len_[id] == 0 || seen(id, MissKind::kHomoglyph)) return;
    Result<DomainName> en = ParseDomain(e.domain);
    if (!en.ok() || Skeleton(en->unicode) != skeleton) return;
    // A lookalike that is also one typing slip away is reported once, as the lookalike.
    out.erase(std::remove_if(out.begin(), out.end(), [&](const NearMiss& m) { return m.id == id; }),
              out.end());
    out.push_back(NearMiss{id, MissKind::kHomoglyph, std::nullopt, c.WithRegistrable(e.domain)});
  });

  // A dot left out: armymil.com (army.mil with .com appended), usaf.mil (us.af.mil).
  Lookup(joined_hash, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    const IntendedDomain& e = domains_[id];
    if (e.domain == reg || label_len_[id] == 0 || WithoutDots(e.domain) != c.label ||
        seen(id, MissKind::kMissingDot)) {
      return;
    }
    out.push_back(NearMiss{id, MissKind::kMissingDot, std::nullopt, e.domain});
  });
  Lookup(dotless_hash, [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
    const IntendedDomain& e = domains_[id];
    if (e.domain == c.ascii || seen(id, MissKind::kMissingDot)) return;
    std::string_view d = e.domain;
    bool one_dot = false;
    for (std::size_t p = 0; p < d.size() && !one_dot; ++p) {
      if (d[p] == '.' && std::string(d.substr(0, p)) + std::string(d.substr(p + 1)) == c.ascii) {
        one_dot = true;
      }
    }
    if (one_dot) out.push_back(NearMiss{id, MissKind::kMissingDot, std::nullopt, e.domain});
  });

  // A dot added: ar.my.mil for army.mil.
  if (CountLabels(c.ascii) >= 3) {
    std::size_t limit = c.ascii.size() - c.suffix.size() - 1;
    for (std::size_t p = 0; p < limit; ++p) {
      if (c.ascii[p] != '.') continue;
      std::string joined = c.ascii.substr(0, p) + c.ascii.substr(p + 1);
      Lookup(HashKey(Key::kExact, joined), [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
        if (domains_[id].domain == joined && !seen(id, MissKind::kExtraDot)) {
          out.push_back(NearMiss{id, MissKind::kExtraDot, std::nullopt, joined});
        }
      });
    }
  }
  return out;
}

}  // namespace sendguard
