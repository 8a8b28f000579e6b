// RTF tokens (formats/rtf_tokenizer.h).

#include "formats/rtf_tokenizer.h"

#include <algorithm>
#include <cstdint>

namespace sendguard {
namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

RtfToken RtfTokenizer::Next() {
  RtfToken t;
  // Line ends are not part of the text.
  while (pos_ < in_.size() && (in_[pos_] == '\r' || in_[pos_] == '\n')) ++pos_;
  if (pos_ >= in_.size()) return t;
  const char c = in_[pos_];
  if (c == '{' || c == '}') {
    t.kind = c == '{' ? RtfToken::kGroupStart : RtfToken::kGroupEnd;
    ++pos_;
    return t;
  }
  if (c != '\\') {
    const std::size_t start = pos_;
    while (pos_ < in_.size() && in_[pos_] != '\\' && in_[pos_] != '{' && in_[pos_] != '}' &&
           in_[pos_] != '\r' && in_[pos_] != '\n') {
      ++pos_;
    }
    t.kind = RtfToken::kText;
    t.text = in_.substr(start, pos_ - start);
    return t;
  }
  // A backslash.
  if (pos_ + 1 >= in_.size()) {
    t.kind = RtfToken::kText;
    t.text = in_.substr(pos_, 1);
    ++pos_;
    return t;
  }
  const char n = in_[pos_ + 1];
  if (n == '\'') {
    const int hi = pos_ + 2 < in_.size() ? HexValue(in_[pos_ + 2]) : -1;
    const int lo = pos_ + 3 < in_.size() ? HexValue(in_[pos_ + 3]) : -1;
    if (hi < 0 || lo < 0) {  // damaged: the bytes are text
      t.kind = RtfToken::kText;
      t.text = in_.substr(pos_, 2);
      pos_ += 2;
      return t;
    }
    t.kind = RtfToken::kHexByte;
    t.byte = static_cast<unsigned char>(hi * 16 + lo);
    pos_ += 4;
    return t;
  }
  if (!IsLetter(n)) {
    t.kind = RtfToken::kControlSymbol;
    t.text = in_.substr(pos_ + 1, 1);
    pos_ += 2;
    // A backslash before a line end is \par; the line end is its symbol.
    if (n == '\r' && pos_ < in_.size() && in_[pos_] == '\n') ++pos_;
    return t;
  }
  std::size_t p = pos_ + 1;
  const std::size_t word = p;
  while (p < in_.size() && IsLetter(in_[p]) && p - word < 32) ++p;
  t.kind = RtfToken::kControlWord;
  t.text = in_.substr(word, p - word);
  while (p < in_.size() && IsLetter(in_[p])) ++p;  // longer than any word: the rest dropped
  bool negative = false;
  if (p + 1 < in_.size() && in_[p] == '-' && IsDigit(in_[p + 1])) {
    negative = true;
    ++p;
  }
  if (p < in_.size() && IsDigit(in_[p])) {
    t.has_param = true;
    std::int64_t v = 0;
    while (p < in_.size() && IsDigit(in_[p])) {
      if (v < (std::int64_t{1} << 32)) v = v * 10 + (in_[p] - '0');
      ++p;
    }
    if (negative) v = -v;
    if (v > INT32_MAX) v = INT32_MAX;
    if (v < INT32_MIN) v = INT32_MIN;
    t.param = static_cast<std::int32_t>(v);
  }
  if (p < in_.size() && in_[p] == ' ') ++p;  // the delimiting space is part of the word
  pos_ = p;
  if (t.text == "bin" && t.has_param) {
    const std::size_t want = t.param > 0 ? static_cast<std::size_t>(t.param) : 0;
    const std::size_t len = std::min(want, in_.size() - pos_);
    t.kind = RtfToken::kBinary;
    t.text = in_.substr(pos_, len);
    pos_ += len;
  }
  return t;
}

}  // namespace sendguard
