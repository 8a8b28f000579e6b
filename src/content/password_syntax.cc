#include "content/password_syntax.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "content/detector.h"
#include "util/ascii.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool IsSeparator(char c) { return c == '_' || c == '-' || c == '.'; }
bool IsNameByte(char c) { return IsWordByte(c) || IsSeparator(c); }
// The bytes of UTF-8 sequences ("contraseña").
bool IsHighByte(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// Password keywords, longest first where one begins another. A long one
// may be joined to a prefix ("PGPASSWORD"); a short one must stand as a
// word of the name ("db_pass", "dbPass") or follow one of kGluedPrefixes.
struct Keyword {
  std::string_view word;
  bool may_join_prefix;
};
constexpr Keyword kKeywords[] = {
    {"passphrase", true},
    {"password", true},
    {"passwort", true},
    {"passcode", true},
    {"passwd", true},
    {"kennwort", true},
    {"contrasena", true},
    {"contrase\xc3\xb1"
     "a",
     true},
    {"pass", false},
    {"pwd", false},
    {"pw", false},
    {"pin", false},
};
constexpr std::string_view kGluedPrefixes[] = {"db", "database", "key", "root", "admin"};

// Words of a name after its keyword that make it name something about the
// password, not the password.
constexpr std::string_view kMetadataWords[] = {
    "url",        "uri",         "link",    "href",       "path",     "file",       "dir",
    "policy",     "policies",    "length",  "len",        "min",      "max",        "minlength",
    "maxlength",  "expiry",      "expires", "expiration", "expire",   "age",        "days",
    "lifetime",   "history",     "reset",   "hint",       "hints",    "field",      "label",
    "prompt",     "placeholder", "regex",   "regexp",     "pattern",  "format",     "required",
    "enabled",    "disabled",    "changed", "count",      "attempts", "retries",    "strength",
    "complexity", "rule",        "rules",   "type",       "mode",     "timeout",    "error",
    "errors",     "message",     "msg",     "text",       "title",    "help",       "button",
    "input",      "form",        "page",    "view",       "template", "validation", "validator",
    "variable",   "var",         "visible", "visibility", "chars",    "characters", "manager",
    "less",       "protected",
};
constexpr std::string_view kHashWords[] = {
    "hash", "hashed", "digest", "salt",    "sha1",      "sha256",     "sha512",
    "md5",  "bcrypt", "crypt",  "crypted", "encrypted", "ciphertext", "enc",
};

template <std::size_t N>
bool InList(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Whether a word of a name ends before byte `i` of `name` (and another
// starts there): at a separator or a change from lower to upper case.
bool WordBreakAt(std::string_view name, std::size_t i) {
  if (i == 0 || i >= name.size()) return true;
  const char a = name[i - 1], b = name[i];
  return IsSeparator(a) || IsSeparator(b) || (IsAsciiLower(a) && IsAsciiUpper(b));
}

// Whether a keyword may end before byte `i` of `name`: at a word break or
// a digit ("password2").
bool KeywordEndsAt(std::string_view name, std::size_t i) {
  return WordBreakAt(name, i) || IsAsciiDigit(name[i]);
}

// The offset just past the password keyword in `name`, or npos.
std::size_t KeywordEnd(std::string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    for (const Keyword& k : kKeywords) {
      if (!StartsWithIgnoreCase(name.substr(i), k.word)) continue;
      bool left = k.may_join_prefix || WordBreakAt(name, i);
      if (!left) {
        std::string prefix = AsciiLower(name.substr(0, i));
        for (std::string_view p : kGluedPrefixes) {
          left |= prefix.size() >= p.size() &&
                  prefix.compare(prefix.size() - p.size(), p.size(), p) == 0 &&
                  WordBreakAt(name, i - p.size());
        }
      }
      std::size_t end = i + k.word.size();
      // "passwords", "PINs"
      if (end < name.size() && (name[end] == 's' || name[end] == 'S') &&
          WordBreakAt(name, end + 1)) {
        ++end;
      }
      if (left && KeywordEndsAt(name, end)) return end;
    }
  }
  return std::string_view::npos;
}

PasswordName::Kind KindOfSuffix(std::string_view suffix) {
  PasswordName::Kind kind = PasswordName::kPassword;
  std::size_t i = 0;
  while (i < suffix.size()) {
    while (i < suffix.size() && IsSeparator(suffix[i])) ++i;
    std::size_t j = i + 1;
    while (j < suffix.size() && !WordBreakAt(suffix, j)) ++j;
    if (i >= suffix.size()) break;
    std::string word = AsciiLower(suffix.substr(i, j - i));
    if (InList(kMetadataWords, word)) return PasswordName::kMetadata;
    if (InList(kHashWords, word)) kind = PasswordName::kHash;
    i = j;
  }
  return kind;
}

// Words that stand in a value's place in talk about passwords ("the
// password is required") and in configuration templates.
constexpr std::string_view kStandInWords[] = {
    "a",          "about",     "above",     "against",   "also",        "an",       "and",
    "any",        "as",        "at",        "attached",  "available",   "based",    "being",
    "below",      "blank",     "but",       "by",        "case",        "changed",  "compromised",
    "correct",    "different", "disabled",  "due",       "empty",       "enabled",  "enclosed",
    "encrypted",  "expired",   "expiring",  "for",       "from",        "going",    "hashed",
    "here",       "in",        "incorrect", "invalid",   "just",        "known",    "listed",
    "locked",     "long",      "managed",   "mandatory", "missing",     "my",       "needed",
    "never",      "not",       "now",       "of",        "on",          "only",     "optional",
    "our",        "protected", "required",  "reset",     "same",        "secure",   "sent",
    "set",        "short",     "still",     "strong",    "that",        "the",      "this",
    "too",        "weak",      "see",       "n/a",       "none",        "tbd",      "unknown",
    "separately", "provided",  "follows",   "following", "unchanged",   "redacted", "hidden",
    "what",       "which",     "your",      "their",     "its",         "his",      "her",
    "true",       "false",     "null",      "nil",       "undefined",   "undef",    "yes",
    "no",         "off",       "password",  "passwords", "passwd",      "pass",     "pwd",
    "secret",     "string",    "str",       "todo",      "dummy",       "removed",  "omitted",
    "masked",     "changeme",  "example",   "sample",    "placeholder", "prompt",   "default",
    "xxx",        "value",     "foo",       "bar",       "foobar",
};
// Parts of values that mark a placeholder wherever they appear.
constexpr std::string_view kStandInParts[] = {
    "fake",      "dummy",    "placeholder", "redacted", "changeme", "change_me", "change-me",
    "replaceme", "replace_", "replace-",    "your_",    "your-",    "yourpass",  "notreal",
    "not_real",  "not-real", "xxxx",        "****",     "example",
};

// Whether `v` is a variable, a member or a call rather than a literal:
// "userInput", "db_password", "self.password", "os.environ['PW']",
// "getenv(\"PW\")".
bool IsReference(std::string_view v) {
  if (v.empty()) return false;
  std::size_t i = 0;
  bool dotted = false, upper_after_lower = false, digit = false;
  auto ident_start = [](char c) { return IsAsciiLetter(c) || c == '_' || c == '$'; };
  if (!ident_start(v[0])) return false;
  while (i < v.size()) {
    char c = v[i];
    if (c == '(' || c == '[') return true;  // a call or an index
    if (c == '.') {
      if (i + 1 >= v.size() || !ident_start(v[i + 1])) return false;
      dotted = true;
    } else if (!IsWordByte(c) && c != '_' && c != '$') {
      return false;
    }
    digit |= IsAsciiDigit(c);
    upper_after_lower |= i > 0 && IsAsciiLower(v[0]) && IsAsciiLower(v[i - 1]) && IsAsciiUpper(c);
    ++i;
  }
  if (dotted) return true;  // "self.password", "process.env.DB_PASS"
  // A name with the password keyword in it ("db_password", "newPassword")
  // or a camel-case name starting in lower case ("userInput"), without
  // digits, is a variable.
  if (digit) return false;
  if (KeywordEnd(v) != std::string_view::npos || upper_after_lower) return true;
  // A lower-case snake-case name ("real_key", "db_secret").
  return v.find('_') != std::string_view::npos &&
         std::none_of(v.begin(), v.end(), [](char c) { return IsAsciiUpper(c); });
}

}  // namespace

std::optional<PasswordName> PasswordNameAround(std::string_view text, std::size_t at) {
  if (at >= text.size()) return std::nullopt;
  constexpr std::size_t kMaxName = 64;
  std::size_t begin = at, end = at;
  while (begin > 0 && at - begin < kMaxName &&
         (IsNameByte(text[begin - 1]) || IsHighByte(text[begin - 1]))) {
    --begin;
  }
  while (end < text.size() && end - at < kMaxName &&
         (IsNameByte(text[end]) || IsHighByte(text[end]))) {
    ++end;
  }
  // A full stop ends a sentence, not a name.
  while (end > begin && text[end - 1] == '.') --end;
  std::string_view name = text.substr(begin, end - begin);
  std::size_t keyword_end = KeywordEnd(name);
  if (keyword_end == std::string_view::npos) return std::nullopt;
  return PasswordName{begin, end, KindOfSuffix(name.substr(keyword_end))};
}

std::optional<std::string_view> QuotedAt(std::string_view text, std::size_t open) {
  constexpr std::size_t kMaxQuoted = 200;
  if (open >= text.size()) return std::nullopt;
  const char q = text[open];
  for (std::size_t i = open + 1; i < text.size() && i - open <= kMaxQuoted; ++i) {
    if (text[i] == '\n' || text[i] == '\r') return std::nullopt;
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == q) return text.substr(open + 1, i - open - 1);
  }
  return std::nullopt;
}

std::optional<PasswordAssignment> AssignmentAfter(std::string_view text, std::size_t from) {
  std::size_t i = from;
  auto at = [&](std::size_t k) { return k < text.size() ? text[k] : '\0'; };
  if (at(i) == '[') {  // "password[]", "secret[25]"
    std::size_t close = i + 1;
    while (close < text.size() && close - i <= 5 && IsAsciiDigit(text[close])) ++close;
    if (at(close) != ']') return std::nullopt;
    i = close + 1;
  }
  for (int n = 0; n < 2 && (at(i) == '"' || at(i) == '\'' || at(i) == '`' || at(i) == ']'); ++n)
    ++i;
  for (int n = 0; n < 3 && (at(i) == ' ' || at(i) == '\t'); ++n) ++i;
  PasswordAssignment a;
  const std::string_view rest = text.substr(std::min(i, text.size()));
  struct OpSpelling {
    std::string_view s;
    PasswordAssignment::Op op;
  };
  static constexpr OpSpelling kOps[] = {
      {":=", PasswordAssignment::kWalrus},   {"===", PasswordAssignment::kCompare},
      {"!==", PasswordAssignment::kCompare}, {"==", PasswordAssignment::kCompare},
      {"!=", PasswordAssignment::kCompare},  {"=>", PasswordAssignment::kArrow},
      {"=", PasswordAssignment::kAssign},    {":", PasswordAssignment::kColon},
  };
  std::size_t op_size = 0;
  for (const OpSpelling& o : kOps) {
    if (rest.substr(0, o.s.size()) == o.s) {
      a.op = o.op;
      op_size = o.s.size();
      break;
    }
  }
  if (op_size == 0) return std::nullopt;
  i += op_size;
  if (a.op == PasswordAssignment::kColon && at(i) == ':') return std::nullopt;  // "Password::Reset"
  // A label's value may stand on the next line ("Password:\n  X"); an
  // assignment's may not ("snowflake.password=\njdbc.url=").
  for (int n = 0; n < 3; ++n) {
    const char c = at(i);
    if (c != ' ' && c != '\t' &&
        !((c == '\n' || c == '\r') && a.op == PasswordAssignment::kColon)) {
      break;
    }
    ++i;
  }
  if (at(i) == '@' && at(i + 1) == '"') ++i;  // Objective-C @"..."
  std::optional<PasswordValue> v = ValueAt(text, i);
  if (!v) return std::nullopt;
  a.value = v->value;
  a.quoted = v->quoted;
  return a;
}

std::optional<PasswordValue> ValueAt(std::string_view text, std::size_t from) {
  if (from >= text.size()) return std::nullopt;
  const char q = text[from];
  if (q == '"' || q == '\'' || q == '`') {
    std::optional<std::string_view> v = QuotedAt(text, from);
    if (!v) return std::nullopt;
    return PasswordValue{*v, true};
  }
  std::size_t end = from;
  while (end < text.size() && end - from < 128 && text[end] != ' ' && text[end] != '\t' &&
         text[end] != '\n' && text[end] != '\r') {
    ++end;
  }
  std::string_view v = text.substr(from, end - from);
  while (!v.empty() &&
         std::string_view(".,;:)]}>!?\"'`").find(v.back()) != std::string_view::npos) {
    v.remove_suffix(1);
  }
  if (v.empty()) return std::nullopt;
  return PasswordValue{v, false};
}

bool IsPasswordStandIn(std::string_view value, bool quoted) {
  if (value.size() < 3) return true;
  if (std::none_of(value.begin(), value.end(), IsWordByte)) return true;
  if (value.find_first_not_of("*x\xe2\x80\xa2.X#-_") == std::string_view::npos) return true;
  const char f = value.front();
  // Templates, variables, YAML tags and aliases: "<pw>", "{pw}", "$PW",
  // "%PW%", "&lt;pw&gt;", "!vault", "*db_pw".
  if (std::string_view("<[{$%&!*").find(f) != std::string_view::npos) return true;
  std::string lower = AsciiLower(value);
  // A link ("reset your password: https://...") is not the password.
  for (std::string_view scheme : {"http://", "https://", "www.", "mailto:", "file://"}) {
    if (lower.rfind(scheme, 0) == 0) return true;
  }
  if (InList(kStandInWords, lower)) return true;
  for (std::string_view part : kStandInParts) {
    if (lower.find(part) != std::string::npos) return true;
  }
  // Templates and substitutions: "#{pw}", "{{ pw }}", "$(cat pw)", "@@PW@@".
  for (std::string_view t : {"#{", "{{", "${", "$(", "@@", "%("}) {
    if (lower.find(t) == 0) return true;
  }
  if (lower.size() > 4 && lower.rfind("__", 0) == 0 &&
      lower.compare(lower.size() - 2, 2, "__") == 0) {
    return true;  // "__DB_PASSWORD__"
  }
  // A path ("/run/secrets/db", "some/dir/with/a/secret").
  if (std::count(value.begin(), value.end(), '/') >= 3) return true;
  if ((f == '/' || lower.rfind("./", 0) == 0 || lower.rfind("~/", 0) == 0) &&
      value.find('/', 2) != std::string_view::npos) {
    return true;
  }
  // Label text ("Forgot your password?").
  if (value.find(' ') != std::string_view::npos && (lower.find("password") != std::string::npos ||
                                                    lower.find("passwort") != std::string::npos)) {
    return true;
  }
  // A shell command ("`cat /etc/pw`").
  for (std::string_view cmd : {"cat ", "echo ", "grep ", "sudo ", "vault ", "pass "}) {
    if (lower.rfind(cmd, 0) == 0) return true;
  }
  return !quoted && IsReference(value);
}

}  // namespace sendguard
