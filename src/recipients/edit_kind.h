// Classifying the single edit that turns one domain label into another, as
// typing mistakes: omission, insertion, repetition, replacement (keyboard
// neighbour, vowel swap, bit flip), transposition and hyphenation.

#ifndef SENDGUARD_RECIPIENTS_EDIT_KIND_H_
#define SENDGUARD_RECIPIENTS_EDIT_KIND_H_

#include <optional>
#include <string>
#include <string_view>

namespace sendguard {

enum class EditKind {
  kOmission,       // a character left out: "amy" for "army"
  kRepetition,     // a character typed twice: "armmy"
  kInsertion,      // an extra character: "arzmy"
  kHyphenation,    // a hyphen added or dropped: "ar-my"
  kTransposition,  // two neighbours swapped: "amry"
  kKeyboard,       // a key next to the right one: "arny" (n next to m)
  kVowelSwap,      // one vowel for another: "ermy"
  kBitFlip,        // a character one bit away: "crmy" (a=0x61, c=0x63)
  kReplacement,    // any other single substitution
};

struct Edit {
  EditKind kind;
  std::string detail;  // e.g. "'m' typed as 'n' (keyboard neighbour)"
};

// Returns the edit when `typed` is exactly one edit (Damerau: with adjacent
// transposition) away from `intended`; nullopt otherwise (equal strings
// included).
std::optional<Edit> ClassifyEdit(std::string_view intended, std::string_view typed);

// The optimal-string-alignment distance (Levenshtein with adjacent
// transpositions), capped: returns cap + 1 as soon as it exceeds `cap`.
int BoundedEditDistance(std::string_view a, std::string_view b, int cap);

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_EDIT_KIND_H_
