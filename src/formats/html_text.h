// Readable text from HTML.

#ifndef SENDGUARD_FORMATS_HTML_TEXT_H_
#define SENDGUARD_FORMATS_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace sendguard {

// Returns the text a reader would see in `html` (UTF-8): character references
// decoded, <script>, <style>, <template> and comments dropped, block elements
// (p, div, br, li, tr, headings, ...) ending lines and runs of white space
// folded. Malformed markup is read as browsers would, best effort; never fails.
std::string HtmlToText(std::string_view html);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_HTML_TEXT_H_
