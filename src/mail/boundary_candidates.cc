#include "mail/boundary_candidates.h"

#include <algorithm>

#include "mail/part_headers.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// `boundary=` texts read per field at most.
constexpr std::size_t kMaxOccurrences = 8;
constexpr std::size_t kMaxBoundaryBytes = 998;

void Add(std::vector<std::string>& out, std::string_view b) {
  if (b.empty() || b.size() > kMaxBoundaryBytes || out.size() >= kMaxBoundaryCandidates) return;
  if (std::find(out.begin(), out.end(), b) == out.end()) out.emplace_back(b);
}

// The value inside the quotes `v` starts with: up to the closing quote, or
// the ';' or end of an unclosed one.
std::string_view Quoted(std::string_view v) {
  const char q = v[0];
  const std::size_t end = v.find(q, 1);
  if (end != std::string_view::npos) return v.substr(1, end - 1);
  return v.substr(1, v.find(';', 1) - 1);
}

// `v` as RFC 822 reads a word: comments dropped, quoted strings joined,
// backslash escapes undone, up to an unquoted ';' or blank.
std::string Rfc822Word(std::string_view v) {
  std::string out;
  bool quoted = false;
  int comment = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\\' && i + 1 < v.size()) {
      if (comment == 0) out.push_back(v[i + 1]);
      ++i;
    } else if (comment > 0) {
      comment += c == '(' ? 1 : c == ')' ? -1 : 0;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '(') {
      comment = 1;
    } else if (!quoted && (c == ';' || c == ' ' || c == '\t')) {
      if (c == ';' || !out.empty()) break;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The readings of the value after one `boundary=` (blanks skipped).
void ReadingsOf(std::string_view v, std::vector<std::string>& out) {
  if (v.empty()) return;
  if (v[0] == '"' || v[0] == '\'') Add(out, Quoted(v));
  const std::size_t start = v[0] == '"' || v[0] == '\'' ? 1 : 0;
  const std::size_t end = v.find_first_of(" \t;\"'()\\", start);
  Add(out, v.substr(start, end == std::string_view::npos ? end : end - start));
  Add(out, Rfc822Word(v));
}

void FieldCandidates(std::string_view raw, std::vector<std::string>& out) {
  std::string field;
  field.reserve(raw.size());
  for (char c : raw) {
    if (c != '\r' && c != '\n') field.push_back(c);
  }
  const HeaderParams params = ParseHeaderParams(field);
  if (const std::string* b = params.Get("boundary")) Add(out, *b);
  const std::string lower = AsciiLower(field);
  std::size_t seen = 0;
  for (std::size_t p = lower.find("boundary"); p != std::string::npos && seen < kMaxOccurrences;
       p = lower.find("boundary", p + 8)) {
    std::size_t i = p + 8;
    while (i < field.size() && (field[i] == ' ' || field[i] == '\t')) ++i;
    if (i >= field.size() || field[i] != '=') continue;
    ++seen;
    ++i;
    while (i < field.size() && (field[i] == ' ' || field[i] == '\t')) ++i;
    ReadingsOf(std::string_view(field).substr(i), out);
  }
}

}  // namespace

std::vector<std::string> BoundaryCandidates(const std::vector<std::string>& fields) {
  std::vector<std::string> out;
  for (const std::string& f : fields) FieldCandidates(f, out);
  return out;
}

bool UsesBoundary(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) return false;
  const std::string delimiter = "--" + std::string(boundary);
  for (std::size_t p = body.find(delimiter); p != std::string_view::npos;
       p = body.find(delimiter, p + 1)) {
    if (p != 0 && body[p - 1] != '\n' && body[p - 1] != '\r') continue;
    std::size_t i = p + delimiter.size();
    if (body.compare(i, 2, "--") == 0) return true;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    if (i == body.size() || body[i] == '\r' || body[i] == '\n') return true;
  }
  return false;
}

}  // namespace sendguard
