#include "formats/printable_strings.h"

namespace sendguard {
namespace {

bool Printable(unsigned char c) { return (c >= 0x20 && c < 0x7f) || c == '\t'; }

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
  std::size_t start = 0, chars = 0, i = 0;
  auto flush = [&](std::size_t end) {
    if (chars >= min_chars) out->append(data.substr(start, end - start)).push_back('\n');
    chars = 0;
  };
  while (i < data.size()) {
    const auto c = static_cast<unsigned char>(data[i]);
    std::size_t n = Printable(c) ? 1 : c >= 0x80 ? Utf8Sequence(data, i) : 0;
    if (n == 0) {
      flush(i);
      start = ++i;
      continue;
    }
    ++chars;
    i += n;
  }
  flush(i);
}

// Runs of printable ASCII stored as UTF-16, in either byte order: bytes
// that alternate between printable and NUL ("S\0E\0" or "\0S\0E"), whose
// printable bytes are the text.
void Utf16Runs(std::string_view data, std::size_t min_chars, std::string* out) {
  std::string run;
  bool want_nul = false;  // the run's last byte was printable: a NUL comes next
  bool in_run = false;
  auto flush = [&] {
    if (run.size() >= min_chars) out->append(run).push_back('\n');
    run.clear();
    in_run = false;
  };
  for (char ch : data) {
    const auto c = static_cast<unsigned char>(ch);
    const bool nul = c == 0;
    if (!nul && !Printable(c)) {
      flush();
      continue;
    }
    if (in_run && nul != want_nul) flush();  // two printables or two NULs in a row
    in_run = true;
    if (!nul) run.push_back(ch);
    want_nul = !nul;
  }
  flush();
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
