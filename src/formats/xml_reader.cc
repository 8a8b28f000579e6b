#include "formats/xml_reader.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>

#include "formats/geo_points.h"
#include "formats/text_reader.h"
#include "mail/charset.h"
#include "mail/xml_init.h"

namespace sendguard {
namespace {

constexpr std::size_t kSniffBytes = 1024;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

bool IsHtmlName(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  if (name.size() != 4) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if ((name[i] | 0x20) != "html"[i]) return false;
  }
  return true;
}

// The document's start as UTF-8 (a UTF-16 one transcoded), BOM left out.
std::string SniffPrefix(std::string_view data) {
  std::string_view head = data.substr(0, kSniffBytes);
  if (StartsWith(head, "\xFE\xFF") || StartsWith(head, "\xFF\xFE") || !GuessUtf16(head).empty()) {
    if (head.size() % 2) head.remove_suffix(1);
    return ToUtf8(head, "");
  }
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  return std::string(head);
}

// Whether the document says its encoding itself: a byte-order mark, UTF-16
// libxml2 detects, or an encoding in its XML declaration.
bool DeclaresEncoding(std::string_view data) {
  if (StartsWith(data, "\xEF\xBB\xBF") || StartsWith(data, "\xFE\xFF") ||
      StartsWith(data, "\xFF\xFE") || !GuessUtf16(data.substr(0, kSniffBytes)).empty()) {
    return true;
  }
  if (!StartsWith(data, "<?xml")) return false;
  const std::string_view decl = data.substr(0, data.find("?>", 0));
  return decl.find("encoding") != std::string_view::npos;
}

struct State {
  ReadContext* ctx = nullptr;
  xmlParserCtxtPtr parser = nullptr;
  std::string out;
  std::size_t max_out = 0;
  bool limit_hit = false;
  bool out_of_time = false;
  std::size_t calls = 0;
  int depth = 0;
  std::string format;   // "kml", "gpx" or empty, from the root element
  int coord_depth = 0;  // depth of the open <coordinates>/<gx:coord>, 0 when none
  bool spaced = false;  // the open one is a <gx:coord>
  std::string coord;
  GeoPoints points;
  int box_depth = 0;  // depth of the open <LatLonBox>/<LatLonAltBox>, 0 when none
  int side = -1;      // the open north/south/east/west in it, -1 when none
  std::string side_text;
  std::optional<double> sides[4];  // north, south, east, west
};

// A KML document: its root is <kml>, or a KML element (a fragment).
bool IsKmlRoot(std::string_view name, std::string_view uri) {
  return name == "kml" || uri.find("opengis.net/kml") != std::string_view::npos ||
         uri.find("earth.google.com/kml") != std::string_view::npos;
}

constexpr std::string_view kSides[4] = {"north", "south", "east", "west"};

State& StateOf(void* ctx) {
  return *static_cast<State*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

// Appends `s` to the text, stopping the parser once it has expanded beyond
// what the message's expansion ratio allows.
void Append(State& st, std::string_view s) {
  if (st.limit_hit || st.out_of_time) return;
  if ((++st.calls & 1023) == 0 && !st.ctx->HasTime(st.ctx->blob().label)) {
    st.out_of_time = true;
    xmlStopParser(st.parser);
    return;
  }
  if (st.out.size() + s.size() > st.max_out) {
    st.limit_hit = true;
    st.ctx->Hit("expansion-ratio", st.ctx->blob().label,
                "XML text expanded beyond " + std::to_string(st.max_out) + " bytes");
    xmlStopParser(st.parser);
    return;
  }
  st.out.append(s);
}

void Break(State& st) {
  if (!st.out.empty() && !IsSpace(st.out.back())) Append(st, "\n");
}

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

std::string_view View(const xmlChar* begin, const xmlChar* end) {
  return std::string_view(reinterpret_cast<const char*>(begin), end - begin);
}

void OnStart(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar* uri, int,
             const xmlChar**, int nb_attributes, int, const xmlChar** attrs) {
  State& st = StateOf(ctx);
  const std::string_view name = View(localname);
  if (st.depth++ == 0) {
    if (IsKmlRoot(name, View(uri))) st.format = "kml";
    if (name == "gpx") st.format = "gpx";
  }
  if (st.format == "kml" && st.box_depth == 0 && (name == "LatLonBox" || name == "LatLonAltBox")) {
    st.box_depth = st.depth;
    for (auto& v : st.sides) v.reset();
  }
  if (st.box_depth != 0 && st.depth == st.box_depth + 1) {
    for (int i = 0; i < 4; ++i) {
      if (name == kSides[i]) st.side = i;
    }
    st.side_text.clear();
  }
  Break(st);
  std::string_view lat, lon;
  for (int i = 0; i < nb_attributes; ++i) {
    const std::string_view attr = View(attrs[5 * i]);
    const std::string_view value = View(attrs[5 * i + 3], attrs[5 * i + 4]);
    Append(st, value);
    Append(st, "\n");
    if (attr == "lat") lat = value;
    if (attr == "lon") lon = value;
  }
  if (st.format == "gpx" && (name == "wpt" || name == "trkpt" || name == "rtept")) {
    const std::optional<double> la = ParseDegrees(lat), lo = ParseDegrees(lon);
    if (la && lo) {
      st.points.Add(*la, *lo);
    } else {
      st.points.Add(NAN, NAN);  // counted as rejected
    }
  }
  if (st.format == "kml" && st.coord_depth == 0 && (name == "coordinates" || name == "coord")) {
    st.coord_depth = st.depth;
    st.spaced = name == "coord";
    st.coord.clear();
  }
}

void OnEnd(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  State& st = StateOf(ctx);
  if (st.coord_depth != 0 && st.coord_depth == st.depth) {
    if (st.spaced) {
      st.points.AddLonLatSpaced(st.coord);
    } else {
      st.points.AddLonLatTuples(st.coord);
    }
    st.coord_depth = 0;
    st.coord.clear();
  }
  if (st.box_depth != 0 && st.depth == st.box_depth + 1 && st.side >= 0) {
    st.sides[st.side] = ParseDegrees(st.side_text);
    st.side = -1;
  }
  if (st.box_depth != 0 && st.depth == st.box_depth) {
    // A ground overlay's or region's box: its corners.
    const auto& v = st.sides;
    if (v[0] && v[1] && v[2] && v[3]) {
      st.points.Add(*v[0], *v[3]);
      st.points.Add(*v[1], *v[2]);
    }
    st.box_depth = 0;
  }
  --st.depth;
  Break(st);
}

void OnText(void* ctx, const xmlChar* ch, int len) {
  State& st = StateOf(ctx);
  const std::string_view text(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
  Append(st, text);
  if (st.coord_depth != 0 && !st.limit_hit) st.coord.append(text);
  if (st.side >= 0 && st.side_text.size() < 64) st.side_text.append(text);
}

void OnComment(void* ctx, const xmlChar* value) {
  State& st = StateOf(ctx);
  Break(st);
  Append(st, View(value));
  Break(st);
}

void OnPi(void* ctx, const xmlChar*, const xmlChar* data) { OnComment(ctx, data); }

// Declares internal entities only: an external one is never recorded, so it
// can never be loaded.
void OnEntityDecl(void* ctx, const xmlChar* name, int type, const xmlChar* public_id,
                  const xmlChar* system_id, xmlChar* content) {
  if (type != XML_INTERNAL_GENERAL_ENTITY && type != XML_INTERNAL_PARAMETER_ENTITY) return;
  xmlSAX2EntityDecl(ctx, name, type, public_id, system_id, content);
}

xmlParserInputPtr NoResolve(void*, const xmlChar*, const xmlChar*) { return nullptr; }

void Silent(void*, const char*, ...) {}
void SilentStructured(void*, xmlErrorPtr) {}

// Parses `xml` into `st`; true when it is well-formed and was read whole.
bool Parse(std::string_view xml, State& st) {
  EnsureXmlInitialized();
  const int len =
      xml.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(xml.size());
  xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt(xml.data(), len);
  if (parser == nullptr) return false;
  st.parser = parser;
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  xmlSAXVersion(&sax, 2);  // the SAX2 defaults keep the DTD's internal entities
  sax.startElementNs = OnStart;
  sax.endElementNs = OnEnd;
  sax.characters = OnText;
  sax.cdataBlock = OnText;
  sax.ignorableWhitespace = nullptr;
  sax.comment = OnComment;
  sax.processingInstruction = OnPi;
  sax.entityDecl = OnEntityDecl;
  sax.resolveEntity = NoResolve;
  sax.externalSubset = nullptr;
  sax.unparsedEntityDecl = nullptr;
  sax.reference = nullptr;
  sax.warning = Silent;
  sax.error = Silent;
  sax.fatalError = Silent;
  sax.serror = SilentStructured;
  *parser->sax = sax;
  parser->_private = &st;
  // Entities substituted (NOENT) but no DTD loading, no network, no XInclude,
  // and libxml2's own amplification checks kept (no XML_PARSE_HUGE).
  xmlCtxtUseOptions(parser,
                    XML_PARSE_NOENT | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlParseDocument(parser);
  const bool ok = parser->wellFormed != 0 && !st.limit_hit && !st.out_of_time;
  if (parser->myDoc != nullptr) xmlFreeDoc(parser->myDoc);
  parser->myDoc = nullptr;
  xmlFreeParserCtxt(parser);
  return ok;
}

}  // namespace

bool LooksLikeXml(std::string_view data) {
  const std::string head = SniffPrefix(data);
  std::string_view s = head;
  for (;;) {
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    if (StartsWith(s, "<?xml")) return true;
    if (StartsWith(s, "<!--") || StartsWith(s, "<?")) {
      const std::string_view close = StartsWith(s, "<!--") ? "-->" : "?>";
      const std::size_t end = s.find(close);
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + close.size());
      continue;
    }
    if (StartsWith(s, "<!DOCTYPE")) {
      s.remove_prefix(9);
      while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    } else if (StartsWith(s, "<")) {
      s.remove_prefix(1);
    } else {
      return false;
    }
    if (s.empty() || !IsNameStart(s.front())) return false;
    std::size_t n = 0;
    while (n < s.size() && IsNameChar(s[n])) ++n;
    return !IsHtmlName(s.substr(0, n));
  }
}

bool XmlReader::Accepts(const Blob& blob, ContentKind sniffed) const {
  return sniffed == ContentKind::kText && LooksLikeXml(blob.data);
}

void XmlReader::Read(const Blob& blob, ReadContext& ctx) const {
  // A document that declares no encoding is in its MIME charset, if any.
  std::string converted;
  std::string_view xml = blob.data;
  if (!blob.charset.empty() && !DeclaresEncoding(blob.data)) {
    converted = ToUtf8(blob.data, blob.charset);
    xml = converted;
  }
  State st;
  st.ctx = &ctx;
  const Limits& limits = ctx.limits();
  const double ratio_bytes = limits.max_expansion_ratio * static_cast<double>(xml.size());
  st.max_out = std::max(limits.max_expansion_floor,
                        ratio_bytes > static_cast<double>(limits.max_expanded_bytes)
                            ? limits.max_expanded_bytes
                            : static_cast<std::size_t>(ratio_bytes));
  const bool ok = Parse(xml, st);
  if (st.points.points() != 0) st.points.Record(ctx, st.format);
  if (ok) {
    ctx.AddText(SanitizeUtf8(st.out));
    // What TextReader would find besides the text: PGP armour, encoded files.
    ReadTextExtras(blob, PlainText(blob), ctx);
    return;
  }
  // What was read before the damage may hold expanded entities the raw text
  // does not show.
  if (!st.out.empty()) ctx.AddText(SanitizeUtf8(st.out), "#xml");
  ReadPlainText(blob, ctx);
}

}  // namespace sendguard
