#include "mail/header_value.h"

#include "mail/base64.h"

namespace sendguard {

std::string OneHeaderLine(std::string_view value) {
  std::string out(value);
  for (char& c : out) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  return out;
}

std::string EncodeHeaderValue(std::string_view value) {
  std::string line = OneHeaderLine(value);
  for (unsigned char c : line) {
    if (c >= 0x80) return "=?UTF-8?B?" + EncodeBase64(line) + "?=";
  }
  return line;
}

}  // namespace sendguard
