// The CSV reader (formats/csv_reader.h).

#include "formats/csv_reader.h"

#include <algorithm>
#include <map>

#include "formats/text_reader.h"
#include "mail/charset.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// Rows and bytes looked at to find the delimiter.
constexpr std::size_t kSniffRows = 20;
constexpr std::size_t kSniffBytes = 64u << 10;

// Reads RFC 4180 records one at a time.
class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter) : in_(text), delim_(delimiter) {}

  bool Done() const { return pos_ >= in_.size(); }
  bool unterminated() const { return unterminated_; }
  std::size_t offset() const { return pos_; }

  // The next record's fields.
  std::vector<std::string> Next() {
    std::vector<std::string> fields(1);
    while (pos_ < in_.size()) {
      const char c = in_[pos_];
      std::string& f = fields.back();
      if (c == '"' && f.empty() && !quoted_field_) {
        Quoted(f);
        continue;
      }
      ++pos_;
      if (c == delim_) {
        fields.emplace_back();
        quoted_field_ = false;
      } else if (c == '\n') {
        break;
      } else if (c == '\r') {
        if (pos_ < in_.size() && in_[pos_] == '\n') ++pos_;
        break;
      } else {
        f += c;
      }
    }
    quoted_field_ = false;
    return fields;
  }

 private:
  void Quoted(std::string& f) {
    quoted_field_ = true;
    ++pos_;
    while (pos_ < in_.size()) {
      const char c = in_[pos_++];
      if (c != '"') {
        f += c;
      } else if (pos_ < in_.size() && in_[pos_] == '"') {
        f += '"';
        ++pos_;
      } else {
        return;
      }
    }
    unterminated_ = true;
  }

  std::string_view in_;
  char delim_;
  std::size_t pos_ = 0;
  bool quoted_field_ = false;
  bool unterminated_ = false;
};

bool DeclaredCsv(const Blob& blob) {
  const std::string_view t = blob.content_type;
  return t == "text/csv" || t == "text/tab-separated-values" || t == "application/csv" ||
         t == "text/x-csv" || EndsWithIgnoreCase(blob.filename, ".csv") ||
         EndsWithIgnoreCase(blob.filename, ".tsv");
}

std::string Trimmed(std::string_view s, std::size_t max) {
  s = TrimWhitespace(s);
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut));
}

void AppendRaw(std::string& out, const std::vector<std::string>& row, char delim) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += delim;
    out += row[i];
  }
  out += '\n';
}

}  // namespace

char CsvDelimiter(std::string_view text) {
  text = text.substr(0, kSniffBytes);
  char best = 0;
  std::size_t best_fields = 0;
  for (char d : {',', ';', '\t'}) {
    CsvParser p(text, d);
    std::map<std::size_t, int> counts;
    int rows = 0;
    std::size_t first = 0;
    while (!p.Done() && rows < static_cast<int>(kSniffRows)) {
      std::vector<std::string> r = p.Next();
      if (r.size() == 1 && r[0].empty()) continue;  // blank line
      if (rows == 0) first = r.size();
      ++counts[r.size()];
      ++rows;
    }
    if (first < 2 || rows == 0) continue;
    // Most rows have the header's count (a cut last row may not).
    if (counts[first] * 10 < rows * 8 && rows > 1) continue;
    if (first > best_fields) {
      best = d;
      best_fields = first;
    }
  }
  return best;
}

std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char delimiter,
                                               std::size_t max_records, bool* unterminated) {
  std::vector<std::vector<std::string>> out;
  CsvParser p(text, delimiter);
  while (!p.Done() && out.size() < max_records) out.push_back(p.Next());
  if (unterminated != nullptr) *unterminated = p.unterminated();
  return out;
}

bool CsvReader::Accepts(const Blob& blob, ContentKind sniffed) const {
  if (sniffed != ContentKind::kText || !DeclaredCsv(blob)) return false;
  std::string_view head = blob.data.substr(0, kSniffBytes);
  if (IsAsciiCompatible(blob.charset) && GuessUtf16(blob.data).empty()) {
    return CsvDelimiter(head) != 0;
  }
  return CsvDelimiter(ToUtf8(head.substr(0, head.size() & ~std::size_t{1}), blob.charset)) != 0;
}

std::vector<std::string_view> CsvReader::LimitNames() const {
  return {"csv-columns", "csv-expansion"};
}

void CsvReader::Read(const Blob& blob, ReadContext& ctx) const {
  const std::string text = PlainText(blob);
  const char delim = CsvDelimiter(text);
  if (delim == 0) return ReadPlainText(blob, ctx);
  const std::size_t budget = kCsvExpansion * text.size() + 4096;
  CsvParser p(text, delim);
  std::vector<std::string> header;
  std::string out;
  bool columns_cut = false, expansion_cut = false;
  while (!p.Done()) {
    std::vector<std::string> row = p.Next();
    if (row.size() == 1 && row[0].empty()) continue;
    if (header.empty()) {
      for (std::size_t i = 0; i < row.size() && i < kMaxCsvColumns; ++i) {
        header.push_back(Trimmed(row[i], kMaxCsvHeaderBytes));
      }
      columns_cut |= row.size() > kMaxCsvColumns;
      AppendRaw(out, row, delim);
      continue;
    }
    if (out.size() > budget) {
      expansion_cut = true;
      AppendRaw(out, row, delim);
      continue;
    }
    bool first = true;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (TrimWhitespace(row[i]).empty()) continue;
      if (!first) out += "; ";
      first = false;
      if (i < header.size()) {
        out += header[i].empty() ? "Column " + std::to_string(i + 1) : header[i];
        out += ": ";
      } else {
        columns_cut |= i >= kMaxCsvColumns;
        out += "Column " + std::to_string(i + 1) + ": ";
      }
      out += row[i];
    }
    out += '\n';
  }
  if (p.unterminated()) ctx.Defect("csv-unterminated-quote", blob.label);
  if (columns_cut) {
    ctx.Hit("csv-columns", blob.label,
            "more than " + std::to_string(kMaxCsvColumns) +
                " columns; fields past them were read without their header");
  }
  if (expansion_cut) {
    ctx.Hit("csv-expansion", blob.label,
            "rows with their headers would exceed " + std::to_string(kCsvExpansion) +
                " times the file; the rest of the rows were read without them");
  }
  ctx.AddText(std::move(out));
  ReadTextExtras(blob, text, ctx);
}

}  // namespace sendguard
