#include "mail/mime_repair.h"

#include <algorithm>

namespace sendguard {
namespace {

// Boundaries read from this many distinct "boundary=" values at most.
constexpr std::size_t kMaxBoundaries = 64;
// The short names long boundaries get start with this.
constexpr std::string_view kShortPrefix = "sendguard-boundary-";

// A boundary declared in the message, and where its parameter values are.
struct Declared {
  std::string value;
  std::vector<std::size_t> offsets = {};
  std::string short_name = {};  // when it is too long to keep
};

// One change to the raw bytes: [pos, pos + len) becomes `text`.
struct Edit {
  std::size_t pos;
  std::size_t len;
  std::string_view text;
  bool separator = false;  // an empty line that begins a body
};

// `raw` with `edits` (sorted) made; separators only when `separators`.
std::string Apply(std::string_view raw, const std::vector<Edit>& edits, bool separators) {
  std::string s;
  s.reserve(raw.size() + edits.size());
  std::size_t at = 0;
  for (const Edit& e : edits) {
    if (e.separator && !separators) continue;
    if (e.pos < at) continue;  // overlaps an edit already made
    s.append(raw.substr(at, e.pos - at));
    s.append(e.text);
    at = e.pos + e.len;
  }
  s.append(raw.substr(at));
  return s;
}

// The value of the boundary parameter whose name ends at `p` (just past
// "boundary") and its offset, or "".
std::string_view BoundaryAt(std::string_view raw, std::size_t p, std::size_t* offset) {
  while (p < raw.size() && (raw[p] == ' ' || raw[p] == '\t')) ++p;
  if (p >= raw.size() || raw[p] != '=') return {};
  ++p;
  while (p < raw.size() && (raw[p] == ' ' || raw[p] == '\t')) ++p;
  if (p < raw.size() && raw[p] == '"') {
    const std::size_t end = raw.find_first_of("\"\r\n", p + 1);
    *offset = p + 1;
    return end == std::string_view::npos ? std::string_view() : raw.substr(p + 1, end - p - 1);
  }
  const std::size_t end = std::min(raw.find_first_of("; \t\r\n", p), raw.size());
  *offset = p;
  return raw.substr(p, end - p);
}

std::vector<Declared> Boundaries(std::string_view raw) {
  std::vector<Declared> out;
  for (std::string_view needle : {"oundary", "OUNDARY"}) {
    for (std::size_t p = raw.find(needle); p != std::string_view::npos;
         p = raw.find(needle, p + needle.size())) {
      if (p == 0 || (raw[p - 1] != 'b' && raw[p - 1] != 'B')) continue;
      std::size_t offset = 0;
      const std::string_view b = BoundaryAt(raw, p + needle.size(), &offset);
      if (b.empty()) continue;
      auto it =
          std::find_if(out.begin(), out.end(), [&](const Declared& d) { return d.value == b; });
      if (it == out.end()) {
        if (out.size() == kMaxBoundaries) continue;
        out.push_back(Declared{std::string(b)});
        it = out.end() - 1;
      }
      it->offsets.push_back(offset);
    }
  }
  return out;
}

// kShortPrefix and a number such that the two are found nowhere in `raw`
// (one pass: every number that follows the prefix in `raw` is taken), then
// "-".
std::string FreshStem(std::string_view raw) {
  std::vector<bool> taken;
  for (std::size_t p = raw.find(kShortPrefix); p != std::string_view::npos;
       p = raw.find(kShortPrefix, p + 1)) {
    std::size_t q = p + kShortPrefix.size();
    std::size_t n = 0;
    int digits = 0;
    for (; q < raw.size() && raw[q] >= '0' && raw[q] <= '9' && digits < 8; ++q, ++digits) {
      n = n * 10 + static_cast<std::size_t>(raw[q] - '0');
    }
    if (digits == 0 || digits == 8) continue;  // cannot be a number chosen below
    if (n >= taken.size()) taken.resize(std::min<std::size_t>(n + 1, raw.size() + 1));
    if (n < taken.size()) taken[n] = true;
  }
  std::size_t m = 0;
  while (m < taken.size() && taken[m]) ++m;
  return std::string(kShortPrefix) + std::to_string(m) + "-";
}

// The boundary of `declared` whose delimiter starts at `p` ("--b" then the
// end of the line, blanks or "--"), the longest if several; null if none.
const Declared* DelimiterAt(std::string_view s, std::size_t p,
                            const std::vector<Declared>& declared) {
  if (s.compare(p, 2, "--") != 0) return nullptr;
  const Declared* best = nullptr;
  for (const Declared& d : declared) {
    if (best != nullptr && d.value.size() <= best->value.size()) continue;
    if (s.compare(p + 2, d.value.size(), d.value) != 0) continue;
    const std::size_t after = p + 2 + d.value.size();
    if (after >= s.size() ||
        std::string_view(" \t\r\n-").find(s[after]) != std::string_view::npos) {
      best = &d;
    }
  }
  return best;
}

// What a line of a header block is to other mail readers.
enum class LineKind {
  kEmpty,         // the end of the block
  kField,         // "Name: value" (blanks allowed before the colon, as GMime allows)
  kControlField,  // a field after CR, VT or FF, which some readers drop and others skip
  kContinuation,  // starts with a blank
  kOther,         // no field: readers like Python's take it as the body's first line
};

// The kind of `line` (without its LF); `*skip` is the number of control
// characters before a kControlField.
LineKind Classify(std::string_view line, std::size_t* skip) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return LineKind::kEmpty;
  if (line[0] == ' ' || line[0] == '\t') return LineKind::kContinuation;
  std::size_t i = 0;
  while (i < line.size() && (line[i] == '\r' || line[i] == '\v' || line[i] == '\f')) ++i;
  *skip = i;
  const std::size_t name = i;
  while (i < line.size() && line[i] > ' ' && line[i] < 0x7f && line[i] != ':') ++i;
  if (i == name) return LineKind::kOther;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size() || line[i] != ':') return LineKind::kOther;
  return name == 0 ? LineKind::kField : LineKind::kControlField;
}

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

struct BlockFlags {
  bool separator = false;  // a body that began with no empty line before it
  bool control = false;    // a field name after control characters
  bool blank_first = false;
  bool bare_cr = false;  // a field after a bare CR inside a line
};

// Where in `line` (a field line, without its LF) a bare CR is followed by
// another field, which readers that end lines at a CR read; or npos.
std::size_t FieldAfterBareCr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  for (std::size_t r = line.find('\r'); r != std::string_view::npos; r = line.find('\r', r + 1)) {
    std::size_t skip = 0;
    if (r > 0 && Classify(line.substr(r + 1), &skip) == LineKind::kField) return r + 1;
  }
  return std::string_view::npos;
}

// The edits of the header block that starts at `p` (the top of the message
// or the line after a delimiter): blank lines before its first field are
// dropped (readers skip them; GMime reads no header at all); control
// characters before a field name are dropped, as readers that trim the line
// do; and when the block has a line that is no field and no field follows
// it before the block ends (an empty line or a delimiter) and a field comes
// before it, an empty line is
// put before it, as readers like Python's begin the body there (GMime would
// read the body as header lines and lose it). Returns where the block ends.
std::size_t HeaderBlockEdits(std::string_view raw, std::size_t p,
                             const std::vector<Declared>& declared, std::vector<Edit>& edits,
                             BlockFlags* flags) {
  bool first = true;
  std::size_t other = std::string_view::npos;  // the first line that is no field
  std::string_view line_break = "\n";
  bool ambiguous = false;
  int fields = 0;  // before this line
  while (p < raw.size() && DelimiterAt(raw, p, declared) == nullptr) {
    const std::size_t lf = raw.find('\n', p);
    const std::size_t next = lf == std::string_view::npos ? raw.size() : lf + 1;
    const std::string_view line = raw.substr(p, next - p - (lf == std::string_view::npos ? 0 : 1));
    std::size_t skip = 0;
    const LineKind kind =
        (p == 0 && line.substr(0, 5) == "From ") ? LineKind::kField : Classify(line, &skip);
    if (kind == LineKind::kEmpty) break;
    if (first && kind == LineKind::kContinuation && Blank(line)) {
      edits.push_back(Edit{p, next - p, ""});
      flags->blank_first = true;
      p = next;
      continue;
    }
    first = false;
    const bool field = kind == LineKind::kField || kind == LineKind::kControlField;
    fields += field ? 1 : 0;
    if (field && other != std::string_view::npos) {
      other = std::string_view::npos;  // read as GMime reads it
      ambiguous = true;
    }
    if (kind == LineKind::kControlField && other == std::string_view::npos && !ambiguous) {
      edits.push_back(Edit{p, skip, ""});
      flags->control = true;
    }
    if (field && other == std::string_view::npos && !ambiguous) {
      const std::size_t at = FieldAfterBareCr(line);
      if (at != std::string_view::npos) {
        edits.push_back(Edit{p + at, 0, "\n", true});  // GMime's reading is kept too
        flags->bare_cr = true;
      }
    }
    if (kind == LineKind::kOther && other == std::string_view::npos && !ambiguous && fields > 0) {
      other = p;
      if (!line.empty() && line.back() == '\r') line_break = "\r\n";
    }
    p = next;
  }
  if (other != std::string_view::npos) {
    edits.push_back(Edit{other, 0, line_break, true});
    flags->separator = true;
  }
  return p;
}

// The edits of delimiter lines: a LF after a bare CR before a delimiter,
// and the short name of a long boundary.
// After each delimiter that is not the last, the edits of its part's
// header block. A bare CR is looked for only when `bare_cr_possible`.
void DelimiterEdits(std::string_view raw, const std::vector<Declared>& declared,
                    bool bare_cr_possible, std::vector<Edit>& edits, bool* bare_cr,
                    BlockFlags* flags) {
  std::size_t p = 0;  // a line start
  while (p < raw.size()) {
    const Declared* d = DelimiterAt(raw, p, declared);
    if (d != nullptr && !d->short_name.empty()) {
      edits.push_back(Edit{p + 2, d->value.size(), d->short_name});
    }
    const std::size_t lf = raw.find('\n', p);
    const std::size_t end = lf == std::string_view::npos ? raw.size() : lf;
    const std::size_t after = d == nullptr ? 0 : p + 2 + d->value.size();
    if (d != nullptr && after + 1 < end && raw[after] == '\r') {
      // "--b\rContent-Type: ...": the part's header begins after the CR.
      edits.push_back(Edit{after + 1, 0, "\n", true});
      flags->bare_cr = true;
      HeaderBlockEdits(raw, after + 1, declared, edits, flags);
    } else if (d != nullptr && lf != std::string_view::npos && raw.compare(after, 2, "--") != 0) {
      HeaderBlockEdits(raw, lf + 1, declared, edits, flags);
    }
    std::size_t next = end + 1;
    // A delimiter after a bare CR in the line starts a line of its own.
    const std::string_view line = raw.substr(p, end - p);
    for (std::size_t r = bare_cr_possible ? line.find('\r') : std::string_view::npos;
         r != std::string_view::npos; r = line.find('\r', r + 1)) {
      if (r + 1 < line.size() && DelimiterAt(raw, p + r + 1, declared) != nullptr) {
        edits.push_back(Edit{p + r + 1, 0, "\n"});
        *bare_cr = true;
        next = p + r + 1;
        break;
      }
    }
    p = next;
  }
}

}  // namespace

bool RepairMime(std::string_view raw, MimeRepair* out) {
  const bool multipart = raw.find("oundary") != std::string_view::npos ||
                         raw.find("OUNDARY") != std::string_view::npos;
  std::vector<Declared> declared = multipart ? Boundaries(raw) : std::vector<Declared>();
  std::vector<Edit> edits;
  BlockFlags flags;
  HeaderBlockEdits(raw, 0, declared, edits, &flags);
  const bool long_boundary = std::any_of(declared.begin(), declared.end(), [](const Declared& d) {
    return d.value.size() > kMaxBoundaryKept;
  });
  if (long_boundary) {
    const std::string stem = FreshStem(raw);
    for (std::size_t i = 0; i < declared.size(); ++i) {
      Declared& d = declared[i];
      if (d.value.size() <= kMaxBoundaryKept) continue;
      d.short_name = stem + std::to_string(i);
      for (std::size_t offset : d.offsets)
        edits.push_back(Edit{offset, d.value.size(), d.short_name});
    }
    out->defects.emplace_back("long-boundary");
  }
  bool bare_cr = false;
  if (!declared.empty()) {
    DelimiterEdits(raw, declared, raw.find("\r--") != std::string_view::npos, edits, &bare_cr,
                   &flags);
  }
  if (bare_cr) out->defects.emplace_back("bare-cr-delimiter");
  if (flags.blank_first) out->defects.emplace_back("blank-first-header-line");
  if (flags.control) out->defects.emplace_back("control-before-header");
  if (flags.separator) out->defects.emplace_back("missing-header-body-separator");
  if (flags.bare_cr) out->defects.emplace_back("bare-cr-in-header");
  if (edits.empty()) {
    out->defects.clear();
    return false;
  }
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.pos < b.pos; });
  out->raw = Apply(raw, edits, true);
  if (flags.separator || flags.bare_cr) out->unsplit = Apply(raw, edits, false);
  return true;
}

}  // namespace sendguard
