// The grammar of a classification marking in the CAPCO / ISOO / ISM style
// (DoDM 5200.01 Vol 2, the ISOO marking booklet, the ODNI CAPCO register):
//
//   classification // [non-US or JOINT] // SCI // SAP // AEA // FGI //
//   dissemination // non-IC dissemination
//
// where a block holds controls separated by '/' (and REL TO lists by ","),
// and a non-US or JOINT marking has no US classification before its "//"
// ("//NATO SECRET", "//JOINT SECRET CAN USA", "//DEU SECRET").

#ifndef SENDGUARD_CONTENT_MARKING_GRAMMAR_H_
#define SENDGUARD_CONTENT_MARKING_GRAMMAR_H_

#include <cstddef>
#include <string_view>

namespace sendguard {

// How far a marking follows the grammar.
enum class MarkingShape {
  kMalformed,   // a control that is not shaped like one, or blocks out of order
  kWellFormed,  // every control shaped like one, in order; none on the register
  kRegistered,  // at least one control (or non-US marking) on the register
};

struct ParsedMarking {
  int rank = 0;  // ClassificationRank of its level; 0 when it has none
  MarkingShape shape = MarkingShape::kMalformed;
  // Whether a control makes an UNCLASSIFIED marking worth reporting (FOUO,
  // SBU, LES, ...).
  bool unclassified_control = false;
  // The bytes of the marking proper: a registered marking ends after its
  // last registered control (what follows on its line is prose), any other
  // at the end of its input.
  std::size_t end = 0;
};

// The rank (ClassificationRank) of a classification word or its letter:
// "TOP SECRET"/"TS", "SECRET"/"S", "CONFIDENTIAL"/"C", "RESTRICTED"/"R",
// "UNCLASSIFIED"/"U"; 0 for anything else.
int MarkingLevelRank(std::string_view word);

// Parses `marking`: upper-case text that holds "//" (as MarkingAt in
// markings.cc cuts it from a line). A marking that starts with "//" is a
// non-US or JOINT one. Its level comes from the US classification before
// the first "//", else from the non-US block.
ParsedMarking ParseMarking(std::string_view marking);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_MARKING_GRAMMAR_H_
