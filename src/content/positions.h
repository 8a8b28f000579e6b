// Position detectors: they report the geographic positions the document
// readers found (Message::positions()) instead of matching text. "exif-gps"
// is a picture's own position (its EXIF or XMP GPS tags); "geo-file" is a map
// file (KML, GPX, GeoJSON, a shapefile, a GeoTIFF), with the number of its
// points and a coarse bounding box in the finding's detail.

#ifndef SENDGUARD_CONTENT_POSITIONS_H_
#define SENDGUARD_CONTENT_POSITIONS_H_

#include <optional>
#include <vector>

#include "content/detector.h"
#include "content/finding.h"
#include "sendguard/message.h"

namespace sendguard {

// Appends the position detectors ("exif-gps", "geo-file"; category
// "location").
void AddPositionDetectors(std::vector<DetectorDef>* out);

// The finding of position detector `def` (one with DetectorDef::positions
// set) over `positions`: one match per picture or file of its kind, with
// high confidence; nullopt when there is none.
std::optional<Finding> PositionFinding(const DetectorDef& def,
                                       const std::vector<GeoPositions>& positions);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_POSITIONS_H_
