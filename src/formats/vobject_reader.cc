// The iCalendar and vCard reader (formats/vobject_reader.h).

#include "formats/vobject_reader.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "formats/text_reader.h"
#include "mail/base64.h"
#include "mail/charset.h"
#include "mail/transfer_decoding.h"
#include "util/strings.h"

namespace sendguard {
namespace {

struct Param {
  std::string name;  // upper-case; "TYPE" for vCard 2.1's bare values
  std::string value;
};

struct ContentLine {
  std::string name;  // upper-case, group prefix dropped
  std::vector<Param> params;
  std::string value;  // raw
};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Splits `text` into unfolded logical lines. A line that starts with a space
// or tab continues the one before (RFC 5545 3.1); a quoted-printable value
// ending in "=" continues on the next line (vCard 2.1).
std::vector<std::string> Unfold(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  bool qp_soft = false;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!lines.empty() && qp_soft) {
      lines.back().pop_back();  // the soft break's '='
      lines.back() += line;
    } else if (!lines.empty() && !line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      lines.back() += line.substr(1);
    } else {
      lines.emplace_back(line);
    }
    const std::string& last = lines.back();
    const std::size_t colon = last.find(':');
    qp_soft = !last.empty() && last.back() == '=' && colon != std::string::npos &&
              Upper(std::string_view(last).substr(0, colon)).find("QUOTED-PRINTABLE") !=
                  std::string::npos;
  }
  return lines;
}

// Parses "group.NAME;P=v;P="v,w":value"; nullopt when there is no name.
std::optional<ContentLine> ParseLine(std::string_view line) {
  ContentLine out;
  std::size_t i = 0;
  while (i < line.size() && line[i] != ';' && line[i] != ':') ++i;
  if (i == 0 || i == line.size()) return std::nullopt;
  std::string_view name = line.substr(0, i);
  if (std::size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  if (name.empty() || name.find(' ') != std::string_view::npos) return std::nullopt;
  out.name = Upper(name);
  while (i < line.size() && line[i] == ';') {
    ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != '=' && line[i] != ';' && line[i] != ':') ++i;
    Param p;
    std::string_view pname = line.substr(start, i - start);
    if (i < line.size() && line[i] == '=') {
      p.name = Upper(pname);
      ++i;
      bool quoted = false;
      while (i < line.size() && (quoted || (line[i] != ';' && line[i] != ':'))) {
        if (line[i] == '"') {
          quoted = !quoted;
        } else {
          p.value += line[i];
        }
        ++i;
      }
    } else {
      p.name = "TYPE";  // vCard 2.1: TEL;HOME;VOICE:
      p.value = std::string(pname);
    }
    out.params.push_back(std::move(p));
  }
  if (i >= line.size() || line[i] != ':') return std::nullopt;
  out.value = std::string(line.substr(i + 1));
  return out;
}

std::string ParamOf(const ContentLine& l, std::string_view name) {
  for (const Param& p : l.params) {
    if (p.name == name) return p.value;
  }
  return {};
}

// Unescapes a text value: \n \N are line ends, \, \; \\ \: the characters.
std::string Unescape(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\' || i + 1 == v.size()) {
      out += v[i];
      continue;
    }
    const char n = v[++i];
    out += (n == 'n' || n == 'N') ? '\n' : n;
  }
  return out;
}

// Parameters whose values are text to scan (names, labels, addresses).
bool IsTextParam(std::string_view name) {
  return name == "CN" || name == "LABEL" || name == "SENT-BY" || name == "DIR" ||
         name == "ALTREP" || name == "FILENAME" || name == "X-FILENAME" || name == "FMTTYPE" ||
         name == "LANGUAGE" || name == "EMAIL" || name == "SORT-AS" || name == "GEO";
}

std::optional<double> Number(std::string_view s) {
  s = TrimWhitespace(s);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// The latitude and longitude of a GEO value: "lat;lon" (iCalendar, vCard 3)
// or "geo:lat,lon" (vCard 4).
std::optional<std::pair<double, double>> GeoPoint(std::string_view v) {
  v = TrimWhitespace(v);
  if (v.size() > 4 && EqualsIgnoreCase(v.substr(0, 4), "geo:")) v.remove_prefix(4);
  if (std::size_t semi = v.find_first_of(";?"); semi != std::string_view::npos && v[semi] == '?') {
    v = v.substr(0, semi);
  }
  std::size_t sep = v.find_first_of(";,");
  if (sep == std::string_view::npos) return std::nullopt;
  std::string_view rest = v.substr(sep + 1);
  if (std::size_t more = rest.find_first_of(";,"); more != std::string_view::npos) {
    rest = rest.substr(0, more);  // an altitude
  }
  std::optional<double> lat = Number(v.substr(0, sep));
  std::optional<double> lon = Number(rest);
  if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) return std::nullopt;
  return std::make_pair(*lat, *lon);
}

std::string ExtensionOf(const ContentLine& l, std::string_view media) {
  std::string t = AsciiLower(media.empty() ? ParamOf(l, "TYPE") : media);
  if (std::size_t slash = t.find('/'); slash != std::string::npos) t = t.substr(slash + 1);
  if (t == "jpeg" || t == "jpg") return ".jpg";
  if (t == "png" || t == "gif" || t == "bmp" || t == "tiff" || t == "webp" || t == "pdf") {
    return "." + t;
  }
  return ".bin";
}

class VObjectRead {
 public:
  VObjectRead(const Blob& blob, ReadContext& ctx) : blob_(blob), ctx_(ctx) {}

  void Run(std::string_view text) {
    for (const std::string& raw : Unfold(text)) {
      std::optional<ContentLine> l = ParseLine(raw);
      if (!l) {
        out_ += raw;  // not a content line: kept as it is
        out_ += '\n';
        continue;
      }
      if (l->name == "BEGIN" &&
          (EqualsIgnoreCase(l->value, "VCALENDAR") || EqualsIgnoreCase(l->value, "VCARD"))) {
        format_ = EqualsIgnoreCase(l->value, "VCARD") ? "vcard" : "ics";
      }
      Property(*l);
    }
    ctx_.AddText(std::move(out_));
    if (points_ > 0) ctx_.Positions("geo-file", format_, points_, box_);
  }

 private:
  void Property(const ContentLine& l) {
    std::string encoding = AsciiLower(ParamOf(l, "ENCODING"));
    std::string_view value = l.value;
    if (encoding == "b" || encoding == "base64") return Binary(l, value, {});
    if (l.value.size() > 5 && EqualsIgnoreCase(value.substr(0, 5), "data:")) {
      const std::size_t comma = value.find(',');
      std::string_view head = value.substr(0, comma);
      if (comma != std::string_view::npos && head.ends_with(";base64")) {
        return Binary(l, value.substr(comma + 1), head.substr(5, head.find(';') - 5));
      }
    }
    std::string text;
    if (encoding == "quoted-printable") {
      text = ToUtf8(DecodeQuotedPrintable(value), ParamOf(l, "CHARSET"));
    } else {
      std::string charset = ParamOf(l, "CHARSET");
      text = charset.empty() ? std::string(value) : ToUtf8(value, charset);
    }
    if (l.name == "GEO") Geo(text);
    out_ += l.name;
    out_ += ": ";
    out_ += Unescape(text);
    for (const Param& p : l.params) {
      if (!IsTextParam(p.name) || p.value.empty()) continue;
      out_ += " (" + p.name + "=" + p.value + ")";
    }
    out_ += '\n';
  }

  void Geo(std::string_view value) {
    std::optional<std::pair<double, double>> p = GeoPoint(value);
    if (!p) return;
    auto [lat, lon] = *p;
    if (points_ == 0) box_ = GeoBox{lat, lon, lat, lon};
    box_.south = std::min(box_.south, lat);
    box_.north = std::max(box_.north, lat);
    box_.west = std::min(box_.west, lon);
    box_.east = std::max(box_.east, lon);
    ++points_;
  }

  // A value in base64: decoded and read as a member.
  void Binary(const ContentLine& l, std::string_view value, std::string_view media) {
    const std::string& label = blob_.label;
    out_ += l.name + ": (binary value, read as a member)\n";
    if (!ctx_.HasTime(label)) return;
    if (members_ == kMaxVObjectMembers) {
      ctx_.Hit("vobject-members", label,
               "more than " + std::to_string(kMaxVObjectMembers) +
                   " binary values in one file; the rest were not decoded");
      return;
    }
    ++members_;
    std::string data = DecodeBase64(value).data;
    std::string name = ParamOf(l, "FILENAME");
    if (name.empty()) name = ParamOf(l, "X-FILENAME");
    name = std::string(BaseName(name));
    if (name.empty()) {
      const std::string fmt = media.empty() ? ParamOf(l, "FMTTYPE") : std::string(media);
      name = AsciiLower(l.name) + std::to_string(members_) + ExtensionOf(l, fmt);
    }
    if (data.empty()) return;
    if (!ctx_.budget().TakeArchiveMember(label)) return;
    if (data.size() > ctx_.limits().max_member_bytes) {
      data.resize(ctx_.limits().max_member_bytes);
      ctx_.Hit("member-size", label + "/" + name,
               "binary value larger than its limit; only its beginning was read");
    }
    if (!ctx_.budget().TakeExpanded(data.size(), label)) return;
    ctx_.Recurse(ctx_.Member(data, name));
  }

  const Blob& blob_;
  ReadContext& ctx_;
  std::string out_;
  std::string format_ = "ics";
  int members_ = 0;
  std::size_t points_ = 0;
  GeoBox box_;
};

}  // namespace

bool IsVObject(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() &&
         (text[0] == ' ' || text[0] == '\t' || text[0] == '\r' || text[0] == '\n')) {
    text.remove_prefix(1);
  }
  auto starts = [&](std::string_view s) {
    return text.size() >= s.size() && EqualsIgnoreCase(text.substr(0, s.size()), s);
  };
  return starts("BEGIN:VCALENDAR") || starts("BEGIN:VCARD");
}

bool VObjectReader::Accepts(const Blob& blob, ContentKind sniffed) const {
  if (sniffed != ContentKind::kText) return false;
  if (IsVObject(blob.data)) return true;
  // UTF-16, or another charset that changes ASCII: look at its beginning decoded.
  if (IsAsciiCompatible(blob.charset) && GuessUtf16(blob.data).empty() &&
      !blob.data.starts_with("\xFF\xFE") && !blob.data.starts_with("\xFE\xFF")) {
    return false;
  }
  std::string_view head = blob.data.substr(0, 256);
  return IsVObject(ToUtf8(head.substr(0, head.size() & ~std::size_t{1}), blob.charset));
}

std::vector<std::string_view> VObjectReader::LimitNames() const {
  return {"vobject-members", "archive-members", "member-size", "expanded-size"};
}

void VObjectReader::Read(const Blob& blob, ReadContext& ctx) const {
  std::string text = PlainText(blob);
  VObjectRead(blob, ctx).Run(text);
  ReadTextExtras(blob, text, ctx);
}

}  // namespace sendguard
