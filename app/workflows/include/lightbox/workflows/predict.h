#pragma once
// Prediction and threshold proposal (issue #5): a trained run's fold models, or their ensemble (voxel-wise mean of
// the raw outputs, SPEC §5.1), on every image of a test dataset, with the maps, the image scores and the findings
// stored in the project; and a threshold proposed without ground truth, from the run's held-out synthetic tasks and
// its healthy validation images. Torch-free header; built only with the models (LIGHTBOX_HAS_TRAINING).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lightbox/core/progress.h"

namespace lightbox::workflows {

struct PredictParams {
  std::string projectPath;
  int64_t runId = 0;
  std::string dataset;          ///< the images to look at
  std::vector<int> folds;       ///< the run's folds to use; empty = every fold with a best checkpoint
  bool storeEachFold = true;    ///< besides the ensemble, each fold's own map (the paper evaluates both)
  double threshold = -1;        ///< findings at this threshold; < 0: the model's threshold in force, if any
  int64_t minFindingVoxels = 4;
  std::string reviewedFindings = "refuse";  ///< refuse | keep | discard: what a re-run does with reviewed findings
  /// Predict only the images this model (these folds) has no prediction of yet, leaving the others, their maps and
  /// their reviews untouched: finishing a cancelled or partial prediction.
  bool onlyUnpredicted = false;
  std::string device = "auto";
  int threads = 0;
};

struct PredictFailure {
  std::string image;   ///< the image's source path
  std::string reason;
};

/// Machine-readable kinds of PredictResult::warnings, so that a caller can tell one apart without matching words.
inline constexpr const char* kPredictWarningNoThreshold = "no_threshold";        ///< maps stored, no findings made
inline constexpr const char* kPredictWarningGpuPresetOnCpu = "gpu_preset_on_cpu";  ///< a paper GPU network on a CPU

struct PredictResult {
  std::vector<int> folds;      ///< the ensemble's folds
  std::string device;
  int images = 0;              ///< images predicted
  int skipped = 0;             ///< images left alone by onlyUnpredicted: the model had predicted them already
  int predictions = 0;         ///< maps stored (per fold and ensemble)
  double threshold = -1;       ///< the findings threshold used; < 0: none known, no findings made
  int64_t findings = 0;
  double secondsPerImage = 0;
  std::vector<PredictFailure> failures;
  std::vector<std::string> warnings;
  std::vector<std::string> warningCodes;  ///< one per `warnings` entry, in order: a kPredictWarning… code
  bool cancelled = false;
};

/// Throws std::invalid_argument for an unknown run, dataset or fold, a fold without a best checkpoint, or a bad
/// option; a single image that cannot be predicted is listed in `failures` and the others go on.
PredictResult runPrediction(const PredictParams& params, ProgressSink& progress);

struct ThresholdParams {
  std::string projectPath;
  int64_t runId = 0;
  std::vector<int> folds;             ///< the model; empty = every fold with a best checkpoint (the ensemble)
  int samplesPerFold = 64;            ///< held-out-task samples generated per fold
  double targetFalsePositiveRate = 1e-3;
  uint64_t seed = 12345;
  std::string device = "auto";
  int threads = 0;
  bool store = true;                  ///< record the proposal in the project
  double userThreshold = -1;          ///< >= 0: record this user override instead of proposing
};

struct ThresholdCurvePoint {
  double threshold = 0, precision = 0, recall = 0, f1 = 0, falsePositiveRate = 0;
};

struct ThresholdResult {
  std::vector<int> folds;
  double threshold = 0;
  std::string decidedBy;              ///< "best-synthetic-f1" | "healthy-false-positive-rate" | "user"
  double f1Threshold = 0, bestF1 = 0;
  double fprThreshold = 0, targetFalsePositiveRate = 0;
  double f1AtThreshold = 0, falsePositiveRateAtThreshold = 0;
  int64_t syntheticPixels = 0, healthyPixels = 0;
  /// What each part used (0 in details stored before issue #7): the held-out-task samples; the healthy arrays
  /// judged, each by the folds that held it out; and the run's arrays left out because every fold trained on them.
  int64_t syntheticSamples = 0, healthyArrays = 0, healthyArraysUnused = 0;
  std::vector<std::string> heldOutTasks;
  std::vector<ThresholdCurvePoint> curve;  ///< every 0.01
  std::string detailsJson;                 ///< what was stored
};

ThresholdResult proposeModelThreshold(const ThresholdParams& params, ProgressSink& progress);

/// What the project holds for a model's threshold, for showing it beside the run: the latest proposal with its
/// figures read back from the stored details (no curve), and the user override in force, if any.
struct ThresholdStatus {
  std::optional<ThresholdResult> proposal;
  std::optional<double> user;
};
/// `folds` name the model exactly (as stored). Throws std::runtime_error when the project cannot be read.
ThresholdStatus loadThresholdStatus(const std::string& projectPath, int64_t runId, std::vector<int> folds);

}  // namespace lightbox::workflows
