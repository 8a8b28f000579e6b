#include "formats/embedded_files.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "formats/binhex.h"
#include "mail/base64.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace sendguard {
namespace {

constexpr std::string_view kBinHexMarker = "(This file must be converted with BinHex";
constexpr std::size_t kMaxNameBytes = 255;

struct Line {
  std::string_view text;  // without its line break
  std::size_t next = 0;   // offset of the next line
};

Line LineAt(std::string_view s, std::size_t pos) {
  std::size_t nl = s.find('\n', pos);
  std::size_t end = nl == std::string_view::npos ? s.size() : nl;
  std::string_view text = s.substr(pos, end - pos);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return {text, nl == std::string_view::npos ? s.size() : nl + 1};
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string FileName(std::string_view name, std::string_view fallback) {
  name = TrimWhitespace(name);
  if (name.size() > kMaxNameBytes) name = name.substr(0, kMaxNameBytes);
  std::string clean = SanitizeUtf8(name);
  return clean.empty() ? std::string(fallback) : clean;
}

// Appends `bytes` to `out` up to `max` bytes in all; false once cut.
bool Keep(std::string* out, std::string_view bytes, std::size_t max) {
  std::size_t room = max > out->size() ? max - out->size() : 0;
  out->append(bytes.substr(0, room));
  return bytes.size() <= room;
}

// --- uuencode -----------------------------------------------------------

// "begin 644 name" or "begin-base64 644 name": the mode is 1-4 octal digits.
bool ParseUuHeader(std::string_view line, bool* base64, std::string_view* name) {
  std::string_view rest;
  if (StartsWith(line, "begin-base64 ")) {
    *base64 = true;
    rest = line.substr(13);
  } else if (StartsWith(line, "begin ")) {
    *base64 = false;
    rest = line.substr(6);
  } else {
    return false;
  }
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '7') ++digits;
  if (digits == 0 || digits > 4 || digits >= rest.size() || rest[digits] != ' ') return false;
  *name = rest.substr(digits + 1);
  return true;
}

bool IsUuChar(char c) { return c >= ' ' && c <= '`'; }
unsigned UuValue(char c) { return static_cast<unsigned>(c - ' ') & 63; }

// Decodes one uuencoded line; false when it is not one. A line must hold the
// characters its length calls for, short of at most `slack` (trailing spaces
// lost in transit, which are padded back): only a full-length line like the
// block's first may be short, so that a signature or prose after a block is
// not taken for data.
bool DecodeUuLine(std::string_view line, std::size_t slack, std::string* bytes) {
  if (line.empty() || !IsUuChar(line[0])) return false;
  std::size_t n = UuValue(line[0]);
  std::size_t chars = (n + 2) / 3 * 4;
  std::string_view body = line.substr(1);
  if (body.size() + slack < (n * 4 + 2) / 3) return false;
  if (!std::all_of(body.begin(), body.end(), IsUuChar)) return false;
  bytes->clear();
  for (std::size_t i = 0; i < chars && bytes->size() < n; i += 4) {
    unsigned v[4];
    for (std::size_t k = 0; k < 4; ++k) v[k] = i + k < body.size() ? UuValue(body[i + k]) : 0;
    unsigned char b[3] = {static_cast<unsigned char>(v[0] << 2 | v[1] >> 4),
                          static_cast<unsigned char>(v[1] << 4 | v[2] >> 2),
                          static_cast<unsigned char>(v[2] << 6 | v[3])};
    for (unsigned char c : b) {
      if (bytes->size() < n) bytes->push_back(static_cast<char>(c));
    }
  }
  return true;
}

// The data lines of a uuencoded block from `pos` to "end"; returns the
// offset scanning resumes at, or `pos` itself when no block starts there.
std::size_t DecodeUu(std::string_view text, std::size_t pos, std::size_t max, EmbeddedFile* file) {
  std::string bytes;
  bool first = true;
  char full = 0;       // the length character of the first line
  bool ended = false;  // the zero-length line was seen
  while (pos < text.size()) {
    Line line = LineAt(text, pos);
    if (TrimWhitespace(line.text) == "end") return line.next;
    if (!first && line.text.empty()) {  // the zero-length line, its space lost in transit
      ended = true;
      pos = line.next;
      continue;
    }
    std::size_t slack = !first && !line.text.empty() && line.text[0] == full ? 3 : 0;
    if (!DecodeUuLine(line.text, slack, &bytes)) break;
    if (first && bytes.empty()) return pos;  // "begin" followed by no data
    if (first) full = line.text[0];
    first = false;
    if (bytes.empty()) ended = true;
    if (!Keep(&file->data, bytes, max)) file->cut = "member-size";
    pos = line.next;
  }
  if (!ended) file->defect = "uuencode-truncated";
  return pos;
}

bool IsBase64Line(std::string_view line) {
  return !line.empty() && std::all_of(line.begin(), line.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
  });
}

// uuencode -m: base64 lines up to "====".
std::size_t DecodeUuBase64(std::string_view text, std::size_t pos, std::size_t max,
                           EmbeddedFile* file) {
  std::size_t start = pos;
  bool ended = false;
  while (pos < text.size()) {
    Line line = LineAt(text, pos);
    if (TrimWhitespace(line.text) == "====") {
      ended = true;
      break;
    }
    if (!IsBase64Line(line.text)) break;
    pos = line.next;
  }
  if (pos == start) return start;
  Base64Result decoded = DecodeBase64(text.substr(start, pos - start));
  if (!Keep(&file->data, decoded.data, max)) file->cut = "member-size";
  if (!ended || decoded.truncated) file->defect = "uuencode-truncated";
  return ended ? LineAt(text, pos).next : pos;
}

// --- yEnc ---------------------------------------------------------------

// The value of `key=` in a yEnc header line, up to the next space ("name"
// runs to the end of the line).
std::string_view YencField(std::string_view line, std::string_view key) {
  std::string k = " " + std::string(key) + "=";
  std::size_t at = line.find(k);
  if (at == std::string_view::npos) return {};
  std::string_view v = line.substr(at + k.size());
  return key == "name" ? v : v.substr(0, v.find(' '));
}

void DecodeYencLine(std::string_view line, std::string* out) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '=' && i + 1 < line.size()) c = static_cast<unsigned char>(line[++i]) - 64;
    out->push_back(static_cast<char>(c - 42));
  }
}

void CheckYencEnd(std::string_view end_line, bool part, bool whole, EmbeddedFile* file) {
  std::string_view size = YencField(end_line, "size");
  std::string_view crc = YencField(end_line, part ? "pcrc32" : "crc32");
  if (!whole) return;
  if (!size.empty() && std::strtoull(std::string(size).c_str(), nullptr, 10) != file->data.size()) {
    file->defect = "yenc-size";
  } else if (!crc.empty()) {
    uLong sum = crc32(0L, reinterpret_cast<const Bytef*>(file->data.data()),
                      static_cast<uInt>(file->data.size()));
    if (std::strtoul(std::string(crc).c_str(), nullptr, 16) != sum) file->defect = "yenc-crc";
  }
}

// The data lines of a yEnc block from `pos` (after "=ybegin") to "=yend".
std::size_t DecodeYenc(std::string_view text, std::size_t pos, std::string_view header,
                       std::size_t max, EmbeddedFile* file) {
  bool part = !YencField(header, "part").empty();
  std::string line_bytes;
  while (pos < text.size()) {
    Line line = LineAt(text, pos);
    if (StartsWith(line.text, "=yend")) {
      CheckYencEnd(line.text, part, file->cut.empty(), file);
      return line.next;
    }
    if (StartsWith(line.text, "=ybegin")) break;  // the next block: this one was cut
    if (!StartsWith(line.text, "=ypart")) {
      line_bytes.clear();
      DecodeYencLine(line.text, &line_bytes);
      if (!Keep(&file->data, line_bytes, max)) file->cut = "member-size";
    }
    pos = line.next;
  }
  file->defect = "yenc-truncated";
  return pos;
}

// --- the scan -----------------------------------------------------------

// Decodes the block whose first line is `line` at `pos`, if one starts there,
// into `files`; returns the offset scanning resumes at (line.next if none).
std::size_t DecodeBlock(std::string_view text, const Line& line, const Limits& limits,
                        std::vector<EmbeddedFile>* files) {
  std::size_t max = limits.max_member_bytes;
  EmbeddedFile file;
  bool base64 = false;
  std::string_view name;
  std::size_t end = line.next;
  if (ParseUuHeader(line.text, &base64, &name)) {
    file.format = "uuencode";
    file.name = FileName(name, "uuencoded");
    end = base64 ? DecodeUuBase64(text, line.next, max, &file)
                 : DecodeUu(text, line.next, max, &file);
    if (end == line.next) return end;
  } else if (StartsWith(line.text, "=ybegin ")) {
    file.format = "yenc";
    file.name = FileName(YencField(line.text, "name"), "yenc");
    end = DecodeYenc(text, line.next, line.text, max, &file);
  } else if (StartsWith(line.text, kBinHexMarker)) {
    BinHexFile hqx =
        DecodeBinHex(text, line.next, max, limits.max_expansion_ratio, limits.max_expansion_floor);
    file.format = "binhex";
    file.name = FileName(hqx.name, "binhex");
    file.data = std::move(hqx.data);
    file.defect = hqx.defect;
    file.cut = hqx.ratio_cut ? "expansion-ratio" : hqx.cut ? "member-size" : "";
    std::string rsrc_name = file.name + ".rsrc";
    files->push_back(std::move(file));
    if (!hqx.resource.empty()) {
      files->push_back(
          EmbeddedFile{"binhex", std::move(rsrc_name), std::move(hqx.resource), {}, {}});
    }
    return std::max(hqx.end, line.next);
  } else {
    return end;
  }
  files->push_back(std::move(file));
  return end;
}

// True when a block could start on the line: a cheap test of its first byte.
bool MayStartBlock(std::string_view line) {
  return !line.empty() && (line[0] == 'b' || line[0] == '=' || line[0] == '(');
}

}  // namespace

void ForEachEmbeddedFile(std::string_view text, const Limits& limits,
                         const std::function<bool(EmbeddedFile& file)>& visit) {
  std::size_t pos = 0;
  std::vector<EmbeddedFile> files;
  while (pos < text.size()) {
    Line line = LineAt(text, pos);
    if (!MayStartBlock(line.text)) {
      pos = line.next;
      continue;
    }
    files.clear();
    std::size_t end = DecodeBlock(text, line, limits, &files);
    for (EmbeddedFile& file : files) {
      if (!visit(file)) return;
    }
    // Resume at a line start past the block (a decoder may stop mid-line).
    pos = end > line.next && text[end - 1] != '\n' ? LineAt(text, end).next
                                                   : std::max(end, line.next);
  }
}

void ReadEmbeddedFiles(std::string_view text, ReadContext& ctx) {
  const std::string label = ctx.blob().label;
  int count = 0;
  ForEachEmbeddedFile(text, ctx.limits(), [&](EmbeddedFile& file) {
    if (!ctx.HasTime(label)) return false;
    if (count == kMaxEmbeddedFiles) {
      ctx.Hit("embedded-files", label,
              "more than " + std::to_string(kMaxEmbeddedFiles) +
                  " files encoded in one text; the rest were not decoded");
      return false;
    }
    ++count;
    std::string where = label + "/" + file.name;
    if (!file.defect.empty()) ctx.Defect(file.defect, where);
    if (file.data.empty()) return true;  // nothing decoded: the defect says why
    if (!ctx.budget().TakeArchiveMember(label)) return false;
    if (!file.cut.empty()) {
      ctx.Hit(
          file.cut, where,
          std::string(file.format) + " file larger than its limit; only its beginning was read");
    }
    if (!ctx.budget().TakeExpanded(file.data.size(), label)) return false;
    ctx.Recurse(ctx.Member(file.data, file.name));
    return true;
  });
}

}  // namespace sendguard
