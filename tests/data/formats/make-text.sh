#!/bin/sh
# Regenerates the RTF fixtures of the text readers (rtf_reader_test and the
# end-to-end test of issue 16) with Debian tools: ImageMagick draws a small
# picture, a flat ODF text document holding a SECRET//NOFORN banner and that
# picture is written here, and LibreOffice (headless) converts it to RTF.
#   banner.rtf  "SECRET//NOFORN" banner, a paragraph, and a PNG picture
# Usage: tests/data/formats/make-text.sh   (from anywhere)
set -eu
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

convert -size 160x40 xc:white -font DejaVu-Sans -fill black -pointsize 14 -annotate +8+26 "TOP VIEW" \
  -strip "$work/pic.png"
pic=$(base64 -w 76 "$work/pic.png")

cat >"$work/banner.fodt" <<ODT
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text>
  <text:p>SECRET//NOFORN</text:p>
  <text:p>The convoy leaves the depot at dawn on the northern road.</text:p>
  <text:p><draw:frame draw:name="pic" text:anchor-type="as-char" svg:width="4cm" svg:height="1cm">
   <draw:image><office:binary-data>$pic</office:binary-data></draw:image>
  </draw:frame></text:p>
  <text:p>SECRET//NOFORN</text:p>
 </office:text></office:body>
</office:document>
ODT

soffice --headless -env:UserInstallation="file://$work/profile" --convert-to rtf \
  --outdir "$work" "$work/banner.fodt" >/dev/null 2>&1
cp "$work/banner.rtf" "$out/banner.rtf"
ls -l "$out/banner.rtf"
