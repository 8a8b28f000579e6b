#include "formats/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <vector>

#include "formats/html_style.h"
#include "mail/charset.h"
#include "mail/xml_init.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// What an open element does to the text inside it.
enum ElementFlags : std::uint8_t {
  kHides = 1,  // its text goes to the hidden output
  kStyle = 2,  // a style sheet: only its strings and comments are kept
  kPre = 4,    // white space is kept
};

struct Sink {
  std::string out;
  bool space = true;  // last emitted char was white space
};

struct State {
  Sink visible;
  Sink hidden;
  std::vector<std::uint8_t> open;  // the flags of each open element
  int hiding = 0;                  // open elements with kHides
  int style = 0;                   // open elements with kStyle
  int pre = 0;                     // open elements with kPre
  std::string style_text;          // the style sheet being read
  bool in_comment = false;         // reading the markup of a comment
  int comment_parses = 0;          // comments whose markup was read as HTML
};

// Comments whose markup is read as HTML, per document; later ones are kept
// as they are (tags and all), so that a million tiny comments cost no more
// than one parse.
constexpr int kMaxCommentParses = 64;

const char* Name(const xmlChar* n) { return reinterpret_cast<const char*>(n); }

bool Is(const char* n, const char* name) { return std::strcmp(n, name) == 0; }

bool IsBlock(const char* n) {
  static const char* const kBlocks[] = {
      "p",     "div",  "br",      "li",         "tr",      "table",   "h1",     "h2",
      "h3",    "h4",   "h5",      "h6",         "ul",      "ol",      "dl",     "dt",
      "dd",    "pre",  "hr",      "blockquote", "section", "article", "header", "footer",
      "title", "form", "address", "center",     "nav",     "aside",   "main",   "figure"};
  for (const char* b : kBlocks) {
    if (Is(n, b)) return true;
  }
  return false;
}

bool IsCell(const char* n) { return Is(n, "td") || Is(n, "th"); }

// Elements whose content is never shown: the document head (with <title>),
// <noscript> (mail clients run no scripts, but nor do they show it reliably),
// <template> and <script>.
std::uint8_t FlagsOf(const char* n) {
  if (Is(n, "style")) return kStyle;
  if (Is(n, "pre")) return kPre;
  if (Is(n, "head") || Is(n, "title") || Is(n, "noscript") || Is(n, "template") ||
      Is(n, "script")) {
    return kHides;
  }
  return 0;
}

// Attributes whose values a reader does not see as text.
bool IsTextAttribute(const char* attr) {
  return Is(attr, "alt") || Is(attr, "title") || Is(attr, "aria-label") ||
         Is(attr, "placeholder") || Is(attr, "value");
}

Sink& Current(State* s) { return s->hiding > 0 ? s->hidden : s->visible; }

void Newline(Sink* s) {
  while (!s->out.empty() && s->out.back() == ' ') s->out.pop_back();
  if (!s->out.empty() && s->out.back() != '\n') s->out.push_back('\n');
  s->space = true;
}

void Separate(Sink* s) {
  if (!s->space) s->out.push_back(' ');
  s->space = true;
}

void Append(Sink* s, std::string_view text, bool pre) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (pre) {
      s->out.push_back(c == '\r' ? '\n' : c);
      s->space = ws;
    } else if (ws) {
      Separate(s);
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // &nbsp;
      Separate(s);
      ++i;
    } else {
      s->out.push_back(c);
      s->space = false;
    }
  }
}

// Adds `text` to the hidden output on a line of its own.
void AddHidden(State* s, std::string_view text, bool folded = false) {
  Newline(&s->hidden);
  if (folded) {
    s->hidden.out.append(text);
  } else {
    Append(&s->hidden, text, false);
  }
  Newline(&s->hidden);
}

// The content of <meta name=description content=...> and the like is text;
// that of http-equiv and viewport metas is a setting.
void ReadMeta(State* s, const xmlChar** attrs) {
  const char* content = nullptr;
  bool setting = false;
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    const char* attr = Name(attrs[i]);
    const char* value = attrs[i + 1] != nullptr ? Name(attrs[i + 1]) : "";
    if (Is(attr, "content")) {
      content = value;
    } else if (Is(attr, "http-equiv") || Is(attr, "charset")) {
      setting = true;
    } else if (Is(attr, "name")) {
      setting |= EqualsIgnoreCase(value, "viewport");
    }
  }
  if (content != nullptr && *content != '\0' && !setting) AddHidden(s, content);
}

void ReadAttributes(State* s, const char* element, const xmlChar** attrs, std::uint8_t* flags) {
  if (attrs == nullptr) return;
  if (Is(element, "meta")) ReadMeta(s, attrs);
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    const char* attr = Name(attrs[i]);
    const char* value = attrs[i + 1] != nullptr ? Name(attrs[i + 1]) : "";
    if (Is(attr, "hidden")) {
      *flags |= kHides;
    } else if (Is(attr, "style")) {
      if (StyleHides(value)) *flags |= kHides;
    } else if (*value != '\0' && IsTextAttribute(attr)) {
      AddHidden(s, value);
    }
  }
}

void FlushStyle(State* s) {
  ForEachCssWords(s->style_text, [s](std::string_view words) { AddHidden(s, words); });
  s->style_text.clear();
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  auto* s = static_cast<State*>(ctx);
  const char* n = Name(name);
  std::uint8_t flags = FlagsOf(n);
  ReadAttributes(s, n, attrs, &flags);
  if (flags & kHides) {
    ++s->hiding;
    Separate(&s->hidden);
  }
  if (flags & kStyle) ++s->style;
  if (flags & kPre) ++s->pre;
  s->open.push_back(flags);
  if (IsBlock(n)) {
    Newline(&Current(s));
  } else if (IsCell(n)) {
    Separate(&Current(s));
  }
}

void OnEnd(void* ctx, const xmlChar* name) {
  auto* s = static_cast<State*>(ctx);
  if (IsBlock(Name(name))) Newline(&Current(s));
  // libxml2 closes every element it opened, implied ends included.
  if (s->open.empty()) return;
  std::uint8_t flags = s->open.back();
  s->open.pop_back();
  if (flags & kHides) {
    --s->hiding;
    Separate(&s->hidden);
  }
  if ((flags & kStyle) && --s->style == 0) FlushStyle(s);
  if (flags & kPre) --s->pre;
}

void OnText(void* ctx, const xmlChar* ch, int len) {
  auto* s = static_cast<State*>(ctx);
  std::string_view text(Name(ch), static_cast<std::size_t>(len));
  if (s->style > 0) {
    s->style_text.append(text);
  } else {
    Append(&Current(s), text, s->pre > 0);
  }
}

State Parse(std::string_view html, bool in_comment);

void OnComment(void* ctx, const xmlChar* value) {
  auto* s = static_cast<State*>(ctx);
  std::string_view comment(Name(value));
  // Markup in a comment is read as HTML, one level deep: Outlook shows the
  // content of <!--[if mso]> ... <![endif]-->.
  if (!s->in_comment && s->comment_parses < kMaxCommentParses &&
      comment.find('<') != std::string_view::npos) {
    ++s->comment_parses;
    State inner = Parse(comment, true);
    AddHidden(s, inner.visible.out, true);
    AddHidden(s, inner.hidden.out, true);
  } else {
    AddHidden(s, comment);
  }
}

void Silent(void*, const char*, ...) {}

State Parse(std::string_view html, bool in_comment) {
  State state;
  state.in_comment = in_comment;
  if (html.empty()) return state;
  // libxml2 takes an int length; larger input is read in its first 2 GiB only,
  // which the message size limit keeps well clear of.
  int len =
      html.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(html.size());
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), len);
  if (ctxt == nullptr) {
    state.visible.out = std::string(html);
    return state;
  }
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnText;
  sax.ignorableWhitespace = OnText;
  sax.comment = OnComment;
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
  if (!state.style_text.empty()) FlushStyle(&state);  // a sheet left open
  Newline(&state.visible);
  Newline(&state.hidden);
  return state;
}

}  // namespace

HtmlText ReadHtmlText(std::string_view html) {
  EnsureXmlInitialized();
  State state = Parse(html, false);
  return HtmlText{SanitizeUtf8(state.visible.out), SanitizeUtf8(state.hidden.out)};
}

std::string HtmlToText(std::string_view html) { return ReadHtmlText(html).visible; }

}  // namespace sendguard
