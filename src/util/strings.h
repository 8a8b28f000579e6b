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

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_STRINGS_H_
