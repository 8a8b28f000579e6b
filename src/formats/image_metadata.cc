#include "formats/image_metadata.h"

// exiv2 0.27 declares std::auto_ptr in its headers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#pragma GCC diagnostic pop

#include <cmath>
#include <mutex>
#include <string>
#include <vector>

#include "formats/binary_reader.h"
#include "formats/geo_points.h"
#include "formats/image_dimensions.h"
#include "mail/charset.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace sendguard {
namespace {

std::mutex xmp_mutex;

void XmpLock(void* data, bool lock) {
  auto* m = static_cast<std::mutex*>(data);
  if (lock) {
    m->lock();
  } else {
    m->unlock();
  }
}

// exiv2's XMP toolkit is initialised once, with a lock for the threads of
// the milter (exiv2's XmpParser::initialize documentation).
void EnsureExiv2Initialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    Exiv2::XmpParser::initialize(XmpLock, &xmp_mutex);
  });
}

void Line(std::string& out, std::string_view s) {
  while (!s.empty() && (s.back() == '\0' || s.back() == ' ')) s.remove_suffix(1);
  if (s.empty()) return;
  out.append(s);
  out.push_back('\n');
}

// Degrees from an EXIF GPS rational triple and its reference ("S", "W"
// negative).
std::optional<double> ExifDegrees(const Exiv2::ExifData& exif, const char* key,
                                  const char* ref_key) {
  const auto it = exif.findKey(Exiv2::ExifKey(key));
  if (it == exif.end() || it->count() < 1 || it->count() > 3) return std::nullopt;
  double deg = 0, scale = 1;
  for (long i = 0; i < it->count(); ++i) {
    const Exiv2::Rational r = it->toRational(i);
    if (r.second == 0 || r.first < 0 || r.second < 0) return std::nullopt;
    deg += static_cast<double>(r.first) / r.second / scale;
    scale *= 60;
  }
  const auto ref = exif.findKey(Exiv2::ExifKey(ref_key));
  if (ref != exif.end()) {
    const std::string r = ref->toString();
    if (!r.empty() && (r[0] == 'S' || r[0] == 'W' || r[0] == 's' || r[0] == 'w')) deg = -deg;
  }
  return deg;
}

std::optional<double> XmpDegrees(const Exiv2::XmpData& xmp, const char* key) {
  const auto it = xmp.findKey(Exiv2::XmpKey(key));
  if (it == xmp.end()) return std::nullopt;
  return ParseXmpCoordinate(it->toString());
}

void RecordPicturePosition(ReadContext& ctx, std::string_view format, double lat, double lon) {
  GeoPoints p;
  if (p.Add(lat, lon)) ctx.Positions("exif-gps", format, 1, p.box());
}

// The UTF-16LE text of an XP tag.
std::string XpText(const Exiv2::Exifdatum& md) {
  const long size = md.size();
  if (size <= 0 || size > (1 << 20)) return {};
  std::string bytes(static_cast<std::size_t>(size), '\0');
  md.copy(reinterpret_cast<Exiv2::byte*>(bytes.data()), Exiv2::littleEndian);
  if (bytes.size() % 2) bytes.pop_back();
  return ToUtf8(bytes, "utf-16le");
}

void ReadExifText(const Exiv2::ExifData& exif, std::string& out) {
  for (const Exiv2::Exifdatum& md : exif) {
    const std::uint16_t tag = md.tag();
    if (md.typeId() == Exiv2::asciiString) {
      Line(out, md.toString());
    } else if (md.groupName() == "Image" && tag >= 0x9c9b && tag <= 0x9c9f) {
      Line(out, XpText(md));  // XPTitle, XPComment, XPAuthor, XPKeywords, XPSubject
    } else if (const auto* c = dynamic_cast<const Exiv2::CommentValue*>(&md.value())) {
      Line(out, c->comment());
    }
  }
}

// GeoTIFF tie points: "geo-file" positions, with their box when the model
// is geographic.
void ReadGeoTiff(const Exiv2::Image& image, ReadContext& ctx) {
  const Exiv2::ExifData& exif = image.exifData();
  const Exiv2::Exifdatum *ties = nullptr, *scale = nullptr, *keys = nullptr;
  for (const Exiv2::Exifdatum& md : exif) {
    if (md.groupName() != "Image") continue;
    if (md.tag() == 33922) ties = &md;
    if (md.tag() == 33550) scale = &md;
    if (md.tag() == 34735) keys = &md;
  }
  if (ties == nullptr || ties->count() < 6) return;
  const long n = ties->count() / 6;
  int model = 0;
  bool geographic_key = false, projected_key = false;
  if (keys != nullptr && keys->count() >= 4) {
    const long entries = std::min<long>(keys->toLong(3), (keys->count() - 4) / 4);
    for (long i = 0; i < entries; ++i) {
      const long id = keys->toLong(4 + 4 * i), location = keys->toLong(5 + 4 * i);
      const long value = keys->toLong(7 + 4 * i);
      if (id == 1024 && location == 0) model = static_cast<int>(value);
      if (id == 2048) geographic_key = true;
      if (id == 3072) projected_key = true;
    }
  }
  const bool geographic = model == 2 || (model == 0 && geographic_key && !projected_key);
  if (!geographic) {
    ctx.Positions("geo-file", "geotiff", static_cast<std::size_t>(n), std::nullopt);
    return;
  }
  GeoPoints p;
  for (long i = 0; i < n; ++i) p.Add(ties->toFloat(6 * i + 4), ties->toFloat(6 * i + 3));
  if (scale != nullptr && scale->count() >= 2 && n == 1) {
    const double west = ties->toFloat(3) - ties->toFloat(0) * scale->toFloat(0);
    const double north = ties->toFloat(4) + ties->toFloat(1) * scale->toFloat(1);
    p.Add(north, west);
    p.Add(north - image.pixelHeight() * static_cast<double>(scale->toFloat(1)),
          west + image.pixelWidth() * static_cast<double>(scale->toFloat(0)));
  }
  if (p.points() == 0) {
    ctx.Positions("geo-file", "geotiff", static_cast<std::size_t>(n), std::nullopt);
    return;
  }
  ctx.Positions("geo-file", "geotiff", static_cast<std::size_t>(n), p.box());
}

void ReadWithExiv2(const Blob& blob, ReadContext& ctx) {
  EnsureExiv2Initialized();
  Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(
      reinterpret_cast<const Exiv2::byte*>(blob.data.data()), static_cast<long>(blob.data.size()));
  if (image.get() == nullptr) return;
  image->readMetadata();
  const Exiv2::ExifData& exif = image->exifData();
  std::optional<double> exif_lat, exif_lon;
  if (!exif.empty()) {
    exif_lat = ExifDegrees(exif, "Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLatitudeRef");
    exif_lon = ExifDegrees(exif, "Exif.GPSInfo.GPSLongitude", "Exif.GPSInfo.GPSLongitudeRef");
    if (exif_lat && exif_lon) RecordPicturePosition(ctx, "exif", *exif_lat, *exif_lon);
    ReadGeoTiff(*image, ctx);
  }
  std::string text;
  ReadExifText(exif, text);
  const Exiv2::XmpData& xmp = image->xmpData();
  const std::optional<double> lat = XmpDegrees(xmp, "Xmp.exif.GPSLatitude");
  const std::optional<double> lon = XmpDegrees(xmp, "Xmp.exif.GPSLongitude");
  if (lat && lon &&
      !(exif_lat && exif_lon && std::fabs(*lat - *exif_lat) < 1e-5 &&
        std::fabs(*lon - *exif_lon) < 1e-5)) {
    RecordPicturePosition(ctx, "xmp", *lat, *lon);
  }
  for (const Exiv2::Xmpdatum& md : xmp) Line(text, md.toString());
  for (const Exiv2::Iptcdatum& md : image->iptcData()) Line(text, md.toString());
  Line(text, image->comment());
  if (!text.empty()) ctx.AddText(SanitizeUtf8(text), "#metadata");
}

}  // namespace

std::optional<double> ParseXmpCoordinate(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  const char ref = text.back();
  double sign = 1;
  if (ref == 'S' || ref == 'W' || ref == 's' || ref == 'w') sign = -1;
  if (sign < 0 || ref == 'N' || ref == 'E' || ref == 'n' || ref == 'e') text.remove_suffix(1);
  double deg = 0, scale = 1;
  int parts = 0;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::optional<double> v = ParseDegrees(text.substr(0, comma));
    if (!v || *v < 0 || ++parts > 3) return std::nullopt;
    deg += *v / scale;
    scale *= 60;
    text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
  }
  if (parts == 0) return std::nullopt;
  return sign * deg;
}

void ReadImageMetadata(const Blob& blob, ReadContext& ctx) {
  ReadStrings(ImageMetadataBytes(blob.data), ctx);
  if (blob.data.size() > ctx.limits().max_member_bytes) {
    ctx.Hit("member-size", blob.label,
            "picture of " + std::to_string(blob.data.size()) + " bytes: metadata not parsed");
    return;
  }
  try {
    ReadWithExiv2(blob, ctx);
  } catch (const std::exception&) {
    // A picture exiv2 cannot read: its metadata bytes' strings were scanned.
  } catch (...) {
  }
}

}  // namespace sendguard
