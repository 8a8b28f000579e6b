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
  kZip,      // a ZIP that is not an office document
  kOoxml,    // docx, xlsx, pptx and their macro/template variants
  kOdf,      // odt, ods, odp
  kArchive,  // tar, gzip, bzip2, xz, 7z, rar: anything libarchive reads
  kMessage,  // message/rfc822 or an .eml file
  kOle2,     // an OLE2 compound file: legacy .doc, .xls, .ppt, Outlook .msg
  kRtf,      // Rich Text Format
  kTnef,     // Microsoft TNEF (winmail.dat)
  kImage,    // PNG, JPEG, GIF, BMP, TIFF, WebP
  kBinary,   // executables, and anything else that is not text
};

// Classifies `data`. `content_type` is the lower-case declared "type/subtype"
// (may be empty), `filename` the declared name (may be empty). Content with
// no magic number the sniffer knows is text when its bytes read as text
// (LooksLikeText), whatever type it is declared as.
ContentKind Sniff(std::string_view data, std::string_view content_type, std::string_view filename);

// Whether the first kilobytes of `data` read as text: a Unicode byte-order
// mark, UTF-16 without one (GuessUtf16), or bytes of which at most one in
// twenty is a control character (NUL included; tab, line ends and form feed
// are not control characters here).
bool LooksLikeText(std::string_view data);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_SNIFF_H_
