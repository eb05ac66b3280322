#!/usr/bin/env bash
# Builds the demo project from real healthy brains (no lesions): usage demo-project.sh CLI DATA_DIR OUT.lightbox
#   healthy-brains  Colin27 (ch2bet, skull-stripped; ch2, with skull) and the ICBM152 average, preset brain-3d
#   blend-brains    the SPM avg152T1 average (NIfTI-2), the inter-dataset blending source, preset brain-3d
# Expects the packages mricron-data, @niivue/niivue and nifti-reader-js in DATA_DIR (scripts/fetch-data.sh).
set -euo pipefail
cli=$1 data=$2 out=$3
rm -f "$out" "$out-wal" "$out-shm"
mkdir -p "$(dirname "$out")"
"$cli" new "$out"
"$cli" import "$out" --role healthy --dataset healthy-brains --preset brain-3d \
  "$data/mricron-data/ch2bet.nii.gz" "$data/mricron-data/ch2.nii.gz" "$data/@niivue/niivue/mni152.nii.gz"
"$cli" import "$out" --role blend --dataset blend-brains --preset brain-3d \
  "$data/nifti-reader-js/avg152T1_LR_nifti2.nii.gz"
"$cli" info "$out"
