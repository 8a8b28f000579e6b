// Building the typo index: merging the intended domains, laying out their
// entries and label blocks, and filing every key in the slot table.

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "recipients/skeleton.h"
#include "recipients/typo_index.h"
#include "recipients/typo_keys.h"

namespace sendguard {

using typo_keys::HashKey;
using typo_keys::Key;
using typo_keys::kMaxLabel;
using typo_keys::kWhole;
using typo_keys::Target;

namespace {

template <typename T>
HugeArray<T> ToHuge(const std::vector<T>& v) {
  HugeArray<T> out(v.size());
  if (!v.empty()) std::memcpy(out.data(), v.data(), v.size() * sizeof(T));
  return out;
}

HugeArray<char> ToHuge(const std::string& s) {
  HugeArray<char> out(s.size());
  if (!s.empty()) std::memcpy(out.data(), s.data(), s.size());
  return out;
}

// Distinct domains with their traffic; a registrable domain also gets the
// traffic of the subdomains below it.
void Merge(const std::vector<IntendedDomain>& input, std::vector<IntendedDomain>& domains,
           std::vector<DomainName>& parsed) {
  std::unordered_map<std::string, std::size_t> by_domain;
  auto add = [&](const IntendedDomain& d, const DomainName& name) {
    auto [it, inserted] = by_domain.try_emplace(d.domain, domains.size());
    if (inserted) {
      domains.push_back(d);
      parsed.push_back(name);
    } else {
      IntendedDomain& e = domains[it->second];
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
}

}  // namespace

// What construction works out on the way to the index's own arrays.
struct TypoIndex::Layout {
  std::vector<IntendedDomain> domains;  // merged
  std::vector<DomainName> parsed;       // of each of them
  std::vector<Entry> entries;           // of each of them
  // Distinct labels of registrable domains (views into `domains`), and for
  // each the ids of its domains and the block it was laid out in.
  std::vector<std::string_view> label_views;
  std::vector<std::vector<std::uint32_t>> by_label;
  std::vector<std::uint32_t> block_of;
  std::vector<std::uint32_t> suffix_of;   // per domain: its suffix id (registrable ones)
  std::vector<std::size_t> suffix_count;  // per suffix id: registrable domains under it
  std::string blocks;                     // the label blocks, laid out
};

TypoIndex::TypoIndex(std::vector<IntendedDomain> input) {
  Layout l;
  Merge(input, l.domains, l.parsed);
  input.clear();
  input.shrink_to_fit();
  LayOutEntries(l);
  AssignSuffixBits(l.suffix_count);
  LayOutLabelBlocks(l);
  static_assert(sizeof(LabelHeader) % kBlockUnit == 0 && sizeof(LabelDomain) == kBlockUnit);
  static_assert(sizeof(Entry) == 64);
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> keys = CollectKeys(l);
  entries_ = ToHuge(l.entries);
  label_blocks_ = ToHuge(l.blocks);
  std::size_t capacity = keys.size() + keys.size() / 2 + 16;
  slots_ = HugeArray<std::uint64_t>(capacity);
  for (const auto& [h, packed] : keys) Insert(h, packed);
}

// Entries; the labels and suffixes of registrable domains.
void TypoIndex::LayOutEntries(Layout& l) {
  l.entries.resize(l.domains.size());
  std::unordered_map<std::string_view, std::uint32_t> label_ids;
  l.suffix_of.assign(l.domains.size(), 0);
  for (std::uint32_t id = 0; id < l.domains.size(); ++id) {
    const DomainName& n = l.parsed[id];
    const std::string& name = l.domains[id].domain;
    const bool registrable = n.ascii == n.registrable && n.label.size() <= kMaxLabel;
    Entry& e = l.entries[id];
    e.messages = l.domains[id].messages;
    e.name_len = static_cast<std::uint8_t>(name.size());
    e.label_len = static_cast<std::uint8_t>(registrable ? n.label.size() : 0);
    e.origin = l.domains[id].origin;
    if (name.size() <= kInlineName) {
      std::memcpy(e.name, name.data(), name.size());
    } else {
      e.overflow = static_cast<std::uint32_t>(long_names_.size());
      long_names_ += name;
    }
    if (!registrable) continue;
    std::string_view label = std::string_view(name).substr(0, n.label.size());
    auto [it, inserted] =
        label_ids.try_emplace(label, static_cast<std::uint32_t>(l.by_label.size()));
    if (inserted) {
      l.by_label.emplace_back();
      l.label_views.push_back(label);
    }
    l.by_label[it->second].push_back(id);
    std::string suffix = name.substr(n.label.size() + 1);
    auto [sit, new_suffix] =
        suffix_ids_.try_emplace(suffix, static_cast<std::uint32_t>(suffixes_.size()));
    if (new_suffix) {
      suffixes_.push_back(suffix);
      l.suffix_count.push_back(0);
    }
    l.suffix_of[id] = sit->second;
    ++l.suffix_count[sit->second];
  }
}

// The 63 most common suffixes get a bit of their own.
void TypoIndex::AssignSuffixBits(const std::vector<std::size_t>& suffix_count) {
  std::vector<std::uint32_t> by_count(suffixes_.size());
  for (std::uint32_t i = 0; i < by_count.size(); ++i) by_count[i] = i;
  std::sort(by_count.begin(), by_count.end(), [&](std::uint32_t a, std::uint32_t b) {
    return suffix_count[a] != suffix_count[b] ? suffix_count[a] > suffix_count[b]
                                              : suffixes_[a] < suffixes_[b];
  });
  suffix_bit_.assign(suffixes_.size(), 63);
  for (std::size_t i = 0; i < by_count.size() && i < 63; ++i)
    suffix_bit_[by_count[i]] = static_cast<std::uint8_t>(i);
  suffix_neighbours_.assign(64, 1ULL << 63);
  for (std::size_t i = 0; i < by_count.size() && i < 63; ++i) {
    for (std::size_t j = 0; j < by_count.size() && j < 63; ++j) {
      if (BoundedEditDistance(suffixes_[by_count[i]], suffixes_[by_count[j]], 1) == 1)
        suffix_neighbours_[i] |= 1ULL << j;
    }
  }
}

// Label blocks: a header, then the label's domains.
void TypoIndex::LayOutLabelBlocks(Layout& l) {
  l.block_of.resize(l.label_views.size());
  for (std::size_t b = 0; b < l.label_views.size(); ++b) {
    const std::string_view label = l.label_views[b];
    const std::vector<std::uint32_t>& ids = l.by_label[b];
    LabelHeader h{};
    h.len = static_cast<std::uint8_t>(label.size());
    h.count = static_cast<std::uint16_t>(std::min<std::size_t>(ids.size(), 0xFFFF));
    if (label.size() <= kInlineLabel) {
      std::memcpy(h.text, label.data(), label.size());
    } else {
      h.overflow = static_cast<std::uint32_t>(long_labels_.size());
      long_labels_ += label;
    }
    for (std::size_t k = 0; k < h.count; ++k)
      h.suffixes |= 1ULL << suffix_bit_[l.suffix_of[ids[k]]];
    l.block_of[b] = static_cast<std::uint32_t>(l.blocks.size() / kBlockUnit);
    l.blocks.append(reinterpret_cast<const char*>(&h), sizeof h);
    for (std::size_t k = 0; k < h.count; ++k) {
      LabelDomain d{l.entries[ids[k]].messages, ids[k], 0, 0};
      d.suffix = l.suffix_of[ids[k]] & 0x3FFFFFFFu;
      d.origin = static_cast<std::uint32_t>(l.entries[ids[k]].origin) & 3u;
      l.blocks.append(reinterpret_cast<const char*>(&d), sizeof d);
    }
  }
}

// Every key with its packed slot: first each label's neighbourhood, then
// each domain's own keys.
std::vector<std::pair<std::uint64_t, std::uint64_t>> TypoIndex::CollectKeys(const Layout& l) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> keys;  // hash, packed slot
  keys.reserve(l.domains.size() * 4 + l.label_views.size() * 10);
  auto key = [&](std::uint64_t h, std::uint32_t id) {
    keys.emplace_back(h, typo_keys::Pack(h, Target::kEntry, kWhole, kWhole, id));
  };
  auto label_key = [&](std::uint64_t h, std::uint32_t block, std::uint32_t start = kWhole,
                       std::uint32_t length = kWhole) {
    keys.emplace_back(h, typo_keys::Pack(h, Target::kLabel, start, length, block));
  };
  for (std::uint32_t b = 0; b < l.label_views.size(); ++b) {
    std::string_view label = l.label_views[b];
    label_key(HashKey(Key::kNeighbour, label), l.block_of[b]);
    if (label.size() >= 2) {
      typo_keys::ForEachDeletionHash(
          label, [&](std::uint64_t h, std::size_t start, std::size_t run) {
            label_key(h, l.block_of[b], static_cast<std::uint32_t>(start),
                      static_cast<std::uint32_t>(run));
          });
    }
  }
  for (std::uint32_t id = 0; id < l.domains.size(); ++id) {
    const DomainName& n = l.parsed[id];
    key(HashKey(Key::kExact, n.ascii), id);
    if (l.entries[id].label_len != 0) {
      key(HashKey(Key::kSkeleton, Skeleton(n.unicode)), id);
      if (n.label.size() >= 2) key(HashKey(Key::kJoined, typo_keys::WithoutDots(n.ascii)), id);
      // A multi-label suffix with the dot before it left out: armymil.bd
      // for army.mil.bd, nactargov.bd for nactar.gov.bd.
      if (n.suffix.find('.') != std::string::npos) {
        key(HashKey(Key::kDotless, n.label + n.suffix), id);
      }
    } else {
      // us.af.mil → usaf.mil, us.afmil: each dot left of the suffix removed.
      std::size_t limit = n.ascii.size() - n.suffix.size() - 1;
      for (std::size_t p = 0; p < limit; ++p) {
        if (n.ascii[p] != '.') continue;
        key(HashKey(Key::kDotless, n.ascii.substr(0, p) + n.ascii.substr(p + 1)), id);
      }
    }
  }
  return keys;
}

void TypoIndex::Insert(std::uint64_t hash, std::uint64_t value) {
  std::size_t n = slots_.size();
  std::size_t i = Home(hash);
  for (;;) {
    if (slots_[i] == 0) {
      slots_[i] = value;
      return;
    }
    if (slots_[i] == value) return;  // the same key for the same domain
    if (++i == n) i = 0;
  }
}

}  // namespace sendguard
