// What the content detectors report about a message.

#ifndef SENDGUARD_CONTENT_FINDING_H_
#define SENDGUARD_CONTENT_FINDING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// How sure a detector is that a match is what it claims, in the manner of
// Microsoft Purview: low = the shape alone, medium = shape plus validation
// or context, high = both, or a shape that cannot be anything else.
enum class Confidence { kLow = 0, kMedium = 1, kHigh = 2 };

std::string_view ConfidenceName(Confidence c);  // "low", "medium", "high"
std::optional<Confidence> ParseConfidence(std::string_view name);

// All matches of one detector in one message.
struct Finding {
  std::string detector;              // stable id, e.g. "credit-card"
  std::string category;              // "financial", "pii", "credential", ...
  Confidence confidence;             // the highest of its matches
  int count = 0;                     // matches, over every text of the message
  std::vector<std::string> where;    // source labels, in order of first match
  std::string sample;                // the first most confident match, masked
  std::optional<std::string> level;  // classification-marking only: the highest
                                     // level seen ("unclassified", "restricted",
                                     // "confidential", "secret", "top-secret")
  std::string detail = {};           // more about what was found, when a sample is not
                                     // enough ("geo-file": its points and their box)
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_FINDING_H_
