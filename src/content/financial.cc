// Financial detectors: payment cards, IBANs, ABA routing numbers.

#include <algorithm>

#include "content/detector.h"
#include "content/mask.h"
#include "content/pattern_db.h"
#include "content/validators.h"
#include "util/ascii.h"

namespace sendguard {
namespace {

// Whether the separators of a grouped number (or code) are all the same
// byte.
bool ConsistentSeparators(std::string_view s) {
  char sep = 0;
  for (char c : s) {
    if (IsAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) continue;
    if (sep != 0 && c != sep) return false;
    sep = c;
  }
  return true;
}

bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '.'; }

// The separator a grouped number uses, or 0 for a run of bare digits.
char SeparatorOf(std::string_view s) {
  for (char c : s) {
    if (!IsAsciiDigit(c)) return c;
  }
  return 0;
}

// Whether [begin, end) (grouped with `sep`, or bare when it is 0) is only
// part of a longer number: a short digit group continues it across the
// same separator (any separator for bare digits). A group that belongs to
// a number of its own (a full-length run, or one joined to more digits by
// another separator: "4012888888881881 4012-8888-8888-1881") does not.
bool PartOfLongerNumber(std::string_view text, std::size_t begin, std::size_t end, char sep) {
  auto joins = [&](char c) { return sep == 0 ? IsSeparator(c) : c == sep; };
  auto own_number = [&](std::size_t from, std::size_t to, char joined_by) {
    if (to - from >= 12) return true;
    // The character beyond the group, away from the match.
    const bool left = to <= begin;
    if (left ? from < 2 : to + 1 >= text.size()) return false;
    const char beyond = left ? text[from - 1] : text[to];
    const char digit = left ? text[from - 2] : text[to + 1];
    return IsSeparator(beyond) && beyond != joined_by && IsAsciiDigit(digit);
  };
  if (begin >= 2 && joins(text[begin - 1]) && IsAsciiDigit(text[begin - 2])) {
    std::size_t from = begin - 1;
    while (from > 0 && IsAsciiDigit(text[from - 1])) --from;
    if (!own_number(from, begin - 1, text[begin - 1])) return true;
  }
  if (end + 1 < text.size() && joins(text[end]) && IsAsciiDigit(text[end + 1])) {
    std::size_t to = end + 1;
    while (to < text.size() && IsAsciiDigit(text[to])) ++to;
    if (!own_number(end + 1, to, text[end])) return true;
  }
  return false;
}

std::optional<Candidate> ConfirmCard(const MatchView& m) {
  std::string_view v = m.match();
  if (!ConsistentSeparators(v) || PartOfLongerNumber(m.text(), m.begin, m.end, SeparatorOf(v))) {
    return {};
  }
  std::string digits = Alphanumerics(v);
  if (CardScheme(digits).empty() || !LuhnValid(digits)) return {};
  if (digits.find_first_not_of(digits[0]) == std::string::npos) return {};
  Confidence c = Confidence::kMedium;
  if (m.KeywordNear(MatchView::kSupporting)) c = Raise(c);
  if (m.KeywordNear(MatchView::kFalsePositive)) c = Lower(c);
  return Candidate{m.begin, m.end, c, MaskValue(v, 4, 4)};
}

enum IbanTrigger { kIbanBare, kIbanGrouped, kIbanLowerBare, kIbanLowerGrouped };

std::optional<Candidate> ConfirmIban(const MatchView& m) {
  std::string_view v = m.match();
  if (!ConsistentSeparators(v)) return {};
  std::string iban = Alphanumerics(v);
  const bool lower = m.trigger == kIbanLowerBare || m.trigger == kIbanLowerGrouped;
  if (lower) {
    // Written all in lower case ("de89 3704 ..."), never in a mix.
    if (std::any_of(iban.begin(), iban.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return {};
    }
    for (char& ch : iban) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
  }
  if (!IbanValid(iban)) return {};
  Confidence c = m.KeywordNear() ? Confidence::kHigh : Confidence::kMedium;
  // Bare lower-case letters and digits are also how hashes and ids are
  // written: with letters past the country code and no banking words, a
  // passing check (one in 97) is only a mention.
  if (m.trigger == kIbanLowerBare && c == Confidence::kMedium &&
      std::any_of(iban.begin() + 2, iban.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
    c = Confidence::kLow;
  }
  return Candidate{m.begin, m.end, c, MaskValue(v, 4, 2)};
}

enum AbaTrigger { kAbaBare, kAbaGrouped };

std::optional<Candidate> ConfirmAba(const MatchView& m) {
  std::string_view v = m.match();
  if (!AbaValid(Alphanumerics(v))) return {};
  if (m.trigger == kAbaGrouped) {
    // The routing number as cheques print it (XXXX-YYYY-C): the shape
    // says what it is, as the words do for bare digits.
    if (PartOfLongerNumber(m.text(), m.begin, m.end, '-')) return {};
    Confidence c = m.KeywordNear(MatchView::kStrong) || m.KeywordNear() ? Confidence::kHigh
                                                                        : Confidence::kMedium;
    if (m.KeywordNear(MatchView::kFalsePositive)) c = Lower(c);
    return Candidate{m.begin, m.end, c, MaskValue(v, 0, 4)};
  }
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
      "Discover, JCB, Diners, UnionPay, Maestro, Dankort and UATP, Luhn check; card words or an "
      "expiry date "
      "nearby raise confidence",
      {R"(\b\d{12,19}\b)", R"(\b\d{4}[ \-]\d{4}[ \-]\d{4}(?:[ \-]\d{1,7})?\b)",
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
      "International Bank Account Numbers, grouped by spaces or hyphens, in upper or lower "
      "case: country code, the country's length, ISO 7064 mod 97-10",
      {R"(\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b)",
       R"(\b[A-Z]{2}\d{2}(?:[ \-][A-Z0-9]{4}){2,7}(?:[ \-][A-Z0-9]{1,3})?\b)",
       R"(\b[a-z]{2}\d{2}[a-z0-9]{11,30}\b)",
       R"(\b[a-z]{2}\d{2}(?:[ \-][a-z0-9]{4}){2,7}(?:[ \-][a-z0-9]{1,3})?\b)"},
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
      "US ABA routing transit numbers: Federal Reserve prefix and 3-7-1 checksum; bare digits "
      "are reported only with banking words nearby, the XXXX-YYYY-C form without",
      {R"(\b\d{9}\b)", R"(\b\d{4}-\d{4}-\d\b)"},
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
