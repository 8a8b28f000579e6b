// The classification levels a classification-marking finding reports, in
// order of severity: the one list the scanner, the policy rules and the
// policy parser share.

#ifndef SENDGUARD_CONTENT_CLASSIFICATION_LEVEL_H_
#define SENDGUARD_CONTENT_CLASSIFICATION_LEVEL_H_

#include <span>
#include <string_view>

namespace sendguard {

// "unclassified", "restricted", "confidential", "secret", "top-secret": the
// level of rank r (1 .. 5) is element r - 1. RESTRICTED is the level below
// CONFIDENTIAL of NATO and of other countries' markings; US markings have
// no such level.
std::span<const std::string_view> ClassificationLevelNames();

// The rank of a level name, 1 ("unclassified") .. 5 ("top-secret"); 0 for a
// name that is not a level.
int ClassificationRank(std::string_view level);

// The name of a rank, 1 .. 5; empty for any other number.
std::string_view ClassificationLevelName(int rank);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_CLASSIFICATION_LEVEL_H_
