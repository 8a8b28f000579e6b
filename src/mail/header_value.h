// Values that sendguard writes into the headers of a message it composes
// (notices, the message a draft check builds): one line each, and
// non-ASCII text as an RFC 2047 encoded word.

#ifndef SENDGUARD_MAIL_HEADER_VALUE_H_
#define SENDGUARD_MAIL_HEADER_VALUE_H_

#include <string>
#include <string_view>

namespace sendguard {

// `value` with CR, LF and TAB made spaces, so that it cannot end its header
// or start another.
std::string OneHeaderLine(std::string_view value);

// OneHeaderLine(value), as it is when ASCII, else one encoded word
// ("=?UTF-8?B?...?="), never folded: no CRLF inside the header.
std::string EncodeHeaderValue(std::string_view value);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_HEADER_VALUE_H_
