// Well-formedness of UTF-8 text, independent of where the text came from.

#ifndef SENDGUARD_UTIL_UTF8_H_
#define SENDGUARD_UTIL_UTF8_H_

#include <string>
#include <string_view>

namespace sendguard {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD; nothing is
// dropped, so offsets of the surrounding text stay meaningful.
std::string SanitizeUtf8(std::string_view s);

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_UTF8_H_
