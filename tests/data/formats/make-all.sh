#!/usr/bin/env bash
# Regenerates every fixture of tests/data/formats/ with Debian tools
# (LibreOffice headless, ImageMagick, exiftool, python3): the legacy Office
# files and winmail.dat, the RTF, the pictures and the scanned PDF, the maps
# and the pictures with positions. The tests read the committed outputs; run
# this after changing a make-*.sh script and commit what changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for part in legacy text ocr geo; do
  echo "make-$part.sh"
  "$here/make-$part.sh"
done
