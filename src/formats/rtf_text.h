// The text of an RTF document (Microsoft RTF 1.9.1) as the words a reader of
// it would see, plus the text it carries that is not shown but is worth
// scanning, and the pictures and objects embedded in it.
//
// Read: body text (hidden \v text too), headers, footers, footnotes,
// annotations, the {\info} fields (title, author, subject, keywords,
// comments, ...), document variables and user properties, field results and
// field instructions (a HYPERLINK's target). \'hh bytes are decoded in the
// code page of the document (\ansicpgN) or of the current font (its
// \fcharsetN or \cpgN in the font table); \uN (negative N too) with the \ucN
// fallback characters after it skipped. Paragraph, line, row and page breaks
// end lines; tabs and cells become tabs. Skipped: tables of fonts, colours,
// styles, lists and revisions, theme and data-store blobs, and every
// ignorable destination {\*\word ...} not named above.
//
// {\pict} data (hex or \bin) and {\*\objdata} of embedded objects are decoded
// and returned as embedded files, so pictures are read by OCR and embedded
// Office documents by their reader. Outlook's encapsulated HTML (\fromhtml1)
// is returned as the HTML a client shows: the {\*\htmltag} markup and the
// text outside \htmlrtf runs.

#ifndef SENDGUARD_FORMATS_RTF_TEXT_H_
#define SENDGUARD_FORMATS_RTF_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

struct RtfOptions {
  // Groups open inside each other that keep their own state; deeper groups
  // are read as part of the one at this depth (their text kept).
  int max_depth = 256;
  // Bytes of text (and of HTML) kept; the rest is not.
  std::size_t max_text_bytes = 16u << 20;
  // Decoded bytes kept of one picture or object; the rest is not.
  std::size_t max_embedded_bytes = 32u << 20;
  // Pictures and objects returned; later ones are not decoded.
  int max_embedded = 64;
};

struct RtfEmbedded {
  std::string name;  // "picture1.png", "object2.doc", ...
  std::string data;  // decoded bytes (an object's OLE1 header removed)
  bool cut = false;  // longer than max_embedded_bytes: `data` is its beginning
};

struct RtfText {
  // The document's text, UTF-8. For encapsulated HTML, the text of the RTF
  // runs marked \htmlrtf (shown only by an RTF reader).
  std::string text;
  // For encapsulated HTML (\fromhtml), the HTML a client shows; else empty.
  std::string html;
  std::vector<RtfEmbedded> embedded;
  bool depth_cut = false;    // groups were nested deeper than max_depth
  bool text_cut = false;     // text or html longer than max_text_bytes
  int embedded_skipped = 0;  // pictures and objects beyond max_embedded
  bool unbalanced = false;   // the input ended inside a group
};

// Reads `rtf`, which starts with "{\rtf" (or not: it is then read as the body
// of one). Linear in rtf.size(); memory bounded by the options.
RtfText ReadRtfText(std::string_view rtf, const RtfOptions& options = {});

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_RTF_TEXT_H_
