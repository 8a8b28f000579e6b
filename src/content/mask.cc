#include "content/mask.h"

#include "util/ascii.h"

namespace sendguard {
std::string MaskValue(std::string_view value, std::size_t head, std::size_t tail) {
  std::size_t total = 0;
  for (char c : value) total += IsAsciiAlnum(c) ? 1 : 0;
  // Keep at most half of the characters visible.
  while (head + tail > total / 2 && (head > 0 || tail > 0)) {
    if (head >= tail && head > 0) {
      --head;
    } else {
      --tail;
    }
  }
  std::string out;
  out.reserve(value.size());
  std::size_t seen = 0;
  for (char c : value) {
    if (!IsAsciiAlnum(c)) {
      // Bytes of multi-byte UTF-8 characters are hidden too.
      out.push_back(static_cast<unsigned char>(c) >= 0x80 ? '*' : c);
      continue;
    }
    out.push_back(seen < head || seen >= total - tail ? c : '*');
    ++seen;
  }
  return out;
}

}  // namespace sendguard
