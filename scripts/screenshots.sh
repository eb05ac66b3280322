#!/usr/bin/env bash
# Screenshots of the desktop application for the docs: builds the demo project from real healthy brains, starts
# `lightbox --screenshot-dir` under a virtual X server (xvfb-run, 1600x1000), which opens the project, shows every
# work area and the import dialog, writes docs/images/desktop-*.png and quits.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: $LIGHTBOX_BUILD_DIR or build; built with -DLIGHTBOX_GUI=ON)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${1:-${LIGHTBOX_BUILD_DIR:-$here/build}}"
data="${LIGHTBOX_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lightbox/data}"
out="$here/docs/images"
for exe in "$build/app/cli/lightbox-cli" "$build/app/desktop/lightbox"; do
  [[ -x $exe ]] || { echo "screenshots.sh: $exe is missing; build with -DLIGHTBOX_GUI=ON first" >&2; exit 2; }
done
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 2; }

"$here/scripts/fetch-data.sh" --dest "$data" mricron-data @niivue/niivue nifti-reader-js
project="$build/demo/demo.lightbox"
"$here/scripts/demo-project.sh" "$build/app/cli/lightbox-cli" "$data" "$project"

# A clean settings folder: no geometry or recent projects of a real user in the pictures.
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT
mkdir -p "$out"
XDG_CONFIG_HOME="$settings" XDG_RUNTIME_DIR="$settings" LIGHTBOX_DATA_DIR="$data" QT_QPA_PLATFORM=xcb \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/app/desktop/lightbox" --screenshot-dir "$out" "$project"
ls -l "$out"/desktop-*.png
