#include "formats/compressed_rtf.h"

// ytnef.h declares C functions without extern "C".
extern "C" {
#include <ytnef.h>
}

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace sendguard {
namespace {

std::uint32_t U32(std::string_view d, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(d[at + i]);
  return v;
}

constexpr std::uint32_t kCompressed = 0x75465A4C;    // "LZFu"
constexpr std::uint32_t kUncompressed = 0x414C454D;  // "MELA"

}  // namespace

std::optional<std::string> DecompressRtf(std::string_view data, std::size_t max_bytes) {
  if (data.size() < 16) return std::nullopt;
  const std::uint32_t comp_size = U32(data, 0);
  const std::uint32_t raw_size = U32(data, 4);
  const std::uint32_t magic = U32(data, 8);
  // comp_size counts the bytes after itself; libytnef trusts it and
  // raw_size, so both are checked against what is there and the limit.
  if (comp_size < 12 || comp_size - 12 > data.size() - 16 || raw_size > max_bytes) {
    return std::nullopt;
  }
  // A back-reference of two bytes yields at most 17: more than that is not
  // compressed RTF but a request for memory.
  if (raw_size > 16 * static_cast<std::size_t>(comp_size) + 4096) return std::nullopt;
  if (magic == kUncompressed) return std::string(data.substr(16, comp_size - 12));
  if (magic != kCompressed) return std::nullopt;
  // libytnef reads a back-reference's two bytes without checking the end of
  // its input: the copy it reads carries zero padding it is not told about.
  std::vector<BYTE> copy(data.begin(), data.begin() + 4 + comp_size);
  const int size_in = static_cast<int>(copy.size());
  copy.resize(copy.size() + 8, 0);
  variableLength in;
  in.data = copy.data();
  in.size = size_in;
  int size = 0;
  BYTE* out = DecompressRTF(&in, &size);
  if (out == nullptr) return std::nullopt;
  std::string rtf;
  if (size > 0) {
    rtf.assign(reinterpret_cast<const char*>(out),
               std::min<std::size_t>(static_cast<std::size_t>(size), raw_size));
  }
  std::free(out);
  return rtf;
}

}  // namespace sendguard
