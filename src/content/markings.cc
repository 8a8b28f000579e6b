// Classification and CUI markings: banner lines and portion marks in the
// CAPCO / ISOO style, legacy FOUO, and Controlled Unclassified Information.

#include <algorithm>
#include <iterator>

#include "content/detector.h"
#include "content/pattern_db.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool IsUpperOrDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

constexpr std::size_t kMaxSample = 80;

// Dissemination controls, SCI control systems and non-US markings that may
// follow a classification after "//".
bool IsKnownControl(std::string_view t) {
  static constexpr std::string_view kControls[] = {"NOFORN",
                                                   "NF",
                                                   "ORCON",
                                                   "OC",
                                                   "ORCON-USGOV",
                                                   "IMCON",
                                                   "IMC",
                                                   "PROPIN",
                                                   "PR",
                                                   "RELIDO",
                                                   "FISA",
                                                   "SI",
                                                   "TK",
                                                   "HCS",
                                                   "G",
                                                   "SI-G",
                                                   "KDK",
                                                   "RSV",
                                                   "BUR",
                                                   "LIMDIS",
                                                   "EXDIS",
                                                   "NODIS",
                                                   "SBU",
                                                   "SBU-NF",
                                                   "LES",
                                                   "LES-NF",
                                                   "FOUO",
                                                   "RD",
                                                   "FRD",
                                                   "CNWDI",
                                                   "SIGMA",
                                                   "NOCONTRACT",
                                                   "DSEN",
                                                   "FGI",
                                                   "NATO",
                                                   "COSMIC",
                                                   "ATOMAL",
                                                   "TFNI",
                                                   "SSI",
                                                   "ALT",
                                                   "WAIVED",
                                                   "EYES ONLY",
                                                   "DISPLAY ONLY",
                                                   "FOR OFFICIAL USE ONLY",
                                                   "HVSACO",
                                                   "RESTRICTED DATA",
                                                   "FORMERLY RESTRICTED DATA"};
  if (std::find(std::begin(kControls), std::end(kControls), t) != std::end(kControls)) return true;
  static constexpr std::string_view kPrefixes[] = {
      "REL TO", "RELEASABLE TO", "SAR-", "SI-", "HCS-", "TK-", "DISPLAY ONLY", "SIGMA "};
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&](std::string_view p) { return t.substr(0, p.size()) == p; });
}

// Controls that make an UNCLASSIFIED marking worth reporting.
bool IsUnclassifiedControl(std::string_view t) {
  return t == "FOUO" || t == "FOR OFFICIAL USE ONLY" || t == "SBU" || t == "SBU-NF" || t == "LES" ||
         t == "LES-NF" || t == "LIMDIS" || t == "SSI";
}

int LevelOf(std::string_view word) {
  if (word == "TOP SECRET" || word == "TS") return 4;
  if (word == "SECRET" || word == "S") return 3;
  if (word == "CONFIDENTIAL" || word == "C") return 2;
  if (word == "UNCLASSIFIED" || word == "U") return 1;
  return 0;
}

// The marking that starts at `from`: upper-case letters, digits, spaces,
// commas, slashes and hyphens up to the end of the line or a ')'.
std::string_view MarkingAt(std::string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && end - from < 200) {
    char c = text[end];
    if (!(IsUpperOrDigit(c) || c == ' ' || c == ',' || c == '/' || c == '-')) break;
    ++end;
  }
  std::string_view m = text.substr(from, end - from);
  // Stopped inside a word of prose ("NOFORN The ..."): that word is not part of it.
  if (end < text.size() && text[end] >= 'a' && text[end] <= 'z') {
    std::size_t space = m.rfind(' ');
    if (space != std::string_view::npos) m = m.substr(0, space);
  }
  while (!m.empty() && (m.back() == ' ' || m.back() == ',' || m.back() == '-')) m.remove_suffix(1);
  return m;
}

// A marking as shown in findings: at most kMaxSample bytes, digits masked
// (a marking has none of its own worth showing; what follows it might).
std::string Sample(std::string_view marking) {
  std::string s(marking.substr(0, kMaxSample));
  for (char& c : s) {
    if (c >= '0' && c <= '9') c = '*';
  }
  return s;
}

// The controls of `marking` after its first "//": whether any is known,
// whether any makes an UNCLASSIFIED marking reportable, and where the last
// known one ends (what follows it is not part of the marking).
struct Controls {
  bool known = false;
  bool unclassified_control = false;
  std::size_t known_end = 0;
};

Controls ParseControls(std::string_view marking, std::size_t slashes) {
  Controls out;
  out.known_end = slashes;
  std::size_t at = slashes + 2;
  bool rel_to = false;  // inside "REL TO USA, GBR": the trigraphs that follow count
  while (at < marking.size()) {
    std::size_t cut = marking.find_first_of("/,", at);
    if (cut == std::string_view::npos) cut = marking.size();
    std::string_view raw = marking.substr(at, cut - at);
    std::string_view token = TrimWhitespace(raw);
    if (token.substr(0, 6) == "REL TO" || token.substr(0, 13) == "RELEASABLE TO") rel_to = true;
    const bool trigraph =
        rel_to && token.size() == 3 && std::all_of(token.begin(), token.end(), IsUpperOrDigit);
    // The longest run of the token's words that is a control: "NOFORN" of
    // "NOFORN 212-09-4821 X" (prose after the marking on the same line).
    std::string_view known = (IsKnownControl(token) || trigraph) ? token : std::string_view();
    for (std::size_t space = token.rfind(' '); known.empty() && space != std::string_view::npos;
         space = space == 0 ? std::string_view::npos : token.rfind(' ', space - 1)) {
      std::string_view words = TrimWhitespace(token.substr(0, space));
      if (!words.empty() && IsKnownControl(words)) known = words;
    }
    if (!known.empty()) {
      out.known = true;
      out.known_end = static_cast<std::size_t>(known.data() - marking.data()) + known.size();
    }
    out.unclassified_control |= IsUnclassifiedControl(token);
    if (marking.substr(cut, 2) == "//") {
      rel_to = false;
      at = cut + 2;
    } else {
      at = cut + 1;
    }
  }
  return out;
}

enum MarkingTrigger { kBanner, kControlled, kPortion, kFouo };

std::optional<Candidate> ConfirmClassification(const MatchView& m) {
  std::string_view text = m.text();
  std::size_t begin = m.begin;
  while (begin < m.end && !IsUpperOrDigit(text[begin])) ++begin;
  switch (m.trigger) {
    case kBanner: {
      std::string_view word = TrimWhitespace(text.substr(begin, m.end - begin));
      std::string_view level_word = word;
      if (level_word.substr(0, 5) == "NATO ") level_word.remove_prefix(5);
      if (level_word.substr(0, 7) == "COSMIC ") level_word.remove_prefix(7);
      const int level = LevelOf(level_word);
      Confidence c = level >= 3 ? Confidence::kMedium : Confidence::kLow;
      if (m.KeywordNear(MatchView::kStrong)) c = Confidence::kHigh;
      return Candidate{begin, begin + word.size(), c, Sample(word), level};
    }
    case kControlled: {
      std::string_view marking = MarkingAt(text, begin);
      std::size_t slashes = marking.find("//");
      if (slashes == std::string_view::npos) return {};
      const int level = LevelOf(marking.substr(0, slashes));
      const Controls controls = ParseControls(marking, slashes);
      if (level == 1 && !controls.unclassified_control) return {};  // plainly unclassified
      Confidence c = controls.known ? Confidence::kHigh : Confidence::kLow;
      if (m.KeywordNear(MatchView::kStrong)) c = Confidence::kHigh;
      if (controls.known) marking = marking.substr(0, controls.known_end);
      return Candidate{begin, begin + marking.size(), c, Sample(marking), level};
    }
    case kPortion: {
      std::size_t open = text.find('(', m.begin);
      std::size_t close = text.find(')', open);
      std::string_view letters = text.substr(open + 1, close - open - 1);
      if (m.KeywordNear(MatchView::kFalsePositive)) return {};  // "(C) Copyright ..."
      Confidence c = m.KeywordNear(MatchView::kStrong) ? Confidence::kHigh : Confidence::kMedium;
      return Candidate{open, close + 1, c, "(" + std::string(letters) + ")", LevelOf(letters)};
    }
    default: {  // kFouo
      std::string_view word = text.substr(m.begin, m.end - m.begin);
      return Candidate{m.begin, m.end, Confidence::kHigh, std::string(word), 1};
    }
  }
}

enum CuiTrigger {
  kCuiBanner,
  kCuiControlled,
  kCuiPortion,
  kCuiSpelledUpper,
  kCuiSpelled,
  kCuiWord
};

std::optional<Candidate> ConfirmCui(const MatchView& m) {
  std::string_view text = m.text();
  // The portion mark starts at its '('; every other trigger at its 'C'.
  std::size_t begin = m.begin;
  if (m.trigger != kCuiPortion) {
    while (begin < m.end && text[begin] != 'C' && text[begin] != 'c') ++begin;
  }
  Confidence c = Confidence::kHigh;
  std::string sample;
  std::size_t end = m.end;
  switch (m.trigger) {
    case kCuiControlled: {
      std::string_view marking = MarkingAt(text, begin);
      std::size_t slashes = marking.find("//");
      if (slashes == std::string_view::npos) return {};
      const Controls controls = ParseControls(marking, slashes);
      // CUI//SP-xxx categories are not in the control list: keep the first
      // category, and beyond it only up to the last known control.
      std::size_t keep = marking.find_first_of(" /,", slashes + 2);
      keep = std::max(keep == std::string_view::npos ? marking.size() : keep, controls.known_end);
      marking = marking.substr(0, std::min(keep, marking.size()));
      end = begin + marking.size();
      sample = Sample(marking);
      break;
    }
    case kCuiSpelled:
    case kCuiWord:
      // Words about CUI, or the bare acronym in prose, unless the
      // designation block ("Controlled by:", "CUI Category:") is near.
      c = m.KeywordNear() ? Confidence::kMedium : Confidence::kLow;
      [[fallthrough]];
    default:
      sample = Sample(TrimWhitespace(text.substr(begin, end - begin)));
  }
  return Candidate{begin, end, c, sample};
}

}  // namespace

void AddMarkingDetectors(std::vector<DetectorDef>* out) {
  out->push_back({
      "classification-marking",
      "classification",
      "Classification banner lines and portion marks (TOP SECRET//SI/TK//NOFORN, SECRET//REL TO "
      "USA, GBR, (S//NF), (TS//SI-G//OC/NF)) and legacy FOUO; not ordinary prose",
      {R"(^[ \t]*(?:(?:NATO|COSMIC) )?(?:TOP SECRET|SECRET|CONFIDENTIAL)[ \t\r]*$)",
       R"((?:^|[^A-Za-z0-9/])(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|TS|S|C|U)//[A-Z])",
       R"(^[ \t]*\((?:TS|S|C)\)[ \t]+[A-Z])", R"(\b(?:FOUO|FOR OFFICIAL USE ONLY)\b)"},
      kPatternMultiline,
      {},
      {"classified by", "derived from", "declassify on", "classification authority",
       "classification reason", "reason: 1\\.4", "downgrade to"},
      {"copyright", "all rights reserved", "trademark", "registered"},
      400,
      ConfirmClassification,
  });
  out->push_back({
      "cui-marking",
      "classification",
      "Controlled Unclassified Information markings: CUI banners, CUI//SP-PRVCY//NOFORN, (CUI), "
      "CONTROLLED UNCLASSIFIED INFORMATION",
      {R"(^[ \t]*CUI[ \t\r]*$)", R"((?:^|[^A-Za-z0-9/])CUI//[A-Z])",
       R"(\(CUI(?://[A-Z0-9][A-Z0-9 ,/\-]*)?\))", R"(CONTROLLED UNCLASSIFIED INFORMATION)",
       R"(\b[Cc]ontrolled [Uu]nclassified [Ii]nformation\b)", R"(\bCUI\b)"},
      kPatternMultiline,
      {"controlled by", "cui category", "categories", "limited dissemination control",
       "dissemination control", "designation indicator", "distribution statement", "poc"},
      {},
      {},
      400,
      ConfirmCui,
  });
}

}  // namespace sendguard
