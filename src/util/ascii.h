// ASCII character classes, independent of the locale (unlike <cctype>),
// for the parsers and detectors that read bytes.

#ifndef SENDGUARD_UTIL_ASCII_H_
#define SENDGUARD_UTIL_ASCII_H_

namespace sendguard {

constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiLetter(char c) { return IsAsciiLower(c) || IsAsciiUpper(c); }
constexpr bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }
constexpr bool IsAsciiHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_ASCII_H_
