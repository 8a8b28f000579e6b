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
// selects UTF-16/UTF-32 and is removed. Without one, bytes that look like
// UTF-16 (GuessUtf16) are read as such unless the charset names a byte
// order; a charset of "utf-16" with neither is big-endian (RFC 2781).
std::string ToUtf8(std::string_view bytes, std::string_view charset);

// "UTF-16LE" or "UTF-16BE" when `bytes` look like mostly-ASCII UTF-16
// without a byte-order mark (a NUL in every other byte, on one side),
// else empty. Looks at the first kilobytes only.
std::string_view GuessUtf16(std::string_view bytes);

// Whether text in `charset` keeps printable ASCII as it is (UTF-8, the ISO
// 8859 and windows code pages, ...), as opposed to UTF-16/32, UTF-7 or EBCDIC.
// An empty or unknown charset is read as UTF-8: true.
bool IsAsciiCompatible(std::string_view charset);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_CHARSET_H_
