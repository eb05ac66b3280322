#!/usr/bin/env bash
# Screenshots of the review features (issue #7) on the real demo project: Colin27 slices, natural blend images,
# SIMULATED lesions held out. Starts `lightbox --screenshot-dir DIR --demo-screenshots` under a virtual X server
# (xvfb-run, 1600x1000) on a COPY of the project (the driver draws a manual finding and stores an audit), which
# writes docs/images/desktop-{review-demo,curves,curves-pixel,annotation,audit-demo,simulate-lesions,
# training-threshold}.png and quits.
# Usage: scripts/review-screenshots.sh [DEMO_PROJECT]
#   DEMO_PROJECT  an existing demo project (lightbox-cli demo; e.g. ~/.local/share/lightbox/demo/demo.lightbox),
#                 copied, never written (an unfinished or empty one is finished on the copy, as
#                 `lightbox-cli demo` does; another kind of project is refused). Without it a new one is built in a
#                 temporary folder, training $LIGHTBOX_DEMO_MINUTES minutes (default 3).
# With a finished demo project it takes about 15 s.
# Environment: LIGHTBOX_BUILD_DIR (default build; built with -DLIGHTBOX_GUI=ON -DLIGHTBOX_MODELS=ON),
#              LIGHTBOX_SCREENSHOT_DIR (default docs/images), LIGHTBOX_DATA_DIR (scripts/fetch-data.sh's folder).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${LIGHTBOX_BUILD_DIR:-$here/build}"
out="${LIGHTBOX_SCREENSHOT_DIR:-$here/docs/images}"
data="${LIGHTBOX_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lightbox/data}"
cli="$build/app/cli/lightbox-cli" app="$build/app/desktop/lightbox"
for exe in "$cli" "$app"; do
  [[ -x $exe ]] || { echo "review-screenshots.sh: $exe is missing; build with -DLIGHTBOX_GUI=ON -DLIGHTBOX_MODELS=ON" >&2; exit 2; }
done
command -v xvfb-run >/dev/null || { echo "review-screenshots.sh: xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/demo.lightbox"
if [[ $# -ge 1 ]]; then
  [[ -f $1 ]] || { echo "review-screenshots.sh: $1: no such project file" >&2; exit 2; }
  # A consistent copy even while the project has a -wal file (sqlite3's online backup); a plain copy otherwise.
  if command -v sqlite3 >/dev/null; then
    sqlite3 "$1" ".backup '$project'"
  elif [[ -s $1-wal ]]; then
    echo "review-screenshots.sh: $1 has unsaved changes in $1-wal; close Lightbox or install sqlite3" >&2; exit 2
  else
    cp "$1" "$project"
  fi
else
  "$here/scripts/fetch-data.sh" --dest "$data" mricron-data python3-skimage
fi
# Builds the demo, or (given a finished one) only checks it is one and prints its figures.
LIGHTBOX_DATA_DIR="$data" "$cli" demo --output "$project" --minutes "${LIGHTBOX_DEMO_MINUTES:-3}"

mkdir -p "$out" "$work/settings"
chmod 700 "$work/settings"  # Qt wants its runtime folder private
# A clean settings folder: no geometry or recent projects of a real user in the pictures.
XDG_CONFIG_HOME="$work/settings" XDG_RUNTIME_DIR="$work/settings" LIGHTBOX_DATA_DIR="$data" QT_QPA_PLATFORM=xcb \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$app" --screenshot-dir "$out" --demo-screenshots "$project"
shots=(review-demo curves curves-pixel annotation audit-demo simulate-lesions training-threshold)
if command -v optipng >/dev/null; then
  for s in "${shots[@]}"; do optipng -quiet -o2 "$out/desktop-$s.png"; done
fi
for s in "${shots[@]}"; do ls -l "$out/desktop-$s.png"; done
