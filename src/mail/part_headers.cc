#include "mail/part_headers.h"

#include <algorithm>
#include <unordered_map>

#include "mail/base64.h"
#include "mail/charset.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// "%41" -> "A"; a '%' not followed by two hex digits stays as it is.
std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int hi = s[i] == '%' && i + 2 < s.size() ? HexDigitValue(s[i + 1]) : -1;
    const int lo = hi >= 0 ? HexDigitValue(s[i + 2]) : -1;
    if (lo >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// The charset of an RFC 2231 value or encoded word, without its language
// ("utf-8*en" -> "utf-8").
std::string_view CharsetName(std::string_view cs) { return cs.substr(0, cs.find('*')); }

// One RFC 2231 section: `name*N=` or `name*N*=`.
struct Section {
  int number = 0;
  bool encoded = false;
  std::string value = {};
};

// Everything given for one parameter name.
struct Collected {
  std::string name = {};
  bool has_plain = false;
  std::string plain = {};
  bool has_extended = false;  // `name*=`
  std::string extended = {};
  std::vector<Section> sections = {};
};

// Splits "charset'language'value"; false when the two quotes are not there.
bool SplitCharset(std::string_view v, std::string_view* charset, std::string_view* rest) {
  const std::size_t q1 = v.find('\'');
  if (q1 == std::string_view::npos) return false;
  const std::size_t q2 = v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return false;
  *charset = CharsetName(v.substr(0, q1));
  *rest = v.substr(q2 + 1);
  return true;
}

std::string ExtendedValue(std::string_view v) {
  std::string_view charset, rest;
  if (!SplitCharset(v, &charset, &rest)) return HeaderCharsetToUtf8(PercentDecode(v), "");
  return HeaderCharsetToUtf8(PercentDecode(rest), charset);
}

std::string Assemble(std::vector<Section> sections) {
  // In the order of their numbers; of two with one number, the first.
  std::stable_sort(sections.begin(), sections.end(),
                   [](const Section& a, const Section& b) { return a.number < b.number; });
  sections.erase(
      std::unique(sections.begin(), sections.end(),
                  [](const Section& a, const Section& b) { return a.number == b.number; }),
      sections.end());
  std::string_view charset;
  std::string bytes;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    std::string_view v = sections[i].value;
    if (!sections[i].encoded) {
      bytes += v;
      continue;
    }
    std::string_view rest;
    if (i == 0 && SplitCharset(v, &charset, &rest)) v = rest;
    bytes += PercentDecode(v);
  }
  return HeaderCharsetToUtf8(bytes, charset);
}

std::string Resolve(const Collected& c) {
  if (c.has_extended) return ExtendedValue(c.extended);
  if (!c.sections.empty()) return Assemble(c.sections);
  return DecodeEncodedWords(c.plain);
}

// Parses "name*N" into its number; -1 when it is not a section name.
int SectionNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 6) return -1;
  int n = 0;
  for (char d : digits) {
    if (d < '0' || d > '9') return -1;
    n = n * 10 + (d - '0');
  }
  return n;
}

// The parameters collected so far, and their index by name.
struct Collection {
  std::vector<Collected> all;
  std::unordered_map<std::string, std::size_t> index;
};

void AddParam(Collection& c, std::string name, std::string value) {
  const bool encoded = !name.empty() && name.back() == '*';
  if (encoded) name.pop_back();
  int number = -1;
  const std::size_t star = name.rfind('*');
  if (star != std::string::npos) {
    number = SectionNumber(std::string_view(name).substr(star + 1));
    if (number >= 0) name.resize(star);
  }
  if (name.empty()) return;
  auto [it, added] = c.index.try_emplace(name, c.all.size());
  if (added) c.all.push_back(Collected{.name = std::move(name)});
  Collected& p = c.all[it->second];
  if (number >= 0) {
    p.sections.push_back(Section{number, encoded, std::move(value)});
  } else if (encoded) {
    if (!p.has_extended) p.extended = std::move(value);
    p.has_extended = true;
  } else {
    if (!p.has_plain) p.plain = std::move(value);
    p.has_plain = true;
  }
}

// The value starting at `i` (after '='), quoted or not; `i` ends at the ';'
// after it or at the end.
std::string ReadValue(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  std::string value;
  if (i < s.size() && s[i] == '"') {
    for (++i; i < s.size() && s[i] != '"'; ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      value.push_back(s[i]);
    }
    while (i < s.size() && s[i] != ';') ++i;
    return value;
  }
  const std::size_t start = i;
  while (i < s.size() && s[i] != ';') ++i;
  return std::string(TrimWhitespace(s.substr(start, i - start)));
}

// The unquoted value starting at `i` as RFC 822 reads it: quoted pieces
// joined, backslash escapes undone, up to an unquoted ';'.
std::string ReadRfc822Value(std::string_view s, std::size_t& i) {
  std::string value;
  bool quoted = false;
  for (; i < s.size() && (quoted || s[i] != ';'); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      value.push_back(s[++i]);
    } else if (s[i] == '"') {
      quoted = !quoted;
    } else if (quoted || (s[i] != ' ' && s[i] != '\t')) {
      value.push_back(s[i]);
    }
  }
  return value;
}

// `s` without its RFC 822 comments (outside quoted strings, nested,
// backslash escapes honoured).
std::string WithoutComments(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool quoted = false;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      if (depth == 0) out.append(s.substr(i, 2));
      ++i;
    } else if (depth > 0) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    } else if (!quoted && c == '(') {
      depth = 1;
    } else {
      quoted ^= c == '"';
      out.push_back(c);
    }
  }
  return out;
}

// Whether an encoded word starts at `p`; if so its charset, its decoded
// bytes and the position after it.
bool ParseWord(std::string_view t, std::size_t p, std::string_view* charset, std::string* bytes,
               std::size_t* end) {
  const std::size_t q1 = t.find('?', p + 2);
  if (q1 == std::string_view::npos || q1 - p - 2 > 64 || q1 + 3 > t.size()) return false;
  const char enc = t[q1 + 1];
  if (t[q1 + 2] != '?' || (enc != 'B' && enc != 'b' && enc != 'Q' && enc != 'q')) return false;
  const std::size_t close = t.find("?=", q1 + 3);
  if (close == std::string_view::npos) return false;
  const std::string_view payload = t.substr(q1 + 3, close - q1 - 3);
  if (payload.find_first_of("\r\n") != std::string_view::npos) return false;
  *charset = CharsetName(t.substr(p + 2, q1 - p - 2));
  if (enc == 'B' || enc == 'b') {
    *bytes = DecodeBase64(payload).data;
  } else {
    bytes->clear();
    for (std::size_t i = 0; i < payload.size(); ++i) {
      const int hi =
          payload[i] == '=' && i + 2 < payload.size() ? HexDigitValue(payload[i + 1]) : -1;
      const int lo = hi >= 0 ? HexDigitValue(payload[i + 2]) : -1;
      if (lo >= 0) {
        bytes->push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
      } else {
        bytes->push_back(payload[i] == '_' ? ' ' : payload[i]);
      }
    }
  }
  *end = close + 2;
  return true;
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

const std::string* HeaderParams::Get(std::string_view name) const {
  for (const auto& [n, v] : params) {
    if (n == name) return &v;
  }
  return nullptr;
}

std::string HeaderCharsetToUtf8(std::string_view bytes, std::string_view charset) {
  const std::string cs = AsciiLower(charset);
  const bool bom = bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFE &&
                                          static_cast<unsigned char>(bytes[1]) == 0xFF) ||
                                         (static_cast<unsigned char>(bytes[0]) == 0xFF &&
                                          static_cast<unsigned char>(bytes[1]) == 0xFE));
  if (!bom && (cs == "utf-16" || cs == "utf16" || cs == "ucs-2" || cs == "unicode")) {
    // The bytes decide the order when they can (Python's email and
    // mailparser read "a\0b\0" as "ab"); else RFC 2781's big-endian.
    const std::string_view guess = GuessUtf16(bytes);
    return ToUtf8(bytes, guess.empty() ? std::string_view("UTF-16BE") : guess);
  }
  if (!bom && (cs == "utf-32" || cs == "utf32" || cs == "ucs-4")) return ToUtf8(bytes, "UTF-32BE");
  return ToUtf8(bytes, cs);
}

std::string DecodeEncodedWords(std::string_view t) {
  std::string out;
  std::string pending;  // bytes of adjacent words in one charset, converted together
  std::string_view pending_charset;
  auto flush = [&] {
    if (!pending.empty()) out += HeaderCharsetToUtf8(pending, pending_charset);
    pending.clear();
  };
  std::size_t i = 0;
  bool after_word = false;
  for (std::size_t p = t.find("=?"); p != std::string_view::npos; p = t.find("=?", i)) {
    std::string_view charset;
    std::string bytes;
    std::size_t end = 0;
    const std::string_view between = t.substr(i, p - i);
    if (!ParseWord(t, p, &charset, &bytes, &end)) {
      flush();
      out += ToUtf8(t.substr(i, p + 2 - i), "");
      i = p + 2;
      after_word = false;
      continue;
    }
    if (!after_word || !IsBlank(between)) {
      flush();
      out += ToUtf8(between, "");
    }
    if (!EqualsIgnoreCase(charset, pending_charset)) flush();
    pending_charset = charset;
    pending += bytes;
    i = end;
    after_word = true;
  }
  flush();
  out += ToUtf8(t.substr(i), "");
  return out;
}

namespace {

HeaderParams ParseParams(std::string_view raw, bool rfc822) {
  std::string unfolded;
  unfolded.reserve(raw.size());
  for (char c : raw) {
    if (c != '\r' && c != '\n') unfolded.push_back(c);
  }
  if (rfc822) unfolded = WithoutComments(unfolded);
  const std::string_view s = unfolded;
  HeaderParams out;
  std::size_t i = std::min(s.find(';'), s.size());
  // The token ends at blanks or a comment: "text/plain (note)".
  const std::string_view token = TrimWhitespace(s.substr(0, i));
  out.token = AsciiLower(token.substr(0, token.find_first_of(" \t(")));
  Collection all;
  while (i < s.size()) {
    const std::size_t start = ++i;  // past the ';'
    while (i < s.size() && s[i] != '=' && s[i] != ';') ++i;
    std::string name = AsciiLower(TrimWhitespace(s.substr(start, i - start)));
    if (i >= s.size() || s[i] == ';') continue;
    ++i;  // past the '='
    std::string value = rfc822 ? ReadRfc822Value(s, i) : ReadValue(s, i);
    AddParam(all, std::move(name), std::move(value));
  }
  for (const Collected& c : all.all) out.params.emplace_back(c.name, Resolve(c));
  return out;
}

}  // namespace

HeaderParams ParseHeaderParams(std::string_view raw) { return ParseParams(raw, false); }

HeaderParams ParseHeaderParamsRfc822(std::string_view raw) { return ParseParams(raw, true); }

}  // namespace sendguard
