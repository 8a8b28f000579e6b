// Undoing a part's Content-Transfer-Encoding (RFC 2045), as leniently as the
// mail clients that will show the part: whatever a client could decode, the
// guard decodes too.

#ifndef SENDGUARD_MAIL_TRANSFER_DECODING_H_
#define SENDGUARD_MAIL_TRANSFER_DECODING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sendguard {

enum class TransferEncoding { kIdentity, kBase64, kQuotedPrintable, kUuencode };

// A Content-Transfer-Encoding value as the readers that decode the most
// read it: RFC 2047 encoded words decoded, comments (anywhere: "bas()e64",
// "(x) base64") and blanks dropped, up to a ';', lower-case.
std::string TransferEncodingToken(std::string_view value);

// The encoding a Content-Transfer-Encoding value names (its
// TransferEncodingToken); kIdentity for 7bit, 8bit, binary, an empty or an
// unknown value.
TransferEncoding ParseTransferEncoding(std::string_view value);

// Its canonical name ("base64", "quoted-printable", "x-uuencode"), or "" for
// kIdentity.
std::string_view TransferEncodingName(TransferEncoding encoding);

struct TransferDecoded {
  std::string data = {};
  bool truncated_base64 = false;  // see Base64Result::truncated
  // Base64 only: where the bytes decoded after a '=' padding begin, or npos
  // (see Base64Result::after_padding).
  std::size_t after_padding = std::string::npos;
};

// Decodes `encoded`. Never fails: bytes that do not decode are kept as they
// are (quoted-printable) or skipped (base64).
TransferDecoded DecodeTransfer(std::string_view encoded, TransferEncoding encoding);

// Quoted-printable decoding: "=XX" (either case of hex) is a byte; '='
// followed by blanks up to the line break (transport padding, RFC 2045 6.7)
// or the end is a soft line break; any other '=' is kept.
std::string DecodeQuotedPrintable(std::string_view in);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_TRANSFER_DECODING_H_
