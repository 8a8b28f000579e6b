// Conversion of text in any declared charset to valid UTF-8.

#ifndef SENDGUARD_MAIL_CHARSET_H_
#define SENDGUARD_MAIL_CHARSET_H_

#include <string>
#include <string_view>

#include "util/utf8.h"  // IsValidUtf8, SanitizeUtf8, which readers of mail use with ToUtf8

namespace sendguard {

// Converts `bytes` declared to be in `charset` (any IANA name or alias ICU
// knows, case-insensitive) to UTF-8. Bytes that are invalid in the charset
// become U+FFFD. An empty or unknown charset is treated as UTF-8 when the
// bytes are valid UTF-8 and as windows-1252 otherwise. A byte-order mark
// selects UTF-16/UTF-32 and is removed.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_CHARSET_H_
