#pragma once
// Trains the U-Net for one fold (SPEC §4.2-4.3): MSE on synthetic anomalies of the training tasks, AdamW with weight
// decay 0, the paper's LR schedule per optimiser step, a train-loss moving average, validation on the held-out
// tasks with pixel AP per task, best and latest checkpoints, early stopping, cancellation and resume.
// Torch-free interface (the implementation is in src/torch/trainer.cpp): workflows and the UI call it without
// compiling a LibTorch header, and checkpoints leave as plain bytes for the project file.

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lightbox/core/image_set.h"
#include "lightbox/core/progress.h"
#include "lightbox/models/training_preset.h"

namespace lightbox::models {

enum class DeviceKind { Auto, Cpu, Cuda };

struct TrainerOptions {
  TrainingPreset preset;
  std::vector<int> trainingTasks;    ///< TaskId values
  std::vector<int> validationTasks;  ///< the held-out tasks: the only ones validation uses (SPEC §4.3)
  uint64_t seed = 0;
  int64_t maxSteps = 0;         ///< total optimiser steps of the fold (resumed runs count the earlier ones); 0: preset.maxEpochs epochs
  double maxSeconds = 0;        ///< wall-clock limit of this call; 0 = none
  int64_t validateEvery = 0;    ///< optimiser steps between validations; 0 = one epoch (a pass over the training images)
  int64_t patience = -1;        ///< < 0: the preset's
  int64_t validationSamples = 0;  ///< samples per validation; 0 = one per validation image
  int workers = 0;              ///< sample-generating threads; 0 = cores - 1 (at least 1)
  int threads = 0;              ///< LibTorch CPU threads; 0 = LibTorch's default
  DeviceKind device = DeviceKind::Auto;
  /// Per task id, settings that replace preset.tasks for that task (what the user set in the task preview).
  std::vector<std::pair<int, TaskSettings>> taskSettings;
};

struct TrainingImages {
  std::shared_ptr<const ImageSet> training;    ///< already at preset.inputShape
  std::shared_ptr<const ImageSet> validation;  ///< likewise
  std::shared_ptr<const ImageSet> blendSource; ///< inter-dataset blending; may be null if task 1 is not used
};

struct StepReport {
  int64_t step = 0;       ///< optimiser steps done, this one included
  int64_t epoch = 0;      ///< passes over the training images begun (sample index / image count)
  double loss = 0;
  double lossAverage = 0; ///< the moving average
  double lr = 0;          ///< the LR this step used
};

struct ValidationReport {
  int64_t step = 0;
  int64_t epoch = 0;
  double loss = 0;                              ///< mean over batches of MSE(net(normal), 0) + MSE(net(aug), label)
  std::vector<std::pair<int, double>> pixelAp;  ///< per held-out task: AP of clip(net(aug), 0, 1) vs the anomaly mask
  bool best = false;                            ///< the lowest validation loss so far
};

struct CheckpointBlob {
  bool best = false;      ///< best validation loss; otherwise the latest state
  int64_t step = 0;
  int64_t epoch = 0;
  std::string stateJson;  ///< step, sample position, moving average, best figures: readable without LibTorch
  std::vector<uint8_t> bytes;  ///< torch::save of network config, weights, AdamW state and the same scalars
};

/// Receives what a run produces as it happens (the workflow writes it into the project file).
class TrainingObserver {
 public:
  virtual ~TrainingObserver() = default;
  virtual void step(const StepReport&) {}
  virtual void validation(const ValidationReport&) {}
  virtual void checkpoint(const CheckpointBlob&) {}
};

enum class TrainingStop { MaxSteps, TimeLimit, EarlyStopped, Cancelled, Failed };

struct TrainingOutcome {
  TrainingStop stop = TrainingStop::MaxSteps;
  std::string message;           ///< for Failed: what went wrong and which checkpoint is still good
  int64_t steps = 0;             ///< optimiser steps done in total
  int64_t bestStep = -1;
  double bestValidationLoss = std::numeric_limits<double>::infinity();
  std::string device;            ///< e.g. "cpu (2 threads)"
  double stepsPerSecond = 0;     ///< this call's optimiser steps per wall-clock second (validation included)
  double dataWaitFraction = 0;   ///< share of the training time spent waiting for batches
};

/// Trains until maxSteps, maxSeconds, early stopping, cancellation (polled every step) or a non-finite loss.
/// Every stop except Failed first hands a latest checkpoint to the observer, so the run can resume; a Failed run
/// keeps the last good one. `resume`: a latest checkpoint of the same options; training continues the identical
/// sample stream and reaches exactly the weights an uninterrupted run would have. Throws std::invalid_argument for
/// options that cannot train (no tasks, images of the wrong size, CUDA asked for but not available).
TrainingOutcome trainFold(const TrainerOptions& options, const TrainingImages& images, const CheckpointBlob* resume,
                          TrainingObserver& observer, ProgressSink& progress);

bool cudaAvailable();
/// The device a run with these settings would use, in words ("cuda:0 (NVIDIA ...)", "cpu (2 threads)").
std::string describeDevice(DeviceKind device, int threads);

}  // namespace lightbox::models
