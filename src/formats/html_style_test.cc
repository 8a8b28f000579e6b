#include "formats/html_style.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sendguard {
namespace {

TEST(HtmlStyleTest, ShownStylesDoNotHide) {
  for (const char* style : {"display:block", "font-size:0.5em", "font-size:10px", "opacity:0.5",
                            "height:0", "overflow:hidden", "padding:0;margin:0",
                            "visibility:visible", "", ";;", "display", "color:none"}) {
    EXPECT_FALSE(StyleHides(style)) << style;
  }
  for (const char* style :
       {"display:none", "font-size:0", "font-size:.0pt", "Font-Size: 0%", "opacity: 0 !important",
        "visibility:collapse", "width:0;overflow:hidden"}) {
    EXPECT_TRUE(StyleHides(style)) << style;
  }
}

TEST(HtmlStyleTest, CssWordsAreItsStringsAndComments) {
  std::vector<std::string> words;
  ForEachCssWords("a::after{content:\"x \\\" y\"} /* note */ b{font:'Arial'} c{content:'open",
                  [&](std::string_view w) { words.emplace_back(w); });
  EXPECT_EQ(words, (std::vector<std::string>{"x \\\" y", " note ", "Arial", "open"}));
  words.clear();
  ForEachCssWords("p { color: red } /* open", [&](std::string_view w) { words.emplace_back(w); });
  EXPECT_EQ(words, (std::vector<std::string>{" open"}));
}

}  // namespace
}  // namespace sendguard
