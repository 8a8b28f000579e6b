// Readable text from HTML: what a reader sees, and what is in the page but
// not shown.

#ifndef SENDGUARD_FORMATS_HTML_TEXT_H_
#define SENDGUARD_FORMATS_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace sendguard {

struct HtmlText {
  // The text a reader would see: character references decoded, block
  // elements (p, div, br, li, tr, headings, ...) ending lines and runs of
  // white space folded.
  std::string visible;
  // The text in the page that a reader does not see, one item a line:
  // comments (markup in them, as Outlook's conditional comments hold, read
  // as HTML), the alt, title, aria-label, placeholder and value attributes,
  // the content of <meta name=...> (not of http-equiv or viewport
  // settings), <title> and the rest of <head>, elements hidden by
  // the `hidden` attribute or an inline style (StyleHides), <noscript>,
  // <template>, <script> text (never run in mail, but sent to every
  // recipient), and the quoted strings and comments of <style> sheets. None
  // of it is in `visible`.
  std::string hidden;
};

// Reads `html` (UTF-8). Malformed markup is read as browsers would, best
// effort; never fails.
HtmlText ReadHtmlText(std::string_view html);

// ReadHtmlText(html).visible.
std::string HtmlToText(std::string_view html);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_HTML_TEXT_H_
