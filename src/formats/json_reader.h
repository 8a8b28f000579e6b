// JSON documents (ContentKind::kText whose content is a JSON object or
// array) read with nlohmann-json's SAX parser, so memory stays bounded: every
// key, string (escapes such as \u0053 decoded) and number is scanned, as
// "key: value" lines (an array's values on lines of their own under a "key:"
// line). Nesting deeper than kMaxJsonDepth is recorded as a "depth" hit.
//
// GeoJSON (a "type" of FeatureCollection, Feature, Point, LineString,
// Polygon, their Multi* forms or GeometryCollection) is read for positions:
// the [lon, lat(, alt)] arrays under "coordinates", as format "geojson".
//
// A document that does not parse (or is cut by a limit) is read as plain text
// by TextReader, after the positions and the text ("<label>#json") read
// before the damage are recorded.

#ifndef SENDGUARD_FORMATS_JSON_READER_H_
#define SENDGUARD_FORMATS_JSON_READER_H_

#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

inline constexpr int kMaxJsonDepth = 512;

class JsonReader : public DocumentReader {
 public:
  std::string_view name() const override { return "json"; }
  bool Accepts(const Blob& blob, ContentKind sniffed) const override;
  std::vector<std::string_view> LimitNames() const override { return {"expansion-ratio"}; }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

// Whether `data`, in `charset`, begins (after a byte-order mark and
// whitespace) with '{' or '['.
bool LooksLikeJson(std::string_view data, std::string_view charset);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_JSON_READER_H_
