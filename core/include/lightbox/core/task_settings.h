#pragma once
// Identifiers and parameters of the synthetic anomaly tasks, with the paper's values as defaults (SPEC §1.9).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lightbox {

/// The five paper tasks keep their reference ids 0..4 (folds and data chunks are tied to them, SPEC §3.2-3.3);
/// the extras a user may enable follow.
enum class TaskId : int {
  IntraPoisson = 0,
  InterPoisson = 1,
  Sink = 2,
  Source = 3,
  Intensity = 4,
  CutPaste = 5,
  PatchInterpolation = 6,
  Cutout = 7,
};
inline constexpr int kPaperTaskCount = 5;
inline constexpr int kTaskCount = 8;

/// Stable key used in files and on the command line, e.g. "intra-poisson".
std::string_view taskKey(TaskId id);
/// Human-readable name, e.g. "Intra-dataset Poisson blending".
std::string_view taskDisplayName(TaskId id);
/// One line on what the task imitates, for users new to the method.
std::string_view taskDescription(TaskId id);
std::optional<TaskId> taskFromKey(std::string_view key);
std::vector<TaskId> paperTasks();
std::vector<TaskId> allTasks();

struct TaskSettings {
  // Anomaly loop and shapes (SPEC §1.1-1.3).
  double minAnomalyProportion = 0.06;
  double maxAnomalyProportion = 0.8;
  int maxAnomalies = 4;
  double continueProbability = 0.5;
  /// The reference retries placement forever; we stop after this many draws (SPEC §8.9, docs/method-decisions.md).
  int maxPlacementAttempts = 200;
  /// Fraction of the anomaly's voxels that must fall on the object mask (when there is one).
  double minObjectOverlap = 0.5;

  // Patch blending (SPEC §1.4).
  double blendMaxRotation = 0.7853981633974483;  // pi / 4
  double blendScaleExponentialMean = 0.1;
  double maxSourceFraction = 0.8;
  double maskGrowthThreshold = 0.001;
  int maxSourceAttempts = 200;
  double interpolationMinAlpha = 0.05;  // patch interpolation (extra task), alpha ~ U(min, max)
  double interpolationMaxAlpha = 1.0;

  // Bend deformations (SPEC §1.6).
  double minPushDistance = 0.5;
  double maxPushDistance = 5.0;  // 5 for brain, 10 for chest X-ray

  // Smooth intensity change (SPEC §1.7).
  double intensityScale = 0.2;
  double rampBase = 0.02;
  double rampGammaShape = 3.0;
  double rampGammaScale = 0.01;

  // Labelling (SPEC §2).
  double labelSigma = 0.2;

  static TaskSettings paperBrain3D();
  static TaskSettings paperChestXray2D();
};

}  // namespace lightbox
