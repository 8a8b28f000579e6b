// Base64 decoding of message bodies (RFC 2045), the hot path of attachment
// reading: one table-driven pass that also tells whether the input was cut.

#ifndef SENDGUARD_MAIL_BASE64_H_
#define SENDGUARD_MAIL_BASE64_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sendguard {

struct Base64Result {
  std::string data;
  // The encoded symbols ('=' padding included) are not a multiple of four:
  // the data was cut short. Whatever whole bytes were there are decoded.
  bool truncated = false;
  // Where in `data` the bytes decoded from symbols after a final '='
  // padding begin (a second payload behind the first, which most decoders
  // never show); npos when nothing follows the padding.
  std::size_t after_padding = std::string::npos;
};

// Decodes `in`, skipping line breaks and any byte outside the alphabet (as
// RFC 2045 requires of decoders). '=' padding ends a group: what follows it is
// decoded too, as a new run of groups, and appended. Never fails.
Base64Result DecodeBase64(std::string_view in);

// `in` in base64 with '=' padding; with `line_length` > 0, a CRLF after every
// `line_length` characters (76 for MIME bodies; 0 for one line, as in an
// RFC 2047 encoded word).
std::string EncodeBase64(std::string_view in, std::size_t line_length = 0);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_BASE64_H_
