#include "http/request_framing.h"

#include <strings.h>

#include <string_view>

namespace sendguard {
namespace {

// RFC 9110 section 5.6.2: tchar.
bool IsTokenChar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!IsTokenChar(c)) return false;
  return true;
}

}  // namespace

std::optional<std::string> FramingError(const httplib::Headers& headers) {
  for (const auto& [name, value] : headers) {
    if (!IsToken(name)) return "a header name that is not a token";
  }
  const std::size_t lengths = headers.count("Content-Length");
  const std::size_t codings = headers.count("Transfer-Encoding");
  if (lengths > 1) return "Content-Length given more than once";
  if (codings > 1) return "Transfer-Encoding given more than once";
  if (lengths == 1) {
    const std::string& v = headers.find("Content-Length")->second;
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
      return "Content-Length is not a number";
    }
  }
  if (codings == 1) {
    if (lengths == 1) return "both Transfer-Encoding and Content-Length";
    if (strcasecmp(headers.find("Transfer-Encoding")->second.c_str(), "chunked") != 0) {
      return "a Transfer-Encoding other than chunked";
    }
  }
  return std::nullopt;
}

}  // namespace sendguard
