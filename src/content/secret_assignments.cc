#include "content/secret_assignments.h"

#include <algorithm>
#include <iterator>

#include "util/ascii.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool IsNameByte(char c) { return IsAsciiAlnum(c) || c == '_' || c == '-' || c == '.'; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsQuote(char c) { return c == '"' || c == '\'' || c == '`'; }

constexpr std::size_t kMaxName = 64;
constexpr std::size_t kMaxValue = 300;

template <std::size_t N>
bool OneOf(const std::string& w, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// The value after an operator at `p`: quoted (up to the same quote, which
// may be written escaped, \"), the text of an XML element (up to "<"), or
// up to a space, quote, separator or a written escape ("\n").
std::optional<std::string_view> ValueAt(std::string_view text, std::size_t p, bool element,
                                        std::size_t* begin) {
  bool escaped_quote = false;
  char quote = 0;
  if (p + 1 < text.size() && text[p] == '@' && IsQuote(text[p + 1])) ++p;  // @"..." (Objective-C)
  if (p + 1 < text.size() && text[p] == '\\' && IsQuote(text[p + 1])) {
    escaped_quote = true;
    quote = text[p + 1];
    p += 2;
  } else if (p < text.size() && IsQuote(text[p])) {
    quote = text[p];
    ++p;
  }
  std::size_t end = p;
  int depth = 0;
  while (end < text.size() && end - p <= kMaxValue) {
    const char c = text[end];
    if (c == '\n' || c == '\r') break;
    if (quote != 0) {
      if (c == quote) break;
      if (c == '\\' && end + 1 < text.size() && (text[end + 1] == quote || escaped_quote)) break;
    } else if (element) {
      if (c == '<' || IsBlank(c)) break;
    } else {
      // Brackets opened in the value may close in it; one that closes
      // what the value is inside ends it: "(token=X)", "{key: X}".
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) break;
        --depth;
      } else if (IsBlank(c) || IsQuote(c) ||
                 std::string_view(";,<&").find(c) != std::string_view::npos) {
        break;
      }
      if (c == '\\') break;  // a written "\n" ends a line of escaped text
    }
    ++end;
  }
  if (end - p > kMaxValue) return std::nullopt;
  std::string_view v = text.substr(p, end - p);
  if (quote == 0) {
    while (!v.empty() && std::string_view(".:").find(v.back()) != std::string_view::npos) {
      v.remove_suffix(1);  // the end of a sentence
    }
  }
  if (v.empty()) return std::nullopt;
  *begin = p;
  return v;
}

// Whether one word of a name is a secret's name run together with others:
// "theapikey", "githubtoken", "mysecret"; not an English word that starts
// with one ("secretary", "tokenizer").
bool Compound(const std::string& w) {
  static constexpr std::string_view kInside[] = {"apikey",      "apitoken",    "authtoken",
                                                 "accesstoken", "privatekey",  "accesskey",
                                                 "secretkey",   "clientsecret"};
  for (std::string_view k : kInside) {
    if (w.find(k) != std::string::npos) return true;
  }
  auto ends = [&](std::string_view k) {
    return w.size() > k.size() && w.compare(w.size() - k.size(), k.size(), k) == 0;
  };
  return ends("token") || ends("secret");
}

// A literal compared with the name written after it:
// if ("..." === secret), if ("..." != token).
std::optional<Assignment> ComparedBefore(std::string_view text, std::size_t begin,
                                         std::size_t end) {
  std::size_t p = begin;
  while (p > 0 && IsBlank(text[p - 1])) --p;
  const std::size_t op_end = p;
  while (p > 0 && op_end - p < 3 && (text[p - 1] == '=' || text[p - 1] == '!')) --p;
  const std::string_view op = text.substr(p, op_end - p);
  if (op != "==" && op != "===" && op != "!=" && op != "!==") return std::nullopt;
  while (p > 0 && IsBlank(text[p - 1])) --p;
  if (p < 2 || !IsQuote(text[p - 1])) return std::nullopt;
  const char quote = text[p - 1];
  const std::size_t close = p - 1;
  const std::size_t open = text.rfind(quote, close - 1);
  if (open == std::string_view::npos || close - open - 1 == 0 || close - open - 1 > kMaxValue) {
    return std::nullopt;
  }
  const std::string_view value = text.substr(open + 1, close - open - 1);
  if (value.find('\n') != std::string_view::npos) return std::nullopt;
  return Assignment{text.substr(begin, end - begin), value, begin, open + 1};
}

}  // namespace

std::optional<Assignment> AssignmentAt(std::string_view text, std::size_t at) {
  if (at >= text.size() || !IsNameByte(text[at])) return std::nullopt;
  std::size_t begin = at, end = at;
  while (begin > 0 && at - begin < kMaxName && IsNameByte(text[begin - 1])) --begin;
  while (end < text.size() && end - at < kMaxName && IsNameByte(text[end])) ++end;
  while (begin < end && (text[begin] == '-' || text[begin] == '.')) ++begin;  // --api-key
  if (begin == end) return std::nullopt;
  const bool element = begin > 0 && text[begin - 1] == '<';
  const bool quoted = begin > 0 && (IsQuote(text[begin - 1]) || text[begin - 1] == '[');
  std::size_t p = end;
  // The closing quote or bracket of the name: "name": / ['name'] = / \"name\":
  if (quoted) {
    if (p + 1 < text.size() && text[p] == '\\' && IsQuote(text[p + 1])) p += 2;
    while (p < text.size() && p - end < 3 && (IsQuote(text[p]) || text[p] == ']')) ++p;
  }
  // An array: apikey[] = "..." (PHP), char secret[25] = "..." (C).
  if (p < text.size() && text[p] == '[') {
    std::size_t q = p + 1;
    while (q < text.size() && q - p < 6 && IsAsciiDigit(text[q])) ++q;
    if (q < text.size() && text[q] == ']') p = q + 1;
  }
  while (p < text.size() && IsBlank(text[p])) ++p;
  // A type between the name and the operator: "githubToken string = ..."
  if (p < text.size() && IsAsciiAlnum(text[p]) && !element) {
    std::size_t w = p;
    while (w < text.size() && w - p < 12 && IsAsciiAlnum(text[w])) ++w;
    std::size_t q = w;
    while (q < text.size() && IsBlank(text[q])) ++q;
    if (q > w && q < text.size() && (text[q] == '=' || text[q] == ':')) p = q;
  }
  std::size_t op_begin = p;
  while (p < text.size() && p - op_begin < 4 &&
         std::string_view(":=>?.|+,!").find(text[p]) != std::string_view::npos) {
    ++p;
  }
  const std::string_view op = text.substr(op_begin, p - op_begin);
  static constexpr std::string_view kOperators[] = {"=",   ":",  ":=", "::=", ":::=", "=>",
                                                    "?=",  ".=", "+=", "||=", "?\?=", "==",
                                                    "===", "||", "!=", "!=="};
  bool ok = std::find(std::begin(kOperators), std::end(kOperators), op) != std::end(kOperators);
  if (op.empty() && p + 1 < text.size() && text[p] == '(' && IsQuote(text[p + 1])) {
    // A constructor or setter: std::string secret("..."), token.assign("...")
    std::size_t value_begin = 0;
    std::optional<std::string_view> value = ValueAt(text, p + 1, false, &value_begin);
    if (!value) return std::nullopt;
    return Assignment{text.substr(begin, end - begin), *value, begin, value_begin};
  }
  if (op.empty() && p < text.size() && IsQuote(text[p])) {
    // A directive: private_key "...";
    std::size_t value_begin = 0;
    std::optional<std::string_view> value = ValueAt(text, p, false, &value_begin);
    const std::size_t after = value_begin + (value ? value->size() + 1 : 0);
    if (!value || after >= text.size() || text[after] != ';') return std::nullopt;
    return Assignment{text.substr(begin, end - begin), *value, begin, value_begin};
  }
  if (op == ">") ok = element;
  if (op == ",") ok = quoted;
  if (!ok) return ComparedBefore(text, begin, end);
  while (p < text.size() && IsBlank(text[p])) ++p;
  if (element) {  // <apiToken>\n    value\n</apiToken>
    while (p < text.size() && (IsBlank(text[p]) || text[p] == '\n' || text[p] == '\r')) ++p;
  }
  // A type after the operator: "apiKey: string = ..."
  if (op == ":" && p < text.size() && IsAsciiAlnum(text[p])) {
    std::size_t w = p;
    while (w < text.size() && w - p < 12 && IsAsciiAlnum(text[w])) ++w;
    std::size_t q = w;
    while (q < text.size() && IsBlank(text[q])) ++q;
    if (q + 1 < text.size() && text[q] == '=' && text[q + 1] != '=') {
      p = q + 1;
      while (p < text.size() && IsBlank(text[p])) ++p;
    }
  }
  std::size_t value_begin = 0;
  std::optional<std::string_view> value = ValueAt(text, p, element, &value_begin);
  if (!value) return std::nullopt;
  return Assignment{text.substr(begin, end - begin), *value, begin, value_begin};
}

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(AsciiLower(word));
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!IsAsciiAlnum(c)) {
      flush();
      continue;
    }
    if (!word.empty()) {
      const char prev = word.back();
      const bool next_lower = i + 1 < name.size() && IsAsciiLower(name[i + 1]);
      if ((IsAsciiLower(prev) && IsAsciiUpper(c)) ||
          (IsAsciiUpper(prev) && IsAsciiUpper(c) && next_lower) ||
          (IsAsciiDigit(prev) != IsAsciiDigit(c))) {
        flush();
      }
    }
    word += c;
  }
  flush();
  return out;
}

bool NamesSecret(const std::vector<std::string>& words) {
  static constexpr std::string_view kWhole[] = {
      "secret",    "token",      "apikey",      "authtoken", "accesstoken",
      "secretkey", "privatekey", "accesskey",   "apitoken",  "clientsecret",
      "apisecret", "credential", "credentials", "creds",
      "secrete",  // detect-secrets' spelling, found in code written to its rules
  };
  static constexpr std::string_view kBeforeKey[] = {
      "api", "private", "access", "secret", "signing", "encryption", "master",  "github",
      "gh",  "gitlab",  "app",    "client", "auth",    "service",    "license", "subscription",
  };
  // Words that make the name one of something about a secret, not of it.
  static constexpr std::string_view kAbout[] = {
      "id",        "ids",         "name",        "names",       "size",     "length",   "len",
      "type",      "types",       "kind",        "url",         "uri",      "urls",     "endpoint",
      "file",      "files",       "path",        "paths",       "dir",      "version",  "format",
      "count",     "expiry",      "expires",     "expiration",  "expire",   "ttl",      "timeout",
      "header",    "field",       "label",       "ref",         "arn",      "prefix",   "suffix",
      "hint",      "policy",      "provider",    "store",       "manager",  "ring",     "env",
      "var",       "variable",    "limit",       "lifetime",    "mode",     "location", "region",
      "algorithm", "alg",         "method",      "scope",       "scopes",   "issuer",   "audience",
      "status",    "description", "placeholder", "enabled",     "required", "source",   "pattern",
      "regex",     "hash",        "digest",      "fingerprint", "checksum", "bits",     "param",
      "parameter", "query",       "helper",      "vault",       "ref",      "key_id",   "keyid",
      "arg",
  };
  // Words of names whose values are not secret.
  static constexpr std::string_view kNotSecret[] = {
      "public", "pub",          "csrf",       "xsrf", "publishable", "page",        "cursor",
      "sync",   "continuation", "pagination", "max",  "num",         "idempotency",
  };
  std::size_t k = words.size();
  for (std::size_t i = 0; i < words.size() && k == words.size(); ++i) {
    const std::string& w = words[i];
    const std::string prev = i > 0 ? words[i - 1] : "";
    if (OneOf(w, kWhole) || Compound(w) || (w == "key" && OneOf(prev, kBeforeKey)) ||
        ((w == "pat" || w == "api") && (prev == "github" || prev == "gh" || prev == "gitlab"))) {
      k = i;
    }
  }
  // "user_auth", "basic_auth": the credentials of an authentication.
  if (k == words.size() && words.size() >= 2 && words.back() == "auth") k = words.size() - 1;
  if (k == words.size()) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (OneOf(words[i], kNotSecret)) return false;
    if (i > k && OneOf(words[i], kAbout)) return false;
  }
  return true;
}

}  // namespace sendguard
