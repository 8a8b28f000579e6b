#include "content/api_tokens.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "content/mask.h"
#include "content/secret_assignments.h"
#include "content/token_checks.h"
#include "content/validators.h"
#include "mail/base64.h"
#include "util/ascii.h"
#include "util/strings.h"

namespace sendguard {
namespace {

enum TokenTrigger {
  kGithubClassic,
  kGithubFineGrained,
  kGitlab,
  kGitlabRunner,
  kSlackToken,
  kSlackWebhook,
  kGoogleApiKey,
  kStripeLive,
  kStripeTest,
  kJwt,
  kNpm,
  kNpmrc,
  kOpenAi,
  kSendgrid,
  kTwilioKey,
  kTwilioAccount,
  kAuthorization,
  kOauthBasic,
  kAccessTokenUser,
  kAssignment,
  kAuthAssignment,
};

// Whether the random part of a token is a stand-in: "xxxx...", "XXXX-XXXX",
// "****", a run of one character, a sequence ("abcdefghij"), or too few
// different characters for its length (a short part has less entropy).
bool FakeBody(std::string_view body) {
  static constexpr std::string_view kStandIns[] = {"xxxx", "****", "....", "0123456789",
                                                   "abcdefghij"};
  const std::string lower = AsciiLower(body);
  for (std::string_view w : kStandIns) {
    if (lower.find(w) != std::string::npos) return true;
  }
  const double enough = std::min(3.0, 0.75 * std::log2(static_cast<double>(body.size()) + 1));
  return body.empty() || ShannonEntropy(body) < enough;
}

// Whether `word` (lower case) is written within the line before `at`, up to
// 80 bytes back, or in the 80 bytes after `to`.
bool WordAround(std::string_view text, std::size_t at, std::size_t to, std::string_view word) {
  std::size_t lo = at > 80 ? at - 80 : 0;
  const std::size_t nl = text.rfind('\n', at);
  if (nl != std::string_view::npos && nl + 1 > lo && nl < at) lo = nl + 1;
  std::string_view span = text.substr(lo, std::min(text.size(), to + 80) - lo);
  return AsciiLower(span).find(word) != std::string::npos;
}

Candidate Token(const MatchView& m, std::string_view v, Confidence c, std::size_t prefix) {
  std::string sample = MaskValue(v, prefix, 0);
  if (sample.size() > 32) sample = sample.substr(0, 28) + "...";
  const auto begin = static_cast<std::size_t>(v.data() - m.text().data());
  return Candidate{begin, begin + v.size(), c, sample};
}

// ghp_, gho_, ghu_, ghs_, ghr_: 36 characters with a CRC32 checksum, or
// longer server-to-server tokens.
std::optional<Candidate> ConfirmGithub(const MatchView& m) {
  std::string_view v = TokenAt(m.text(), m.begin, "_", 260);
  while (!v.empty() && v.back() == '_') v.remove_suffix(1);
  const std::string_view body = v.substr(4);
  Confidence c = Confidence::kMedium;
  if (FakeBody(body)) {
    c = Confidence::kLow;
  } else if (v.size() == 40) {
    c = GithubTokenValid(v) ? Confidence::kHigh : Confidence::kMedium;
  } else if (v[2] == 's' || v[2] == 'u') {
    c = Confidence::kHigh;  // installation and user-to-server tokens grow longer
  }
  return Token(m, v, c, 3);
}

// glpat- (20 characters, newer ones longer, routable ones "glpat-<payload>
// .01.<crc>"), and the other GitLab prefixes.
std::optional<Candidate> ConfirmGitlab(const MatchView& m) {
  std::string_view v = TokenAt(m.text(), m.begin, "_-.", 400);
  while (!v.empty() && v.back() == '.') v.remove_suffix(1);
  const std::size_t dash = m.trigger == kGitlabRunner ? 8 : v.find('-');
  std::string_view body = v.substr(dash + 1);
  const std::size_t dot = body.find('.');
  if (dot != std::string_view::npos) {
    // A routable token's suffix is short lower-case base36 pieces; anything
    // else is the end of a sentence or a name.
    bool suffix_ok = dot >= 27;
    for (char c : body.substr(dot)) {
      suffix_ok &= c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    }
    if (!suffix_ok) {
      v = v.substr(0, dash + 1 + dot);
      body = body.substr(0, dot);
    }
  }
  const std::string_view payload = body.substr(0, body.find('.'));
  const std::string_view prefix = v.substr(0, dash);
  // The lengths of the random part GitLab gives each kind (a personal
  // token's has grown; a routable token's is its own).
  std::size_t shortest = 20, longest = 50;
  if (prefix == "glpat") longest = 300;
  if (prefix == "glimt") shortest = longest = 25;
  if (prefix == "glptt") shortest = longest = 40;
  if (prefix == "glagent") shortest = 50, longest = 300;
  if (prefix == "gloas") shortest = longest = 64;
  const bool routable = payload.size() < body.size();
  Confidence c = Confidence::kHigh;
  if (FakeBody(payload) || (!routable && (payload.size() < shortest || payload.size() > longest))) {
    c = Confidence::kLow;
  }
  return Token(m, v, c, 6);
}

// "//registry.npmjs.org/:_authToken=..." and ":_auth=..." in an .npmrc.
std::optional<Candidate> ConfirmNpmrc(const MatchView& m) {
  // The key is scoped to a registry: "//host/path/:_authToken".
  const std::string_view text = m.text();
  std::size_t b = m.begin;
  while (b > 0 && m.begin - b < 512 && static_cast<unsigned char>(text[b - 1]) > ' ' &&
         text[b - 1] != '"' && text[b - 1] != '\'') {
    --b;
  }
  const std::string_view scope = text.substr(b, m.begin - b);
  if (scope.size() < 3 || scope.substr(0, 2) != "//" || scope[2] == '/') return {};
  std::string_view rest = text.substr(m.end);
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
  std::size_t e = i;
  while (e < rest.size() && e - i < 300 && static_cast<unsigned char>(rest[e]) > ' ' &&
         rest[e] != '"' && rest[e] != '\'' && rest[e] != '\\') {
    ++e;
  }
  std::string_view v = rest.substr(i, e - i);
  if (v.size() < 8 || LooksLikePlaceholder(v)) return {};
  const bool token = IsUuid(v) || v.rfind("npm_", 0) == 0 || LooksLikeSecretValue(v);
  return Token(m, v, token ? Confidence::kHigh : Confidence::kMedium, 2);
}

// A Twilio account SID (AC + 32 hex) is an identifier; with an auth token
// (32 hex) beside it, it is a credential.
std::optional<Candidate> ConfirmTwilioAccount(const MatchView& m) {
  const std::string_view text = m.text();
  const std::size_t lo = m.begin > 300 ? m.begin - 300 : 0;
  const std::size_t hi = std::min(text.size(), m.end + 300);
  bool token = false;
  for (std::size_t i = lo; i + 32 <= hi && !token; ++i) {
    if (i == m.begin + 2 || (i > 0 && IsAsciiAlnum(text[i - 1]))) continue;
    std::size_t n = 0;
    while (i + n < text.size() && n <= 32 && IsAsciiAlnum(text[i + n])) ++n;
    token = n == 32 && IsHex(text.substr(i, 32)) && !FakeBody(text.substr(i, 32));
  }
  return Token(m, m.match(), token ? Confidence::kHigh : Confidence::kLow, 2);
}

// Whether `v` starts as a token of a format with its own trigger.
bool KnownFormat(std::string_view v) {
  static constexpr std::string_view kPrefixes[] = {
      "ghp_",     "gho_",    "ghu_",     "ghs_",      "ghr_",     "github_pat_", "glpat-",
      "gldt-",    "glrt-",   "glptt-",   "glft-",     "glsoat-",  "gloas-",      "glagent-",
      "glimt-",   "glffct-", "glcbt-",   "GR1348941", "xox",      "AKIA",        "ASIA",
      "AIza",     "sk-",     "sk_live_", "sk_test_",  "sk_prod_", "rk_live_",    "rk_test_",
      "rk_prod_", "npm_",    "SG.",      "eyJ",
  };
  for (std::string_view p : kPrefixes) {
    if (v.rfind(p, 0) != 0) continue;
    // Only where the token's own trigger would match: a JWT has a second
    // segment, an OpenAI key its marker, a SendGrid key its two dots.
    if (p == "eyJ") return v.find(".eyJ") != std::string_view::npos;
    if (p == "sk-") return v.find("T3BlbkFJ") != std::string_view::npos;
    if (p == "SG.") return std::count(v.begin(), v.end(), '.') >= 2;
    return true;
  }
  return v.size() == 34 && (v.rfind("SK", 0) == 0 || v.rfind("AC", 0) == 0) && IsHex(v.substr(2));
}

// Whether a value given to a secret's name has the exact format of the
// service the name or its line names: a 40-hex GitHub token, a 20-character
// GitLab token, a UUID npm token, a 32-hex Twilio auth token.
bool ServiceFormat(const MatchView& m, const Assignment& a) {
  const std::size_t end = a.value_begin + a.value.size();
  auto near = [&](std::string_view w) { return WordAround(m.text(), a.name_begin, end, w); };
  const std::string_view v = a.value;
  if (ShannonEntropy(v) < 3.0) return false;
  if (v.size() == 40 && IsHex(v) && (near("github") || near("gh_"))) return true;
  if (v.size() == 20 && near("gitlab") && std::all_of(v.begin(), v.end(), [](char c) {
        return IsAsciiAlnum(c) || c == '_' || c == '-';
      })) {
    return true;
  }
  if (IsUuid(v) && (near("npm") || near("registry"))) return true;
  return v.size() == 32 && IsHex(v) && near("twilio");
}

std::optional<Candidate> ConfirmAssignment(const MatchView& m) {
  std::optional<Assignment> a = AssignmentAt(m.text(), m.begin);
  if (!a || !NamesSecret(NameWords(a->name))) return {};
  // npm's own keys are an .npmrc's, scoped to a registry (ConfirmNpmrc).
  if (a->name == "_authToken" || a->name == "_auth") return {};
  // A token of a known format is judged by its own trigger.
  if (KnownFormat(a->value)) return {};
  // A part of a link ("?email_token=", "/reset/token=", an escaped "&" in
  // JSON) is the link's business: unsubscribe and notification links carry
  // such tokens.
  const std::string_view before = m.text().substr(0, a->name_begin);
  std::size_t word = before.size();
  while (word > 0 && before.size() - word < 2048 &&
         static_cast<unsigned char>(before[word - 1]) > ' ' && before[word - 1] != '"' &&
         before[word - 1] != '\'' && before[word - 1] != '<') {
    --word;
  }
  if (before.substr(word).find("://") != std::string_view::npos) return {};
  const std::string_view name = a->name;
  if (!before.empty() &&
      (before.back() == '?' || before.back() == '&' ||
       (before.back() == '\\' && (name.rfind("u0026", 0) == 0 || name.rfind("u003f", 0) == 0 ||
                                  name.rfind("u003F", 0) == 0)))) {
    return {};
  }
  Confidence c = Confidence::kMedium;
  if (ServiceFormat(m, *a)) {
    c = Confidence::kHigh;
  } else if (!LooksLikeSecretValue(a->value)) {
    return {};
  }
  std::string sample = std::string(a->name.substr(0, 24)) + "=" + MaskValue(a->value, 2, 0);
  if (sample.size() > 40) sample = sample.substr(0, 36) + "...";
  return Candidate{a->name_begin, a->value_begin + a->value.size(), c, sample};
}

// "Authorization: Bearer X" (a pasted request or curl command): a bearer
// token that looks made up, or Basic credentials that decode to
// "user:password".
std::optional<Candidate> ConfirmAuthorization(const MatchView& m) {
  const std::string_view v = TokenAt(m.text(), m.end - 1, "-._~+/=", 4096);
  if (v.size() < 12) return {};
  const std::string scheme = AsciiLower(m.match());
  if (scheme.find("basic") != std::string::npos) {
    const std::string plain = DecodeBase64(v).data;
    const std::size_t colon = plain.find(':');
    const bool printable = std::all_of(plain.begin(), plain.end(), [](char c) {
      return static_cast<unsigned char>(c) >= ' ' && static_cast<unsigned char>(c) < 0x7f;
    });
    if (!printable || colon == std::string::npos || colon == 0 || colon + 1 == plain.size()) {
      return {};
    }
    return Token(m, v, Confidence::kHigh, 0);
  }
  if (!LooksLikeSecretValue(v) && ClassifyJwt(v) == JwtShape::kNone) return {};
  return Token(m, v, Confidence::kMedium, 2);
}

// A token as the user or password of a Git link: "https://TOKEN:x-oauth-
// basic@github.com/...", "https://x-access-token:TOKEN@github.com/...".
std::optional<Candidate> ConfirmLinkToken(const MatchView& m) {
  const std::string_view text = m.text();
  std::string_view v;
  if (m.trigger == kOauthBasic) {
    std::size_t b = m.begin;
    while (b > 0 && m.begin - b < 256 && (IsAsciiAlnum(text[b - 1]) || text[b - 1] == '_')) --b;
    v = text.substr(b, m.begin - b);
  } else {
    v = TokenAt(text, m.end, "_-");
    if (m.end + v.size() >= text.size() || text[m.end + v.size()] != '@') return {};
  }
  if (v.size() < 20 || FakeBody(v)) return {};
  return Token(m, v, Confidence::kHigh, 3);
}

// xoxb-, xoxp-, xoxe-, ...: dash-separated groups of digits (6 or more,
// after perhaps a one-digit version) and a random last part; or a
// configuration token, a version and a long random part.
std::optional<Candidate> ConfirmSlackToken(const MatchView& m) {
  const std::string_view v = TokenAt(m.text(), m.begin, "-", 400);
  std::vector<std::string_view> parts;
  for (std::size_t from = 5; from <= v.size();) {
    std::size_t dash = v.find('-', from);
    if (dash == std::string_view::npos) dash = v.size();
    parts.push_back(v.substr(from, dash - from));
    from = dash + 1;
  }
  const std::string_view last = parts.back();
  std::size_t numbers = 0;
  bool ok = last.size() >= 8 && !FakeBody(last);
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string_view p = parts[i];
    const bool digits =
        !p.empty() && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && p.size() >= 6) {
      ++numbers;
    } else if (!(i == 0 && digits && p.size() == 1)) {
      ok &= numbers > 0 && IsAsciiAlnum(p.empty() ? '-' : p[0]);  // "-" inside the random part
    }
  }
  ok &= numbers > 0 || (parts.size() == 2 && last.size() >= 100);
  return Token(m, v, ok ? Confidence::kHigh : Confidence::kLow, 5);
}

std::optional<Candidate> ConfirmApiToken(const MatchView& m) {
  std::string_view v = m.match();
  Confidence c = Confidence::kHigh;
  std::size_t prefix = 4;
  switch (m.trigger) {
    case kGithubClassic:
      return ConfirmGithub(m);
    case kGitlab:
    case kGitlabRunner:
      return ConfirmGitlab(m);
    case kSlackToken:
      return ConfirmSlackToken(m);
    case kGithubFineGrained:
      if (FakeBody(v.substr(11))) c = Confidence::kLow;
      prefix = 11;
      break;
    case kGoogleApiKey:
      v = TokenAt(m.text(), m.begin, "_-", 64);
      if (v.size() != 39) return {};  // part of a longer string
      if (FakeBody(v.substr(4))) c = Confidence::kLow;
      break;
    case kNpmrc:
      return ConfirmNpmrc(m);
    case kTwilioAccount:
      return ConfirmTwilioAccount(m);
    case kAuthorization:
      return ConfirmAuthorization(m);
    case kOauthBasic:
    case kAccessTokenUser:
      return ConfirmLinkToken(m);
    case kAssignment:
    case kAuthAssignment:
      return ConfirmAssignment(m);
    case kJwt:
      v = TokenAt(m.text(), m.begin, "._-", 16384);
      while (!v.empty() && (v.back() == '.' || v.back() == '-' || v.back() == '_')) {
        v.remove_suffix(1);  // the full stop of a sentence
      }
      switch (ClassifyJwt(v)) {
        case JwtShape::kSigned:
          break;
        case JwtShape::kUnsigned:  // no signature: still a bearer token
          c = Confidence::kMedium;
          break;
        case JwtShape::kNone:
          return {};
      }
      prefix = 3;
      break;
    case kOpenAi:  // the trigger ends inside the token
      v = TokenAt(m.text(), m.begin, "_-");
      switch (ClassifyOpenAiKey(v)) {
        case OpenAiKeyShape::kKnown:
          break;
        case OpenAiKeyShape::kUnknown:
          c = Confidence::kMedium;
          break;
        case OpenAiKeyShape::kBroken:
          c = Confidence::kLow;
          break;
      }
      prefix = 2;
      break;
    case kStripeTest:  // a test-mode key: the account's test data only
      c = Confidence::kMedium;
      break;
    case kNpm:
      prefix = 3;
      break;
    case kSendgrid:
      prefix = 2;
      break;
    case kTwilioKey: {
      // An API key SID is SK and 32 hex digits; with the word "twilio"
      // near, other letters are a made-up or mistyped one.
      const std::size_t lo = m.begin > 100 ? m.begin - 100 : 0;
      const std::string near = AsciiLower(m.text().substr(lo, m.end + 100 - lo));
      const bool twilio = near.find("twilio") != std::string::npos;
      if (IsHex(v.substr(2))) {
        c = twilio ? Confidence::kHigh : Confidence::kMedium;
      } else if (twilio && !FakeBody(v.substr(2))) {
        c = Confidence::kMedium;
      } else {
        return {};
      }
      prefix = 2;
      break;
    }
    case kSlackWebhook:
      v = TokenAt(m.text(), m.begin, "/+_-.", 200);
      if (v.size() < 25 + 43) return {};  // hooks.slack.com/services/ and 43 or more
      if (FakeBody(v.substr(25))) c = Confidence::kLow;
      prefix = 21;  // the letters of hooks.slack.com/services/
      break;
    default:
      break;
  }
  return Token(m, v, c, prefix);
}

}  // namespace

DetectorDef ApiTokenDetector() {
  return {
      "api-token",
      "credential",
      "API tokens: GitHub (with its CRC32 checksum), GitLab, Slack tokens and webhooks, Google "
      "API keys, Stripe, JSON Web Tokens, npm, OpenAI, SendGrid, Twilio; and secret-looking "
      "values given to a secret's name (API_KEY=, client_secret:, token =>)",
      {
          R"(\bgh[pousr]_[A-Za-z0-9_]{36})",
          R"(\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b)",
          R"(\bgl(?:pat|dt|rt|ptt|ft|soat|oas|agent|imt|ffct|cbt)-[A-Za-z0-9_\-]{20})",
          R"(\bGR1348941[A-Za-z0-9_\-]{20})",
          R"(\bxox[abposre]-\d{1,14}-[A-Za-z0-9])",
          R"(\bhooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{20})",
          R"(\bAIza[0-9A-Za-z_\-]{35})",
          R"(\b[rs]k_(?:live|prod)_[0-9A-Za-z]{24,99}\b)",
          R"(\b[rs]k_test_[0-9A-Za-z]{24,99}\b)",
          R"(\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8})",
          R"(\bnpm_[A-Za-z0-9]{36}\b)",
          R"(/:_auth(?:Token)?[ \t]*=)",
          R"(\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-])",
          R"(\bSG\.[A-Za-z0-9_\-]{20,24}\.[A-Za-z0-9_\-]{39,50}\b)",
          R"(\bSK[0-9A-Za-z]{32}\b)",
          R"(\bAC[0-9a-f]{32}\b)",
          R"((?i:authorization)["']?[ \t]*[:=][ \t]*["']?(?i:bearer|basic|token)[ \t]+[A-Za-z0-9])",
          R"(:x-oauth-basic@)",
          R"(//x-access-token:)",
          // A word of a secret's name: the whole name, the operator and the
          // value are read in ConfirmAssignment (a pattern that reads them
          // costs more than the rare word in prose that has none).
          R"((?i:secret|token|api[_.\-]?key|private[_.\-]?key|access[_.\-]?key|credential|creds|)"
          R"((?:github|gh|gitlab)[_.\-]?(?:key|api|pat)))",
          R"((?i:auth)["']?[ \t]*[:=])",
      },
      0,
      // No keyword lists: the words a confirm step needs it looks for
      // itself, so that a hit of the name trigger costs no keyword scan.
      {},
      {},
      {},
      0,
      ConfirmApiToken,
  };
}

}  // namespace sendguard
