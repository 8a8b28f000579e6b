#include "formats/html_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sendguard/parser.h"

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

bool Has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// Each way of keeping text from a reader: the text is in `hidden` and not in
// `visible`, and the visible text around it is kept.
TEST(HtmlHiddenTextTest, EachHidingTrickGoesToTheHiddenText) {
  const std::vector<std::string> tricks = {
      "<!-- SECRET//NOFORN -->",
      "<img src=x.png alt=\"SECRET//NOFORN\">",
      "<img src=x.png title='SECRET//NOFORN'>",
      "<a href=#x aria-label=\"SECRET//NOFORN\">link</a>",
      "<input placeholder=\"SECRET//NOFORN\">",
      "<input type=hidden name=n value=\"SECRET//NOFORN\">",
      "<head><title>SECRET//NOFORN</title></head>",
      "<head><meta name=description content=\"SECRET//NOFORN\"></head>",
      "<div hidden>SECRET//NOFORN</div>",
      "<span style=\"display:none\">SECRET//NOFORN</span>",
      "<span style=\"color:red; DISPLAY : None !important\">SECRET//NOFORN</span>",
      "<p style=\"visibility:hidden\">SECRET//NOFORN</p>",
      "<td style=\"font-size:0px\">SECRET//NOFORN</td>",
      "<span style=\"opacity:0\">SECRET//NOFORN</span>",
      "<div style=\"mso-hide:all\">SECRET//NOFORN</div>",
      "<div style=\"max-height:0;overflow:hidden\">SECRET//NOFORN</div>",
      "<noscript>SECRET//NOFORN</noscript>",
      "<template><p>SECRET//NOFORN</p></template>",
      "<script>var marking = 'SECRET//NOFORN';</script>",
      "<style>p::before { content: \"SECRET//NOFORN\" }</style>",
      "<style>/* SECRET//NOFORN */ p { color: red }</style>",
  };
  for (const std::string& trick : tricks) {
    HtmlText text = ReadHtmlText("<p>before</p>" + trick + "<p>after</p>");
    EXPECT_TRUE(Has(text.hidden, "SECRET//NOFORN")) << trick << " -> " << text.hidden;
    EXPECT_FALSE(Has(text.visible, "SECRET")) << trick << " -> " << text.visible;
    EXPECT_TRUE(Has(text.visible, "before")) << trick;
    EXPECT_TRUE(Has(text.visible, "after")) << trick;
  }
}

TEST(HtmlHiddenTextTest, AnSsnInImageAttributes) {
  HtmlText text = ReadHtmlText("<p>Photo: <img alt=\"SSN 078-05-1120\" title=\"J. Doe\"></p>");
  EXPECT_EQ(text.visible, "Photo:\n");
  EXPECT_EQ(text.hidden, "SSN 078-05-1120\nJ. Doe\n");
}

TEST(HtmlHiddenTextTest, VisibleOnlyPagesHaveNoHiddenText) {
  HtmlText text = ReadHtmlText("<p>Fish &amp; <b>chips</b></p><a href=\"https://x.mil/\">x</a>");
  EXPECT_EQ(text.visible, "Fish & chips\nx\n");
  EXPECT_EQ(text.hidden, "");
}

TEST(HtmlHiddenTextTest, MetaSettingsAreNotText) {
  HtmlText text = ReadHtmlText(
      "<head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
      "<meta name=viewport content=\"width=device-width\"><meta charset=utf-8>"
      "<meta content=\"Q3 figures\" name=description></head><p>x</p>");
  EXPECT_EQ(text.hidden, "Q3 figures\n");
}

TEST(HtmlHiddenTextTest, StyleSheetRulesAreNotText) {
  HtmlText text = ReadHtmlText("<style>td { color: #123456; font-family: 'Segoe UI' }</style>x");
  EXPECT_EQ(text.hidden, "Segoe UI\n");
}

TEST(HtmlHiddenTextTest, MarkupInAConditionalCommentIsReadAsHtml) {
  HtmlText text = ReadHtmlText(
      "<p>hi</p><!--[if mso]><table><tr><td>SSN</td><td>078-05-1120</td></tr></table>"
      "<img alt=\"inner alt\"><![endif]-->");
  EXPECT_EQ(text.visible, "hi\n");
  EXPECT_TRUE(Has(text.hidden, "SSN 078-05-1120")) << text.hidden;
  EXPECT_TRUE(Has(text.hidden, "inner alt")) << text.hidden;
  EXPECT_FALSE(Has(text.hidden, "<td>")) << text.hidden;
}

// Invisible characters slipped into a word no longer split it.
TEST(HtmlHiddenTextTest, HiddenInsertsDoNotSplitVisibleWords) {
  HtmlText text = ReadHtmlText(
      "<p>SEC<span style=\"font-size:0\">zz</span>RET//NO<span hidden>q</span>FORN</p>");
  EXPECT_EQ(text.visible, "SECRET//NOFORN\n");
  EXPECT_EQ(text.hidden, "zz q\n");
}

TEST(HtmlHiddenTextTest, EverythingInsideAHiddenElementIsHidden) {
  HtmlText text = ReadHtmlText(
      "<div style=\"display:none\"><p style=\"display:block\">one</p><table><tr><td>two</td>"
      "</tr></table></div><p>shown</p>");
  EXPECT_EQ(text.visible, "shown\n");
  EXPECT_EQ(text.hidden, "one\ntwo\n");
}

TEST(HtmlHiddenTextTest, UnclosedHiddenElementsAndDeepNesting) {
  EXPECT_EQ(ReadHtmlText("<p>a<span hidden>b").hidden, "b\n");
  EXPECT_EQ(ReadHtmlText("<style>p { content: 'open").hidden, "open\n");
  EXPECT_EQ(ReadHtmlText("x<!-- open comment").visible, "x\n");
  std::string html;
  for (int i = 0; i < 50000; ++i) html += "<div hidden><!--<p>c</p>-->";
  html += "deep";
  HtmlText text = ReadHtmlText(html);
  EXPECT_TRUE(Has(text.hidden, "deep"));
  EXPECT_EQ(text.visible, "");
}

// Past the first 64, a comment's markup is kept as it is, not parsed again.
TEST(HtmlHiddenTextTest, ManyCommentsWithMarkupAreAllKept) {
  std::string html = "<p>x</p>";
  for (int i = 0; i < 100; ++i) html += "<!--<b>c" + std::to_string(i) + "</b>-->";
  HtmlText text = ReadHtmlText(html);
  EXPECT_TRUE(Has(text.hidden, "\nc63\n")) << text.hidden;
  EXPECT_TRUE(Has(text.hidden, "\n<b>c64</b>\n")) << text.hidden;
  EXPECT_TRUE(Has(text.hidden, "\n<b>c99</b>\n")) << text.hidden;
}

// The two cases, through the whole parse: the hidden text is read
// under the body's label followed by "#html-hidden".
TEST(HtmlHiddenTextTest, ParsedMessagesReportHiddenTextUnderItsOwnLabel) {
  Result<Message> m = ParseMessage(
      "From: a@example.mil\r\nTo: b@example.org\r\nSubject: x\r\n"
      "Content-Type: text/html\r\n\r\n"
      "<p>Quarterly report</p><!-- SECRET//NOFORN --><img alt=\"SSN 078-05-1120\">\r\n");
  ASSERT_TRUE(m.ok());
  std::string visible, hidden;
  for (const TextSegment& t : m->texts()) {
    if (t.source == "body") visible += t.text;
    if (t.source == "body#html-hidden") hidden += t.text;
  }
  EXPECT_EQ(visible, "Quarterly report\n");
  EXPECT_TRUE(Has(hidden, "SECRET//NOFORN")) << hidden;
  EXPECT_TRUE(Has(hidden, "SSN 078-05-1120")) << hidden;
}

}  // namespace
}  // namespace sendguard
