// The keys the typo index files a domain under, and the packing of its
// table slots. Internal to typo_index*.cc: building and looking up must
// hash the same way.

#ifndef SENDGUARD_RECIPIENTS_TYPO_KEYS_H_
#define SENDGUARD_RECIPIENTS_TYPO_KEYS_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sendguard::typo_keys {

enum class Key : std::uint64_t { kNeighbour = 1, kSkeleton, kJoined, kDotless, kExact };

inline constexpr std::size_t kMaxLabel = 63;

inline std::uint64_t Mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Keys hash as polynomials over the bytes (so that the hash of a string
// with one character removed follows from the string's prefix and suffix
// hashes in constant time), then mixed. Collisions only cost a probe:
// every hit is verified on the strings.
inline constexpr std::uint64_t kBase = 0x100000001b3ULL;

inline const std::array<std::uint64_t, kMaxLabel + 2>& Powers() {
  static const std::array<std::uint64_t, kMaxLabel + 2> powers = [] {
    std::array<std::uint64_t, kMaxLabel + 2> p{};
    p[0] = 1;
    for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * kBase;
    return p;
  }();
  return powers;
}

inline std::uint64_t Seed(Key kind) {
  return static_cast<std::uint64_t>(kind) * 0x9E3779B97F4A7C15ULL;
}

inline std::uint64_t Horner(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = h * kBase + c + 1;
  return h;
}

inline std::uint64_t HashKey(Key kind, std::string_view s) { return Mix(Horner(Seed(kind), s)); }

// Calls f(hash, run_start, run_length) with the kNeighbour hash of each
// distinct string made by removing one character of `s`; deleting any
// character of a run of equal ones gives the same string, so each run is
// visited once.
template <typename F>
void ForEachDeletionHash(std::string_view s, F&& f) {
  const std::size_t n = s.size();
  if (n == 0 || n > kMaxLabel) return;
  const auto& pow = Powers();
  std::uint64_t suffix[kMaxLabel + 1];  // suffix[i] = Horner(0, s[i..n))
  suffix[n] = 0;
  for (std::size_t i = n; i-- > 0;) {
    suffix[i] = (static_cast<unsigned char>(s[i]) + 1) * pow[n - 1 - i] + suffix[i + 1];
  }
  std::uint64_t prefix = Seed(Key::kNeighbour);  // Horner(seed, s[0..i))
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 0 || s[i] != s[i - 1]) {
      std::size_t run = 1;
      while (i + run < n && s[i + run] == s[i]) ++run;
      f(Mix(prefix * pow[n - 1 - i] + suffix[i + 1]), i, run);
    }
    prefix = prefix * kBase + static_cast<unsigned char>(s[i]) + 1;
  }
}

// Slot layout: fingerprint (19 bits) | target (1) | run start (6) | run length (6) | id + 1 (32).
// The target says what the id is: a label block (kNeighbour keys) or a
// domain entry (all others), so that a fingerprint shared by keys of both
// kinds can never send a lookup to the wrong array. Deletion keys record
// which run of the label was deleted; other keys carry kWhole.
enum class Target : std::uint64_t { kEntry = 0, kLabel = 1 };
inline constexpr std::uint32_t kWhole = 63;
inline constexpr std::uint64_t kMatchMask = 0xFFFFFULL << 44;  // fingerprint and target

inline std::uint64_t MatchBits(std::uint64_t hash, Target target) {
  return ((hash & 0x7FFFFULL) << 45) | (static_cast<std::uint64_t>(target) << 44);
}

inline std::uint64_t Pack(std::uint64_t hash, Target target, std::uint32_t start,
                          std::uint32_t length, std::uint32_t id) {
  return MatchBits(hash, target) | (static_cast<std::uint64_t>(start & 63) << 38) |
         (static_cast<std::uint64_t>(length & 63) << 32) | (static_cast<std::uint64_t>(id) + 1);
}

inline std::string WithoutDots(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

// The last `labels` labels of `domain`.
inline std::string_view LastLabels(std::string_view domain, std::size_t labels) {
  std::size_t pos = domain.size();
  for (std::size_t i = 0; i < labels; ++i) {
    std::size_t dot = domain.rfind('.', pos == 0 ? 0 : pos - 1);
    if (dot == std::string_view::npos || pos == 0) return domain;
    pos = dot;
  }
  return domain.substr(pos + 1);
}

inline std::size_t CountLabels(std::string_view d) {
  return static_cast<std::size_t>(std::count(d.begin(), d.end(), '.')) + 1;
}

}  // namespace sendguard::typo_keys

#endif  // SENDGUARD_RECIPIENTS_TYPO_KEYS_H_
