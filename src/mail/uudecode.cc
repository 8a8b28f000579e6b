#include "mail/uudecode.h"

#include <cstddef>

#include "util/strings.h"

namespace sendguard {
namespace {

// The next line of `in` from `*pos` (without its CR LF), advancing `*pos`.
std::string_view NextLine(std::string_view in, std::size_t* pos) {
  const std::size_t end = in.find('\n', *pos);
  std::string_view line = in.substr(*pos, end == std::string_view::npos ? end : end - *pos);
  *pos = end == std::string_view::npos ? in.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

int Sextet(char c) { return (static_cast<unsigned char>(c) - 0x20) & 0x3f; }

// "begin 644 name": the name, or false when `line` is no begin line.
bool BeginLine(std::string_view line, std::string* name) {
  if (line.substr(0, 6) != "begin ") return false;
  line.remove_prefix(6);
  std::size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '7') ++i;
  if (i == 0 || (i < line.size() && line[i] != ' ')) return false;
  *name = std::string(TrimWhitespace(line.substr(i)));
  return true;
}

// Appends the bytes of one encoded line to `out`; false at a line of
// length zero (the end of the data).
bool DecodeLine(std::string_view line, std::string* out) {
  if (line.empty()) return true;  // a blank line inside the block: skipped
  const std::size_t length = static_cast<std::size_t>(Sextet(line[0]));
  if (length == 0) return false;
  const std::string_view chars = line.substr(1);
  std::size_t written = 0;
  for (std::size_t i = 0; i < chars.size() && written < length; i += 4) {
    unsigned int quad = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      quad = quad << 6 | static_cast<unsigned int>(i + k < chars.size() ? Sextet(chars[i + k]) : 0);
    }
    for (int shift = 16; shift >= 0 && written < length; shift -= 8, ++written) {
      out->push_back(static_cast<char>(quad >> shift & 0xff));
    }
  }
  return true;
}

}  // namespace

UudecodeResult DecodeUuencodeBlock(std::string_view encoded) {
  UudecodeResult r;
  std::size_t pos = 0;
  while (pos < encoded.size() && !r.found_begin) {
    r.found_begin = BeginLine(NextLine(encoded, &pos), &r.name);
  }
  if (!r.found_begin) return r;
  while (pos < encoded.size()) {
    const std::string_view line = NextLine(encoded, &pos);
    if (TrimWhitespace(line) == "end" || !DecodeLine(line, &r.data)) break;
  }
  return r;
}

}  // namespace sendguard
