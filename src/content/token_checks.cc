#include "content/token_checks.h"

#include <array>
#include <cmath>

#include "mail/base64.h"
#include "util/ascii.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Whether `open` is followed by `close` in `s`, as in a call "f(x)" or an
// index "a['k']".
bool Opens(std::string_view s, char open, char close) {
  const std::size_t at = s.find(open);
  return at != std::string_view::npos && s.find(close, at) != std::string_view::npos;
}

// Whether one segment of a name reads as a word: letters in one case or
// capitalised, at most 15 of them, perhaps with a digit or two after
// ("GPT4", "v2"); or a short number ("123").
bool WordLike(std::string_view seg) {
  std::size_t letters = 0;
  while (letters < seg.size() && IsAsciiLetter(seg[letters])) ++letters;
  const std::size_t digits = seg.size() - letters;
  for (std::size_t i = letters; i < seg.size(); ++i) {
    if (!IsAsciiDigit(seg[i])) return false;
  }
  if (letters == 0) return digits <= 4;
  if (letters > 15 || digits > 2) return false;
  std::string_view word = seg.substr(0, letters);
  bool lower = true, upper = true, capital = IsAsciiUpper(word[0]);
  for (std::size_t i = 0; i < word.size(); ++i) {
    lower &= IsAsciiLower(word[i]);
    upper &= IsAsciiUpper(word[i]);
    if (i > 0) capital &= IsAsciiLower(word[i]);
  }
  return lower || upper || capital;
}

// Whether `s` is made of letters, digits, "_", ".", "-", ":" and spaces
// (the inside of a template's stand-in).
bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiLetter(c) && !IsAsciiDigit(c) &&
        std::string_view("_.-: |'\"").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// Whether `value` holds a template's stand-in for a value: "${TOKEN}",
// "{{ secret }}", "#{key}", "<token>", "%(token)s", "%TOKEN%", "$(cat f)".
bool HasTemplateSpan(std::string_view value) {
  static constexpr std::pair<std::string_view, std::string_view> kSpans[] = {
      {"${", "}"}, {"{{", "}}"}, {"#{", "}"}, {"<", ">"}, {"%(", ")"}, {"$(", ")"}, {"<%", "%>"}};
  for (const auto& [open, close] : kSpans) {
    for (std::size_t at = value.find(open); at != std::string_view::npos;
         at = value.find(open, at + 1)) {
      const std::size_t from = at + open.size();
      const std::size_t end = value.find(close, from);
      if (end != std::string_view::npos && end - from <= 40 &&
          IsIdentifier(value.substr(from, end - from))) {
        return true;
      }
    }
  }
  return value.size() > 2 && value.front() == '%' && value.back() == '%' &&
         IsIdentifier(value.substr(1, value.size() - 2));
}

// The JSON object that a base64url segment decodes to, or "" when it is
// not one (an object's braces at both ends).
std::string JsonObjectOf(std::string_view segment) {
  std::string b64(segment);
  for (char& c : b64) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
    if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '+' && c != '/' && c != '-' && c != '_')
      return "";
  }
  while (b64.size() % 4 != 0) b64.push_back('=');
  std::string json = DecodeBase64(b64).data;
  std::string_view j = TrimWhitespace(json);
  if (j.size() < 2 || j.front() != '{' || j.back() != '}') return "";
  return std::string(j);
}

}  // namespace

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<std::size_t, 256> counts{};
  for (char c : s) ++counts[static_cast<unsigned char>(c)];
  double h = 0;
  const double n = static_cast<double>(s.size());
  for (std::size_t count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / n;
    h -= p * std::log2(p);
  }
  return h;
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !IsAsciiHexDigit(s[i])) return false;
  }
  return true;
}

bool IsHex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiHexDigit(c)) return false;
  }
  return true;
}

bool LooksLikePlaceholder(std::string_view value) {
  if (value.empty()) return true;
  if (HasTemplateSpan(value)) return true;
  // A variable ("$TOKEN", "$config.key"), a bracketed stand-in ("[secret]").
  if (value.front() == '$' && value.size() > 1 && IsIdentifier(value.substr(1))) return true;
  if (value.front() == '[' && value.back() == ']') return true;
  // One character for most of it: "xxxxxxxx", "********", "0000000000".
  std::array<std::size_t, 256> counts{};
  std::size_t top = 0;
  for (char c : value) top = std::max(top, ++counts[static_cast<unsigned char>(c)]);
  if (top * 2 > value.size()) return true;
  static constexpr std::string_view kWords[] = {
      "xxxx",      "****",      "....",     "your",       "example",    "placeholder", "changeme",
      "change_me", "change-me", "replace",  "dummy",      "redacted",   "insert",      "sample",
      "notreal",   "not_real",  "not-real", "0123456789", "abcdefghij",
  };
  const std::string lower = AsciiLower(value);
  for (std::string_view w : kWords) {
    if (Contains(lower, w)) return true;
  }
  return false;
}

bool LooksLikeName(std::string_view value) {
  std::size_t segments = 0, words = 0;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && std::string_view("_-.").find(value[i]) == std::string_view::npos) {
      continue;
    }
    std::string_view seg = value.substr(from, i - from);
    from = i + 1;
    if (seg.empty()) continue;
    if (!WordLike(seg)) return false;
    ++segments;
    if (seg.size() >= 3 && IsAsciiLetter(seg[0]) && IsAsciiLetter(seg[2])) ++words;
  }
  return segments >= 2 && words >= 2;
}

bool LooksLikeSecretValue(std::string_view value) {
  if (value.size() < 10 || value.size() > 300) return false;
  std::size_t letters = 0;
  bool digit_or_symbol = false;
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u >= 0x7f) return false;  // spaces: prose; non-ASCII: words
    if (IsAsciiLetter(c)) {
      ++letters;
    } else if (IsAsciiDigit(c) ||
               std::string_view("+/=!@#$%^&*~?:;,|").find(c) != std::string_view::npos) {
      digit_or_symbol = true;
    }
  }
  if (letters < 3 || !digit_or_symbol) return false;
  if (LooksLikePlaceholder(value) || LooksLikeName(value)) return false;
  // Test suites and documentation mark their made-up values.
  const std::string lower = AsciiLower(value);
  if (Contains(lower, "fake")) return false;
  // Links, paths, code and addresses are not secrets themselves.
  if (Contains(value, "://") || value.front() == '/' || value.rfind("./", 0) == 0 ||
      value.rfind("~/", 0) == 0 || Contains(value, "\\") || Opens(value, '(', ')') ||
      Opens(value, '[', ']')) {
    return false;
  }
  const std::size_t at = value.find('@');
  if (at != std::string_view::npos && value.find('.', at) != std::string_view::npos) return false;
  return ShannonEntropy(value) >= 3.0;
}

JwtShape ClassifyJwt(std::string_view token) {
  const std::size_t dot1 = token.find('.');
  if (dot1 == std::string_view::npos) return JwtShape::kNone;
  const std::size_t dot2 = token.find('.', dot1 + 1);
  if (dot2 != std::string_view::npos && token.find('.', dot2 + 1) != std::string_view::npos) {
    return JwtShape::kNone;
  }
  const std::string header = JsonObjectOf(token.substr(0, dot1));
  const std::string payload =
      JsonObjectOf(token.substr(dot1 + 1, dot2 == std::string_view::npos ? dot2 : dot2 - dot1 - 1));
  if (header.empty() || payload.empty()) return JwtShape::kNone;
  const bool alg = Contains(header, "\"alg\"");
  if (dot2 != std::string_view::npos && dot2 + 1 < token.size()) {
    return alg ? JwtShape::kSigned : JwtShape::kNone;
  }
  return alg || Contains(header, "\"typ\"") ? JwtShape::kUnsigned : JwtShape::kNone;
}

OpenAiKeyShape ClassifyOpenAiKey(std::string_view key) {
  std::string_view rest = key.substr(key.rfind("sk-", 0) == 0 ? 3 : 0);
  enum { kLegacy, kProject, kAdmin } kind = kLegacy;
  for (std::string_view p : {"proj-", "svcacct-"}) {
    if (rest.rfind(p, 0) == 0) {
      kind = kProject;
      rest.remove_prefix(p.size());
    }
  }
  if (rest.rfind("admin-", 0) == 0) {
    kind = kAdmin;
    rest.remove_prefix(6);
  }
  const std::size_t marker = rest.find("T3BlbkFJ");
  if (marker == std::string_view::npos) return OpenAiKeyShape::kUnknown;
  const std::size_t left = marker, right = rest.size() - marker - 8;
  bool alnum = true;
  for (char c : rest) alnum &= IsAsciiLetter(c) || IsAsciiDigit(c);
  const bool short_form = left == 20 && right == 20 && alnum;
  const bool long_form = (left == 58 || left == 74) && (right == 58 || right == 74);
  switch (kind) {
    case kLegacy:
      return short_form ? OpenAiKeyShape::kKnown : OpenAiKeyShape::kUnknown;
    case kProject:
      return short_form || long_form ? OpenAiKeyShape::kKnown : OpenAiKeyShape::kUnknown;
    case kAdmin:
      return left == 58 && right == 58 ? OpenAiKeyShape::kKnown : OpenAiKeyShape::kBroken;
  }
  return OpenAiKeyShape::kUnknown;
}

}  // namespace sendguard
