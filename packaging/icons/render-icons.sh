#!/usr/bin/env bash
# Renders the committed PNG icons from org.lightbox.Lightbox.svg (run once after editing the SVG; needs
# rsvg-convert from librsvg2-bin and optipng if installed). The build installs the committed PNGs; it does not render.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for size in 16 24 32 48 64 128 256; do
  out="$here/hicolor/${size}x${size}/org.lightbox.Lightbox.png"
  mkdir -p "$(dirname "$out")"
  rsvg-convert -w "$size" -h "$size" "$here/org.lightbox.Lightbox.svg" -o "$out"
  if command -v optipng >/dev/null; then optipng -quiet -o7 -strip all "$out"; fi
done
