#pragma once
// Training runs: their configuration, folds, metrics and checkpoints (tables training_runs, run_folds, run_metrics,
// checkpoints; docs/project-file.md). Torch-free on purpose: a checkpoint is an opaque byte string (what the trainer
// serialised), so this layer, and a project copied to a machine without LibTorch, never needs LibTorch.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lightbox::project {

namespace detail {
class Connection;
}

enum class RunStatus { Queued, Running, Paused, Cancelled, Failed, Finished };
/// The words stored in the file: 'queued', 'running', 'paused', 'cancelled', 'failed', 'finished'.
std::string_view toString(RunStatus status);
std::optional<RunStatus> parseRunStatus(std::string_view text);

struct NewRun {
  std::string name;          ///< optional label; empty = NULL
  std::string preset;        ///< training preset name (required)
  std::string configJson;    ///< the full resolved configuration (required, JSON object text)
  int64_t seed = 0;
  std::string device;        ///< e.g. "cpu (2 threads)"
  std::optional<int64_t> datasetId;
  std::optional<int64_t> blendDatasetId;
};

struct Run {
  int64_t id = 0;
  std::string name;
  std::string preset;
  std::string configJson;
  int64_t seed = 0;
  RunStatus status = RunStatus::Queued;
  std::string device;
  std::string error;
  std::optional<int64_t> datasetId;
  std::optional<int64_t> blendDatasetId;
  std::string createdAt;
  std::string updatedAt;
};

struct RunFold {
  int64_t runId = 0;
  int fold = 0;
  std::vector<int> trainTasks;
  std::vector<int> heldoutTasks;
  RunStatus status = RunStatus::Queued;
  int64_t stepsDone = 0;
  std::optional<int64_t> bestStep;   ///< step of the lowest validation loss so far
  std::optional<double> bestValue;   ///< that validation loss
  std::string error;
};

/// One logged value. Per-step values (train_loss, train_loss_avg, lr) have no epoch; per-validation values
/// (val_loss, val_pixel_ap/<task key>) carry the epoch in which they were measured.
struct MetricPoint {
  int64_t step = 0;
  std::optional<int64_t> epoch;
  std::string name;
  double value = 0.0;
};

enum class CheckpointKind { Best, Latest };
std::string_view toString(CheckpointKind kind);

struct CheckpointData {
  CheckpointKind kind = CheckpointKind::Latest;
  int64_t step = 0;
  std::optional<int64_t> epoch;
  std::string stateJson = "{}";   ///< what resuming needs beside the bytes, readable without LibTorch
  std::vector<uint8_t> bytes;     ///< the serialised model + optimiser, stored zlib-compressed
};

/// A run as `lightbox-cli runs` lists it: the run, its folds (with their best validation loss) and, per fold, the
/// validation metrics recorded at the best step (val_loss and val_pixel_ap/<task>).
struct RunSummary {
  Run run;
  std::vector<RunFold> folds;
  std::vector<std::vector<MetricPoint>> bestMetrics;  ///< parallel to folds
};

/// A view on one Project's connection; valid while that Project lives. Every write commits on return (combine
/// several into one atomic action with a Transaction on the Project).
class RunRepository {
 public:
  explicit RunRepository(detail::Connection& connection) : c_(&connection) {}

  /// Throws InvalidArgument for an empty preset or config, NotFound for an unknown dataset id.
  int64_t create(const NewRun& run);
  std::optional<Run> get(int64_t runId) const;
  /// All runs, newest first, with their folds and the metrics at each fold's best step.
  std::vector<RunSummary> list() const;
  /// `error` is stored as given (empty = NULL): set it for failed runs, clear it when a run resumes.
  void setStatus(int64_t runId, RunStatus status, std::string_view error = {});
  void setDevice(int64_t runId, std::string_view device);
  /// Replaces the configuration (a resumed run may extend its step limit). Throws NotFound for an unknown run.
  void setConfig(int64_t runId, std::string_view configJson);
  void remove(int64_t runId);

  /// Adds the fold, or leaves an existing fold with the same tasks as it is. Throws InvalidArgument when the fold
  /// exists with other tasks (a run's folds never change meaning), NotFound for an unknown run.
  void addFold(int64_t runId, int fold, std::span<const int> trainTasks, std::span<const int> heldoutTasks);
  std::optional<RunFold> fold(int64_t runId, int fold) const;
  std::vector<RunFold> folds(int64_t runId) const;
  /// Progress of a fold; also updates the run's updated_at.
  void updateFold(int64_t runId, int fold, RunStatus status, int64_t stepsDone, std::optional<int64_t> bestStep,
                  std::optional<double> bestValue, std::string_view error = {});

  /// Inserts all points in one transaction. A point with the (name, step) of an existing one replaces it, so a
  /// resumed run rewrites the steps it repeats instead of duplicating them. Throws NotFound for an unknown fold.
  void appendMetrics(int64_t runId, int fold, std::span<const MetricPoint> points);
  /// Points of the fold ordered by name, then step; `name` empty = all names.
  std::vector<MetricPoint> metrics(int64_t runId, int fold, std::string_view name = {}) const;
  /// Removes points logged after `step` (a resumed run drops what it logged past its latest checkpoint).
  void removeMetricsAfter(int64_t runId, int fold, int64_t step);

  /// Stores the checkpoint, replacing the fold's previous one of the same kind.
  void storeCheckpoint(int64_t runId, int fold, const CheckpointData& checkpoint);
  /// Throws Corrupt for a row whose blob does not decode to its declared size.
  std::optional<CheckpointData> loadCheckpoint(int64_t runId, int fold, CheckpointKind kind) const;

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
