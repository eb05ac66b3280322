#pragma once
// What the training monitor reads (issue #7): the values of the training presets, and a run's logged metrics as
// series, read from a read-only connection so that a monitor can poll while the trainer writes. Torch-free and
// available in every build; without the models library there are no presets (trainingAvailable() is false).

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lightbox::workflows {

/// True when this build can train (it links the models library, LIGHTBOX_HAS_TRAINING).
bool trainingAvailable();
/// True when training can use a CUDA device (the linked LibTorch has CUDA and sees a GPU).
bool cudaTrainingAvailable();

/// Every value of a training preset, for showing it (models::TrainingPreset without the models dependency).
struct TrainingPresetInfo {
  std::string name, description;
  int dims = 2;
  std::vector<int64_t> inputShape;  ///< working size, e.g. {64, 64} or {80, 112, 80}
  int imageChannels = 1;
  int inputChannels = 0;            ///< image + positional-encoding channels
  int levels = 0, baseFeatures = 0, featureCap = 0, convsPerStage = 0;
  int batchSize = 0;
  double baseLr = 0, decayPerStep = 1, floorFraction = 0;
  int64_t warmupSteps = 0;
  int maxEpochs = 0;
  int64_t patience = 0;
  double emaDecay = 0, flipProbability = 0;
  bool meantForGpu = false;         ///< a paper preset: minutes per step on a CPU
};

/// The presets in trainingPresetNames() order; empty when trainingAvailable() is false.
std::vector<TrainingPresetInfo> trainingPresets();

/// One named metric of one fold: (step, value) in step order.
struct MetricSeries {
  std::string name;  ///< train_loss, train_loss_avg, lr, val_loss, val_pixel_ap/<task key>
  std::vector<std::pair<int64_t, double>> points;
};

struct FoldMetrics {
  int fold = 0;
  std::vector<int> trainTasks, heldoutTasks;
  std::string status;
  int64_t steps = 0;
  int64_t bestStep = -1;
  double bestValidationLoss = 0;
  std::vector<MetricSeries> series;  ///< ordered by name
};

struct RunMetrics {
  int64_t runId = 0;  ///< 0: no such run (yet)
  std::string preset, status, device, error;
  int64_t maxSteps = 0;  ///< the stored step limit per fold; 0 = the preset's epochs
  std::vector<FoldMetrics> folds;
};

/// Reads run `runId`, or with runId 0 the newest run whose id is greater than `newerThan` (the run a training call
/// that started after the caller saw `newerThan` is writing; runId stays 0 until it exists). A per-step series
/// longer than `maxPointsPerSeries` is thinned to about that many points (evenly, the last point kept); validation
/// series are never thinned. Opens the project read-only; throws std::runtime_error naming the file.
RunMetrics readRunMetrics(const std::string& projectPath, int64_t runId, int64_t newerThan = 0,
                          std::size_t maxPointsPerSeries = 2000);

/// The largest run id of the project (0 when it has none).
int64_t newestRunId(const std::string& projectPath);

}  // namespace lightbox::workflows
