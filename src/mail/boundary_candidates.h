// The boundaries mail readers could take from a Content-Type field. Hostile
// messages write the boundary parameter so that readers disagree (quotes
// left open, escapes, comments, RFC 2231 sections, a second `boundary=`):
// the guard tries every reading, and the body decides which are used.

#ifndef SENDGUARD_MAIL_BOUNDARY_CANDIDATES_H_
#define SENDGUARD_MAIL_BOUNDARY_CANDIDATES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// Candidates returned at most.
inline constexpr std::size_t kMaxBoundaryCandidates = 8;

// The distinct non-empty boundaries readers could take from `fields` (raw
// Content-Type values, folded or not), in this order for each field: the
// parameter as ParseHeaderParams reads it; then after each of the first
// `boundary=` texts anywhere in the field (inside quotes too): the value
// inside its quotes (single or double, closed or not), the value up to the
// first blank, quote, backslash, comment or ';', and the value read as RFC
// 822 reads it (comments dropped, backslash escapes undone, quoted pieces
// joined). At most kMaxBoundaryCandidates, each at most 998 bytes; linear in
// the size of `fields`.
std::vector<std::string> BoundaryCandidates(const std::vector<std::string>& fields);

// Whether `body` has a delimiter line of `boundary`: "--" `boundary` at the
// start of a line, then blanks only, or "--", up to the end of the line.
bool UsesBoundary(std::string_view body, std::string_view boundary);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_BOUNDARY_CANDIDATES_H_
