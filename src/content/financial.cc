// Financial detectors: payment cards, IBANs, ABA routing numbers.

#include "content/detector.h"
#include "content/mask.h"
#include "content/pattern_db.h"
#include "content/validators.h"

namespace sendguard {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether the separators of a grouped number are all the same byte.
bool ConsistentSeparators(std::string_view s) {
  char sep = 0;
  for (char c : s) {
    if (IsDigit(c)) continue;
    if (sep != 0 && c != sep) return false;
    sep = c;
  }
  return true;
}

// Whether [begin, end) is only part of a longer grouped number: a digit
// group continues it across a separator before or after.
bool PartOfLongerNumber(std::string_view text, std::size_t begin, std::size_t end) {
  auto sep = [](char c) { return c == ' ' || c == '-' || c == '.'; };
  if (begin >= 2 && sep(text[begin - 1]) && IsDigit(text[begin - 2])) return true;
  if (end + 1 < text.size() && sep(text[end]) && IsDigit(text[end + 1])) return true;
  return false;
}

std::optional<Candidate> ConfirmCard(const MatchView& m) {
  std::string_view v = m.match();
  if (!ConsistentSeparators(v) || PartOfLongerNumber(m.text(), m.begin, m.end)) return {};
  std::string digits = Alphanumerics(v);
  if (CardScheme(digits).empty() || !LuhnValid(digits)) return {};
  if (digits.find_first_not_of(digits[0]) == std::string::npos) return {};
  Confidence c = Confidence::kMedium;
  if (m.KeywordNear(MatchView::kSupporting)) c = Raise(c);
  if (m.KeywordNear(MatchView::kFalsePositive)) c = Lower(c);
  return Candidate{m.begin, m.end, c, MaskValue(v, 4, 4)};
}

std::optional<Candidate> ConfirmIban(const MatchView& m) {
  std::string_view v = m.match();
  if (!IbanValid(Alphanumerics(v))) return {};
  Confidence c = m.KeywordNear() ? Confidence::kHigh : Confidence::kMedium;
  return Candidate{m.begin, m.end, c, MaskValue(v, 4, 2)};
}

std::optional<Candidate> ConfirmAba(const MatchView& m) {
  std::string_view v = m.match();
  if (!AbaValid(Alphanumerics(v))) return {};
  // Any 9-digit number passes the checksum one time in ten: without words
  // about banking nearby it is not reported at all.
  std::optional<Confidence> c = ConfidenceFromKeywords(m);
  if (!c) return {};
  return Candidate{m.begin, m.end, *c, MaskValue(v, 0, 4)};
}

}  // namespace

void AddFinancialDetectors(std::vector<DetectorDef>* out) {
  out->push_back({
      "credit-card",
      "financial",
      "Payment card numbers: issuer ranges and lengths of Visa, Mastercard, American Express, "
      "Discover, JCB, Diners, UnionPay and Maestro, Luhn check; card words or an expiry date "
      "nearby raise confidence",
      {R"(\b\d{13,19}\b)", R"(\b\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{1,7}\b)",
       R"(\b\d{4}[ \-]\d{6}[ \-]\d{4,5}\b)"},
      0,
      {"credit card",
       "card",
       "cards",
       "visa",
       "mastercard",
       "master card",
       "amex",
       "american express",
       "discover",
       "jcb",
       "diners",
       "unionpay",
       "cvv2?",
       "cvc2?",
       "cid",
       "card number",
       "card no",
       "cc",
       "exp",
       "expiry",
       "expiration",
       "expires",
       "valid thru",
       "payment",
       R"(\b(?:0[1-9]|1[0-2]) ?/ ?(?:20)?\d\d\b)"},
      {},
      {"tracking", "isbn", "serial", "imei", "order id", "part number", "invoice number"},
      300,
      ConfirmCard,
  });
  out->push_back({
      "iban",
      "financial",
      "International Bank Account Numbers: country code, the country's length, ISO 7064 "
      "mod 97-10",
      {R"(\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b)",
       R"(\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b)"},
      0,
      {"iban", "bank", "account", "acct", "swift", "bic", "transfer", "wire", "beneficiary",
       "payee", "remittance"},
      {},
      {},
      300,
      ConfirmIban,
  });
  out->push_back({
      "aba-routing",
      "financial",
      "US ABA routing transit numbers: Federal Reserve prefix and 3-7-1 checksum, reported only "
      "with banking words nearby",
      {R"(\b\d{9}\b)"},
      0,
      {"account", "acct", "bank", "banking", "wire", "ach", "direct deposit", "checking", "savings",
       "transfer", "deposit"},
      {"routing", "routing number", "aba", "rtn", "routing transit", "transit number", "abartn"},
      {"phone", "tel", "fax", "order", "tracking", "invoice"},
      300,
      ConfirmAba,
  });
}

}  // namespace sendguard
