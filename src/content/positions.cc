#include "content/positions.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace sendguard {
namespace {

// `degrees` of latitude (`pos` "N", `neg` "S") or longitude ("E", "W"),
// rounded outward to a tenth of a degree (some 11 km): coarse enough to say
// where a map is without repeating its sites. `up` rounds away from the box.
std::string Coarse(double degrees, bool up, const char* pos, const char* neg) {
  const double tenths = up ? std::ceil(degrees * 10) : std::floor(degrees * 10);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f\xC2\xB0%s", std::fabs(tenths) / 10, tenths < 0 ? neg : pos);
  return buf;
}

// A picture's position, to the whole degree: "38°N 77°W".
std::string Masked(const GeoBox& b) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%d\xC2\xB0%s %d\xC2\xB0%s",
                static_cast<int>(std::fabs(std::trunc(b.south))), b.south < 0 ? "S" : "N",
                static_cast<int>(std::fabs(std::trunc(b.west))), b.west < 0 ? "W" : "E");
  return buf;
}

std::string BoxText(const GeoBox& b) {
  return Coarse(b.south, false, "N", "S") + ".." + Coarse(b.north, true, "N", "S") + ", " +
         Coarse(b.west, false, "E", "W") + ".." + Coarse(b.east, true, "E", "W");
}

}  // namespace

void AddPositionDetectors(std::vector<DetectorDef>* out) {
  DetectorDef gps;
  gps.id = "exif-gps";
  gps.category = "location";
  gps.description = "Pictures that say where they were taken (EXIF or XMP GPS position)";
  gps.positions = "exif-gps";
  out->push_back(std::move(gps));
  DetectorDef map;
  map.id = "geo-file";
  map.category = "location";
  map.description = "Map files with positions: KML/KMZ, GPX, GeoJSON, shapefiles, GeoTIFF";
  map.positions = "geo-file";
  out->push_back(std::move(map));
}

std::optional<Finding> PositionFinding(const DetectorDef& def,
                                       const std::vector<GeoPositions>& positions) {
  Finding f{def.id, def.category, Confidence::kHigh, 0, {}, "", std::nullopt};
  std::size_t points = 0;
  std::optional<GeoBox> box;
  std::vector<std::string> formats;
  for (const GeoPositions& p : positions) {
    if (p.kind != def.positions) continue;
    ++f.count;
    points += p.points;
    if (std::find(f.where.begin(), f.where.end(), p.where) == f.where.end()) {
      f.where.push_back(p.where);
    }
    if (std::find(formats.begin(), formats.end(), p.format) == formats.end()) {
      formats.push_back(p.format);
    }
    if (!p.box) continue;
    if (f.sample.empty()) f.sample = Masked(*p.box);
    if (!box) {
      box = p.box;
    } else {
      box->south = std::min(box->south, p.box->south);
      box->west = std::min(box->west, p.box->west);
      box->north = std::max(box->north, p.box->north);
      box->east = std::max(box->east, p.box->east);
    }
  }
  if (f.count == 0) return std::nullopt;
  std::string kinds;
  for (const std::string& k : formats) kinds += (kinds.empty() ? "" : ", ") + k;
  if (f.sample.empty()) f.sample = kinds;
  f.detail = std::to_string(points) + (points == 1 ? " position" : " positions") + " (" + kinds +
             ")" + (box ? " in " + BoxText(*box) : std::string(", not in degrees"));
  return f;
}

}  // namespace sendguard
