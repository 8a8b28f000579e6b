// A content detector: patterns that find candidates in one pass over the
// text, and a confirm step that validates each candidate and weighs the
// words around it (in the manner of Microsoft Purview sensitive
// information types: primary pattern, checksum, supporting keywords within
// a window, known false-positive shapes).

#ifndef SENDGUARD_CONTENT_DETECTOR_H_
#define SENDGUARD_CONTENT_DETECTOR_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/finding.h"

namespace sendguard {

// What a detector's confirm step sees of one trigger match.
class MatchView {
 public:
  virtual ~MatchView() = default;
  virtual std::string_view text() const = 0;
  std::size_t begin = 0, end = 0;  // the trigger match, as byte offsets
  int trigger = 0;                 // index into DetectorDef::triggers

  std::string_view match() const { return text().substr(begin, end - begin); }
  // Whether a word of the detector's keyword list `list` ends within its
  // window of [from, to).
  enum List { kSupporting, kStrong, kFalsePositive };
  virtual bool KeywordNear(std::size_t from, std::size_t to, List list = kSupporting) const = 0;
  bool KeywordNear(List list = kSupporting) const { return KeywordNear(begin, end, list); }
};

// A confirmed match.
struct Candidate {
  std::size_t begin = 0, end = 0;  // what was matched (may differ from the trigger)
  Confidence confidence = Confidence::kLow;
  std::string sample;  // masked; printable in output and logs
  int level = 0;       // classification-marking: 1 unclassified .. 5 top secret
};

// Returns the confirmed candidate, or nullopt to drop the match.
using ConfirmFn = std::function<std::optional<Candidate>(const MatchView&)>;

struct DetectorDef {
  std::string id;  // stable, e.g. "credit-card"
  std::string category;
  std::string description;
  // Regular expressions (PCRE syntax) that find candidates; each is
  // reported with its start offset.
  std::vector<std::string> triggers;
  unsigned trigger_flags = 0;  // PatternFlags for every trigger
  // Words or phrases that support a candidate when they end within
  // `window` bytes of it; matched case-insensitively, as whole words when
  // they start and end with a letter or digit; regular-expression syntax.
  std::vector<std::string> keywords;
  // Words that support it more strongly ("routing number" for "account").
  std::vector<std::string> strong_keywords;
  // Words of the known false-positive shapes ("tracking", "ISBN").
  std::vector<std::string> false_positive_keywords;
  std::size_t window = 300;
  ConfirmFn confirm;
  // A position detector (content/positions.h) has no triggers: it reports
  // the message's positions (GeoPositions::kind) of this kind.
  std::string positions = {};
};

// The built-in detectors, in the order `sendguard detectors` lists them.
std::vector<DetectorDef> BuiltinDetectors();

// The built-in detectors by family (one file each).
void AddMarkingDetectors(std::vector<DetectorDef>* out);
void AddFinancialDetectors(std::vector<DetectorDef>* out);
void AddPersonalDetectors(std::vector<DetectorDef>* out);
void AddCredentialDetectors(std::vector<DetectorDef>* out);
void AddPasswordDetectors(std::vector<DetectorDef>* out);
void AddMedicalAndLocationDetectors(std::vector<DetectorDef>* out);
// (and AddPositionDetectors, content/positions.h)

// Helpers for confirm steps.
//
// For identifiers that mean nothing without their words: high with a
// strong keyword nearby, medium with a supporting one, nullopt (drop) with
// neither; one step lower with a false-positive word nearby.
std::optional<Confidence> ConfidenceFromKeywords(const MatchView& m);
// Whether `c` is an ASCII letter or digit.
bool IsWordByte(char c);
// One step up or down, within low..high.
Confidence Raise(Confidence c);
Confidence Lower(Confidence c);
// The letter-or-digit run (plus `extra` bytes) that starts at `from`, at
// most `max` bytes long.
std::string_view TokenAt(std::string_view text, std::size_t from, std::string_view extra = "",
                         std::size_t max = 512);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_DETECTOR_H_
