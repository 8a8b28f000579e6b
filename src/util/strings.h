// Small string helpers shared by all modules.

#ifndef SENDGUARD_UTIL_STRINGS_H_
#define SENDGUARD_UTIL_STRINGS_H_

#include <string>
#include <string_view>

namespace sendguard {

// ASCII lower-casing; bytes >= 0x80 are left as they are.
std::string AsciiLower(std::string_view s);

// Case-insensitive ASCII equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// True when `s` ends with `suffix`, ASCII case-insensitively.
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);

// `s` without leading and trailing ASCII white space.
std::string_view TrimWhitespace(std::string_view s);

// The part of `name` after the last '/' or '\\'.
std::string_view BaseName(std::string_view name);

// The lower-case extension of `name` without the dot ("" when none).
std::string Extension(std::string_view name);

// `s` safe to print on a terminal or in a line-per-record output: control
// characters (newlines, ESC, DEL, the C1 controls U+0080-U+009F) become
// \xNN per byte and a backslash \\, so a hostile name can neither forge a
// line nor drive the terminal. Other text, UTF-8 included, is kept.
std::string EscapeControl(std::string_view s);

// The value of the hexadecimal digit `c` (either case), or -1.
inline int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_STRINGS_H_
