#include "formats/office_text.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(OfficeTextTest, WordRunsAndParagraphs) {
  std::string xml =
      "<w:document xmlns:w='w'><w:body><w:p><w:r><w:t>Hello</w:t></w:r><w:r><w:t "
      "xml:space='preserve'> world</w:t></w:r></w:p><w:p><w:r><w:instrText>HYPERLINK</w:instrText>"
      "<w:delText>removed</w:delText><w:tab/><w:t>x</w:t></w:r></w:p></w:body></w:document>";
  EXPECT_EQ(OfficeXmlToText(xml, OfficeFormat::kOoxml), "Hello world\nremoved\tx\n");
}

TEST(OfficeTextTest, SheetSkipsSharedStringIndexesKeepsLiterals) {
  std::string xml =
      "<worksheet xmlns='s'><sheetData><row><c t='s'><v>7</v></c><c><v>4111111111111111</v></c>"
      "<c t='inlineStr'><is><t>inline</t></is></c><c><f>SUM(A1)</f><v>3</v></c></row>"
      "</sheetData></worksheet>";
  EXPECT_EQ(OfficeXmlToText(xml, OfficeFormat::kOoxml), "4111111111111111\tinline\t3\t\n");
}

TEST(OfficeTextTest, OpenDocumentTakesAllText) {
  std::string xml =
      "<office:document-content xmlns:office='o' xmlns:text='t'><office:body><text:p>one<text:s/>"
      "two</text:p><text:h>head</text:h></office:body></office:document-content>";
  EXPECT_EQ(OfficeXmlToText(xml, OfficeFormat::kOdf), "one two\nhead\n");
}

TEST(OfficeTextTest, EntitiesAreNotExpanded) {
  std::string xml =
      "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>"
      "<!ENTITY ext SYSTEM 'file:///etc/passwd'>]><d><t>&b;&ext;ok</t></d>";
  std::string text = OfficeXmlToText(xml, OfficeFormat::kOoxml);
  EXPECT_EQ(text.find("aaaa"), std::string::npos);
  EXPECT_EQ(text.find("root:"), std::string::npos);
}

TEST(OfficeTextTest, MalformedXmlYieldsWhatWasRead) {
  EXPECT_EQ(OfficeXmlToText("<d><t>partial", OfficeFormat::kOoxml), "partial");
  EXPECT_EQ(OfficeXmlToText("not xml", OfficeFormat::kOoxml), "");
}

TEST(OfficeTextTest, MemberSelection) {
  EXPECT_TRUE(IsOfficeTextMember(OfficeFormat::kOoxml, "word/document.xml"));
  EXPECT_TRUE(IsOfficeTextMember(OfficeFormat::kOoxml, "xl/worksheets/sheet12.xml"));
  EXPECT_TRUE(IsOfficeTextMember(OfficeFormat::kOoxml, "ppt/slides/slide3.xml"));
  EXPECT_FALSE(IsOfficeTextMember(OfficeFormat::kOoxml, "ppt/slides/_rels/slide3.xml.rels"));
  EXPECT_FALSE(IsOfficeTextMember(OfficeFormat::kOoxml, "word/styles.xml"));
  EXPECT_TRUE(IsOfficeTextMember(OfficeFormat::kOdf, "content.xml"));
  EXPECT_TRUE(IsOfficeEmbeddedMember(OfficeFormat::kOoxml, "word/embeddings/Book1.xlsx"));
}

}  // namespace
}  // namespace sendguard
