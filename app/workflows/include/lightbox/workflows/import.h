#pragma once
// Import use case: files and folders of healthy or test images into a dataset of a project file.

#include <string>
#include <vector>

#include "lightbox/core/progress.h"

namespace lightbox::workflows {

/// Preprocessing presets (SPEC §5.5), stored by name with the dataset.
///  * auto: 3D volumes -> brain-3d; 2D DICOM of modality CR/DX/DR -> chest-xray-2d; other 2D images -> image-2d
///  * brain-3d: z-normalise the brain, crop, 2 mm, pad to 80x112x80, hole-filled foreground
///  * chest-xray-2d: 512, VOI window, histogram equalisation, [-1, 1], 256x256 (MONOCHROME1 is already inverted
///    by the DICOM reader)
///  * brain-slices-2d: axial slices of a volume with enough brain, z-normalised, 128x128 (one array per slice)
///  * image-2d: resize to 256x256 and map to [-1, 1]
///  * none: stored as read
std::vector<std::string> importPresetNames();

struct ImportParams {
  std::string projectPath;
  std::string datasetName;           ///< created if it does not exist; default: the role's name
  std::string role = "healthy";      ///< healthy | test | blend
  std::string preset = "auto";
  std::vector<std::string> paths;    ///< files, folders (walked recursively), DICOMDIRs
  int threads = 0;                   ///< decoding/preprocessing threads; 0 = all cores
  /// Ground truth, meant for test datasets (the full pairing rules are in src/ground_truth_import.h): a folder of
  /// lesion masks paired with the images by name (same name; <name>_mask/_seg/_label; BraTS <case>_seg; ISLES OT),
  /// and a VinDr-style CSV of boxes whose image_id is the image's file name without extension. Empty = none.
  std::string masksPath;
  std::string boxesCsvPath;
};

struct ImportFailure {
  std::string path;
  std::string reason;
};

struct ImportResult {
  int64_t imported = 0;              ///< images (a DICOM series counts once)
  int64_t arrays = 0;                ///< working-space arrays stored (several per volume for brain-slices-2d)
  int64_t duplicates = 0;            ///< skipped: the dataset already holds the same content
  int64_t groundTruthMasks = 0;      ///< images stored with a lesion mask
  int64_t groundTruthBoxes = 0;      ///< images stored with at least one box
  int64_t groundTruthNormal = 0;     ///< images the box CSV lists only as "No finding" (stored with no boxes)
  std::vector<ImportFailure> failed; ///< with the file and the specific reason
  std::vector<std::string> warnings;
  bool cancelled = false;
  std::string fatal;                 ///< why the import stopped early (disk full, project locked); empty otherwise
  int64_t datasetId = 0;
};

/// Imports every image it can; one bad file never stops the others. Each image is committed on its own, so a cancel
/// or a crash leaves every image either fully imported or absent. Failures are also recorded in the project, so that
/// `info` names them. Throws std::runtime_error (naming the project) only when the project cannot be opened, and
/// std::invalid_argument for bad parameters or a dataset whose role conflicts.
ImportResult runImport(const ImportParams& params, ProgressSink& progress);

}  // namespace lightbox::workflows
