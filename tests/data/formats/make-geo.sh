#!/bin/sh
# Regenerates the map and picture-metadata fixtures of the geo readers
# (xml_reader, json_reader, shapefile_reader, image_metadata tests and the
# end-to-end test): KML/KMZ, GPX, GeoJSON and a shapefile written by python3,
# pictures made by ImageMagick `convert` with their metadata written by
# `exiftool`, and a GeoTIFF written by python3. Run from anywhere.
set -eu
cd "$(dirname "$0")"

python3 - <<'PY'
import struct, zipfile

kml = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>SECRET//NOFORN sites</name>
<Placemark><name>Site A</name><description><![CDATA[<b>SECRET//NOFORN</b> staging]]></description>
<Point><coordinates>-77.0563,38.8719,0</coordinates></Point></Placemark>
<Placemark><name>Site B</name><LineString><coordinates>
  -77.05,38.87 -77.04,38.88,12.5
</coordinates></LineString></Placemark>
<Placemark><gx:Track><gx:coord>-77.03 38.89 0</gx:coord></gx:Track></Placemark>
</Document></kml>
"""
open("sites.kml", "w").write(kml)
with zipfile.ZipFile("sites.kmz", "w", zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo("doc.kml", date_time=(2026, 12, 2, 0, 0, 0))
    z.writestr(info, kml, zipfile.ZIP_DEFLATED)

open("track.gpx", "w").write("""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="make-geo.sh" xmlns="http://www.topografix.com/GPX/1/1">
<metadata><desc>SECRET//NOFORN patrol route</desc></metadata>
<wpt lat="38.8719" lon="-77.0563"><name>Start</name></wpt>
<rte><rtept lat="38.8800" lon="-77.0500"/></rte>
<trk><name>Patrol</name><trkseg>
<trkpt lat="38.8700" lon="-77.0600"><ele>10</ele></trkpt>
<trkpt lat="38.8750" lon="-77.0550"><ele>12</ele></trkpt>
</trkseg></trk>
</gpx>
""")

open("sites.geojson", "w").write("""{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "\\u0053ECRET//NOFORN depot", "id": 7},
  "geometry": {"type": "Point", "coordinates": [-77.0563, 38.8719]}},
 {"type": "Feature", "properties": {"name": "Fence"},
  "geometry": {"type": "Polygon", "coordinates": [[[-77.06, 38.87], [-77.05, 38.87],
   [-77.05, 38.88], [-77.06, 38.87]]]}}
]}
""")

# A point shapefile of three sites, in degrees.
pts = [(-77.0563, 38.8719), (-77.05, 38.87), (-77.04, 38.88)]
records = b""
for i, (x, y) in enumerate(pts, 1):
    content = struct.pack("<idd", 1, x, y)
    records += struct.pack(">ii", i, len(content) // 2) + content
xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(records)) // 2)
header += struct.pack("<2i4d4d", 1000, 1, min(xs), min(ys), max(xs), max(ys), 0, 0, 0, 0)
open("sites.shp", "wb").write(header + records)

# A 4x4 GeoTIFF: one tie point at 77.06 W 38.88 N, 0.001 degree pixels,
# GTModelTypeGeoKey 2 (geographic), GeographicTypeGeoKey 4326.
w = h = 4
pixels = bytes(range(16))
entries = []
def tag(t, typ, vals):
    entries.append((t, typ, vals))
tag(256, 3, [w]); tag(257, 3, [h]); tag(258, 3, [8]); tag(259, 3, [1]); tag(262, 3, [1])
tag(273, 4, [0]); tag(277, 3, [1]); tag(278, 3, [h]); tag(279, 4, [len(pixels)])
tag(33550, 12, [0.001, 0.001, 0.0])
tag(33922, 12, [0.0, 0.0, 0.0, -77.06, 38.88, 0.0])
tag(34735, 3, [1, 1, 0, 2, 1024, 0, 1, 2, 2048, 0, 1, 4326])
fmt = {3: "H", 4: "I", 12: "d"}
size = {3: 2, 4: 4, 12: 8}
ifd_at = 8
ifd_len = 2 + 12 * len(entries) + 4
data_at = ifd_at + ifd_len
extra = b""
ifd = struct.pack("<H", len(entries))
pix_at = None
for t, typ, vals in entries:
    raw = struct.pack("<%d%s" % (len(vals), fmt[typ]), *vals)
    if len(raw) <= 4:
        ifd += struct.pack("<HHI", t, typ, len(vals)) + raw.ljust(4, b"\0")
    else:
        ifd += struct.pack("<HHII", t, typ, len(vals), data_at + len(extra))
        extra += raw
        if len(extra) % 2: extra += b"\0"
ifd += struct.pack("<I", 0)
pix_at = data_at + len(extra)
ifd = ifd.replace(struct.pack("<HHI", 273, 4, 1) + struct.pack("<I", 0),
                  struct.pack("<HHI", 273, 4, 1) + struct.pack("<I", pix_at))
open("geo.tif", "wb").write(b"II*\0" + struct.pack("<I", ifd_at) + ifd + extra + pixels)
PY

# A photo with its GPS position and comments in EXIF.
convert -size 64x48 xc:white -fill black -draw "rectangle 8,8 40,30" -strip gps.jpg
exiftool -q -overwrite_original \
  -GPSLatitude=38.8719 -GPSLatitudeRef=N -GPSLongitude=77.0563 -GPSLongitudeRef=W \
  "-ImageDescription=SECRET//NOFORN site photo" "-Artist=J. Doe" \
  "-XPComment=SECRET//NOFORN comment" "-UserComment=taken at the depot" gps.jpg
# A picture with its position and description in XMP only.
convert -size 32x32 xc:gray -strip xmp.png
exiftool -q -overwrite_original \
  "-XMP-exif:GPSLatitude=38 53.85 N" "-XMP-exif:GPSLongitude=77 3.378 W" \
  "-XMP-dc:Description=SECRET//NOFORN overhead" "-XMP-dc:Creator=J. Doe" xmp.png
