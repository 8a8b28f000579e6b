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
  return Mix(std::hash<std::string_view>{}(s) ^ (static_cast<std::uint64_t>(kind) * 0x9E3779B97F4A7C15ULL));
}

constexpr std::size_t kMaxLabel = 63;

// Calls f(deletion) for each distinct string made by removing one character.
template <typename F>
void ForEachDeletion(std::string_view s, F&& f) {
  if (s.size() > kMaxLabel) return;
  char buf[kMaxLabel];
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;  // same result as deleting i-1
    std::memcpy(buf, s.data(), i);
    std::memcpy(buf + i, s.data() + i + 1, s.size() - i - 1);
    f(std::string_view(buf, s.size() - 1));
  }
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
  for (std::size_t id = 0; id < domains_.size(); ++id) {
    const DomainName& n = parsed[id];
    label_len_[id] = n.ascii == n.registrable && n.label.size() <= kMaxLabel
                         ? static_cast<std::uint8_t>(n.label.size())
                         : 0;
  }

  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  keys.reserve(domains_.size() * 12);
  for (std::uint32_t id = 0; id < domains_.size(); ++id) {
    const DomainName& n = parsed[id];
    keys.emplace_back(HashKey(Key::kExact, n.ascii), id);
    if (n.ascii == n.registrable) {
      keys.emplace_back(HashKey(Key::kNeighbour, n.label), id);
      if (n.label.size() >= 4) {
        ForEachDeletion(n.label, [&](std::string_view del) {
          keys.emplace_back(HashKey(Key::kNeighbour, del), id);
        });
      }
      keys.emplace_back(HashKey(Key::kSkeleton, Skeleton(n.unicode)), id);
      if (n.label.size() >= 2) keys.emplace_back(HashKey(Key::kJoined, WithoutDots(n.ascii)), id);
    } else {
      // us.af.mil → usaf.mil, us.afmil: each dot left of the suffix removed.
      std::size_t limit = n.ascii.size() - n.suffix.size() - 1;
      for (std::size_t p = 0; p < limit; ++p) {
        if (n.ascii[p] != '.') continue;
        std::string variant = n.ascii.substr(0, p) + n.ascii.substr(p + 1);
        keys.emplace_back(HashKey(Key::kDotless, variant), id);
      }
    }
  }
  std::size_t capacity = keys.size() + keys.size() / 2 + 16;
  slots_.assign(capacity, 0);
  for (const auto& [h, id] : keys) Insert(h, id);
}

std::size_t TypoIndex::memory_bytes() const {
  std::size_t bytes = slots_.capacity() * sizeof(std::uint64_t) +
                      domains_.capacity() * sizeof(IntendedDomain);
  for (const IntendedDomain& d : domains_) {
    if (d.domain.capacity() > 15) bytes += d.domain.capacity() + 1;
  }
  return bytes;
}

void TypoIndex::Insert(std::uint64_t hash, std::uint32_t id) {
  std::size_t n = slots_.size();
  std::size_t i = static_cast<std::size_t>((static_cast<unsigned __int128>(hash) * n) >> 64);
  std::uint64_t value = (hash << 32) | (static_cast<std::uint64_t>(id) + 1);
  for (;;) {
    if (slots_[i] == 0) {
      slots_[i] = value;
      return;
    }
    if (slots_[i] == value) return;  // the same key for the same domain
    if (++i == n) i = 0;
  }
}

template <typename F>
void TypoIndex::Lookup(std::uint64_t hash, F&& f) const {
  std::size_t n = slots_.size();
  std::size_t i = static_cast<std::size_t>((static_cast<unsigned __int128>(hash) * n) >> 64);
  const std::uint64_t fp = hash << 32;
  for (;;) {
    std::uint64_t s = slots_[i];
    if (s == 0) return;
    if ((s & 0xFFFFFFFF00000000ULL) == fp) f(static_cast<std::uint32_t>((s & 0xFFFFFFFFULL) - 1));
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

  // One edit in the label, or in the suffix with the label unchanged.
  auto check_neighbour = [&](std::uint32_t id) {
    const IntendedDomain& e = domains_[id];
    if (e.domain == reg || label_len_[id] == 0) return;
    // Verified on the strings: the table holds fingerprints, not keys.
    std::string_view label = std::string_view(e.domain).substr(0, label_len_[id]);
    std::string_view suffix = std::string_view(e.domain).substr(label_len_[id] + 1u);
    if (label == c.label) {
      if (suffix == c.suffix || BoundedEditDistance(suffix, c.suffix, 1) != 1) return;
      if (seen(id, MissKind::kTldTypo)) return;
      out.push_back(NearMiss{id, MissKind::kTldTypo, ClassifyEdit(suffix, c.suffix),
                             c.WithRegistrable(e.domain)});
    } else if (suffix == c.suffix) {
      std::optional<Edit> edit = ClassifyEdit(label, c.label);
      if (!edit || seen(id, MissKind::kTypo)) return;
      out.push_back(NearMiss{id, MissKind::kTypo, edit, c.WithRegistrable(e.domain)});
    }
  };
  Lookup(HashKey(Key::kNeighbour, c.label), check_neighbour);
  if (c.label.size() >= 4) {
    ForEachDeletion(c.label, [&](std::string_view del) {
      Lookup(HashKey(Key::kNeighbour, del), check_neighbour);
    });
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
      Lookup(HashKey(Key::kNeighbour, label), [&](std::uint32_t id) {
        const IntendedDomain& e = domains_[id];
        if (label_len_[id] != label.size()) return;
        std::string_view el = std::string_view(e.domain).substr(0, label_len_[id]);
        std::string_view es = std::string_view(e.domain).substr(label_len_[id] + 1u);
        if (el != label || BoundedEditDistance(es, suffix, 1) != 1 ||
            seen(id, MissKind::kTldTypo)) {
          return;
        }
        out.push_back(NearMiss{id, MissKind::kTldTypo, ClassifyEdit(es, suffix),
                               std::string(ascii.substr(0, label_start)) + e.domain});
      });
    }
  }

  // Lookalikes: the same skeleton as a known registrable domain.
  std::string_view reg_unicode = LastLabels(c.unicode, CountLabels(reg));
  Lookup(HashKey(Key::kSkeleton, Skeleton(reg_unicode)), [&](std::uint32_t id) {
    const IntendedDomain& e = domains_[id];
    if (e.domain == reg || label_len_[id] == 0 || seen(id, MissKind::kHomoglyph)) return;
    Result<DomainName> en = ParseDomain(e.domain);
    if (!en.ok() || Skeleton(en->unicode) != Skeleton(reg_unicode)) return;
    // A lookalike that is also one typing slip away is reported once, as the lookalike.
    out.erase(std::remove_if(out.begin(), out.end(), [&](const NearMiss& m) { return m.id == id; }),
              out.end());
    out.push_back(NearMiss{id, MissKind::kHomoglyph, std::nullopt, c.WithRegistrable(e.domain)});
  });

  // A dot left out: armymil.com (army.mil with .com appended), usaf.mil (us.af.mil).
  Lookup(HashKey(Key::kJoined, c.label), [&](std::uint32_t id) {
    const IntendedDomain& e = domains_[id];
    if (e.domain == reg || label_len_[id] == 0 || WithoutDots(e.domain) != c.label ||
        seen(id, MissKind::kMissingDot)) {
      return;
    }
    out.push_back(NearMiss{id, MissKind::kMissingDot, std::nullopt, e.domain});
  });
  Lookup(HashKey(Key::kDotless, c.ascii), [&](std::uint32_t id) {
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
      Lookup(HashKey(Key::kExact, joined), [&](std::uint32_t id) {
        if (domains_[id].domain == joined && !seen(id, MissKind::kExtraDot)) {
          out.push_back(NearMiss{id, MissKind::kExtraDot, std::nullopt, joined});
        }
      });
    }
  }
  return out;
}

}  // namespace sendguard
