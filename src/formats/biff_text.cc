#include "formats/biff_text.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "mail/charset.h"

namespace sendguard {
namespace {

constexpr std::uint16_t kFilePass = 0x002F;
constexpr std::uint16_t kContinue = 0x003C;
constexpr std::uint16_t kSst = 0x00FC;
constexpr std::uint16_t kLabelSst = 0x00FD;
constexpr std::uint16_t kLabel = 0x0204;
constexpr std::uint16_t kNumber = 0x0203;
constexpr std::uint16_t kRk = 0x027E;
constexpr std::uint16_t kMulRk = 0x00BD;
constexpr std::uint16_t kBof = 0x0809;

std::uint16_t U16(std::string_view d, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(d[at]) |
                                    static_cast<unsigned char>(d[at + 1]) << 8);
}

std::uint32_t U32(std::string_view d, std::size_t at) {
  return static_cast<std::uint32_t>(U16(d, at)) | static_cast<std::uint32_t>(U16(d, at + 2)) << 16;
}

// Reads across the segments of a record and its CONTINUE records; a string's
// characters resume after a segment break with a new option byte.
class SegmentReader {
 public:
  explicit SegmentReader(std::vector<std::string_view> segments) : segments_(std::move(segments)) {}

  bool Byte(unsigned char& b) {
    if (!Advance()) return false;
    b = static_cast<unsigned char>(segments_[seg_][pos_++]);
    return true;
  }
  bool Word(std::uint16_t& w) {
    unsigned char lo, hi;
    if (!Byte(lo) || !Byte(hi)) return false;
    w = static_cast<std::uint16_t>(lo | hi << 8);
    return true;
  }
  bool Dword(std::uint32_t& d) {
    std::uint16_t lo, hi;
    if (!Word(lo) || !Word(hi)) return false;
    d = lo | static_cast<std::uint32_t>(hi) << 16;
    return true;
  }
  bool Skip(std::size_t n) {
    while (n > 0) {
      if (!Advance()) return false;
      const std::size_t take = std::min(n, segments_[seg_].size() - pos_);
      pos_ += take;
      n -= take;
    }
    return true;
  }
  // `cch` characters, 8-bit or 16-bit as `high` says, as UTF-16LE bytes.
  bool Chars(std::size_t cch, bool high, std::string& utf16) {
    for (std::size_t i = 0; i < cch; ++i) {
      if (pos_ >= segments_[seg_].size()) {
        if (seg_ + 1 >= segments_.size()) return false;
        ++seg_;
        pos_ = 0;
        unsigned char flags;
        if (!Byte(flags)) return false;
        high = (flags & 1) != 0;
      }
      unsigned char lo, hi = 0;
      if (!Byte(lo)) return false;
      if (high && !Byte(hi)) return false;
      utf16.push_back(static_cast<char>(lo));
      utf16.push_back(static_cast<char>(hi));
    }
    return true;
  }

 private:
  bool Advance() {
    while (seg_ < segments_.size() && pos_ >= segments_[seg_].size()) {
      ++seg_;
      pos_ = 0;
    }
    return seg_ < segments_.size();
  }
  std::vector<std::string_view> segments_;
  std::size_t seg_ = 0;
  std::size_t pos_ = 0;
};

// One XLUnicodeRichExtendedString of the shared string table.
bool ReadRichString(SegmentReader& in, std::string& out) {
  std::uint16_t cch;
  unsigned char flags;
  if (!in.Word(cch) || !in.Byte(flags)) return false;
  std::uint16_t runs = 0;
  std::uint32_t ext = 0;
  if ((flags & 0x08) != 0 && !in.Word(runs)) return false;
  if ((flags & 0x04) != 0 && !in.Dword(ext)) return false;
  std::string utf16;
  if (!in.Chars(cch, (flags & 1) != 0, utf16)) return false;
  out = ToUtf8(utf16, "utf-16le");
  return in.Skip(static_cast<std::size_t>(runs) * 4) && in.Skip(ext);
}

std::string Number(double v) {
  if (!std::isfinite(v)) return std::string();
  char buf[40];
  // Whole numbers in full (card and account numbers are stored as numbers).
  if (v == std::floor(v) && std::fabs(v) < 1e17) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.15g", v);
  }
  return buf;
}

double RkValue(std::uint32_t rk) {
  double v;
  if ((rk & 2) != 0) {
    v = static_cast<double>(static_cast<std::int32_t>(rk) >> 2);
  } else {
    const std::uint64_t bits = static_cast<std::uint64_t>(rk & 0xFFFFFFFCu) << 32;
    std::memcpy(&v, &bits, sizeof v);
  }
  return (rk & 1) != 0 ? v / 100 : v;
}

class CellText {
 public:
  explicit CellText(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  // False once the text is full.
  bool Add(std::uint16_t row, const std::string& text) {
    if (!out_.empty()) out_.push_back(row == row_ ? '\t' : '\n');
    row_ = row;
    out_ += text;
    return out_.size() <= max_bytes_;
  }
  void NewSheet() {
    if (!out_.empty()) out_.push_back('\n');
    row_ = 0xFFFF;
  }
  std::string& text() { return out_; }

 private:
  std::size_t max_bytes_;
  std::string out_;
  std::uint16_t row_ = 0xFFFF;
};

}  // namespace

BiffText ReadBiffText(std::string_view workbook, std::size_t max_bytes) {
  BiffText r;
  struct Record {
    std::uint16_t type;
    std::string_view data;
  };
  std::vector<Record> records;
  for (std::size_t at = 0; at + 4 <= workbook.size();) {
    const std::uint16_t type = U16(workbook, at);
    const std::uint16_t len = U16(workbook, at + 2);
    if (len > workbook.size() - at - 4) {
      r.status = BiffText::Status::kCorrupt;
      r.detail = "a record runs past the Workbook stream";
      break;
    }
    if (type == kFilePass) {
      r.status = BiffText::Status::kEncrypted;
      return r;
    }
    records.push_back({type, workbook.substr(at + 4, len)});
    at += 4 + len;
  }
  std::vector<std::string> sst;
  std::vector<bool> used;
  CellText cells(max_bytes);
  bool full = false;
  for (std::size_t i = 0; i < records.size() && !full; ++i) {
    const Record& rec = records[i];
    if (rec.type == kSst && rec.data.size() >= 8) {
      std::vector<std::string_view> segments{rec.data.substr(8)};
      for (std::size_t j = i + 1; j < records.size() && records[j].type == kContinue; ++j) {
        segments.push_back(records[j].data);
      }
      SegmentReader in(std::move(segments));
      const std::uint32_t unique = U32(rec.data, 4);
      std::size_t bytes = 0;
      for (std::uint32_t k = 0; k < unique; ++k) {
        std::string s;
        if (!ReadRichString(in, s)) {
          r.status = BiffText::Status::kCorrupt;
          r.detail = "damaged shared string table";
          break;
        }
        bytes += s.size();
        sst.push_back(std::move(s));
        if (bytes > max_bytes) break;
      }
      used.assign(sst.size(), false);
    } else if (rec.type == kBof) {
      cells.NewSheet();
    } else if (rec.type == kLabelSst && rec.data.size() >= 10) {
      const std::uint32_t isst = U32(rec.data, 6);
      if (isst < sst.size()) {
        used[isst] = true;
        full = !cells.Add(U16(rec.data, 0), sst[isst]);
      }
    } else if (rec.type == kLabel && rec.data.size() >= 9) {
      SegmentReader in({rec.data.substr(6)});
      std::uint16_t cch;
      unsigned char flags;
      std::string utf16;
      if (in.Word(cch) && in.Byte(flags) && in.Chars(cch, (flags & 1) != 0, utf16)) {
        full = !cells.Add(U16(rec.data, 0), ToUtf8(utf16, "utf-16le"));
      }
    } else if (rec.type == kNumber && rec.data.size() >= 14) {
      double v;
      std::memcpy(&v, rec.data.data() + 6, sizeof v);
      full = !cells.Add(U16(rec.data, 0), Number(v));
    } else if (rec.type == kRk && rec.data.size() >= 10) {
      full = !cells.Add(U16(rec.data, 0), Number(RkValue(U32(rec.data, 6))));
    } else if (rec.type == kMulRk && rec.data.size() >= 6) {
      for (std::size_t at = 4; at + 6 <= rec.data.size() - 2 && !full; at += 6) {
        full = !cells.Add(U16(rec.data, 0), Number(RkValue(U32(rec.data, at + 2))));
      }
    }
  }
  for (std::size_t k = 0; k < sst.size() && !full; ++k) {
    if (!used[k]) full = !cells.Add(0xFFFE, sst[k]);
  }
  r.text = std::move(cells.text());
  if (full || r.text.size() > max_bytes) {
    r.text.resize(std::min(r.text.size(), max_bytes));
    r.status = BiffText::Status::kTooLong;
    r.detail = "the workbook's text passed the text limit";
  }
  return r;
}

}  // namespace sendguard
