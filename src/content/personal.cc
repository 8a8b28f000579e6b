// Personal identifiers: US Social Security numbers, DoD ID numbers (EDIPI),
// US passport numbers.

#include "content/detector.h"
#include "content/mask.h"
#include "content/validators.h"

namespace sendguard {
namespace {

enum SsnTrigger { kSsnDashed, kSsnSpaced, kSsnBare, kSsnDotted };

// Whether the grouped number [begin, end) goes on past its ends with the
// separator it uses ("1.123.45.6789", "123-45-6789-01"): then it is some
// other number.
bool ContinuesPast(std::string_view text, std::size_t begin, std::size_t end, char sep) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (begin >= 2 && text[begin - 1] == sep && digit(text[begin - 2])) return true;
  return end + 1 < text.size() && text[end] == sep && digit(text[end + 1]);
}

std::optional<Candidate> ConfirmSsn(const MatchView& m) {
  std::string_view v = m.match();
  if (!SsnValid(Alphanumerics(v))) return {};
  // Spaced groups that go on ("+49 30 123 45 6789") are some other number,
  // but may still be one: a mention.
  const bool continues = m.trigger != kSsnBare && ContinuesPast(m.text(), m.begin, m.end, v[3]);
  if (continues && m.trigger != kSsnSpaced) return {};
  const bool keyword = m.KeywordNear(MatchView::kSupporting);
  Confidence c;
  switch (m.trigger) {
    case kSsnDashed:
    case kSsnDotted:
      c = keyword ? Confidence::kHigh : Confidence::kMedium;
      break;
    case kSsnSpaced:
      c = keyword ? Confidence::kHigh : continues ? Confidence::kLow : Confidence::kMedium;
      break;
    default:  // nine bare digits are anything without the words
      if (!keyword) return {};
      c = Confidence::kMedium;
  }
  if (m.KeywordNear(MatchView::kFalsePositive)) {
    if (c == Confidence::kLow) return {};
    c = Lower(c);
  }
  return Candidate{m.begin, m.end, c, MaskValue(v, 0, 4)};
}

// Identifiers with no checksum: reported only with their words nearby.
std::optional<Candidate> ConfirmByKeywords(const MatchView& m) {
  std::optional<Confidence> c = ConfidenceFromKeywords(m);
  if (!c) return {};
  return Candidate{m.begin, m.end, *c, MaskValue(m.match(), 0, 3)};
}

}  // namespace

void AddPersonalDetectors(std::vector<DetectorDef>* out) {
  out->push_back({
      "us-ssn",
      "pii",
      "US Social Security numbers (123-45-6789, 123.45.6789): area not 000, 666 or 9xx, group not "
      "00, serial not 0000, "
      "known published numbers excluded; space-separated ones within a longer run of groups are "
      "low and bare digit runs are "
      "reported only with SSN words nearby",
      {R"(\b\d{3}-\d{2}-\d{4}\b)", R"(\b\d{3} \d{2} \d{4}\b)", R"(\b\d{9}\b)",
       R"(\b\d{3}\.\d{2}\.\d{4}\b)"},
      0,
      {"ssn", "ssns", "ss#", "ssn#", "social security", "soc sec", "social sec", "ssa", "taxpayer",
       "tin"},
      {},
      {"phone", "tel", "fax", "mobile", "cell", "order", "tracking", "invoice"},
      300,
      ConfirmSsn,
  });
  out->push_back({
      "dod-id",
      "pii",
      "DoD ID numbers (EDIPI): 10 digits with DoD ID, EDIPI or CAC words nearby",
      {R"(\b\d{10}\b)"},
      0,
      {"cac", "common access card", "dod", "id number"},
      {"dod id", "dodid", "dod id number", "dod identification", "edipi", "edi-pi",
       "dod benefits number", "dbn"},
      {"phone", "tel", "fax", "mobile", "cell", "call", "order", "tracking", "invoice"},
      200,
      ConfirmByKeywords,
  });
  out->push_back({
      "us-passport",
      "pii",
      "US passport numbers: nine digits, or a letter and eight digits, with passport words "
      "nearby",
      {R"(\b\d{9}\b)", R"(\b[A-Z]\d{8}\b)"},
      0,
      {"passport", "passports", "travel document"},
      {"passport number", "passport no", "passport #", "passport num", "passport card"},
      {"phone", "tel", "fax", "routing", "order", "tracking", "invoice", "ssn"},
      200,
      ConfirmByKeywords,
  });
}

}  // namespace sendguard
