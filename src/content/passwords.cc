// Passwords written out in the text ("password: X", "pwd=X", "your
// temporary password is X", "DB_PASSWORD=X", "if (\"X\" == passwd)"), not
// talk about passwords. The forms follow those secret scanners know
// (detect-secrets' keyword plugin): a password keyword as a word of a name,
// an operator, a value; the name's grammar is in password_syntax.h.

#include <algorithm>
#include <string>

#include "content/detector.h"
#include "content/password_syntax.h"
#include "content/pattern_db.h"
#include "util/strings.h"

namespace sendguard {
namespace {

enum PasswordTrigger {
  kPasswordNamed,     // password = X, DB_PASSWORD: X, password "X"; setPassword("X");
                      // "X" == passwd
  kPasswordSentence,  // the password is X
  kPasswordShortName  // pwd=X, db_pw: X, PIN: X
};

// Names of more than one word, which PasswordNameAround does not see.
constexpr std::string_view kPhrases[] = {"pass phrase", "mot de passe"};

// Whether `value` is a lower-case snake-case name ("real_key",
// "db_secret"): quoted, it is more likely a stand-in than a password.
bool IsSnakeCaseName(std::string_view value) {
  return value.find('_') != std::string_view::npos && value.front() != '_' && value.back() != '_' &&
         std::all_of(value.begin(), value.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// High for a value of two kinds of characters or more and six bytes or
// more, medium otherwise; one step up with a supporting word nearby; low
// for a snake-case name.
Confidence ValueConfidence(const MatchView& m, std::string_view value, int* classes_out) {
  bool lower = false, upper = false, digit = false, other = false;
  for (char c : value) {
    lower |= c >= 'a' && c <= 'z';
    upper |= c >= 'A' && c <= 'Z';
    digit |= c >= '0' && c <= '9';
    other |= !IsWordByte(c);
  }
  const int classes = lower + upper + digit + other;
  if (classes_out) *classes_out = classes;
  if (IsSnakeCaseName(value)) return Confidence::kLow;
  Confidence c = classes >= 2 && value.size() >= 6 ? Confidence::kHigh : Confidence::kMedium;
  return m.KeywordNear() ? Raise(c) : c;
}

std::size_t OffsetOf(std::string_view text, std::string_view part) {
  return static_cast<std::size_t>(part.data() - text.data());
}

// "password: X", "DB_PASSWORD=X", "\"password\": \"X\"", "pwd := X",
// "password => \"X\"", "if (passwd == \"X\")".
std::optional<Candidate> ConfirmAssigned(const MatchView& m) {
  const std::string_view text = m.text();
  std::optional<PasswordName> name;
  for (std::string_view phrase : kPhrases) {
    if (EqualsIgnoreCase(text.substr(m.begin, phrase.size()), phrase)) {
      name = PasswordName{m.begin, m.begin + phrase.size(), PasswordName::kPassword};
    }
  }
  if (!name) name = PasswordNameAround(text, m.begin);
  if (!name || name->kind == PasswordName::kMetadata) return std::nullopt;
  std::optional<PasswordAssignment> a = AssignmentAfter(text, name->end);
  if (!a) return std::nullopt;
  // Compared with or mapped to a bare word, the value is a variable.
  const bool needs_quotes =
      a->op == PasswordAssignment::kCompare || a->op == PasswordAssignment::kArrow;
  if (needs_quotes && !a->quoted) return std::nullopt;
  if (IsPasswordStandIn(a->value, a->quoted)) return std::nullopt;
  Confidence c = ValueConfidence(m, a->value, nullptr);
  // A hash of a password is worth a mention, not a password given out.
  if (name->kind == PasswordName::kHash) c = Confidence::kLow;
  const std::size_t value_begin = OffsetOf(text, a->value);
  // The name as written, the value as a fixed mask: not even its length.
  return Candidate{name->begin, value_begin + a->value.size(), c,
                   std::string(text.substr(name->begin, value_begin - name->begin)) + "********"};
}

// "the password is X": only a value that looks made up counts, as "the pin
// was wrong" and "the password is hunter" read the same.
std::optional<Candidate> ConfirmSentence(const MatchView& m) {
  const std::string_view text = m.text();
  std::optional<PasswordValue> v = ValueAt(text, m.end - 1);
  if (!v || IsPasswordStandIn(v->value, v->quoted)) return std::nullopt;
  int classes = 0;
  Confidence c = ValueConfidence(m, v->value, &classes);
  if (classes < 2) return std::nullopt;
  const std::size_t value_begin = OffsetOf(text, v->value);
  return Candidate{m.begin, value_begin + v->value.size(), c,
                   std::string(text.substr(m.begin, value_begin - m.begin)) + "********"};
}

// "password \"X\";", "setPassword(\"X\")", "password.assign(\"X\", 8)".
std::optional<Candidate> ConfirmQuoted(const MatchView& m) {
  const std::string_view text = m.text();
  std::optional<PasswordName> name = PasswordNameAround(text, m.begin);
  if (!name || name->kind == PasswordName::kMetadata) return std::nullopt;
  std::size_t i = name->end;
  auto at = [&](std::size_t k) { return k < text.size() ? text[k] : '\0'; };
  bool call = false;
  if (at(i) == '(') {
    call = true;
    ++i;
  } else if (text.substr(i, 8) == ".assign(") {
    call = true;
    i += 8;
  } else {
    for (int n = 0; n < 3 && (at(i) == ' ' || at(i) == '\t'); ++n) ++i;
  }
  std::optional<std::string_view> v = QuotedAt(text, i);
  if (!v) return std::nullopt;
  std::size_t after = OffsetOf(text, *v) + v->size() + 1;
  if (call) {
    while (at(after) == ' ') ++after;
    if (at(after) != ')' && at(after) != ',') return std::nullopt;
  } else if (at(after) != ';') {
    return std::nullopt;
  }
  if (IsPasswordStandIn(*v, true)) return std::nullopt;
  Confidence c = ValueConfidence(m, *v, nullptr);
  if (name->kind == PasswordName::kHash) c = Confidence::kLow;
  const std::size_t value_begin = OffsetOf(text, *v);
  return Candidate{name->begin, value_begin + v->size(), c,
                   std::string(text.substr(name->begin, value_begin - name->begin)) + "********"};
}

// "if (\"X\" == passwd)", "\"X\" !== my_password": the trigger starts at
// the name; the comparison and the value come before it.
std::optional<Candidate> ConfirmComparedTo(const MatchView& m) {
  const std::string_view text = m.text();
  std::optional<PasswordName> name = PasswordNameAround(text, m.begin);
  if (!name || name->kind == PasswordName::kMetadata) return std::nullopt;
  std::size_t i = name->begin;
  auto skip_blanks = [&] {
    for (int n = 0; n < 3 && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'); ++n) --i;
  };
  if (i > 0 && text[i - 1] == '$') --i;  // PHP
  skip_blanks();
  // ==, !=, ===, !==
  std::size_t equals = 0;
  while (i > 0 && text[i - 1] == '=' && equals < 3) {
    --i;
    ++equals;
  }
  if (i > 0 && text[i - 1] == '!') {
    --i;
    ++equals;
  }
  if (equals < 2) return std::nullopt;
  skip_blanks();
  if (i == 0) return std::nullopt;
  const std::size_t close = i - 1;
  const char q = text[close];
  if (q != '"' && q != '\'' && q != '`') return std::nullopt;
  std::size_t open = close;
  while (open > 0 && close - open < 200) {
    --open;
    if (text[open] == '\n' || text[open] == '\r') return std::nullopt;
    if (text[open] == q) break;
  }
  if (text[open] != q || open == close) return std::nullopt;
  const std::string_view value = text.substr(open + 1, close - open - 1);
  if (IsPasswordStandIn(value, true)) return std::nullopt;
  Confidence c = ValueConfidence(m, value, nullptr);
  if (name->kind == PasswordName::kHash) c = Confidence::kLow;
  return Candidate{
      open, name->end, c,
      std::string(1, q) + "********" + std::string(text.substr(close, name->end - close))};
}

std::optional<Candidate> ConfirmPassword(const MatchView& m) {
  switch (m.trigger) {
    case kPasswordNamed: {
      std::optional<Candidate> c = ConfirmAssigned(m);
      if (!c) c = ConfirmQuoted(m);
      return c ? c : ConfirmComparedTo(m);
    }
    case kPasswordSentence:
      return ConfirmSentence(m);
    case kPasswordShortName:
      return ConfirmAssigned(m);
  }
  return std::nullopt;
}

}  // namespace

void AddPasswordDetectors(std::vector<DetectorDef>* out) {
  // Each trigger starts at a password keyword, and the confirm step finds the whole name around
  // it and checks that the keyword is a word of it, so "passport:" and
  // "bypass=" go no further. Few triggers, each led by a literal, keep the
  // pass over ordinary prose fast: "pass" covers password, passwd,
  // passphrase and passcode, and only it takes a suffix ("_super_secure")
  // and the quoted forms of code; the short keywords must begin a word.
  const std::string operator_value = R"(["'`\]]{0,2}\s{0,3}(?:[:=]|!=)\s{0,3}\S)";
  out->push_back({
      "password",
      "credential",
      "Passwords given in the text (\"password: X\", \"pwd=X\", \"your temporary password is "
      "X\", \"DB_PASSWORD=X\", \"if (\\\"X\\\" == passwd)\"); not talk about passwords",
      {
          // kPasswordNamed: an operator and a value, a quoted value, or the
          // end of a comparison ("X" == passwd) or "&&"
          R"(pass[\w-]{0,24}(?:\[\d{0,4}\])?(?:)" + operator_value +
              R"(|(?:[ \t]{0,3}|\(|\.assign\()["'`]|[ \t]{0,3}[)&|]))",
          // kPasswordSentence
          R"(\b(?:password|passcode|passphrase|pin)\s+(?:is|was|will be|has been set to|set to)\s{1,3}\S)",
          // kPasswordShortName
          R"((?:\b|_)(?:pwd|pw|pin|kennwort|contrase(?:n|\xc3\xb1)a|pass phrase|mot de passe))" +
              operator_value,
      },
      kPatternCaseless,
      {"temporary", "temp", "login", "log in", "logon", "username", "user name", "user id",
       "userid", "credentials", "sign in", "account", "vpn", "wifi", "wi-fi"},
      {},
      {},
      200,
      ConfirmPassword,
  });
}

}  // namespace sendguard
