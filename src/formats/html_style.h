// What CSS says about the text it styles: whether an inline style hides it,
// and the words a style sheet itself carries.

#ifndef SENDGUARD_FORMATS_HTML_STYLE_H_
#define SENDGUARD_FORMATS_HTML_STYLE_H_

#include <functional>
#include <string_view>

namespace sendguard {

// True when the declarations of an inline `style` attribute keep a reader
// from seeing the element's text: display:none, visibility:hidden or
// collapse, font-size:0, opacity:0, mso-hide:all (Outlook), or a zero
// height or width together with overflow:hidden. Property names and values
// are matched without regard to case; `!important` is ignored.
bool StyleHides(std::string_view declarations);

// Calls `visit` with the content of each quoted string and each comment in
// the style sheet `css`: the only places in CSS where text for people lives
// (`content: "..."` is rendered; comments are not). An unterminated string
// or comment runs to the end of `css`.
void ForEachCssWords(std::string_view css, const std::function<void(std::string_view)>& visit);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_HTML_STYLE_H_
