#include "formats/printable_strings.h"

#include <algorithm>
#include <array>

namespace sendguard {
namespace {

// Printable ASCII and tab, by byte.
constexpr std::array<bool, 256> kPrintable = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7f; ++c) t[c] = true;
  t['\t'] = true;
  return t;
}();

bool Printable(char c) { return kPrintable[static_cast<unsigned char>(c)]; }

// The length of the well-formed UTF-8 sequence of two to four bytes at
// `data[i]` (no overlong forms, no surrogates), or 0.
std::size_t Utf8Sequence(std::string_view data, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(data[i + k]); };
  const unsigned char c = at(0);
  std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                  : c >= 0xE0 && c <= 0xEF ? 3
                  : c >= 0xF0 && c <= 0xF4 ? 4
                                           : 0;
  if (n == 0 || i + n > data.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((at(k) & 0xC0) != 0x80) return 0;
  }
  if (n == 3 && ((c == 0xE0 && at(1) < 0xA0) || (c == 0xED && at(1) >= 0xA0))) return 0;
  if (n == 4 && ((c == 0xF0 && at(1) < 0x90) || (c == 0xF4 && at(1) >= 0x90))) return 0;
  return n;
}

// Runs of printable ASCII and UTF-8 characters.
void Utf8Runs(std::string_view data, std::size_t min_chars, std::string* out) {
  const std::size_t size = data.size();
  std::size_t i = 0;
  while (i < size) {
    // A run from i on holds min_chars bytes that are printable or part of
    // a UTF-8 character: when the last of them is neither, skip past it.
    const std::size_t probe = i + min_chars - 1;
    if (probe < size && !Printable(data[probe]) && static_cast<unsigned char>(data[probe]) < 0x80) {
      i = probe + 1;
      continue;
    }
    // Skip to the next character that can start a run.
    while (i < size && !Printable(data[i]) && static_cast<unsigned char>(data[i]) < 0xC2) ++i;
    const std::size_t start = i;
    std::size_t chars = 0;
    while (i < size) {
      if (Printable(data[i])) {
        ++i;
      } else if (std::size_t n = Utf8Sequence(data, i); n > 0) {
        i += n;
      } else {
        break;
      }
      ++chars;
    }
    if (chars >= min_chars) out->append(data.substr(start, i - start)).push_back('\n');
    if (i == start) ++i;  // a byte that starts no character
  }
}

// Runs of printable ASCII stored as UTF-16: pairs of a printable byte and a
// NUL, at even offsets (little-endian) or odd ones (big-endian, whose NUL
// comes first: read one byte on). A big-endian run ends on its character,
// so the printable byte after the last pair ends the run too.
void Utf16Runs(std::string_view data, std::size_t min_chars, std::string* out) {
  const std::size_t size = data.size();
  for (std::size_t align = 0; align < 2; ++align) {
    std::size_t i = align;
    // A run from i on of min_chars characters holds at least min_chars - 1
    // pairs: when the last of them is no pair, skip past it.
    const std::size_t reach = 2 * (min_chars > 1 ? min_chars - 2 : 0);
    auto pair = [&](std::size_t k) { return data[k + 1] == 0 && Printable(data[k]); };
    while (i + 1 < size) {
      if (i + reach + 1 < size && !pair(i + reach)) {
        i += reach + 2;
        continue;
      }
      if (!pair(i)) {
        i += 2;
        continue;
      }
      const std::size_t start = i;
      while (i + 1 < size && pair(i)) i += 2;
      const bool last = i < size && Printable(data[i]);  // a final character without its NUL
      const std::size_t chars = (i - start) / 2 + (last ? 1 : 0);
      if (chars >= min_chars) {
        for (std::size_t k = start; k < i; k += 2) out->push_back(data[k]);
        if (last) out->push_back(data[i]);
        out->push_back('\n');
      }
      i += 2;
    }
  }
}

}  // namespace

std::string PrintableStrings(std::string_view data, std::size_t min_chars) {
  if (min_chars == 0) min_chars = 1;
  std::string out;
  Utf8Runs(data, min_chars, &out);
  Utf16Runs(data, min_chars, &out);
  return out;
}

}  // namespace sendguard
