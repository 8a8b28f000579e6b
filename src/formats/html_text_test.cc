#include "formats/html_text.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(HtmlTextTest, DecodesEntitiesAndDropsScriptsAndStyles) {
  std::string text = HtmlToText(
      "<html><head><style>p{color:red}</style><script>var pw='hidden';</script></head>"
      "<body><p>Fish &amp; chips &lt;3 &eacute;t&#233; &#x41;</p></body></html>");
  EXPECT_EQ(text, "Fish & chips <3 \xC3\xA9t\xC3\xA9 A\n");
}

TEST(HtmlTextTest, BlocksEndLinesAndWhitespaceFolds) {
  std::string text = HtmlToText("<div>one\n   two</div><p>three<br>four</p><ul><li>a<li>b</ul>");
  EXPECT_EQ(text, "one two\nthree\nfour\na\nb\n");
}

TEST(HtmlTextTest, TableCellsAreSeparated) {
  EXPECT_EQ(HtmlToText("<table><tr><td>SSN</td><td>078-05-1120</td></tr></table>"),
            "SSN 078-05-1120\n");
}

TEST(HtmlTextTest, PreKeepsWhitespace) {
  EXPECT_EQ(HtmlToText("<pre>a  b\n c</pre>"), "a  b\n c\n");
}

TEST(HtmlTextTest, MetaCharsetDoesNotOverrideUtf8Input) {
  std::string text =
      HtmlToText("<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xC3\xA9</body></html>");
  EXPECT_EQ(text, "caf\xC3\xA9\n");
}

TEST(HtmlTextTest, BrokenMarkupStillYieldsText) {
  EXPECT_EQ(HtmlToText("<p>unclosed <b>bold <i>text"), "unclosed bold text\n");
  EXPECT_EQ(HtmlToText("no tags at all"), "no tags at all\n");
  EXPECT_EQ(HtmlToText(""), "");
}

TEST(HtmlTextTest, DeepNestingDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  std::string text = HtmlToText(html);
  EXPECT_NE(text.find("deep"), std::string::npos);
}

}  // namespace
}  // namespace sendguard
