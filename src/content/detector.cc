#include "content/detector.h"

#include "content/positions.h"

namespace sendguard {

std::vector<DetectorDef> BuiltinDetectors() {
  std::vector<DetectorDef> out;
  AddMarkingDetectors(&out);
  AddFinancialDetectors(&out);
  AddPersonalDetectors(&out);
  AddCredentialDetectors(&out);
  AddPasswordDetectors(&out);
  AddMedicalAndLocationDetectors(&out);
  AddPositionDetectors(&out);
  return out;
}

std::optional<Confidence> ConfidenceFromKeywords(const MatchView& m) {
  Confidence c;
  if (m.KeywordNear(MatchView::kStrong)) {
    c = Confidence::kHigh;
  } else if (m.KeywordNear(MatchView::kSupporting)) {
    c = Confidence::kMedium;
  } else {
    return std::nullopt;
  }
  return m.KeywordNear(MatchView::kFalsePositive) ? Lower(c) : c;
}

bool IsWordByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

Confidence Raise(Confidence c) {
  return c == Confidence::kLow ? Confidence::kMedium : Confidence::kHigh;
}

Confidence Lower(Confidence c) {
  return c == Confidence::kHigh ? Confidence::kMedium : Confidence::kLow;
}

std::string_view TokenAt(std::string_view text, std::size_t from, std::string_view extra,
                         std::size_t max) {
  std::size_t end = from;
  while (end < text.size() && end - from < max) {
    char c = text[end];
    bool word = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!word && extra.find(c) == std::string_view::npos) break;
    ++end;
  }
  return text.substr(from, end - from);
}

std::string_view ConfidenceName(Confidence c) {
  switch (c) {
    case Confidence::kLow:
      return "low";
    case Confidence::kMedium:
      return "medium";
    case Confidence::kHigh:
      return "high";
  }
  return "low";
}

std::optional<Confidence> ParseConfidence(std::string_view name) {
  if (name == "low") return Confidence::kLow;
  if (name == "medium") return Confidence::kMedium;
  if (name == "high") return Confidence::kHigh;
  return std::nullopt;
}

}  // namespace sendguard
