#!/usr/bin/env bash
# Installer test: installs the Debian package into a clean Debian 12 root with apt, so only the package's declared
# dependencies make it work, then runs the installed CLI on a real brain and the installed desktop app offscreen.
#
#   scripts/installer-test.sh [--deb FILE] [--keep]
#
#   --deb FILE   test this package instead of building one (scripts/build-package.sh)
#   --keep       leave the test root in place (its path is printed) instead of deleting it
#
# Needs root (debootstrap, chroot, mount), debootstrap, network access to a Debian mirror (the first one in
# /etc/apt/sources.list*, or $LIGHTBOX_DEBIAN_MIRROR), and the Colin27 brain from scripts/fetch-data.sh mricron-data.
# Caches under ~/.cache/lightbox/debootstrap: the pristine minbase root as a tarball (later runs skip debootstrap) and
# apt's downloaded .deb files (later runs skip the downloads; apt still resolves and installs every dependency).
# Writes docs/images/installed-app.png: the installed app's Data area with the imported brain.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/lightbox"
data="${LIGHTBOX_DATA_DIR:-$cache/data}"
suite=bookworm
deb="" keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --deb) deb=$(realpath "$2"); shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: scripts/installer-test.sh [--deb FILE] [--keep]" >&2; exit 2 ;;
  esac
done

t0=$SECONDS
say() { printf '\n==> [%4ds] %s\n' "$((SECONDS - t0))" "$*"; }
die() { echo "installer-test.sh: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap, chroot and mount)"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
brain="$data/mricron-data/ch2bet.nii.gz"
[[ -f $brain ]] || "$here/scripts/fetch-data.sh" --dest "$data" mricron-data

# The machine's Debian mirror: the first deb URI of a bookworm suite in the apt sources (deb822 or one-line style).
mirror_for() { # $1 = suite, e.g. bookworm or bookworm-security
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    awk -v want="$1" 'BEGIN { RS = ""; FS = "\n" }
      { uri = ""; ok = 0; deb = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:.*(^|[ \t])deb([ \t]|$)/) deb = 1
          if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); uri = a[2] }
          if ($i ~ /^Suites:/) { n = split($i, s, /[ \t]+/); for (j = 2; j <= n; j++) if (s[j] == want) ok = 1 }
        }
        if (deb && ok && uri != "") { print uri; exit } }' "$f"
  done
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk -v want="$1" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) while ($i !~ /\]$/) i++; if ($2 ~ /^\[/) i++
                                    if ($(i + 1) == want) { print $i; exit } }' || true
}
mirror="${LIGHTBOX_DEBIAN_MIRROR:-$(mirror_for $suite | head -n1)}"
security="$(mirror_for $suite-security | head -n1)"
[[ -n $mirror ]] || die "no Debian $suite mirror in /etc/apt/sources.list*; set LIGHTBOX_DEBIAN_MIRROR"

if [[ -z $deb ]]; then
  say "Building the package (scripts/build-package.sh)"
  deb=$("$here/scripts/build-package.sh" | tail -n1)
fi
[[ -f $deb ]] || die "no package at $deb"

# 0. Static checks of the package's files on this machine (each where its tool is installed: lintian, desktop-file-utils,
#    appstream, libglib2.0-bin). lintian errors and invalid desktop/AppStream/MIME files fail the test.
say "Static checks of $(basename "$deb")"
unpacked=$(mktemp -d)
dpkg-deb -x "$deb" "$unpacked/pkg"
if command -v lintian >/dev/null; then
  lintian --fail-on error,warning "$deb" 2>/dev/null && echo "ok lintian: no errors or warnings beyond packaging/lintian-overrides" ||
    { rm -rf "$unpacked"; die "lintian reports errors"; }
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$unpacked/pkg/usr/share/applications/org.lightbox.Lightbox.desktop" && echo "ok desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$unpacked/pkg/usr/share/metainfo/org.lightbox.Lightbox.metainfo.xml" >/dev/null &&
    echo "ok appstreamcli validate"
fi
if command -v gio >/dev/null && command -v update-mime-database >/dev/null; then
  # The MIME type by name and by content: a project renamed without .lightbox is still one, another SQLite file is not.
  mkdir -p "$unpacked/home/mime/packages" "$unpacked/files"
  cp "$unpacked"/pkg/usr/share/mime/packages/*.xml "$unpacked/home/mime/packages/"
  update-mime-database "$unpacked/home/mime" >/dev/null 2>&1
  "$unpacked/pkg/usr/bin/lightbox-cli" new "$unpacked/files/a.lightbox" >/dev/null 2>&1 || true
  if [[ -f $unpacked/files/a.lightbox ]]; then
    cp "$unpacked/files/a.lightbox" "$unpacked/files/renamed.bin"
    { printf 'SQLite format 3\0'; head -c 84 /dev/zero; } > "$unpacked/files/other.bin"
    for f in a.lightbox renamed.bin other.bin; do
      printf '%s: %s\n' "$f" "$(XDG_DATA_HOME="$unpacked/home" gio info -a standard::content-type "$unpacked/files/$f" 2>/dev/null |
                                 sed -n 's/.*content-type: //p')"
    done | tee "$unpacked/mime.txt"
    grep -qx 'a.lightbox: application/x-lightbox-project' "$unpacked/mime.txt" &&
      grep -qx 'renamed.bin: application/x-lightbox-project' "$unpacked/mime.txt" &&
      ! grep -q 'other.bin: application/x-lightbox-project' "$unpacked/mime.txt" ||
      { rm -rf "$unpacked"; die "the MIME type does not match as it should"; }
    echo "ok MIME type by glob and by magic (SQLite header + application_id)"
  fi
fi
rm -rf "$unpacked"

# 1. The pristine root: debootstrap once, then a cached tarball.
root_cache="$cache/debootstrap"
tarball="$root_cache/$suite-minbase-amd64.tar.gz"
apt_archives="$root_cache/apt-archives"
mkdir -p "$root_cache" "$apt_archives/partial"
if [[ ! -f $tarball ]]; then
  say "debootstrap --variant=minbase $suite from $mirror (once; cached as $tarball)"
  fresh=$(mktemp -d /var/tmp/lightbox-debootstrap.XXXXXX)
  debootstrap --variant=minbase --arch=amd64 "$suite" "$fresh" "$mirror" > "$root_cache/debootstrap.log" 2>&1 ||
    { tail -n 30 "$root_cache/debootstrap.log" >&2; die "debootstrap failed (log: $root_cache/debootstrap.log)"; }
  rm -rf "$fresh"/var/cache/apt/archives/*.deb "$fresh"/var/lib/apt/lists/*
  chmod 0755 "$fresh"
  tar -C "$fresh" --numeric-owner -czf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$fresh"
else
  say "Using the cached $suite minbase root ($tarball)"
fi

# 2. A fresh root from the tarball, with apt pointed at the same mirror.
root=$(mktemp -d /var/tmp/lightbox-installer-test.XXXXXX)
mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
  if [[ $keep -eq 1 ]]; then
    echo "installer-test.sh: kept the test root $root" >&2
  elif findmnt -rn -o TARGET | grep -q "^$root/"; then # never rm -rf through a bind mount of /dev
    echo "installer-test.sh: $root still has mounts; not deleting it" >&2
  else
    rm -rf --one-file-system "$root"
  fi
}
trap cleanup EXIT
tar -C "$root" --numeric-owner -xzf "$tarball"
chmod 0755 "$root" # mktemp's 0700 (also that of the tarball's "."): the tester could not enter its own /
# A throw-away root: dpkg need not fsync every file it unpacks (the install takes half the time).
echo force-unsafe-io > "$root/etc/dpkg/dpkg.cfg.d/lightbox-installer-test-unsafe-io"
{
  echo "deb $mirror $suite main"
  echo "deb $mirror $suite-updates main"
  [[ -z $security ]] || echo "deb $security $suite-security main"
} > "$root/etc/apt/sources.list"
rm -f "$root"/etc/apt/sources.list.d/*
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
for m in proc sys dev; do
  case $m in
    proc) mount -t proc proc "$root/proc" ;;
    sys) mount -t sysfs sysfs "$root/sys" ;;
    dev) mount --bind /dev "$root/dev" ;;
  esac
  mounts+=("$root/$m")
done
mount --bind "$apt_archives" "$root/var/cache/apt/archives"
mounts+=("$root/var/cache/apt/archives")
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
              DEBIAN_FRONTEND=noninteractive "$@"; }
# The tester: an ordinary user whose home holds the data and the project; it sees nothing of the build tree.
as_user() { chroot --userspec=tester:tester "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/tester \
              LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp/runtime-tester QT_QPA_PLATFORM=offscreen "$@"; }

# 3. Install with apt: every dependency comes from the archive, resolved from the package's control file alone.
cp "$deb" "$root/tmp/"
pkg="/tmp/$(basename "$deb")"
say "apt-get install $pkg in the clean root (with Recommends, as a desktop user gets it)"
in_root apt-get update -q > "$root_cache/apt-update.log" 2>&1 || { cat "$root_cache/apt-update.log" >&2; die "apt-get update failed"; }
in_root apt-get install -y -q "$pkg" > "$root_cache/apt-install.log" 2>&1 ||
  { tail -n 40 "$root_cache/apt-install.log" >&2; die "apt-get install failed (log: $root_cache/apt-install.log)"; }
grep -E '^(Need to get|After this operation)' "$root_cache/apt-install.log" || true
in_root dpkg-query -W -f='${Package} ${Version} ${Status}\n' lightbox
echo "packages in the root: $(in_root dpkg-query -W -f='.\n' | wc -l)"

say "Installed files"
for f in /usr/bin/lightbox /usr/bin/lightbox-cli /usr/share/applications/org.lightbox.Lightbox.desktop \
         /usr/share/metainfo/org.lightbox.Lightbox.metainfo.xml /usr/share/mime/packages/org.lightbox.Lightbox.xml \
         /usr/share/icons/hicolor/scalable/apps/org.lightbox.Lightbox.svg \
         /usr/share/icons/hicolor/48x48/apps/org.lightbox.Lightbox.png \
         /usr/share/man/man1/lightbox.1.gz /usr/share/man/man1/lightbox-cli.1.gz \
         /usr/share/doc/lightbox/copyright /usr/share/doc/lightbox/changelog.Debian.gz; do
  [[ -e $root$f ]] || die "$f is not installed"
  echo "ok $f"
done
# The MIME database: shared-mime-info's dpkg trigger compiles our XML (when shared-mime-info is installed).
if [[ -e $root/usr/share/mime/application/x-lightbox-project.xml ]]; then
  echo "ok MIME type application/x-lightbox-project is in the compiled shared-mime-info database"
else
  echo "note: /usr/share/mime/application/x-lightbox-project.xml absent (shared-mime-info not installed)"
fi
if grep -qs 'application/x-lightbox-project=org.lightbox.Lightbox.desktop' "$root/usr/share/applications/mimeinfo.cache"; then
  echo "ok org.lightbox.Lightbox.desktop opens application/x-lightbox-project (mimeinfo.cache)"
fi

# 4. The installed CLI on a real brain, as an ordinary user.
in_root useradd --create-home --shell /bin/sh tester
install -d -o "$(stat -c %u "$root/home/tester")" -g "$(stat -c %g "$root/home/tester")" -m 0700 \
  "$root/tmp/runtime-tester" "$root/home/tester/data"
install -m 0644 "$brain" "$root/home/tester/data/ch2bet.nii.gz"
# The inter-dataset blending source of the preview: the ICBM152 average (npm @niivue/niivue), where it was fetched.
blend=()
if [[ -f $data/@niivue/niivue/mni152.nii.gz ]]; then
  install -m 0644 "$data/@niivue/niivue/mni152.nii.gz" "$root/home/tester/data/mni152.nii.gz"
  blend=(--blend-source /home/tester/data/mni152.nii.gz)
fi
say "lightbox-cli in the root"
as_user lightbox-cli --version
as_user lightbox --version
as_user lightbox-cli new /home/tester/study.lightbox
as_user lightbox-cli import /home/tester/study.lightbox --role healthy --dataset healthy-brains \
  --preset brain-slices-2d /home/tester/data/ch2bet.nii.gz
as_user lightbox-cli info /home/tester/study.lightbox
as_user lightbox-cli preview /home/tester/data/ch2bet.nii.gz --count 1 --seed 1 "${blend[@]}" \
  --output /home/tester/preview
ls "$root/home/tester/preview" | grep -c '\.png$' | xargs printf 'preview wrote %s PNG montages\n'
# The project file carries the magic the MIME type matches: "SQLite format 3\0" at 0, application_id "LBOX" at 68.
magic=$(head -c 16 "$root/home/tester/study.lightbox" | tr -d '\0')
appid=$(dd if="$root/home/tester/study.lightbox" bs=1 skip=68 count=4 status=none)
[[ $magic == "SQLite format 3" && $appid == "LBOX" ]] || die "project header is '$magic' / '$appid'"
echo "ok project header: '$magic' + application_id '$appid' at offset 68"

# 5. The installed desktop app, offscreen: opens the project given on the command line, grabs every work area.
# Started the way the desktop entry starts it: its Exec line with %f = the project (plus the hidden option).
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/org.lightbox.Lightbox.desktop")
[[ $exec_line == *%f* ]] || die "the desktop entry's Exec line '$exec_line' takes no file"
read -r -a launch <<< "${exec_line/\%f/--screenshot-dir /home/tester/shots /home/tester/study.lightbox}"
say "${launch[*]} (desktop entry's Exec line, QT_QPA_PLATFORM=offscreen)"
as_user timeout 120 "${launch[@]}"
ls "$root/home/tester/shots"
install -m 0644 "$root/home/tester/shots/desktop-data.png" "$here/docs/images/installed-app.png"
echo "wrote $here/docs/images/installed-app.png"

say "Installer test passed in $((SECONDS - t0)) s"
