// Structured MIME header values (Content-Type, Content-Disposition) read from
// their raw bytes: the leading token and the parameters, with RFC 2231
// extended values and continuations assembled and RFC 2047 encoded words
// decoded, the way mail clients show them.

#ifndef SENDGUARD_MAIL_PART_HEADERS_H_
#define SENDGUARD_MAIL_PART_HEADERS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sendguard {

struct HeaderParams {
  // The value before the first ';' up to a blank or a comment, lower-case:
  // "text/plain", "attachment". Empty when there is none.
  std::string token = {};
  // Parameters in order of first appearance, names lower-case, values
  // decoded to UTF-8. Each name appears once: an RFC 2231 form (`name*=`,
  // `name*0*=`...) wins over the plain `name=`, and of two plain ones the
  // first wins.
  std::vector<std::pair<std::string, std::string>> params = {};

  // The value of parameter `name` (lower-case), or null.
  const std::string* Get(std::string_view name) const;
};

// Parses one raw header value (folded or not). Never fails: what cannot be
// read is skipped. Continuations are put in the order of their numbers,
// whatever order they come in; the charset'language' prefix of an RFC 2231
// value is removed (empty means UTF-8 when valid); UTF-16 without a
// byte-order mark is little-endian when its bytes look so (GuessUtf16), else
// big-endian (RFC 2781), as UTF-32 without one is.
HeaderParams ParseHeaderParams(std::string_view raw);

// Parses `raw` as ParseHeaderParams does, but as RFC 822 reads structured
// fields, as Python's email and some clients do: comments are dropped
// everywhere outside quoted strings (in names too: "filena()me="), and an
// unquoted value joins quoted pieces and undoes backslash escapes
// ("file\;.txt" is "file;.txt").
HeaderParams ParseHeaderParamsRfc822(std::string_view raw);

// `text` with its RFC 2047 encoded words ("=?utf-8?B?...?=", "=?iso-8859-1?Q?...?=")
// decoded and the rest read as UTF-8 (or windows-1252 when invalid);
// whitespace between two encoded words is dropped. Always valid UTF-8.
std::string DecodeEncodedWords(std::string_view text);

// `bytes` in `charset` as UTF-8 (ToUtf8), except that UTF-16/UTF-32 without
// a byte-order mark are read big-endian, as RFC 2781 says, unless UTF-16
// bytes look little-endian (GuessUtf16).
std::string HeaderCharsetToUtf8(std::string_view bytes, std::string_view charset);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_PART_HEADERS_H_
