#!/usr/bin/env bash
# The README's two commands: `scripts/quickstart.sh run` and `scripts/quickstart.sh test`.
# Each installs what Lightbox needs from Debian 12's archive, builds, and then runs the main job or the test suite.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${LIGHTBOX_BUILD_DIR:-$here/build}"
data="${LIGHTBOX_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lightbox/data}"
export LIGHTBOX_DATA_DIR="$data"

# Everything comes from Debian packages (DESIGN.md). OpenCV: only the three modules used, not libopencv-dev,
# which would pull in VTK, GTK and dozens of modules. DICOM needs the DCMTK libraries only (libdcmtk-dev to build,
# libdcmtk17 at run time): the `dcmtk` command-line tools (dcmdump, ...) are not needed, neither tests nor app run them.
packages=(
  g++ cmake ninja-build ccache pkg-config ca-certificates
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools libfftw3-dev libnifti2-dev zlib1g-dev libcli11-dev nlohmann-json3-dev libdcmtk-dev libsqlite3-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  libtorch-dev
  python3  # test_project_findings_csv reads the CSV export back with Python's csv module
  xvfb xauth fonts-dejavu-core
)
# The desktop app's offscreen tests and scripts/screenshots.sh draw text: xvfb/xauth give the screenshots a virtual
# X server, fonts-dejavu-core a font on a bare system.

say() { printf '\n==> %s\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

install_dependencies() {
  say "Installing build dependencies (apt)"
  as_root apt-get update -q
  local wanted=("${packages[@]}")
  # npm fetches the npm-hosted fixtures; a machine with Node.js from elsewhere already has it.
  command -v npm >/dev/null || wanted+=(npm)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${wanted[@]}"
}

configure_and_build() {
  say "Building in $build"
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON \
        -DLIGHTBOX_GUI=ON -DLIGHTBOX_TEST_DATA="$data"
  cmake --build "$build" --parallel "$(nproc)"
}

fetch() {
  say "Fetching real images (checksummed, cached in $data)"
  "$here/scripts/fetch-data.sh" --dest "$data" "$@"
}

run_main_job() {
  # The demo (lightbox-cli demo / lightbox --demo): Colin27 slices as healthy data, scikit-image photographs as the
  # blend source, SIMULATED lesions on held-out slices, 3 minutes of CPU training; a finished demo project is reused.
  fetch mricron-data python3-skimage
  local project="$build/demo/demo.lightbox"
  if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    say "Starting the desktop application on the demo: it builds $project in the background (about 4 minutes the first time) and ends in the Review area"
    exec "$build/app/desktop/lightbox" --demo --demo-project "$project"
  fi
  say "No display (\$DISPLAY / \$WAYLAND_DISPLAY unset): building the demo headless with lightbox-cli demo instead of opening the desktop app"
  "$build/app/cli/lightbox-cli" demo -o "$project"
  say "The demo project is $project (figures above); findings as CSV: $build/app/cli/lightbox-cli export $project --run 1 -o findings.csv"
  say "With a display, the same command opens it in the desktop app's Review area ($build/app/desktop/lightbox --demo --demo-project $project)"
}

run_tests() {
  fetch
  say "Running the test suite"
  ctest --test-dir "$build" --output-on-failure --timeout 600
}

case "${1:-}" in
  run) install_dependencies; configure_and_build; run_main_job ;;
  test) install_dependencies; configure_and_build; run_tests ;;
  *) echo "usage: scripts/quickstart.sh run|test" >&2; exit 2 ;;
esac
