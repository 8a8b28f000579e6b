#include "recipients/two_slip_index.h"

#include <algorithm>

#include "recipients/edit_kind.h"

namespace sendguard {

constexpr std::size_t kEnd = 4;  // characters of each end a target is filed under

std::string TwoSlipIndex::Key(char end, std::string_view label, std::string_view suffix) {
  std::string key(1, end);
  key += end == 'h' ? label.substr(0, kEnd) : label.substr(label.size() - kEnd);
  key += '|';
  key += suffix;
  return key;
}

TwoSlipIndex::TwoSlipIndex(std::vector<TwoSlipTarget> targets, std::size_t max_targets) {
  std::erase_if(targets, [](const TwoSlipTarget& t) {
    return t.label.size() < kMinLabel || t.label.size() > kMaxLabel;
  });
  std::sort(targets.begin(), targets.end(), [](const TwoSlipTarget& a, const TwoSlipTarget& b) {
    if (a.messages != b.messages) return a.messages > b.messages;
    return a.label != b.label ? a.label < b.label : a.suffix < b.suffix;
  });
  if (targets.size() > max_targets) targets.resize(max_targets);
  targets_ = std::move(targets);
  for (std::uint32_t id = 0; id < targets_.size(); ++id) {
    const TwoSlipTarget& t = targets_[id];
    buckets_[Key('h', t.label, t.suffix)].push_back(id);
    buckets_[Key('t', t.label, t.suffix)].push_back(id);
  }
}

std::vector<TwoSlipIndex::Match> TwoSlipIndex::Find(std::string_view label,
                                                    std::string_view suffix) const {
  std::vector<Match> out;
  if (targets_.empty() || label.size() < kMinLabel || label.size() > kMaxLabel) return out;
  std::uint32_t compared[2 * kMaxCompared];
  std::size_t count = 0;
  for (char end : {'h', 't'}) {
    auto it = buckets_.find(Key(end, label, suffix));
    if (it == buckets_.end()) continue;
    const std::size_t n = std::min(it->second.size(), kMaxCompared);
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t id = it->second[k];
      if (std::find(compared, compared + count, id) != compared + count) continue;
      compared[count++] = id;
      const TwoSlipTarget& t = targets_[id];
      if (t.label == label || t.label.size() + 2 < label.size() ||
          label.size() + 2 < t.label.size()) {
        continue;
      }
      const int d = BoundedEditDistance(t.label, label, 2);
      if (d <= 2) out.push_back(Match{&t, d});
    }
  }
  return out;
}

std::size_t TwoSlipIndex::memory_bytes() const {
  std::size_t bytes = 0;
  for (const TwoSlipTarget& t : targets_) bytes += sizeof t + t.label.size() + t.suffix.size();
  for (const auto& [key, ids] : buckets_) bytes += 64 + key.size() + ids.size() * 4;
  return bytes;
}

}  // namespace sendguard
