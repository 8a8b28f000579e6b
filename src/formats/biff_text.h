// The text of an Excel 97-2003 workbook (BIFF8, the "Workbook" stream):
// cells' strings (the shared string table, with its CONTINUE records, and
// LABELSST/LABEL cells) and numbers (NUMBER, RK, MULRK), row by row.

#ifndef SENDGUARD_FORMATS_BIFF_TEXT_H_
#define SENDGUARD_FORMATS_BIFF_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sendguard {

struct BiffText {
  enum class Status {
    kOk,         // `text` holds every cell
    kEncrypted,  // a FILEPASS record: the workbook is encrypted
    kCorrupt,    // damaged records; `text` holds what was read
    kTooLong,    // the text passed `max_bytes`; `text` holds the first part
  };
  Status status = Status::kOk;
  std::string text;  // UTF-8: cells separated by tabs, rows by line ends
  std::string detail;
};

// Reads the cells of the BIFF8 workbook stream `workbook`, keeping at most
// about `max_bytes` of text. Strings of the shared table no cell refers to
// are appended at the end, so that none is left unread.
BiffText ReadBiffText(std::string_view workbook, std::size_t max_bytes);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_BIFF_TEXT_H_
