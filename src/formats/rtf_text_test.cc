#include "formats/rtf_text.h"

#include <gtest/gtest.h>

#include <string>

#include "formats/rtf_tokenizer.h"

namespace sendguard {
namespace {

std::string TextOf(std::string_view rtf) { return ReadRtfText(rtf).text; }

TEST(RtfTokenizerTest, ReadsEveryKindOfToken) {
  RtfTokenizer t("{\\b1\\fs-24 Hi\\'e9\\~\\bin3 {}\r\nx}");
  RtfToken a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kGroupStart);
  a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kControlWord);
  EXPECT_EQ(a.text, "b");
  EXPECT_TRUE(a.has_param);
  EXPECT_EQ(a.param, 1);
  a = t.Next();
  EXPECT_EQ(a.text, "fs");
  EXPECT_EQ(a.param, -24);  // the delimiting space is part of the word
  a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kText);
  EXPECT_EQ(a.text, "Hi");
  a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kHexByte);
  EXPECT_EQ(a.byte, 0xe9);
  a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kControlSymbol);
  EXPECT_EQ(a.text, "~");
  a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kBinary);
  EXPECT_EQ(a.text, "{}\r");  // binary bytes are not syntax
  a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kText);  // the line end is dropped
  EXPECT_EQ(a.text, "x");
  EXPECT_EQ(t.Next().kind, RtfToken::kGroupEnd);
  EXPECT_EQ(t.Next().kind, RtfToken::kEnd);
  EXPECT_EQ(t.Next().kind, RtfToken::kEnd);
}

TEST(RtfTokenizerTest, DamageIsText) {
  RtfTokenizer t("\\'4g\\bin999999 ab\\");
  RtfToken a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kText);
  EXPECT_EQ(a.text, "\\'");
  a = t.Next();
  EXPECT_EQ(a.text, "4g");
  a = t.Next();
  EXPECT_EQ(a.kind, RtfToken::kBinary);  // cut by the end of the input
  EXPECT_EQ(a.text, "ab\\");
  EXPECT_EQ(t.Next().kind, RtfToken::kEnd);
  RtfTokenizer huge("\\u99999999999999 x");
  a = huge.Next();
  EXPECT_EQ(a.param, INT32_MAX);
}

TEST(RtfTextTest, ParagraphsTabsAndCellsSeparateText) {
  EXPECT_EQ(TextOf("{\\rtf1 one\\par two\\line three\\tab four\\cell five\\row}"),
            "one\ntwo\nthree\tfour\tfive\n");
  EXPECT_EQ(TextOf("{\\rtf1 a\\\nb}"), "a\nb");  // backslash + line end is \par
}

TEST(RtfTextTest, SkipsTablesAndUnknownIgnorableDestinations) {
  std::string rtf =
      "{\\rtf1\\ansi{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;\\red0;}"
      "{\\stylesheet{\\s0 Normal;}}{\\*\\themedata 0102}{\\*\\unknown hidden}"
      "{\\*\\generator Writer;}SECRET//NOFORN}";
  EXPECT_EQ(TextOf(rtf), "SECRET//NOFORN");
}

TEST(RtfTextTest, DecodesHexBytesInTheDocumentCodePage) {
  EXPECT_EQ(TextOf("{\\rtf1\\ansi\\ansicpg1252 caf\\'e9}"), "caf\xc3\xa9");
  EXPECT_EQ(TextOf("{\\rtf1\\ansi\\ansicpg1251 \\'d1\\'c5\\'ca\\'d0\\'c5\\'d2\\'cd\\'ce}"),
            "\xd0\xa1\xd0\x95\xd0\x9a\xd0\xa0\xd0\x95\xd0\xa2\xd0\x9d\xd0\x9e");  // СЕКРЕТНО
}

TEST(RtfTextTest, DecodesHexBytesInTheFontCharset) {
  // A Shift-JIS font: the two bytes of one character go together.
  std::string rtf =
      "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset128 MS Mincho;}}"
      "\\f0 caf\\'e9 {\\f1 \\'8b\\'40\\'96\\'a7}}";
  EXPECT_EQ(TextOf(rtf), "caf\xc3\xa9 \xe6\xa9\x9f\xe5\xaf\x86");  // 機密
}

TEST(RtfTextTest, UnicodeWithFallbackSkips) {
  // \uc1 skips one fallback character; \uc0 none; negative N is N + 65536.
  EXPECT_EQ(TextOf("{\\rtf1 \\u8364?x}"), "\xe2\x82\xacx");
  EXPECT_EQ(TextOf("{\\rtf1 \\uc2\\u8364\\'80\\'80x}"), "\xe2\x82\xacx");
  EXPECT_EQ(TextOf("{\\rtf1 \\uc0\\u8364 x}"), "\xe2\x82\xacx");
  EXPECT_EQ(TextOf("{\\rtf1 \\u-3913?}"), "\xef\x82\xb7");  // U+F0B7
  // A surrogate pair as two \u words.
  EXPECT_EQ(TextOf("{\\rtf1 \\u-10179?\\u-8694?}"), "\xf0\x9f\x98\x8a");
  // The skip count belongs to the group; it ends with it.
  EXPECT_EQ(TextOf("{\\rtf1 {\\uc3 a}\\u65?b}"), "aAb");
}

TEST(RtfTextTest, InfoFieldsAreRead) {
  std::string rtf =
      "{\\rtf1{\\info{\\title Plan}{\\author J. Doe}{\\keywords SECRET}{\\doccomm note}"
      "{\\creatim\\yr2026\\mo1}}Body}";
  std::string text = TextOf(rtf);
  EXPECT_NE(text.find("\nPlan\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nJ. Doe\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nSECRET\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nnote\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Body"), std::string::npos) << text;
  EXPECT_EQ(text.find("2026"), std::string::npos) << text;
}

TEST(RtfTextTest, HiddenTextAndFieldsAreRead) {
  std::string rtf =
      "{\\rtf1 shown {\\v hidden SSN} "
      "{\\field{\\*\\fldinst HYPERLINK \"https://exfil.example/x\"}{\\fldrslt click}}}";
  std::string text = TextOf(rtf);
  EXPECT_NE(text.find("hidden SSN"), std::string::npos) << text;
  EXPECT_NE(text.find("HYPERLINK \"https://exfil.example/x\""), std::string::npos) << text;
  EXPECT_NE(text.find("click"), std::string::npos) << text;
  EXPECT_NE(text.find("\nclick"), std::string::npos) << "the instruction is a line of its own";
}

TEST(RtfTextTest, ReadsDocumentVariablesAndAnnotations) {
  std::string rtf =
      "{\\rtf1{\\*\\docvar {cls}{TOP SECRET}}text{\\*\\annotation note one}"
      "{\\*\\userprops {\\propname Class}\\proptype30{\\staticval S//NF}}}";
  std::string text = TextOf(rtf);
  EXPECT_NE(text.find("TOP SECRET"), std::string::npos) << text;
  EXPECT_NE(text.find("note one"), std::string::npos) << text;
  EXPECT_NE(text.find("S//NF"), std::string::npos) << text;
}

TEST(RtfTextTest, SymbolsAndEscapes) {
  EXPECT_EQ(TextOf("{\\rtf1 a\\{b\\}c\\\\d\\~e\\-f\\_g\\emdash\\bullet}"),
            "a{b}c\\d ef-g\xe2\x80\x94\xe2\x80\xa2");
}

TEST(RtfTextTest, PicturesAreReturned) {
  std::string rtf =
      "{\\rtf1 x{\\*\\shppict{\\pict{\\*\\picprop{\\sp{\\sn n}{\\sv v}}}\\picw1\\pngblip "
      "8950 4e47\r\n0d0a}}{\\nonshppict{\\pict\\wmetafile8 0100}}"
      "{\\pict\\jpegblip\\bin3 \xff\xd8\xff}}";
  RtfText r = ReadRtfText(rtf);
  EXPECT_EQ(r.text, "x");
  ASSERT_EQ(r.embedded.size(), 2u);
  EXPECT_EQ(r.embedded[0].name, "picture1.png");
  EXPECT_EQ(r.embedded[0].data, "\x89PNG\r\n");
  EXPECT_EQ(r.embedded[1].name, "picture2.jpg");
  EXPECT_EQ(r.embedded[1].data, "\xff\xd8\xff");
}

TEST(RtfTextTest, EmbeddedObjectsLoseTheirOle1Header) {
  // OLE1: version, format 2, class "Word.Document.8", topic, item, size, data.
  std::string ole1 = std::string("\x01\x05\0\0\x02\0\0\0\x10\0\0\0", 12) +
                     std::string("Word.Document.8\0", 16) + std::string("\0\0\0\0\0\0\0\0", 8) +
                     std::string("\x04\0\0\0", 4) + "DOC!";
  std::string hex;
  for (unsigned char c : ole1) {
    static const char* kDigits = "0123456789abcdef";
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  std::string rtf = "{\\rtf1{\\object\\objemb{\\*\\objclass Word.Document.8}{\\*\\objdata " + hex +
                    "}{\\result shown}}}";
  RtfText r = ReadRtfText(rtf);
  EXPECT_EQ(r.text, "shown");
  ASSERT_EQ(r.embedded.size(), 1u);
  EXPECT_EQ(r.embedded[0].name, "object1.doc");
  EXPECT_EQ(r.embedded[0].data, "DOC!");
}

TEST(RtfTextTest, EmbeddedLimits) {
  RtfOptions o;
  o.max_embedded_bytes = 2;
  o.max_embedded = 1;
  RtfText r = ReadRtfText("{\\rtf1{\\pict\\pngblip 010203}{\\pict\\pngblip 01}}", o);
  ASSERT_EQ(r.embedded.size(), 1u);
  EXPECT_EQ(r.embedded[0].data, "\x01\x02");
  EXPECT_TRUE(r.embedded[0].cut);
  EXPECT_EQ(r.embedded_skipped, 1);
}

TEST(RtfTextTest, EncapsulatedHtmlIsTheHtmlAClientShows) {
  std::string rtf =
      "{\\rtf1\\ansi\\fromhtml1 {\\fonttbl{\\f0 Arial;}}"
      "{\\*\\htmltag19 <html>}{\\*\\htmltag50 <body>}\\htmlrtf {\\f0 rtf only}\\htmlrtf0 "
      "SECRET//NOFORN caf\\'e9{\\*\\htmltag84 &nbsp;}{\\*\\htmltag58 </body></html>}}";
  RtfText r = ReadRtfText(rtf);
  EXPECT_NE(r.html.find("<body>"), std::string::npos) << r.html;
  EXPECT_NE(r.html.find("SECRET//NOFORN caf\xc3\xa9"), std::string::npos) << r.html;
  EXPECT_EQ(r.html.find("rtf only"), std::string::npos) << r.html;
  EXPECT_NE(r.text.find("rtf only"), std::string::npos) << r.text;
}

TEST(RtfTextTest, DeepGroupsAreFlattenedNotLost) {
  RtfOptions o;
  o.max_depth = 8;
  std::string rtf =
      "{\\rtf1 " + std::string(100, '{') + "deep{\\*\\x}after" + std::string(100, '}') + " end}";
  RtfText r = ReadRtfText(rtf, o);
  EXPECT_TRUE(r.depth_cut);
  EXPECT_EQ(r.text, "deepafter end");
  EXPECT_FALSE(r.unbalanced);
}

TEST(RtfTextTest, TruncatedAndTextLimit) {
  RtfText r = ReadRtfText("{\\rtf1 {abc");
  EXPECT_TRUE(r.unbalanced);
  EXPECT_EQ(r.text, "abc");
  RtfOptions o;
  o.max_text_bytes = 4;
  r = ReadRtfText("{\\rtf1 caf\\'e9\\'e9}", o);
  EXPECT_TRUE(r.text_cut);
  EXPECT_EQ(r.text, "caf");  // cut on a character boundary
  // Text after the document's last brace is still read.
  EXPECT_EQ(TextOf("{\\rtf1 a}} b"), "a b");
}

}  // namespace
}  // namespace sendguard
