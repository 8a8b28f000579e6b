// Credentials: private keys, AWS access keys and well-known API tokens
// (passwords written out in the text are content/passwords.cc).

#include <algorithm>
#include <iterator>

#include "content/detector.h"
#include "content/mask.h"
#include "content/pattern_db.h"
#include "content/validators.h"
#include "util/strings.h"

namespace sendguard {
namespace {

std::optional<Candidate> ConfirmPrivateKey(const MatchView& m) {
  // A key block has base64 lines after its header; a header alone (in
  // documentation, say) is only a mention.
  std::string_view after = m.text().substr(m.end, 4096);
  std::size_t run = 0, longest = 0;
  for (char c : after) {
    bool b64 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '+' || c == '/' || c == '=';
    run = b64 ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  Confidence c = longest >= 40 ? Confidence::kHigh : Confidence::kLow;
  std::string header(TrimWhitespace(m.match()));
  return Candidate{m.begin, m.end, c, header};
}

// Whether a secret access key (40 characters of base64 with upper- and
// lower-case letters and digits, so not a hex hash) is within `window`
// bytes after [.., end).
bool SecretKeyAfter(std::string_view text, std::size_t end, std::size_t window) {
  std::string_view after = text.substr(end, window);
  std::size_t run = 0;
  bool lower = false, upper = false, digit = false;
  for (std::size_t i = 0; i <= after.size(); ++i) {
    char c = i < after.size() ? after[i] : ' ';
    bool b64 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '/' || c == '+';
    if (b64) {
      ++run;
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      digit |= c >= '0' && c <= '9';
      continue;
    }
    if (run == 40 && lower && upper && digit) return true;
    run = 0;
    lower = upper = digit = false;
  }
  return false;
}

std::optional<Candidate> ConfirmAwsKey(const MatchView& m) {
  std::string_view v = m.match();
  Confidence c = Confidence::kMedium;
  if (v.find("EXAMPLE") != std::string_view::npos) {
    c = Confidence::kLow;  // the documentation's AKIAIOSFODNN7EXAMPLE and friends
  } else if (SecretKeyAfter(m.text(), m.end, 300) || m.KeywordNear(MatchView::kSupporting)) {
    c = Confidence::kHigh;  // a secret access key, or the words for one, beside the key id
  }
  return Candidate{m.begin, m.end, c, MaskValue(v, 4, 0)};
}

enum TokenTrigger {
  kGithubClassic,
  kGithubFineGrained,
  kGitlab,
  kSlackToken,
  kSlackWebhook,
  kGoogleApiKey,
  kStripeLive,
  kStripeTest,
  kJwt,
  kNpm,
  kOpenAi,
  kSendgrid,
  kTwilio,
};

std::optional<Candidate> ConfirmApiToken(const MatchView& m) {
  std::string_view v = m.match();
  Confidence c = Confidence::kHigh;
  std::size_t prefix = 4;
  switch (m.trigger) {
    case kGithubClassic:
      c = GithubTokenValid(v) ? Confidence::kHigh : Confidence::kMedium;
      prefix = 3;
      break;
    case kJwt:
      v = TokenAt(m.text(), m.begin, "._-", 16384);
      while (!v.empty() && (v.back() == '.' || v.back() == '-' || v.back() == '_')) {
        v.remove_suffix(1);  // the full stop of a sentence
      }
      if (!JwtValid(v)) return {};
      prefix = 3;
      break;
    case kOpenAi:  // the trigger ends inside the token
      v = TokenAt(m.text(), m.begin, "_-");
      prefix = 2;
      break;
    case kStripeTest:
      c = Confidence::kLow;
      break;
    case kNpm:
      prefix = 3;
      break;
    case kSendgrid:
      prefix = 2;
      break;
    case kTwilio:
      c = m.KeywordNear() ? Confidence::kHigh : Confidence::kMedium;
      prefix = 2;
      break;
    case kSlackWebhook:
      prefix = 26;  // the letters of https://hooks.slack.com/services/
      break;
    default:
      break;
  }
  std::string sample = MaskValue(v, prefix, 0);
  if (sample.size() > 32) sample = sample.substr(0, 28) + "...";
  return Candidate{m.begin, m.begin + v.size(), c, sample};
}

}  // namespace

void AddCredentialDetectors(std::vector<DetectorDef>* out) {
  out->push_back({
      "private-key",
      "credential",
      "Private key blocks: PEM (RSA, DSA, EC, PKCS#8, encrypted), OpenSSH, PGP and PuTTY; not "
      "public keys or certificates",
      {R"(-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |ANY )?PRIVATE KEY-----)",
       R"(-----BEGIN PGP PRIVATE KEY BLOCK-----)", R"(PuTTY-User-Key-File-\d: )"},
      0,
      {},
      {},
      {},
      0,
      ConfirmPrivateKey,
  });
  out->push_back({
      "aws-access-key",
      "credential",
      "AWS access key ids (AKIA, ASIA, ...); a secret access key or its name nearby raise "
      "confidence, documentation examples lower it",
      {R"(\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z2-7]{16}\b)"},
      0,
      {"aws_secret_access_key", "secret access key", "secret_access_key", "aws secret",
       "secretaccesskey"},
      {},
      {},
      300,
      ConfirmAwsKey,
  });
  out->push_back({
      "api-token",
      "credential",
      "Well-known API tokens: GitHub (with its CRC32 checksum), GitLab, Slack tokens and "
      "webhooks, Google API keys, Stripe, JSON Web Tokens, npm, OpenAI, SendGrid, Twilio",
      {R"(\bgh[pousr]_[A-Za-z0-9]{36}\b)", R"(\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b)",
       R"(\bglpat-[A-Za-z0-9_\-]{20}\b)", R"(\bxox[abposr]-\d{6,14}-[A-Za-z0-9\-]{8,80}\b)",
       R"(https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})",
       R"(\bAIza[0-9A-Za-z_\-]{35})", R"(\b[rs]k_live_[0-9A-Za-z]{24,99}\b)",
       R"(\b[rs]k_test_[0-9A-Za-z]{24,99}\b)",
       R"(\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.)", R"(\bnpm_[A-Za-z0-9]{36}\b)",
       R"(\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-])",
       R"(\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b)", R"(\bSK[0-9a-f]{32}\b)"},
      0,
      {"twilio"},
      {},
      {},
      100,
      ConfirmApiToken,
  });
}

}  // namespace sendguard
