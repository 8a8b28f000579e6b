#!/bin/sh
# Regenerates the OCR fixtures: a picture of a marked page (banner
# SECRET//NOFORN and a few lines of text) in every picture format the image
# reader decodes, and a PDF whose only page is that picture (a scanned page,
# no text layer). Needs ImageMagick's convert (Debian package imagemagick).
#
#   tests/data/formats/make-ocr.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The page: 150 dpi, 8-bit grey, black text on white.
convert -size 1100x560 xc:white -colorspace Gray -font DejaVu-Sans -fill black \
  -pointsize 40 -gravity North -annotate +0+30 'SECRET//NOFORN' \
  -pointsize 26 -gravity NorthWest \
  -annotate +60+140 'Subject: quarterly travel card audit' \
  -annotate +60+200 'Visa 4111 1111 1111 1111 exp 01/29' \
  -annotate +60+260 'Meeting at the north gate, building 7' \
  -annotate +60+320 'Contact the duty officer before release' \
  -pointsize 40 -gravity South -annotate +0+30 'SECRET//NOFORN' \
  -density 150 -units PixelsPerInch "$tmp/page.png"
convert "$tmp/page.png" -depth 8 -define png:color-type=0 banner-page.png
convert "$tmp/page.png" -quality 80 banner-page.jpg
convert "$tmp/page.png" -monochrome -compress Group4 banner-page.tif
# Two pages in one TIFF: every page is read.
convert "$tmp/page.png" "$tmp/page.png" -monochrome -compress Group4 banner-pages.tif
convert "$tmp/page.png" -colors 2 banner-page.gif
# BMP is not compressed: its top half (banner and two lines) keeps it small.
convert "$tmp/page.png" -crop 1100x300+0+0 +repage -monochrome banner-page.bmp
convert "$tmp/page.png" -quality 80 banner-page.webp
# A scanned page: the picture alone on a page at 150 dpi, 1 bit per pixel,
# written by python3 (ImageMagick's policy on Debian forbids writing PDF).
convert "$tmp/page.png" -monochrome "$tmp/page.pbm"
python3 - "$tmp/page.pbm" banner-scan.pdf <<'PY'
import sys, zlib
data = open(sys.argv[1], "rb").read()
fields = data.split(maxsplit=3)  # P4, width, height, bits (1 = black)
w, h, bits = int(fields[1]), int(fields[2]), fields[3]
image = zlib.compress(bits, 9)
pw, ph = w * 72 / 150, h * 72 / 150
content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
    b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>" % (pw, ph),
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
    b"/BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length %d >>\nstream\n"
    % (w, h, len(image)) + image + b"\nendstream",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for o in offsets:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[2], "wb").write(out)
PY
# A small picture of a page (letters under 10 pixels high), which OCR reads
# only when enlarged.
convert "$tmp/page.png" -resize 35% -depth 8 ocr-small-text.png
# A 16x16 icon: too small to hold text.
convert -size 16x16 xc:'#3366cc' -fill white -draw 'rectangle 4,4 11,11' ocr-icon.png
