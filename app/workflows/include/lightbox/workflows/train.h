#pragma once
// Train use case: one fold, or all folds of a T, of the U-Net on a healthy dataset of the project, writing the
// configuration, metrics and checkpoints into the project file as they happen (issue #4). Torch-free header.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lightbox/core/progress.h"

namespace lightbox::workflows {

/// "paper-brain-3d", "paper-cxr-2d", "cpu-quick-2d".
std::vector<std::string> trainingPresetNames();

struct TrainParams {
  std::string projectPath;
  std::string dataset;        ///< healthy images (their preprocessed arrays, or brain-slices-2d slices)
  std::string blendDataset;   ///< inter-dataset blend source; needed when task 1 trains or validates
  std::string preset = "cpu-quick-2d";
  std::vector<int> tasks;     ///< explicit training tasks (the others of 0..4 validate); or
  int trainingTaskCount = 0;  ///< T: train folds of C(5, T) (with `fold` >= 0 only that one)
  int fold = -1;              ///< with T: the fold (a cluster array job runs one each); -1 = all, one after another
  uint64_t seed = 0;
  int64_t maxSteps = 0;       ///< per fold, in total; 0 = the preset's epochs
  double minutes = 0;         ///< wall-clock limit of this call; 0 = none
  int64_t validateEvery = 0;  ///< steps; 0 = every epoch
  std::string device = "auto";  ///< auto | cpu | cuda
  int threads = 0;            ///< LibTorch CPU threads; 0 = default
  int workers = 0;            ///< sample threads; 0 = cores - 1
  std::string runName;        ///< non-empty: jobs of the same name share one run, so the folds that separate
                              ///< processes train (one cluster array task per fold) form one ensemble; the first
                              ///< creates it, the others must ask for the same data, preset, seed and T
  int64_t resumeRun = 0;      ///< > 0: continue this run from its latest checkpoints (its stored configuration
                              ///< wins; maxSteps / minutes / device / threads may be given anew)
};

struct TrainFoldResult {
  int fold = 0;
  std::vector<int> trainTasks, heldoutTasks;
  std::string stop;           ///< max-steps, time-limit, early-stopped, cancelled, failed, already-finished
  std::string message;
  int64_t steps = 0;
  int64_t bestStep = -1;
  double bestValidationLoss = 0;
  std::vector<std::pair<std::string, double>> bestPixelAp;  ///< per held-out task key at the best step
  std::vector<std::pair<int64_t, double>> validationCurve;  ///< (step, val_loss)
  double stepsPerSecond = 0;
  double dataWaitFraction = 0;
};

struct TrainResult {
  int64_t runId = 0;
  std::string device;
  std::vector<TrainFoldResult> folds;
  std::vector<std::string> warnings;
  bool cancelled = false;
  bool failed = false;        ///< a fold failed (NaN, out of memory); see its message
};

/// Throws std::invalid_argument for bad parameters (unknown preset or dataset, no blend source for task 1, images of
/// a size the preset cannot take) and std::runtime_error when the project cannot be opened or written.
TrainResult runTraining(const TrainParams& params, ProgressSink& progress);

}  // namespace lightbox::workflows

namespace lightbox::workflows {

struct FoldOverview {
  int fold = 0;
  std::vector<int> trainTasks, heldoutTasks;
  std::string status;
  int64_t steps = 0;
  int64_t bestStep = -1;
  double bestValidationLoss = 0;
  std::vector<std::pair<std::string, double>> bestPixelAp;  ///< held-out task key, AP at the best step
};

struct RunOverview {
  int64_t id = 0;
  std::string preset, status, device, error, createdAt, updatedAt;
  int64_t seed = 0;
  std::vector<FoldOverview> folds;
};

/// Every run of the project, newest first (`lightbox-cli runs`). Throws std::runtime_error naming the file.
std::vector<RunOverview> listRuns(const std::string& projectPath);

}  // namespace lightbox::workflows
