#include "mail/transfer_decoding.h"

#include <gmime/gmime.h>

#include <algorithm>

#include "mail/base64.h"
#include "mail/gmime_init.h"
#include "mail/part_headers.h"
#include "mail/uudecode.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// A "begin" ... "end" block is decoded from its begin line on; lines
// without one (a bare run of encoded lines) as GMime decodes them.
std::string DecodeUuencode(std::string_view encoded) {
  UudecodeResult block = DecodeUuencodeBlock(encoded);
  if (block.found_begin) return std::move(block.data);
  EnsureGMimeInitialized();
  GMimeEncoding state;
  g_mime_encoding_init_decode(&state, GMIME_CONTENT_ENCODING_UUENCODE);
  std::string out(g_mime_encoding_outlen(&state, encoded.size()), '\0');
  std::size_t n = g_mime_encoding_flush(&state, encoded.data(), encoded.size(), out.data());
  out.resize(std::min(n, out.size()));
  return out;
}

}  // namespace

std::string TransferEncodingToken(std::string_view raw) {
  const std::string decoded =
      raw.find("=?") == std::string_view::npos ? std::string(raw) : DecodeEncodedWords(raw);
  std::string out;
  int depth = 0;
  for (char c : decoded) {
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0 && c == ';') {
      break;
    } else if (depth == 0 && std::string_view(" \t\r\n\v\f").find(c) == std::string_view::npos) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return out;
}

TransferEncoding ParseTransferEncoding(std::string_view raw) {
  const std::string token = TransferEncodingToken(raw);
  const std::string_view value = token;
  if (EqualsIgnoreCase(value, "base64")) return TransferEncoding::kBase64;
  if (EqualsIgnoreCase(value, "quoted-printable")) return TransferEncoding::kQuotedPrintable;
  for (std::string_view uu : {"x-uuencode", "uuencode", "x-uue", "uue"}) {
    if (EqualsIgnoreCase(value, uu)) return TransferEncoding::kUuencode;
  }
  return TransferEncoding::kIdentity;
}

std::string_view TransferEncodingName(TransferEncoding encoding) {
  switch (encoding) {
    case TransferEncoding::kBase64:
      return "base64";
    case TransferEncoding::kQuotedPrintable:
      return "quoted-printable";
    case TransferEncoding::kUuencode:
      return "x-uuencode";
    case TransferEncoding::kIdentity:
      break;
  }
  return "";
}

std::string DecodeQuotedPrintable(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = in[i];
    if (c != '=') {
      out.push_back(c);
      continue;
    }
    const int hi = i + 1 < n ? HexDigitValue(in[i + 1]) : -1;
    const int lo = hi >= 0 && i + 2 < n ? HexDigitValue(in[i + 2]) : -1;
    if (lo >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
      continue;
    }
    // A soft line break: '=', transport padding, then CRLF, LF or the end.
    std::size_t j = i + 1;
    while (j < n && (in[j] == ' ' || in[j] == '\t')) ++j;
    if (j == n) break;
    if (in[j] == '\n' || (in[j] == '\r' && j + 1 < n && in[j + 1] == '\n')) {
      i = in[j] == '\r' ? j + 1 : j;
      continue;
    }
    out.push_back('=');
  }
  return out;
}

TransferDecoded DecodeTransfer(std::string_view encoded, TransferEncoding encoding) {
  TransferDecoded d;
  switch (encoding) {
    case TransferEncoding::kBase64: {
      Base64Result r = DecodeBase64(encoded);
      d.data = std::move(r.data);
      d.truncated_base64 = r.truncated;
      d.after_padding = r.after_padding;
      break;
    }
    case TransferEncoding::kQuotedPrintable:
      d.data = DecodeQuotedPrintable(encoded);
      break;
    case TransferEncoding::kUuencode:
      d.data = DecodeUuencode(encoded);
      break;
    case TransferEncoding::kIdentity:
      d.data = std::string(encoded);
      break;
  }
  return d;
}

}  // namespace sendguard
