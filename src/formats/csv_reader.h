// CSV and TSV files: text (ContentKind::kText) declared as text/csv,
// text/tab-separated-values or application/csv, or named *.csv / *.tsv,
// whose bytes parse as rows delimited by ',' ';' or tab (the delimiter that
// gives the first rows a steady count of at least two fields).
//
// Why a reader for text that TextReader could read: in a spreadsheet export
// a value's meaning is in its column's header, which may be hundreds of rows
// and kilobytes above it, beyond any detector's keyword window. So each row
// is emitted as "Header: value" pairs ("SSN: 212-09-4821; Name: J. Doe"),
// the header row's names standing next to every value below them. Fields
// follow RFC 4180: quoted fields with "" escapes and line ends inside them.
//
// The text is decoded first (ToUtf8 in the declared charset: Excel writes
// UTF-16). Limits: header names are kept to kMaxCsvHeaderBytes each and the
// first kMaxCsvColumns columns; fields past them are emitted without a name
// ("csv-columns"); once the paired text would exceed kCsvExpansion times the
// input, the remaining rows are emitted as they are ("csv-expansion"). Text
// is never dropped. A quote left open at the end is the defect
// "csv-unterminated-quote". Everything TextReader reads besides the text
// (PGP, "#raw", encoded files) is read as it does; content that does not
// parse as rows is read exactly as TextReader reads it.

#ifndef SENDGUARD_FORMATS_CSV_READER_H_
#define SENDGUARD_FORMATS_CSV_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

inline constexpr std::size_t kMaxCsvColumns = 1024;
inline constexpr std::size_t kMaxCsvHeaderBytes = 64;
inline constexpr std::size_t kCsvExpansion = 4;

// The delimiter of `text` (',', ';' or '\t'), or 0 when its first rows do not
// read as delimited rows.
char CsvDelimiter(std::string_view text);

// The records of `text` split on `delimiter` (RFC 4180). `unterminated` is
// set when a quoted field runs to the end. Stops after `max_records`.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char delimiter,
                                               std::size_t max_records, bool* unterminated);

class CsvReader : public DocumentReader {
 public:
  std::string_view name() const override { return "csv"; }
  bool Accepts(const Blob& blob, ContentKind sniffed) const override;
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_CSV_READER_H_
