#include "formats/binhex.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace sendguard {
namespace {

constexpr std::string_view kAlphabet =
    "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";
constexpr std::uint8_t kRunMarker = 0x90;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The 6-bit value of each character, or -1.
const std::array<std::int8_t, 256>& Values() {
  static const std::array<std::int8_t, 256> values = [] {
    std::array<std::int8_t, 256> v;
    v.fill(-1);
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
      v[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
    }
    return v;
  }();
  return values;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// CRC-16/XMODEM (polynomial 0x1021, initial 0), as BinHex computes it.
std::uint16_t Crc(std::string_view data) {
  std::uint32_t crc = 0;
  for (unsigned char b : data) {
    crc ^= static_cast<std::uint32_t>(b) << 8;
    for (int i = 0; i < 8; ++i) crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
    crc &= 0xFFFF;
  }
  return static_cast<std::uint16_t>(crc);
}

std::uint32_t BigEndian(std::string_view s, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

// The run-length stage: 0x90 n repeats the byte before it n-1 more times,
// 0x90 0 is a literal 0x90. Stops producing at `want` bytes or at the ratio.
struct Expander {
  std::string out;
  std::size_t want = kNone;  // bytes the header says the file needs
  std::size_t max_bytes = 0;
  double ratio = 0;
  std::size_t floor = 0;
  std::size_t encoded = 0;  // encoded characters read so far
  bool marker = false;
  unsigned char last = 0;
  bool ratio_cut = false;

  bool Full() const { return out.size() >= want || ratio_cut; }

  void Put(unsigned char c, std::size_t count) {
    std::size_t room = want == kNone ? count : std::min(count, want - out.size());
    std::size_t cap =
        std::max(floor, static_cast<std::size_t>(ratio * static_cast<double>(encoded)));
    if (out.size() + room > cap) {
      room = cap > out.size() ? cap - out.size() : 0;
      ratio_cut = true;
    }
    out.append(room, static_cast<char>(c));
    last = c;
    if (want == kNone) SetWant();
  }

  // Once the header is in, how much of the stream is worth expanding.
  void SetWant() {
    if (out.empty()) return;
    std::size_t n = static_cast<unsigned char>(out[0]);
    if (out.size() < n + 22) return;
    std::size_t data = BigEndian(out, n + 12, 4);
    std::size_t rsrc = BigEndian(out, n + 16, 4);
    want = n + 22 + (data > max_bytes ? max_bytes : data + 2 + std::min(rsrc, max_bytes) + 2);
  }

  void Feed(unsigned char b) {
    if (Full()) return;
    if (marker) {
      marker = false;
      if (b == 0) {
        Put(kRunMarker, 1);
      } else if (!out.empty()) {
        Put(last, static_cast<std::size_t>(b) - 1);
      }
    } else if (b == kRunMarker) {
      marker = true;
    } else {
      Put(b, 1);
    }
  }
};

// Reads the 6-bit characters from `pos` (just after the opening ':') up to
// the closing ':'; returns the offset past it, or where reading stopped.
std::size_t Expand(std::string_view text, std::size_t pos, Expander* x, BinHexFile* file) {
  const std::array<std::int8_t, 256>& values = Values();
  std::uint32_t acc = 0;
  int bits = 0;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == ':') return pos + 1;
    if (IsSpace(c)) continue;
    std::int8_t v = values[static_cast<unsigned char>(c)];
    if (v < 0) {
      file->defect = "binhex-corrupt";
      return pos;
    }
    ++x->encoded;
    acc = ((acc << 6) | static_cast<std::uint32_t>(v)) & 0xFFF;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      x->Feed(static_cast<unsigned char>(acc >> bits));
    }
  }
  file->defect = "binhex-truncated";
  return pos;
}

// One fork of `length` bytes at `at` in the expanded stream, with its CRC.
std::string Fork(const Expander& x, std::size_t at, std::size_t length, std::size_t max_bytes,
                 BinHexFile* file) {
  const std::string& out = x.out;
  if (at >= out.size()) {
    if (length > 0 && file->defect.empty() && !x.ratio_cut) file->defect = "binhex-truncated";
    return {};
  }
  std::size_t keep = std::min({length, max_bytes, out.size() - at});
  if (length > max_bytes) file->cut = true;
  std::string fork = out.substr(at, keep);
  if (keep == length && at + length + 2 <= out.size()) {
    if (Crc(fork) != BigEndian(out, at + length, 2) && file->defect.empty()) {
      file->defect = "binhex-crc";
    }
  } else if (!file->cut && !x.ratio_cut && file->defect.empty()) {
    file->defect = "binhex-truncated";
  }
  return fork;
}

}  // namespace

BinHexFile DecodeBinHex(std::string_view text, std::size_t pos, std::size_t max_bytes, double ratio,
                        std::size_t floor) {
  BinHexFile file;
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  if (pos >= text.size() || text[pos] != ':') {
    file.defect = "binhex-corrupt";
    file.end = pos;
    return file;
  }
  Expander x;
  x.max_bytes = max_bytes;
  x.ratio = ratio;
  x.floor = floor;
  file.end = Expand(text, pos + 1, &x, &file);
  file.ratio_cut = x.ratio_cut;
  const std::string& out = x.out;
  std::size_t n = out.empty() ? 0 : static_cast<unsigned char>(out[0]);
  if (out.size() < n + 22 || n == 0 || n > 63) {
    if (file.defect.empty())
      file.defect = out.size() < n + 22 ? "binhex-truncated" : "binhex-corrupt";
    return file;
  }
  file.name = out.substr(1, n);
  if (Crc(std::string_view(out).substr(0, n + 20)) != BigEndian(out, n + 20, 2)) {
    file.defect = "binhex-crc";
  }
  std::size_t data_length = BigEndian(out, n + 12, 4);
  std::size_t rsrc_length = BigEndian(out, n + 16, 4);
  file.data = Fork(x, n + 22, data_length, max_bytes, &file);
  if (data_length <= max_bytes) {
    file.resource = Fork(x, n + 22 + data_length + 2, rsrc_length, max_bytes, &file);
  } else if (rsrc_length > 0) {
    file.cut = true;
  }
  return file;
}

}  // namespace sendguard
