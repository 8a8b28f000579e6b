#include "formats/word_text.h"

#include <cstdint>
#include <string>

#include "mail/charset.h"

namespace sendguard {
namespace {

std::uint16_t U16(std::string_view d, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(d[at]) |
                                    static_cast<unsigned char>(d[at + 1]) << 8);
}

std::uint32_t U32(std::string_view d, std::size_t at) {
  return static_cast<std::uint32_t>(U16(d, at)) | static_cast<std::uint32_t>(U16(d, at + 2)) << 16;
}

// Word's control characters as text: marks that end paragraphs, cells,
// lines and pages become line ends; field marks and object anchors go.
void AppendChar(char16_t c, std::u16string& out) {
  switch (c) {
    case 0x0D:
    case 0x07:
    case 0x0B:
    case 0x0C:
      out.push_back(u'\n');
      return;
    case 0x13:
    case 0x14:
    case 0x15:
      out.push_back(u' ');
      return;
    case 0x1E:
      out.push_back(u'-');
      return;
    case 0x09:
      out.push_back(c);
      return;
    default:
      if (c < 0x20 || c == 0x1F) return;
      out.push_back(c);
  }
}

std::string Utf16ToUtf8(const std::u16string& s) {
  std::string bytes;
  bytes.reserve(s.size() * 2);
  for (char16_t c : s) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  return ToUtf8(bytes, "utf-16le");
}

// cp1252 bytes as UTF-16 code units (the 0x80-0x9F block mapped).
char16_t Cp1252(unsigned char b) {
  static const char16_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  if (b >= 0x80 && b < 0xA0) return kHigh[b - 0x80];
  return b;
}

WordText Fail(WordText::Status status, std::string detail) {
  WordText r;
  r.status = status;
  r.detail = std::move(detail);
  return r;
}

}  // namespace

WordText ReadWordText(std::string_view word, std::string_view table0, std::string_view table1) {
  if (word.size() < 34 || U16(word, 0) != 0xA5EC) {
    return Fail(WordText::Status::kCorrupt, "no Word FIB");
  }
  const std::uint16_t nfib = U16(word, 2);
  const std::uint16_t flags = U16(word, 0x0A);
  if (nfib < 101) return Fail(WordText::Status::kOld, "a Word document older than Word 97");
  if ((flags & 0x0100) != 0 || (flags & 0x8000) != 0) {
    return Fail(WordText::Status::kEncrypted, "encrypted or obfuscated Word document");
  }
  std::string_view table = (flags & 0x0200) != 0 ? table1 : table0;
  // FibBase (32 bytes), then csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcb.
  std::size_t at = 32;
  const std::size_t csw = U16(word, at);
  at += 2 + csw * 2;
  if (at + 2 > word.size()) return Fail(WordText::Status::kCorrupt, "truncated FIB");
  const std::size_t cslw = U16(word, at);
  at += 2 + cslw * 4;
  if (at + 2 > word.size()) return Fail(WordText::Status::kCorrupt, "truncated FIB");
  const std::size_t pairs = U16(word, at);
  at += 2;
  if (pairs <= 33 || at + 34 * 8 > word.size()) {
    return Fail(WordText::Status::kCorrupt, "FIB without a piece table");
  }
  const std::uint32_t fc_clx = U32(word, at + 33 * 8);
  const std::uint32_t lcb_clx = U32(word, at + 33 * 8 + 4);
  if (lcb_clx == 0 || fc_clx > table.size() || lcb_clx > table.size() - fc_clx) {
    return Fail(WordText::Status::kCorrupt, "piece table outside the table stream");
  }
  std::string_view clx = table.substr(fc_clx, lcb_clx);
  // Skip the Prc entries (property modifiers) to the Pcdt.
  std::size_t p = 0;
  while (p < clx.size() && clx[p] == 0x01) {
    if (p + 3 > clx.size()) return Fail(WordText::Status::kCorrupt, "truncated CLX");
    const std::int16_t cb = static_cast<std::int16_t>(U16(clx, p + 1));
    if (cb < 0) return Fail(WordText::Status::kCorrupt, "negative grpprl size");
    p += 3 + static_cast<std::size_t>(cb);
  }
  if (p + 5 > clx.size() || clx[p] != 0x02) {
    return Fail(WordText::Status::kCorrupt, "CLX without a piece descriptor table");
  }
  const std::uint32_t lcb = U32(clx, p + 1);
  p += 5;
  if (lcb < 4 || lcb > clx.size() - p || (lcb - 4) % 12 != 0) {
    return Fail(WordText::Status::kCorrupt, "damaged piece descriptor table");
  }
  std::string_view plc = clx.substr(p, lcb);
  const std::size_t n = (lcb - 4) / 12;
  WordText r;
  r.status = WordText::Status::kOk;
  std::u16string out;
  // Legitimate pieces do not overlap, so a document's text holds at most one
  // character per byte of its WordDocument stream.
  const std::size_t max_chars = word.size();
  std::size_t chars = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t cp_start = U32(plc, i * 4);
    const std::uint32_t cp_end = U32(plc, (i + 1) * 4);
    if (cp_end < cp_start) {
      r.status = WordText::Status::kCorrupt;
      r.detail = "piece table positions out of order";
      break;
    }
    const std::size_t count = cp_end - cp_start;
    const std::size_t pcd = (n + 1) * 4 + i * 8;
    const std::uint32_t fc_raw = U32(plc, pcd + 2);
    const bool compressed = (fc_raw & 0x40000000u) != 0;
    const std::size_t fc = compressed ? (fc_raw & 0x3FFFFFFFu) / 2 : (fc_raw & 0x3FFFFFFFu);
    const std::size_t bytes = compressed ? count : count * 2;
    if (fc > word.size() || bytes > word.size() - fc) {
      r.status = WordText::Status::kCorrupt;
      r.detail = "a piece lies outside the WordDocument stream";
      continue;
    }
    if (chars + count > max_chars) {
      r.status = WordText::Status::kCorrupt;
      r.detail = "overlapping pieces: more text than the document holds";
      break;
    }
    chars += count;
    for (std::size_t k = 0; k < count; ++k) {
      const char16_t c = compressed ? Cp1252(static_cast<unsigned char>(word[fc + k]))
                                    : static_cast<char16_t>(U16(word, fc + 2 * k));
      AppendChar(c, out);
    }
  }
  r.text = Utf16ToUtf8(out);
  return r;
}

}  // namespace sendguard
