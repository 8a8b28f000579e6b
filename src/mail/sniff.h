// Deciding how to read a blob: by its leading bytes first, then its declared
// content type, then its file name. Declared types are hints only: hostile
// mail labels a ZIP as text/plain or a PDF as application/octet-stream.

#ifndef SENDGUARD_MAIL_SNIFF_H_
#define SENDGUARD_MAIL_SNIFF_H_

#include <string_view>

namespace sendguard {

enum class ContentKind {
  kText,  // plain text in some charset
  kHtml,
  kPdf,
  kZip,          // a ZIP that is not an office document
  kOoxml,        // docx, xlsx, pptx and their macro/template variants
  kOdf,          // odt, ods, odp
  kArchive,      // tar, gzip, bzip2, xz, 7z, rar: anything libarchive reads
  kMessage,      // message/rfc822 or an .eml file
  kUnsupported,  // a known document format without an extractor (legacy .doc, RTF)
  kBinary,       // images, executables, anything without text
};

// Classifies `data`. `content_type` is the lower-case declared "type/subtype"
// (may be empty), `filename` the declared name (may be empty).
ContentKind Sniff(std::string_view data, std::string_view content_type, std::string_view filename);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_SNIFF_H_
