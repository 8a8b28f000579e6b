#include "formats/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstring>

#include "mail/charset.h"
#include "mail/xml_init.h"

namespace sendguard {
namespace {

struct State {
  std::string out;
  int skip = 0;       // inside script/style/template
  int pre = 0;        // inside <pre>: keep white space
  bool space = true;  // last emitted char was white space
};

const char* Name(const xmlChar* n) { return reinterpret_cast<const char*>(n); }

bool IsSkipped(const char* n) {
  return std::strcmp(n, "script") == 0 || std::strcmp(n, "style") == 0 ||
         std::strcmp(n, "template") == 0 || std::strcmp(n, "head") == 0 ||
         std::strcmp(n, "noscript") == 0;
}

bool IsBlock(const char* n) {
  static const char* const kBlocks[] = {
      "p",     "div",  "br",      "li",         "tr",      "table",   "h1",     "h2",
      "h3",    "h4",   "h5",      "h6",         "ul",      "ol",      "dl",     "dt",
      "dd",    "pre",  "hr",      "blockquote", "section", "article", "header", "footer",
      "title", "form", "address", "center",     "nav",     "aside",   "main",   "figure"};
  for (const char* b : kBlocks) {
    if (std::strcmp(n, b) == 0) return true;
  }
  return false;
}

bool IsCell(const char* n) { return std::strcmp(n, "td") == 0 || std::strcmp(n, "th") == 0; }

void Newline(State* s) {
  while (!s->out.empty() && s->out.back() == ' ') s->out.pop_back();
  if (!s->out.empty() && s->out.back() != '\n') s->out.push_back('\n');
  s->space = true;
}

void Separate(State* s) {
  if (!s->space) s->out.push_back(' ');
  s->space = true;
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** /*attrs*/) {
  auto* s = static_cast<State*>(ctx);
  const char* n = Name(name);
  if (IsSkipped(n)) {
    ++s->skip;
  } else if (std::strcmp(n, "pre") == 0) {
    ++s->pre;
  }
  if (IsBlock(n)) {
    Newline(s);
  } else if (IsCell(n)) {
    Separate(s);
  }
}

void OnEnd(void* ctx, const xmlChar* name) {
  auto* s = static_cast<State*>(ctx);
  const char* n = Name(name);
  if (IsSkipped(n)) {
    if (s->skip > 0) --s->skip;
  } else if (std::strcmp(n, "pre") == 0 && s->pre > 0) {
    --s->pre;
  }
  if (IsBlock(n)) Newline(s);
}

void OnText(void* ctx, const xmlChar* ch, int len) {
  auto* s = static_cast<State*>(ctx);
  if (s->skip > 0) return;
  const char* p = Name(ch);
  for (int i = 0; i < len; ++i) {
    char c = p[i];
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (s->pre > 0) {
      s->out.push_back(c == '\r' ? '\n' : c);
      s->space = ws;
    } else if (ws) {
      Separate(s);
    } else if (c == '\xC2' && i + 1 < len && p[i + 1] == '\xA0') {  // &nbsp;
      Separate(s);
      ++i;
    } else {
      s->out.push_back(c);
      s->space = false;
    }
  }
}

void Silent(void*, const char*, ...) {}

}  // namespace

std::string HtmlToText(std::string_view html) {
  EnsureXmlInitialized();
  State state;
  if (html.empty()) return {};
  // libxml2 takes an int length; larger input is read in its first 2 GiB only,
  // which the message size limit keeps well clear of.
  int len =
      html.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(html.size());
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), len);
  if (ctxt == nullptr) return SanitizeUtf8(html);
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnText;
  sax.ignorableWhitespace = OnText;
  sax.warning = Silent;
  sax.error = Silent;
  sax.fatalError = Silent;
  sax.initialized = 1;
  *ctxt->sax = sax;
  ctxt->userData = &state;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  Newline(&state);
  return SanitizeUtf8(state.out);
}

}  // namespace sendguard
