#include "mail/base64.h"

#include <array>
#include <cstdint>

namespace sendguard {
namespace {

constexpr std::uint8_t kSkip = 0xFF;
constexpr std::uint8_t kPad = 0xFE;

constexpr std::array<std::uint8_t, 256> MakeTable() {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = kSkip;
  constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (int i = 0; i < 64; ++i)
    t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::uint8_t>(i);
  t['='] = kPad;
  return t;
}

constexpr std::array<std::uint8_t, 256> kTable = MakeTable();

// Writes the one or two bytes of a group of `have` (2 or 3) symbols in `acc`.
char* FlushPartial(std::uint32_t acc, int have, char* out) {
  if (have == 2) {
    *out++ = static_cast<char>(acc >> 4);
  } else if (have == 3) {
    *out++ = static_cast<char>(acc >> 10);
    *out++ = static_cast<char>(acc >> 2);
  }
  return out;
}

}  // namespace

Base64Result DecodeBase64(std::string_view in) {
  Base64Result r;
  r.data.resize(in.size() / 4 * 3 + 3);
  char* out = r.data.data();
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* end = p + in.size();
  std::uint32_t acc = 0;
  int have = 0;             // symbols in acc
  bool padded = false;      // a group ended in '=' padding
  std::size_t symbols = 0;  // alphabet + padding, for the truncation check
  while (p < end) {
    // Fast path: four alphabet symbols in a row (the body of every line).
    if (have == 0 && end - p >= 4) {
      std::uint8_t a = kTable[p[0]], b = kTable[p[1]], c = kTable[p[2]], d = kTable[p[3]];
      if ((a | b | c | d) < 64) {
        if (padded && r.after_padding == std::string::npos) [[unlikely]] {
          r.after_padding = static_cast<std::size_t>(out - r.data.data());
        }
        std::uint32_t v =
            (std::uint32_t{a} << 18) | (std::uint32_t{b} << 12) | (std::uint32_t{c} << 6) | d;
        out[0] = static_cast<char>(v >> 16);
        out[1] = static_cast<char>(v >> 8);
        out[2] = static_cast<char>(v);
        out += 3;
        p += 4;
        symbols += 4;
        continue;
      }
    }
    std::uint8_t v = kTable[*p++];
    if (v == kSkip) continue;
    ++symbols;
    if (v == kPad) {
      // The group ends here: its whole bytes count, and decoding starts a new
      // group after the padding.
      if (have >= 2) out = FlushPartial(acc, have, out);
      padded |= have >= 2;
      acc = 0;
      have = 0;
      continue;
    }
    if (padded && r.after_padding == std::string::npos) {
      r.after_padding = static_cast<std::size_t>(out - r.data.data());
    }
    acc = (acc << 6) | v;
    if (++have == 4) {
      out[0] = static_cast<char>(acc >> 16);
      out[1] = static_cast<char>(acc >> 8);
      out[2] = static_cast<char>(acc);
      out += 3;
      acc = 0;
      have = 0;
    }
  }
  // A final group of two or three symbols carries one or two bytes.
  out = FlushPartial(acc, have, out);
  r.truncated = symbols % 4 != 0;
  r.data.resize(static_cast<std::size_t>(out - r.data.data()));
  return r;
}

std::string EncodeBase64(std::string_view in, std::size_t line_length) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4 + (line_length > 0 ? in.size() / line_length * 2 : 0));
  std::size_t line = 0;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back(i + 2 < in.size() ? kAlphabet[v & 63] : '=');
    if (line_length > 0 && (line += 4) >= line_length && i + 3 < in.size()) {
      out += "\r\n";
      line = 0;
    }
  }
  return out;
}

}  // namespace sendguard
