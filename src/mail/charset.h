// Conversion of text in any declared charset to valid UTF-8.

#ifndef SENDGUARD_MAIL_CHARSET_H_
#define SENDGUARD_MAIL_CHARSET_H_

#include <string>
#include <string_view>

namespace sendguard {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD; nothing is
// dropped, so offsets of the surrounding text stay meaningful.
std::string SanitizeUtf8(std::string_view s);

// Converts `bytes` declared to be in `charset` (any IANA name or alias ICU
// knows, case-insensitive) to UTF-8. Bytes that are invalid in the charset
// become U+FFFD. An empty or unknown charset is treated as UTF-8 when the
// bytes are valid UTF-8 and as windows-1252 otherwise. A byte-order mark
// selects UTF-16/UTF-32 and is removed.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_CHARSET_H_
