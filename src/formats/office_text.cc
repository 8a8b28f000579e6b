#include "formats/office_text.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstring>

#include "mail/charset.h"
#include "mail/xml_init.h"
#include "util/strings.h"

namespace sendguard {
namespace {

struct State {
  OfficeFormat format;
  std::string out;
  int in_text = 0;        // OOXML: inside a text run element
  bool in_value = false;  // OOXML: inside <v> of a literal cell
  bool cell_is_index = false;
};

bool Is(const xmlChar* name, const char* literal) {
  return std::strcmp(reinterpret_cast<const char*>(name), literal) == 0;
}

bool EndsLine(const xmlChar* n) {
  return Is(n, "p") || Is(n, "h") || Is(n, "br") || Is(n, "cr") || Is(n, "row") || Is(n, "tr") ||
         Is(n, "table-row") || Is(n, "line-break") || Is(n, "list-item") || Is(n, "si");
}

bool EndsCell(const xmlChar* n) {
  return Is(n, "tab") || Is(n, "c") || Is(n, "tc") || Is(n, "table-cell");
}

void Newline(std::string* out) {
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
}

void OnStart(void* ctx, const xmlChar* localname, const xmlChar* /*prefix*/, const xmlChar* /*uri*/,
             int /*nb_namespaces*/, const xmlChar** /*namespaces*/, int nb_attributes,
             int /*nb_defaulted*/, const xmlChar** attributes) {
  auto* s = static_cast<State*>(ctx);
  if (s->format == OfficeFormat::kOdf) {
    if (Is(localname, "s")) s->out.push_back(' ');
    return;
  }
  if (Is(localname, "t") || Is(localname, "delText")) {
    ++s->in_text;
  } else if (Is(localname, "c")) {
    // Cell: t="s" means the value is an index into the shared strings.
    s->cell_is_index = false;
    for (int i = 0; i < nb_attributes; ++i) {
      const xmlChar** a = attributes + i * 5;  // localname, prefix, URI, value, end
      if (Is(a[0], "t")) {
        std::string_view v(reinterpret_cast<const char*>(a[3]),
                           static_cast<std::size_t>(a[4] - a[3]));
        s->cell_is_index = v == "s";
      }
    }
  } else if (Is(localname, "v")) {
    s->in_value = !s->cell_is_index;
  }
}

void OnEnd(void* ctx, const xmlChar* localname, const xmlChar* /*prefix*/, const xmlChar* /*uri*/) {
  auto* s = static_cast<State*>(ctx);
  if (s->format == OfficeFormat::kOoxml) {
    if ((Is(localname, "t") || Is(localname, "delText")) && s->in_text > 0) --s->in_text;
    if (Is(localname, "v")) s->in_value = false;
  }
  if (EndsLine(localname)) {
    Newline(&s->out);
  } else if (EndsCell(localname)) {
    if (!s->out.empty() && s->out.back() != '\n' && s->out.back() != '\t') s->out.push_back('\t');
  }
}

void OnText(void* ctx, const xmlChar* ch, int len) {
  auto* s = static_cast<State*>(ctx);
  if (s->format == OfficeFormat::kOoxml && s->in_text == 0 && !s->in_value) return;
  s->out.append(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
}

void Silent(void*, const char*, ...) {}
void SilentStructured(void*, xmlErrorPtr) {}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

bool IsOfficeTextMember(OfficeFormat format, std::string_view m) {
  if (format == OfficeFormat::kOdf) return m == "content.xml" || m == "styles.xml";
  if (!EndsWithIgnoreCase(m, ".xml") || m.find("/_rels/") != std::string_view::npos) return false;
  return m == "word/document.xml" || StartsWith(m, "word/header") || StartsWith(m, "word/footer") ||
         m == "word/footnotes.xml" || m == "word/endnotes.xml" || m == "word/comments.xml" ||
         m == "xl/sharedStrings.xml" || StartsWith(m, "xl/worksheets/sheet") ||
         StartsWith(m, "xl/comments") || StartsWith(m, "ppt/slides/slide") ||
         StartsWith(m, "ppt/notesSlides/") || StartsWith(m, "ppt/comments/");
}

bool IsOfficeEmbeddedMember(OfficeFormat format, std::string_view m) {
  if (format == OfficeFormat::kOdf) return false;
  return StartsWith(m, "word/embeddings/") || StartsWith(m, "xl/embeddings/") ||
         StartsWith(m, "ppt/embeddings/");
}

std::string OfficeXmlToText(std::string_view xml, OfficeFormat format) {
  EnsureXmlInitialized();
  if (xml.empty()) return {};
  int len = xml.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(xml.size());
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml.data(), len);
  if (ctxt == nullptr) return {};
  State state{format, {}, 0, false, false};
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = OnStart;
  sax.endElementNs = OnEnd;
  sax.characters = OnText;
  sax.cdataBlock = OnText;
  sax.warning = Silent;
  sax.error = Silent;
  sax.fatalError = Silent;
  sax.serror = SilentStructured;
  *ctxt->sax = sax;
  ctxt->userData = &state;
  // No NOENT (entities are not substituted), no DTD loading, no network.
  xmlCtxtUseOptions(ctxt,
                    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlParseDocument(ctxt);
  xmlFreeParserCtxt(ctxt);
  return SanitizeUtf8(state.out);
}

}  // namespace sendguard
