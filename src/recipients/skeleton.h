// Confusable skeletons (Unicode TS #39, via ICU uspoof): two strings that
// look alike to a reader have the same skeleton ("arrny" and "army",
// "pаypal" with a Cyrillic а and "paypal", "g00gle" and "google").

#ifndef SENDGUARD_RECIPIENTS_SKELETON_H_
#define SENDGUARD_RECIPIENTS_SKELETON_H_

#include <string>
#include <string_view>

namespace sendguard {

// The lower-cased TS #39 skeleton of `text` (UTF-8), with Latin letters
// also folded to their bare forms (ṛ → r, ɏ → y, ｍ → m), since a reader
// skims over diacritics and hooks. Pure ASCII input takes a table-driven
// path with the same result. Thread-safe.
std::string Skeleton(std::string_view text);

// True when a label of `unicode_domain` mixes scripts (Latin with Cyrillic,
// ...) as lookalike domains do.
bool HasMixedScriptLabel(std::string_view unicode_domain);

}  // namespace sendguard

#endif  // SENDGUARD_RECIPIENTS_SKELETON_H_
