// ESRI shapefiles (.shp: file code 9994 big-endian at offset 0, version 1000
// little-endian at 28), which ContentKind::kBinary holds: their records are
// walked, every length checked, to count their points, recorded as "geo-file"
// positions of format "shapefile" with the header's bounding box when it is
// in degrees (none for a projected shapefile). A file whose records cannot
// all be followed has what was counted recorded, its strings scanned and is
// recorded as "corrupt". The .shx index (same header) and the .dbf attribute
// table are left to BinaryReader, which scans their strings.

#ifndef SENDGUARD_FORMATS_SHAPEFILE_READER_H_
#define SENDGUARD_FORMATS_SHAPEFILE_READER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class ShapefileReader : public DocumentReader {
 public:
  std::string_view name() const override { return "shapefile"; }
  bool Accepts(const Blob& blob, ContentKind sniffed) const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

// Whether `data` starts with a shapefile (or .shx) header.
bool IsShapefileHeader(std::string_view data);

// What the records of a shapefile hold.
struct ShapefileSummary {
  std::size_t points = 0;
  std::size_t records = 0;
  std::optional<GeoBox> box;  // the header's, when in degrees
  bool damaged = false;       // a record could not be followed to its end
};

// Walks the records of the shapefile `data` (IsShapefileHeader).
ShapefileSummary SummarizeShapefile(std::string_view data);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_SHAPEFILE_READER_H_
