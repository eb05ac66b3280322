#!/usr/bin/env bash
# Builds the Debian package: Release, desktop app + CLI, no tests, then `cpack -G DEB`.
#   scripts/build-package.sh [BUILD_DIR]      (default build-package/; LIGHTBOX_JOBS=N limits parallelism)
# Prints the path of lightbox_<version>_amd64.deb on its last line. Build dependencies: scripts/quickstart.sh's apt
# list; packaging itself needs dpkg-dev (dpkg-shlibdeps) and file, both in any Debian build environment.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${1:-${LIGHTBOX_PACKAGE_BUILD_DIR:-$here/build-package}}"
jobs="${LIGHTBOX_JOBS:-$(nproc)}"

say() { printf '\n==> %s\n' "$*" >&2; }

for tool in dpkg-shlibdeps file; do
  command -v "$tool" >/dev/null || { echo "build-package.sh: $tool is missing (apt-get install dpkg-dev file)" >&2; exit 1; }
done

say "Configuring $build (Release, GUI, no tests)"
# CMAKE_SKIP_INSTALL_ALL_DEPENDENCY: cpack installs only what is packaged (lightbox, lightbox-cli, data files), so the
# benchmarks need not be built for a package. Hardening as Debian's own packages have it (dpkg-buildflags with
# hardening=+all, less -g): fortified libc calls, stack protector, full RELRO with immediate binding.
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DLIGHTBOX_GUI=ON \
      -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON \
      -DCMAKE_CXX_FLAGS="-D_FORTIFY_SOURCE=2 -fstack-protector-strong -fstack-clash-protection -fcf-protection" \
      -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro -Wl,-z,now" >&2

say "Building lightbox and lightbox-cli (-j$jobs)"
cmake --build "$build" --parallel "$jobs" --target lightbox lightbox-cli lightbox_package_files >&2

say "Packaging (cpack -G DEB)"
rm -f "$build"/lightbox_*.deb
(cd "$build" && cpack -G DEB >&2)
deb=$(ls "$build"/lightbox_*_amd64.deb 2>/dev/null | head -n1 || true)
[[ -n "$deb" ]] || { echo "build-package.sh: cpack wrote no lightbox_*_amd64.deb in $build" >&2; exit 1; }
dpkg-deb --info "$deb" >&2
echo "$deb"
