#pragma once
// Presentation logic of the Training page without widgets (tested on its own): chart series from a fold's logged
// metrics, the per-task coverage figures, the trainer's progress line, and CPU time estimates for the paper presets.

#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

#include "lightbox/workflows/run_metrics.h"

namespace lightbox::ui {

struct TaskSeries {
  int task = -1;      ///< paper task id, -1 when the key is not a known task
  QString key;        ///< e.g. "intensity"
  QString label;      ///< display name, e.g. "Intensity change"
  QList<QPointF> points;
};

/// What the monitor's line charts show for one fold.
struct MonitorSeries {
  QList<QPointF> trainLossAverage;  ///< per step (train_loss_avg)
  QList<QPointF> learningRate;      ///< per step (lr)
  QList<QPointF> validationLoss;    ///< per validation (val_loss)
  QList<TaskSeries> heldoutAp;      ///< per validation, one series per held-out task (val_pixel_ap/<key>), task order
  qint64 lastStep = 0;              ///< the largest step of any series
  int pointCount() const;
};

MonitorSeries buildMonitorSeries(const workflows::FoldMetrics& fold);

/// One bar group of the coverage chart: a paper task and its pixel AP where it was measured.
struct TaskCoverage {
  int task = 0;
  QString label;
  int heldOutFolds = 0;               ///< folds of the run that hold this task out
  int trainingFolds = 0;              ///< folds that train on it
  std::optional<double> heldOutAp;    ///< mean over the folds holding it out, at each fold's best step (else its last
                                      ///< validation); empty while not measured
  std::optional<double> trainingAp;   ///< the trainer does not log AP on training tasks: always empty for now
};

/// The five paper tasks in id order.
QList<TaskCoverage> buildCoverage(const workflows::RunMetrics& run);
/// True when any task has a training-side AP (never, with the current trainer): the chart then says so.
bool hasTrainingAp(const QList<TaskCoverage>& coverage);

/// The trainer's progress line "step 12/600 epoch 1 loss ..." → (12, 600); empty when it is not one.
struct StepProgress {
  qint64 step = 0, maxSteps = 0;
};
std::optional<StepProgress> parseStepProgress(const QString& what);

/// Seconds per step of a paper preset on a CPU from the benchmark (docs: ~35 s/step for the 2D network at batch 50,
/// ~50 s/step for the 3D one, on 2 cores), scaled by the thread count (0 = `defaultThreads`); 0 for presets meant
/// for a CPU.
double paperCpuSecondsPerStep(const workflows::TrainingPresetInfo& preset, int threads, int defaultThreads);

/// Steps a fold will train: `maxSteps`, or the preset's epochs over the training part of `imageCount` images (the
/// larger of T and 5 - T chunks of five, as the paper's partition gives training the larger part).
qint64 expectedSteps(const workflows::TrainingPresetInfo& preset, qint64 maxSteps, qint64 imageCount,
                     int trainingTasks);

/// "35 s", "12 min", "3 h 20 min", "4.2 days".
QString formatDuration(double seconds);

/// The five paper tasks' display names, "0 Intra-dataset Poisson blending" style ids included when `withId`.
QString paperTaskName(int task, bool withId = false);
/// "0, 2, 3".
QString taskIdList(const std::vector<int>& tasks);

/// A run's or fold's stored status ("queued", "running", "paused", "cancelled", "failed", "finished") in words, with
/// "— resumable" where Resume applies. `trainingHere`: this window is training it; a stored "running" otherwise
/// means the process that trained it was interrupted. An unknown word is shown as stored. The Training page's runs
/// list and monitor and the healthy-set audit's run list all use this one.
QString runStatusText(const std::string& status, bool trainingHere);
/// The device a run or a prediction used ("cpu (2 threads)", "cpu", "cuda:0", "cuda (not available)", as the models
/// layer describes it) in words: "CPU, 2 threads", "CPU", "CUDA GPU 0"; anything else as stored.
QString deviceText(const std::string& device);

/// Statuses a run can be resumed from: paused, cancelled, and "running" when this window is not running it (the
/// process that was died: a crash or a kill).
bool isResumable(const QString& status, bool runningHere);

}  // namespace lightbox::ui
