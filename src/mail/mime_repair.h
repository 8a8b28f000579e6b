// Repairs of raw message bytes that GMime would split into parts
// differently from other mail readers, made before GMime sees them.

#ifndef SENDGUARD_MAIL_MIME_REPAIR_H_
#define SENDGUARD_MAIL_MIME_REPAIR_H_

#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// Boundaries longer than this are renamed: GMime misses delimiter lines
// of about 4 KB and more, which other readers accept.
inline constexpr std::size_t kMaxBoundaryKept = 1000;

struct MimeRepair {
  std::string raw = {};                   // the repaired message
  std::vector<std::string> defects = {};  // "long-boundary", "bare-cr-delimiter", ...
  // When a body was found to begin without an empty line before it: the
  // message with every other repair, read as GMime reads it (those lines
  // in the header), since readers disagree. Else empty.
  std::string unsplit = {};
};

// When `raw` has a boundary parameter longer than kMaxBoundaryKept (its
// parameter values and delimiter lines get a short name found nowhere in
// `raw`), or a delimiter line of a declared boundary preceded by a bare CR
// ("\r--b", which readers that take CR as a line break split on; a LF is
// added), or a header block (the message's or a part's) that other readers
// read differently from GMime, fills `*out` and returns true; else returns
// false. In a header block: blank lines before the first field are dropped;
// CR, VT or FF before a field name are dropped; a line that is no field,
// after a field and followed by none, begins the body (an empty line is put
// before it). Linear in `raw` times the number of distinct boundaries (at
// most 64 are read).
bool RepairMime(std::string_view raw, MimeRepair* out);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_MIME_REPAIR_H_
