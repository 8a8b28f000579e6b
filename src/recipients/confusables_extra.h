// Confusables that Unicode TS #39's data (and so ICU's skeleton) leaves
// apart although a reader takes them for Latin letters or ASCII digits:
// Cyrillic н т ь ш п for h t b w n, Latin ł þ ĸ for l p k, æ œ for ae oe,
// other scripts' digits (Bengali ২, Gurmukhi ੨ ...) and CJK shapes (七 丫
// for t y). The lists follow Chromium's IDN spoof checker
// (components/url_formatter/spoof_checks/skeleton_generator.cc and
// idn_spoof_checker.cc).

#ifndef SENDGUARD_RECIPIENTS_CONFUSABLES_EXTRA_H_
#define SENDGUARD_RECIPIENTS_CONFUSABLES_EXTRA_H_

#include <string>
#include <string_view>

namespace sendguard {

// The ASCII text code point `c` is read as ("h" for н, "ae" for æ, "2" for
// ২), looked up by its lower-case form; empty when `c` has no mapping of
// its own here. Every mapping is ASCII, so mapping twice changes nothing.
std::string_view ExtraConfusable(char32_t c);

// `text` (UTF-8) with every code point that ExtraConfusable maps replaced by
// its ASCII reading; everything else, invalid bytes included, is copied.
std::string MapExtraConfusables(std::string_view text);

// True for the code points of other scripts that are read as an ASCII
// digit (২ as 2, з as 3, θ as 0, ...): those ExtraConfusable maps to one.
bool IsDigitLookalike(char32_t c);

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_CONFUSABLES_EXTRA_H_
