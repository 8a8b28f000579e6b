// Medical and location detectors: ICD-10-CM codes, MGRS grid references,
// latitude/longitude coordinates.

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "content/detector.h"
#include "content/mask.h"
#include "content/validators.h"

namespace sendguard {
namespace {

std::optional<Candidate> ConfirmIcd10(const MatchView& m) {
  std::string_view v = m.match();
  // Letter-digit-digit is also an aircraft, a vitamin, a paper size...: a
  // code is reported only with medical words nearby.
  const bool dotted = v.find('.') != std::string_view::npos;
  Confidence c;
  if (m.KeywordNear(MatchView::kStrong)) {
    c = dotted ? Confidence::kHigh : Confidence::kMedium;
  } else if (m.KeywordNear(MatchView::kSupporting)) {
    c = dotted ? Confidence::kMedium : Confidence::kLow;
  } else {
    return {};
  }
  if (m.KeywordNear(MatchView::kFalsePositive)) {
    if (c == Confidence::kLow) return {};
    c = Lower(c);
  }
  return Candidate{m.begin, m.end, c, MaskValue(v, 1, 0)};
}

std::optional<Candidate> ConfirmMgrs(const MatchView& m) {
  std::string_view v = m.match();
  std::string compact;
  for (char c : v) {
    if (c != ' ') compact.push_back(c);
  }
  if (!MgrsValid(compact)) return {};
  // Only part of the numbers: "18S UJ 2348" of "18S UJ 2348 06470".
  std::string_view text = m.text();
  if (m.end + 1 < text.size() && text[m.end] == ' ' && text[m.end + 1] >= '0' &&
      text[m.end + 1] <= '9') {
    return {};
  }
  // Zone digits, band letter, [space], two square letters, [space], then
  // the easting and northing; a space between those must split them evenly.
  std::size_t i = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
  i += 1;
  if (i < v.size() && v[i] == ' ') ++i;
  i += 2;
  if (i < v.size() && v[i] == ' ') ++i;
  std::string_view numbers = v.substr(std::min(i, v.size()));
  std::size_t space = numbers.find(' ');
  if (space != std::string_view::npos && space * 2 + 1 != numbers.size()) return {};
  const std::size_t digits = numbers.size() - (space != std::string_view::npos ? 1 : 0);
  Confidence c = digits >= 8 ? Confidence::kMedium : Confidence::kLow;
  if (m.KeywordNear()) c = Raise(c);
  if (m.KeywordNear(MatchView::kFalsePositive)) c = Lower(c);
  return Candidate{m.begin, m.end, c, MaskValue(v, 5, 0)};
}

enum LatLongTrigger { kDecimal, kDegrees };

// The numbers of a coordinate pair, in order; signs are kept.
std::vector<double> Numbers(std::string_view v) {
  std::vector<double> out;
  std::string s(v);
  const char* p = s.c_str();
  while (*p != '\0') {
    if ((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' && p[1] <= '9')) {
      char* end = nullptr;
      out.push_back(std::strtod(p, &end));
      p = end;
    } else {
      ++p;
    }
  }
  return out;
}

std::optional<Candidate> ConfirmLatLong(const MatchView& m) {
  std::string_view v = m.match();
  std::vector<double> n = Numbers(v);
  Confidence c;
  if (m.trigger == kDecimal) {
    if (n.size() != 2 || std::abs(n[0]) > 90 || std::abs(n[1]) > 180) return {};
    const bool marked = v.find_first_of("NSEW") != std::string_view::npos ||
                        v.find("\xC2\xB0") != std::string_view::npos;
    std::size_t dot = v.find('.');
    std::size_t decimals = v.find_first_not_of("0123456789", dot + 1) - dot - 1;
    c = marked ? Confidence::kHigh : decimals >= 4 ? Confidence::kMedium : Confidence::kLow;
  } else {
    // degrees, minutes[, seconds] twice
    if (n.size() != 4 && n.size() != 6) return {};
    const std::size_t per = n.size() / 2;
    for (std::size_t i = 0; i < n.size(); ++i) {
      if (i % per != 0 && n[i] >= 60) return {};
    }
    if (n[0] > 90 || n[per] > 180) return {};
    c = Confidence::kHigh;
  }
  if (m.KeywordNear()) c = Raise(c);
  if (m.KeywordNear(MatchView::kFalsePositive)) c = Lower(c);
  return Candidate{m.begin, m.end, c, MaskValue(v, 2, 0)};
}

}  // namespace

void AddMedicalAndLocationDetectors(std::vector<DetectorDef>* out) {
  out->push_back({
      "icd10",
      "medical",
      "ICD-10-CM diagnosis codes (E11.9, F32.A, S72.001A) with medical words nearby",
      {R"(\b[A-TV-Z]\d[0-9AB](?:\.[0-9A-TV-Z]{1,4})?\b)"},
      0,
      {"diagnosis", "diagnosed", "diagnoses",  "dx",        "patient",   "condition", "medical",
       "treatment", "treated",   "prescribed", "clinic",    "clinical",  "hospital",  "symptoms",
       "disorder",  "chronic",   "admitted",   "discharge", "physician", "doctor",    "medication",
       "illness",   "injury",    "profile",    "health"},
      {"icd", "icd-?10", "icd-?10-?cm", "diagnosis code", "dx code", "diagnostic code"},
      {"aircraft", "jet", "fighter", "bomber", "vitamin", "paper", "model", "version", "route",
       "highway", "interstate"},
      300,
      ConfirmIcd10,
  });
  out->push_back({
      "mgrs",
      "location",
      "Military Grid Reference System references (18SUJ2348006470, 18S UJ 23480 06470)",
      {R"(\b[1-9]\d?[C-HJ-NP-X] ?[A-HJ-NP-Z][A-HJ-NP-V] ?\d{1,5} ?\d{1,5}\b)"},
      0,
      {"grid", "mgrs", "coordinates", "coords", "location", "position", "lz", "landing zone",
       "objective", "checkpoint", "rally point", "vicinity", "vic", "target", "ip", "hlz"},
      {},
      {"part number", "serial", "model", "sku", "invoice", "order"},
      300,
      ConfirmMgrs,
  });
  out->push_back({
      "lat-long",
      "location",
      "Latitude/longitude pairs in decimal degrees or degrees-minutes-seconds",
      {R"(-?\b\d{1,2}\.\d{3,8}(?:\xC2\xB0)? ?[NS]?, ?-?\d{1,3}\.\d{3,8}(?:\xC2\xB0)? ?[EW]?)",
       R"(\b\d{1,2}\xC2\xB0 ?\d{1,2}(?:'|\xE2\x80\xB2) ?(?:\d{1,2}(?:\.\d+)?(?:"|\xE2\x80\xB3) ?)?[NS],? ?\d{1,3}\xC2\xB0 ?\d{1,2}(?:'|\xE2\x80\xB2) ?(?:\d{1,2}(?:\.\d+)?(?:"|\xE2\x80\xB3) ?)?[EW]\b)"},
      0,
      {"lat", "latitude", "lon", "long", "longitude", "coordinates", "coords", "gps", "location",
       "position", "grid", "located at", "site"},
      {},
      {"version", "price", "usd", "eur", "total", "amount"},
      300,
      ConfirmLatLong,
  });
}

}  // namespace sendguard
