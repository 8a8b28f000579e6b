// Text from the XML parts of office documents (OOXML and OpenDocument).

#ifndef SENDGUARD_FORMATS_OFFICE_TEXT_H_
#define SENDGUARD_FORMATS_OFFICE_TEXT_H_

#include <string>
#include <string_view>

namespace sendguard {

enum class OfficeFormat { kOoxml, kOdf };

// True when `member` (a path inside the document's ZIP) holds text a reader
// sees: body, headers and footers, notes, comments, slides, shared strings
// and worksheets for OOXML; content.xml and styles.xml for OpenDocument.
bool IsOfficeTextMember(OfficeFormat format, std::string_view member);

// True when `member` is an object embedded in the document (an attached
// workbook in a docx, ...), to be read as a document of its own.
bool IsOfficeEmbeddedMember(OfficeFormat format, std::string_view member);

// The text of one XML part. OOXML: the content of text runs (w:t, a:t, t,
// deleted text) and literal worksheet cell values, shared-string indexes
// skipped. OpenDocument: all character data. Paragraphs, rows and line breaks
// end lines; cells and tabs are separated by tabs. Malformed XML yields what
// was read before the fault; external entities are never loaded.
std::string OfficeXmlToText(std::string_view xml, OfficeFormat format);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_OFFICE_TEXT_H_
