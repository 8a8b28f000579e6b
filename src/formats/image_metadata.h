// The metadata of a picture, read with exiv2: where it was taken and what
// its comments say.
//
// EXIF GPS (GPSLatitude/GPSLongitude rationals and their N/S/E/W refs) is
// recorded as an "exif-gps" position of format "exif", XMP GPS
// (exif:GPSLatitude "38,53.85N") as one of format "xmp" when it is another
// point. GeoTIFF tie points (ModelTiepoint 33922, ModelPixelScale 33550,
// GeoKeyDirectory 34735) are recorded as "geo-file" positions of format
// "geotiff", with their box when the model is geographic.
//
// Text: EXIF ASCII tags (ImageDescription, Artist, ...), the UTF-16 XP tags
// (XPComment, XPAuthor, ...), UserComment, every XMP and IPTC value and the
// file comment, as "<label>#metadata"; and, as before exiv2 read them, the
// strings of the picture's metadata bytes (ImageMetadataBytes) as
// "<label>#strings", so nothing exiv2 does not know is lost.

#ifndef SENDGUARD_FORMATS_IMAGE_METADATA_H_
#define SENDGUARD_FORMATS_IMAGE_METADATA_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "mail/document_reader.h"

namespace sendguard {

// Reads the metadata of the picture `blob` (which `ctx` reads). Never throws.
// A picture larger than max_member_bytes is not handed to exiv2 (recorded as
// a "member-size" hit); its metadata bytes' strings are still scanned.
void ReadImageMetadata(const Blob& blob, ReadContext& ctx);

// An XMP GPS coordinate ("38,53.85N", "38,53,51.6N", "77.0563W") in signed
// degrees; none when it does not read so.
std::optional<double> ParseXmpCoordinate(std::string_view text);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_IMAGE_METADATA_H_
