// Classification and CUI markings: banner lines and portion marks in the
// CAPCO / ISOO style, legacy FOUO, and Controlled Unclassified Information.

#include <algorithm>
#include <iterator>
#include <utility>

#include "content/classification_level.h"
#include "content/detector.h"
#include "content/marking_grammar.h"
#include "content/pattern_db.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool IsUpperOrDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

constexpr std::size_t kMaxSample = 80;

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

// Whether the marking [begin, end) stands on its own: alone on its line
// (a banner) or alone inside parentheses (a portion mark).
bool StandsAlone(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t before = begin;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  const bool paren = before > 0 && text[before - 1] == '(';
  if (paren) --before;
  if (before > 0 && text[before - 1] != '\n') return false;
  std::size_t after = end;
  if (paren) return after < text.size() && text[after] == ')';
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t' || text[after] == '\r'))
    ++after;
  return after == text.size() || text[after] == '\n';
}

// The first and the last non-blank line of `text`.
std::pair<std::string_view, std::string_view> FirstAndLastLines(std::string_view text) {
  std::string_view first, last;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimWhitespace(text.substr(at, nl - at));
    if (!line.empty()) {
      if (first.empty()) first = line;
      last = line;
    }
    at = nl + 1;
  }
  return {first, last};
}

// Whether banner line `word` opens and closes `text` (the top and bottom
// banners of a marked document), as two lines.
bool IsTopAndBottomBanner(std::string_view text, std::string_view word) {
  auto [first, last] = FirstAndLastLines(text);
  return first == word && last == word && first.data() != last.data();
}

enum MarkingTrigger { kBanner, kControlled, kNonUs, kPortion, kFouo };

std::optional<Candidate> ConfirmClassification(const MatchView& m) {
  std::string_view text = m.text();
  std::size_t begin = m.begin;
  if (m.trigger == kNonUs) {
    begin = text.find("//", m.begin);  // the marking starts with its "//"
  } else {
    while (begin < m.end && !IsUpperOrDigit(text[begin])) ++begin;
  }
  switch (m.trigger) {
    case kBanner: {
      std::string_view word = TrimWhitespace(text.substr(begin, m.end - begin));
      std::string_view level_word = word;
      const bool nato = level_word.substr(0, 5) == "NATO " || level_word.substr(0, 7) == "COSMIC ";
      if (nato) level_word.remove_prefix(level_word.find(' ') + 1);
      if (level_word.ends_with(" ATOMAL")) level_word.remove_suffix(7);
      const int level = MarkingLevelRank(level_word);
      // SECRET and above, NATO's levels, and a CONFIDENTIAL or RESTRICTED
      // banner both at the top and the bottom of the text; a lone
      // CONFIDENTIAL line is more often a heading than a marking.
      Confidence c =
          level >= ClassificationRank("secret") || nato || IsTopAndBottomBanner(text, word)
              ? Confidence::kMedium
              : Confidence::kLow;
      if (m.KeywordNear(MatchView::kStrong)) c = Confidence::kHigh;
      return Candidate{begin, begin + word.size(), c, Sample(word), level};
    }
    case kControlled:
    case kNonUs: {
      std::string_view marking = MarkingAt(text, begin);
      const std::size_t slashes = marking.find("//");
      if (slashes == std::string_view::npos) return {};
      // Slashes and nothing else ("S////"); the trigger takes "TS////NF"
      // without a repeat, which would cost the scan its start offsets.
      if (marking.find_first_not_of('/', slashes) == std::string_view::npos) return {};
      const ParsedMarking p = ParseMarking(marking);
      if (p.rank == 0) return {};
      if (p.rank == ClassificationRank("unclassified") && !p.unclassified_control) {
        return {};  // plainly unclassified
      }
      Confidence c = Confidence::kLow;
      if (p.shape == MarkingShape::kRegistered) {
        c = Confidence::kHigh;
      } else if (p.shape == MarkingShape::kWellFormed &&
                 StandsAlone(text, begin, begin + marking.size())) {
        c = Confidence::kMedium;  // shaped like a marking, with a control we do not know
      }
      if (m.KeywordNear(MatchView::kStrong)) c = Confidence::kHigh;
      marking = marking.substr(0, p.end);
      return Candidate{begin, begin + marking.size(), c, Sample(marking), p.rank};
    }
    case kPortion: {
      std::size_t open = text.find('(', m.begin);
      std::size_t close = text.find(')', open);
      std::string_view letters = text.substr(open + 1, close - open - 1);
      if (m.KeywordNear(MatchView::kFalsePositive)) return {};  // "(C) Copyright ..."
      Confidence c = m.KeywordNear(MatchView::kStrong) ? Confidence::kHigh : Confidence::kMedium;
      return Candidate{open, close + 1, c, "(" + std::string(letters) + ")",
                       MarkingLevelRank(letters)};
    }
    default: {  // kFouo
      std::string_view word = text.substr(m.begin, m.end - m.begin);
      return Candidate{m.begin, m.end, Confidence::kHigh, std::string(word),
                       ClassificationRank("unclassified")};
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
      const ParsedMarking controls = ParseMarking(marking);
      const std::size_t known_end =
          controls.shape == MarkingShape::kRegistered ? controls.end : slashes;
      // CUI//SP-xxx categories are not in the control list: keep the first
      // category, and beyond it only up to the last known control.
      std::size_t keep = marking.find_first_of(" /,", slashes + 2);
      keep = std::max(keep == std::string_view::npos ? marking.size() : keep, known_end);
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
      "USA, GBR, (S//NF), (TS//SI-G//OC/NF), RESTRICTED//NOFORN), non-US and JOINT markings "
      "(//NATO SECRET, //JOINT SECRET CAN USA, //DEU SECRET) and legacy FOUO; not ordinary prose",
      {R"(^[ \t]*(?:(?:NATO|COSMIC) )?(?:TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED)(?: ATOMAL)?[ \t\r]*$)",
       R"((?:^|[^A-Za-z0-9/])(?:TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|TS|S|C|R|U)//[A-Z/])",
       R"((?:^|[^A-Za-z0-9/:])//(?:NATO|COSMIC|JOINT|CTSA?|NSAT|NS|NCA?|NR|[A-Z]{3,4})[ ,/)\r\n])",
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
