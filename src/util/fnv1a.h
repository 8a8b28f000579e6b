// FNV-1a, 64 bits: a hash that is the same in every build and on every
// machine, for numbers that are written to disk (the contact index's
// sender table, recipient-group signatures).

#ifndef SENDGUARD_UTIL_FNV1A_H_
#define SENDGUARD_UTIL_FNV1A_H_

#include <cstdint>
#include <string_view>

namespace sendguard {

inline constexpr std::uint64_t kFnv1aStart = 14695981039346656037ull;

// `h` (kFnv1aStart, or an earlier result) carried over the bytes of `s`.
inline std::uint64_t Fnv1a(std::string_view s, std::uint64_t h = kFnv1aStart) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_FNV1A_H_
