// Credentials: private keys, AWS access keys and API tokens (the tokens are
// content/api_tokens.cc; passwords written out in the text are
// content/passwords.cc).

#include <algorithm>
#include <iterator>

#include "content/api_tokens.h"
#include "content/detector.h"
#include "content/mask.h"
#include "content/pattern_db.h"
#include "content/token_checks.h"
#include "content/validators.h"
#include "util/strings.h"

namespace sendguard {
namespace {

std::optional<Candidate> ConfirmPrivateKey(const MatchView& m) {
  // A key block has base64 lines after its header, up to its end line; a
  // header alone (in documentation, say) is only a mention, and so is a
  // body of stand-ins ("xxxx", "...."). The lines may be written on one
  // line, or escaped in JSON or code ("\n").
  std::string_view after = m.text().substr(m.end, 4096);
  after = after.substr(0, std::min(after.find("-----END"), after.find("---- END")));
  std::string body;
  std::size_t run = 0, longest = 0;
  for (std::size_t i = 0; i <= after.size(); ++i) {
    const char c = i < after.size() ? after[i] : ' ';
    const bool b64 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                     c == '+' || c == '/' || c == '=';
    if (b64) {
      ++run;
      continue;
    }
    if (run >= 16) body.append(after.substr(i - run, run));
    longest = std::max(longest, run);
    run = 0;
    if (c == '\\' && i + 1 < after.size() && (after[i + 1] == 'n' || after[i + 1] == 'r')) ++i;
  }
  Confidence c =
      longest >= 40 && ShannonEntropy(body) >= 3.5 ? Confidence::kHigh : Confidence::kLow;
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
  if (v.find("EXAMPLE") != std::string_view::npos || v.find("XXXX") != std::string_view::npos) {
    c = Confidence::kLow;  // the documentation's AKIAIOSFODNN7EXAMPLE, AKIAXXXXXXXXXXXXXXXX
  } else if (SecretKeyAfter(m.text(), m.end, 300) || m.KeywordNear(MatchView::kSupporting)) {
    c = Confidence::kHigh;  // a secret access key, or the words for one, beside the key id
  }
  return Candidate{m.begin, m.end, c, MaskValue(v, 4, 0)};
}

}  // namespace

void AddCredentialDetectors(std::vector<DetectorDef>* out) {
  out->push_back({
      "private-key",
      "credential",
      "Private key blocks: PEM (RSA, DSA, EC, PKCS#8, encrypted), OpenSSH, PGP and PuTTY; not "
      "public keys or certificates",
      {R"(-----BEGIN (?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?-----)",
       R"(---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----)", R"(PuTTY-User-Key-File-\d: )"},
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
      {R"(\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b)"},
      0,
      {"aws_secret_access_key", "secret access key", "secret_access_key", "aws secret",
       "secretaccesskey"},
      {},
      {},
      300,
      ConfirmAwsKey,
  });
  out->push_back(ApiTokenDetector());
}

}  // namespace sendguard
