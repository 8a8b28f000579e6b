#include "formats/image_dimensions.h"

#include <cstddef>

namespace sendguard {
namespace {

std::uint32_t Byte(std::string_view d, std::size_t i) { return static_cast<unsigned char>(d[i]); }
std::uint32_t Be16(std::string_view d, std::size_t i) { return Byte(d, i) << 8 | Byte(d, i + 1); }
std::uint32_t Le16(std::string_view d, std::size_t i) { return Byte(d, i + 1) << 8 | Byte(d, i); }
std::uint32_t Be32(std::string_view d, std::size_t i) { return Be16(d, i) << 16 | Be16(d, i + 2); }
std::uint32_t Le32(std::string_view d, std::size_t i) { return Le16(d, i + 2) << 16 | Le16(d, i); }

bool Has(std::string_view d, std::size_t i, std::string_view magic) {
  return d.size() >= i + magic.size() && d.substr(i, magic.size()) == magic;
}

// The offset of the first start-of-scan marker of a JPEG, or npos.
std::size_t JpegScanStart(std::string_view d) {
  std::size_t i = 2;
  while (i + 4 <= d.size() && Byte(d, i) == 0xFF) {
    const std::uint32_t marker = Byte(d, i + 1);
    if (marker == 0xDA) return i;
    if (marker == 0xFF) {
      ++i;
    } else if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
    } else {
      const std::uint32_t length = Be16(d, i + 2);
      if (length < 2) break;
      i += 2 + length;
    }
  }
  return std::string_view::npos;
}

std::optional<ImageDimensions> Jpeg(std::string_view d) {
  std::size_t i = 2;
  while (i + 9 <= d.size()) {
    if (Byte(d, i) != 0xFF) return std::nullopt;
    const std::uint32_t marker = Byte(d, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    // Start-of-frame markers C0..CF, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      return ImageDimensions{Be16(d, i + 7), Be16(d, i + 5)};
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;  // markers without a length
      continue;
    }
    const std::uint32_t length = Be16(d, i + 2);
    if (length < 2) return std::nullopt;
    i += 2 + length;
  }
  return std::nullopt;
}

std::optional<ImageDimensions> WebP(std::string_view d) {
  if (Has(d, 12, "VP8X") && d.size() >= 30) {
    return ImageDimensions{(Le32(d, 24) & 0xFFFFFF) + 1, (Le32(d, 27) & 0xFFFFFF) + 1};
  }
  if (Has(d, 12, "VP8L") && d.size() >= 25) {
    const std::uint32_t bits = Le32(d, 21);
    return ImageDimensions{(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
  }
  if (Has(d, 12, "VP8 ") && d.size() >= 30) {
    return ImageDimensions{Le16(d, 26) & 0x3FFF, Le16(d, 28) & 0x3FFF};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageDimensions> ReadImageDimensions(std::string_view d) {
  if (Has(d, 0, "\x89PNG\r\n\x1a\n") && Has(d, 12, "IHDR") && d.size() >= 24) {
    return ImageDimensions{Be32(d, 16), Be32(d, 20)};
  }
  if ((Has(d, 0, "GIF87a") || Has(d, 0, "GIF89a")) && d.size() >= 10) {
    return ImageDimensions{Le16(d, 6), Le16(d, 8)};
  }
  if (Has(d, 0, "BM") && d.size() >= 26) {
    const std::uint32_t header = Le32(d, 14);
    if (header == 12) return ImageDimensions{Le16(d, 18), Le16(d, 20)};
    const auto height = static_cast<std::int32_t>(Le32(d, 22));  // negative: top-down rows
    return ImageDimensions{
        Le32(d, 18),
        static_cast<std::uint32_t>(height < 0 ? -static_cast<std::int64_t>(height) : height)};
  }
  if (Has(d, 0, "\xff\xd8")) return Jpeg(d);
  if (Has(d, 0, "RIFF") && Has(d, 8, "WEBP")) return WebP(d);
  return std::nullopt;
}

std::string_view ImageMetadataBytes(std::string_view d) {
  constexpr std::size_t kUnknownPrefix = 64 * 1024;
  if (Has(d, 0, "\xff\xd8")) return d.substr(0, JpegScanStart(d));
  if (Has(d, 0, "\x89PNG\r\n\x1a\n")) {
    std::size_t i = 8;
    while (i + 8 <= d.size() && !Has(d, i + 4, "IDAT")) {
      const std::uint64_t next = i + 12 + std::uint64_t{Be32(d, i)};
      if (next > d.size()) return d.substr(0, kUnknownPrefix);  // damaged: no chunk walk
      i = static_cast<std::size_t>(next);
    }
    return d.substr(0, i);
  }
  return d.substr(0, kUnknownPrefix);
}

}  // namespace sendguard
