#include "formats/shapefile_reader.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "formats/binary_reader.h"

namespace sendguard {
namespace {

constexpr std::size_t kHeaderBytes = 100;

std::uint32_t Be32(std::string_view d, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

std::uint32_t Le32(std::string_view d, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[1]} << 8 | p[0];
}

double LeDouble(std::string_view d, std::size_t at) {
  std::uint64_t bits = 0;
  for (int i = 7; i >= 0; --i) bits = bits << 8 | static_cast<unsigned char>(d[at + i]);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] | 0x20) != suffix[i]) return false;
  }
  return true;
}

// The points a record's content of `length` bytes at `at` holds; none when
// its shape type is unknown or its counts overrun it.
std::optional<std::size_t> RecordPoints(std::string_view d, std::size_t at, std::size_t length) {
  if (length < 4) return std::nullopt;
  const std::uint32_t type = Le32(d, at);
  switch (type) {
    case 0:  // null shape
      return 0;
    case 1:   // point
    case 11:  // pointZ
    case 21:  // pointM
      return length >= 20 ? std::optional<std::size_t>(1) : std::nullopt;
    case 8:  // multipoint
    case 18:
    case 28: {
      if (length < 40) return std::nullopt;
      const std::uint32_t n = Le32(d, at + 36);
      if (n > (length - 40) / 16) return std::nullopt;
      return n;
    }
    case 3:  // polyline
    case 5:  // polygon
    case 13:
    case 15:
    case 23:
    case 25:
    case 31: {  // multipatch
      if (length < 44) return std::nullopt;
      const std::uint64_t parts = Le32(d, at + 36);
      const std::uint64_t n = Le32(d, at + 40);
      if (parts * 4 + n * 16 > length - 44) return std::nullopt;
      return static_cast<std::size_t>(n);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

bool IsShapefileHeader(std::string_view data) {
  return data.size() >= kHeaderBytes && Be32(data, 0) == 9994 && Le32(data, 28) == 1000;
}

bool ShapefileReader::Accepts(const Blob& blob, ContentKind sniffed) const {
  return sniffed == ContentKind::kBinary && IsShapefileHeader(blob.data) &&
         !EndsWithNoCase(blob.filename, ".shx");
}

ShapefileSummary SummarizeShapefile(std::string_view data) {
  ShapefileSummary s;
  const double xmin = LeDouble(data, 36), ymin = LeDouble(data, 44);
  const double xmax = LeDouble(data, 52), ymax = LeDouble(data, 60);
  const auto degrees = [](double lon, double lat) {
    return std::isfinite(lon) && std::isfinite(lat) && std::fabs(lon) <= 180 &&
           std::fabs(lat) <= 90;
  };
  if (degrees(xmin, ymin) && degrees(xmax, ymax) && xmin <= xmax && ymin <= ymax) {
    s.box = GeoBox{ymin, xmin, ymax, xmax};
  }
  // The header's file length (16-bit words) bounds the records, as do the bytes.
  const std::uint64_t declared = std::uint64_t{Be32(data, 24)} * 2;
  std::size_t end = data.size();
  if (declared >= kHeaderBytes && declared < end) end = static_cast<std::size_t>(declared);
  if (declared != data.size()) s.damaged = declared > data.size();
  std::size_t at = kHeaderBytes;
  while (at < end) {
    if (end - at < 8) {
      s.damaged = true;
      break;
    }
    const std::uint64_t length = std::uint64_t{Be32(data, at + 4)} * 2;
    if (length > end - at - 8) {
      s.damaged = true;
      break;
    }
    const std::optional<std::size_t> n =
        RecordPoints(data, at + 8, static_cast<std::size_t>(length));
    if (!n) {
      s.damaged = true;
      break;
    }
    s.points += *n;
    ++s.records;
    at += 8 + static_cast<std::size_t>(length);
  }
  return s;
}

void ShapefileReader::Read(const Blob& blob, ReadContext& ctx) const {
  const ShapefileSummary s = SummarizeShapefile(blob.data);
  if (s.points != 0) ctx.Positions("geo-file", "shapefile", s.points, s.box);
  if (s.damaged) {
    ReadStrings(blob.data, ctx);
    ctx.Unread("corrupt", "a shapefile whose records cannot all be followed (" +
                              std::to_string(s.records) + " read)");
  }
}

}  // namespace sendguard
