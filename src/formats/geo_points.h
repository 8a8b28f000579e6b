// An accumulator of the geographic positions a map file holds (KML, GPX,
// GeoJSON, shapefiles): it counts the valid points, keeps the box they lie in
// and records them through ReadContext::Positions as "geo-file" positions.

#ifndef SENDGUARD_FORMATS_GEO_POINTS_H_
#define SENDGUARD_FORMATS_GEO_POINTS_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

class GeoPoints {
 public:
  // Adds the point at `lat`, `lon` degrees. False, and not counted (but
  // counted as rejected), when either is not finite or |lat| > 90 or
  // |lon| > 180.
  bool Add(double lat, double lon);

  // Adds the points of `text`, tuples "lon,lat[,alt]" separated by
  // whitespace, as in a KML <coordinates> element. Tuples that do not read
  // as two or three numbers are counted as rejected.
  void AddLonLatTuples(std::string_view text);

  // Adds the point of `text`, "lon lat [alt]" separated by whitespace, as in
  // a KML <gx:coord> element; false (rejected) when it does not read so.
  bool AddLonLatSpaced(std::string_view text);

  std::size_t points() const { return points_; }
  std::size_t rejected() const { return rejected_; }
  // The box the points lie in; none before the first point.
  std::optional<GeoBox> box() const;

  // Records the points through ctx.Positions("geo-file", format, points,
  // box); nothing when there are none.
  void Record(ReadContext& ctx, std::string_view format) const;

 private:
  std::size_t points_ = 0;
  std::size_t rejected_ = 0;
  GeoBox box_;
};

// Parses all of `text` (surrounding whitespace allowed) as a decimal number;
// none when it is not one.
std::optional<double> ParseDegrees(std::string_view text);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_GEO_POINTS_H_
