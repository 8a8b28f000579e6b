// Passwords written out in the text ("password: X", "pwd=X", "your
// temporary password is X"), not talk about passwords.

#include <algorithm>
#include <iterator>

#include "content/detector.h"
#include "content/pattern_db.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// Words that follow "password is" in talk about passwords rather than in a
// password given out.
bool IsCommonWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",          "about",     "above",     "against",   "also",      "an",       "and",
      "any",        "as",        "at",        "attached",  "available", "based",    "being",
      "below",      "blank",     "but",       "by",        "case",      "changed",  "compromised",
      "correct",    "different", "disabled",  "due",       "empty",     "enabled",  "enclosed",
      "encrypted",  "expired",   "expiring",  "for",       "from",      "going",    "hashed",
      "here",       "in",        "incorrect", "invalid",   "just",      "known",    "listed",
      "locked",     "long",      "managed",   "mandatory", "missing",   "my",       "needed",
      "never",      "not",       "now",       "of",        "on",        "only",     "optional",
      "our",        "protected", "required",  "reset",     "same",      "secure",   "sent",
      "set",        "short",     "still",     "strong",    "that",      "the",      "this",
      "too",        "weak",      "see",       "n/a",       "none",      "tbd",      "unknown",
      "separately", "provided",  "follows",   "following", "unchanged", "redacted", "hidden",
      "what",       "which",     "your",      "their",     "its",       "his",      "her"};
  std::string lower = AsciiLower(w);
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// The value given after "password:" starting at `from`: quoted, or up to
// white space, without trailing punctuation.
std::string_view PasswordValue(std::string_view text, std::size_t from) {
  if (from >= text.size()) return {};
  char q = text[from];
  if (q == '"' || q == '\'' || q == '`') {
    std::size_t close = text.find(q, from + 1);
    if (close == std::string_view::npos || close - from > 128) return {};
    return text.substr(from + 1, close - from - 1);
  }
  std::size_t end = from;
  while (end < text.size() && end - from < 128 && text[end] != ' ' && text[end] != '\t' &&
         text[end] != '\n' && text[end] != '\r') {
    ++end;
  }
  std::string_view v = text.substr(from, end - from);
  while (!v.empty() && std::string_view(".,;:)]}>!?\"'").find(v.back()) != std::string_view::npos) {
    v.remove_suffix(1);
  }
  return v;
}

enum PasswordTrigger { kPasswordAssigned, kPasswordSentence };

std::optional<Candidate> ConfirmPassword(const MatchView& m) {
  std::string_view value = PasswordValue(m.text(), m.end - 1);
  if (value.size() < 3 || IsCommonWord(value)) return {};
  // Placeholders and values already hidden leak nothing.
  if (value.find_first_not_of("*x•.X#-_") == std::string_view::npos) return {};
  // A link ("reset your password: https://...") is not the password.
  std::string lower_value = AsciiLower(value.substr(0, 8));
  if (lower_value.rfind("http://", 0) == 0 || lower_value.rfind("https://", 0) == 0 ||
      lower_value.rfind("www.", 0) == 0 || lower_value.rfind("mailto:", 0) == 0) {
    return {};
  }
  if (value.front() == '<' || value.front() == '[' || value.front() == '{' ||
      value.front() == '$' || value.front() == '%') {
    return {};
  }
  int classes = 0;
  bool lower = false, upper = false, digit = false, other = false;
  for (char c : value) {
    lower |= c >= 'a' && c <= 'z';
    upper |= c >= 'A' && c <= 'Z';
    digit |= c >= '0' && c <= '9';
    other |= !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  }
  classes = lower + upper + digit + other;
  Confidence c = classes >= 2 && value.size() >= 6 ? Confidence::kHigh : Confidence::kMedium;
  // In a sentence ("the password is X") only a value that looks made up
  // counts: "the pin was wrong" and "the password is hunter" read the same.
  if (m.trigger == kPasswordSentence && classes < 2) return {};
  if (m.KeywordNear()) c = Raise(c);
  std::size_t value_begin = static_cast<std::size_t>(value.data() - m.text().data());
  std::string_view label = m.text().substr(m.begin, value_begin - m.begin);
  // The label as written, the value as a fixed mask: not even its length.
  return Candidate{m.begin, value_begin + value.size(), c, std::string(label) + "********"};
}

}  // namespace

void AddPasswordDetectors(std::vector<DetectorDef>* out) {
  out->push_back({
      "password",
      "credential",
      "Passwords given in the text (\"password: X\", \"pwd=X\", \"your temporary password is "
      "X\"); not talk about passwords",
      {R"(\b(?:password|passwort|passwd|passphrase|pass phrase|passcode|pwd|pass|pw|pin|kennwort|mot de passe)["']?\s{0,3}[:=]\s{0,3}\S)",
       R"(\b(?:password|passcode|passphrase|pin)\s+(?:is|was|will be|has been set to|set to)\s{1,3}\S)"},
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
