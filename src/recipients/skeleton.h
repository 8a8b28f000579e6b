// Confusable skeletons (Unicode TS #39, via ICU uspoof, and the lookalikes
// browsers add to it, see confusables_extra.h): two strings that look alike
// to a reader have the same skeleton ("arrny" and "army", "pаypal" with a
// Cyrillic а and "paypal", "g00gle" and "google", "шikipedia" with a
// Cyrillic ш and "wikipedia").

#ifndef SENDGUARD_RECIPIENTS_SKELETON_H_
#define SENDGUARD_RECIPIENTS_SKELETON_H_

#include <string>
#include <string_view>

namespace sendguard {

// The lower-cased TS #39 skeleton of `text` (UTF-8), with Latin letters
// also folded to their bare forms (ṛ → r, ɏ → y, ｍ → m), since a reader
// skims over diacritics and hooks, and the lookalikes TS #39 lacks read as
// the ASCII they imitate (н т ь ш п → h t b w n, ł þ ĸ → l p k, æ œ → ae
// oe, ß → b, ২ ੨ → 2, 七 丫 → t y). Skeleton(Skeleton(x)) == Skeleton(x)
// for those. Pure ASCII input takes a table-driven path with the same
// result. Thread-safe.
std::string Skeleton(std::string_view text);

// True when a label of `unicode_domain` mixes scripts (Latin with Cyrillic,
// ...) as lookalike domains do.
bool HasMixedScriptLabel(std::string_view unicode_domain);

// True when `label` (one Unicode domain label, lower case, UTF-8) is made
// only of ASCII digits and other scripts' digit lookalikes (২ ੨ з θ ...),
// with at least one lookalike: it reads as a number it is not ("২৪" reads
// as 28; "২০" is no such label since ০ reads as o). Defined in
// confusables_extra.cc, next to its table.
bool IsDigitLookalikeLabel(std::string_view label);

// True when every character of `label` (one Unicode domain label, lower
// case, UTF-8) but ASCII digits and hyphens is a Latin-looking letter of
// one script (Cyrillic "сосо" reads as coco, Greek "νικη", Armenian
// "ոս"), and `tld` (the domain's last label, Unicode form, lower case) is
// not at home for that script: it is neither written in the script nor
// one of the script's countries' (.ru .ua ... for Cyrillic). A label of
// one script that looks Latin under a Latin TLD is a whole-script
// lookalike, which no mixed-script check sees. A few real words that
// imitate no Latin one (курс, парк) are let through. Defined in
// confusables_extra.cc.
bool IsWholeScriptLookalikeLabel(std::string_view label, std::string_view tld);

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_SKELETON_H_
