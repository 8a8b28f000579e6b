// Long labels two typing slips from a heavily used domain (blackbelly.com.bd
// for blackberry.com.bd, educationboradresult for educationboardresults):
// what the one-slip typo index cannot answer. It holds only the long labels
// of the busiest domains, filed by suffix and by their first and by their
// last four characters: two slips in a label of seven or more letters nearly
// always leave one end whole, so a candidate is compared only with the few
// targets that share an end with it. Both the number of targets and the
// comparisons per candidate are capped, so neither memory nor the cost of
// a lookup grows with the history.

#ifndef SENDGUARD_RECIPIENTS_TWO_SLIP_INDEX_H_
#define SENDGUARD_RECIPIENTS_TWO_SLIP_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sendguard {

struct TwoSlipTarget {
  std::string label;   // the label left of the public suffix: "blackberry"
  std::string suffix;  // "com.bd"
  std::uint64_t messages = 0;
};

class TwoSlipIndex {
 public:
  // Labels shorter than this have too many real neighbours two slips away.
  static constexpr std::size_t kMinLabel = 7;
  static constexpr std::size_t kMaxLabel = 63;
  // Targets compared per end of a candidate, the busiest first.
  static constexpr std::size_t kMaxCompared = 64;

  // Files the `max_targets` busiest of `targets` whose labels have at least
  // kMinLabel characters.
  TwoSlipIndex(std::vector<TwoSlipTarget> targets, std::size_t max_targets);

  struct Match {
    const TwoSlipTarget* target;
    int distance;  // 1 or 2 (optimal string alignment)
  };
  // Targets under `suffix` whose label is one or two slips from `label`
  // (never equal to it; both at least kMinLabel long) and shares its first
  // or its last four characters, in no particular order.
  std::vector<Match> Find(std::string_view label, std::string_view suffix) const;

  std::size_t size() const { return targets_.size(); }
  std::size_t memory_bytes() const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // "h" or "t", the end's four characters, '|', the suffix: target ids,
  // busiest first.
  using Buckets =
      std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>>;
  static std::string Key(char end, std::string_view label, std::string_view suffix);

  std::vector<TwoSlipTarget> targets_;
  Buckets buckets_;
};

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_TWO_SLIP_INDEX_H_
