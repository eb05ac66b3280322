#pragma once
// The Training area (issue #7): a preset with every value shown, the run's parameters, the training tasks (five
// check boxes, or all folds of T), the datasets; Start queues the run and the job runner trains it in the background,
// one at a time. A live monitor polls the run's metrics from the project (read-only, off the GUI thread, every
// second) into charts; Cancel keeps a resumable checkpoint; the runs list shows every run with its best figures and
// resumes paused, cancelled and interrupted (crashed) runs; the threshold part proposes a finished run's threshold
// (on its own when a run finishes here, and again on request). One class, its parts in their own files:
// training_form.cpp (the form and queueing), training_monitor.cpp (monitor and polling), training_runs.cpp (the runs
// list), training_page.cpp (the page and the training jobs); training_threshold.h is the threshold part.

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

#include "lightbox/workflows/project_overview.h"
#include "lightbox/workflows/run_metrics.h"
#include "lightbox/workflows/train.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace lightbox::ui {

class JobRunner;
class TrainingCharts;
class ThresholdPanel;
class TrainingQueueModel;

class TrainingPage : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingPage(JobRunner* jobs, QWidget* parent = nullptr);
  ~TrainingPage() override;

  void setProject(const QString& projectPath);
  /// Reloads the datasets and the runs list (off the GUI thread).
  void reload();
  int runCount() const;
  /// Message boxes (the paper-preset-on-CPU warning, close confirmation) are shown unless turned off.
  void setInteractive(bool interactive) { interactive_ = interactive; }
  bool interactive() const { return interactive_; }

  /// True while a run started from this page trains.
  bool isTraining() const;
  /// Asked when the window closes during a run: true = cancel it (it stays resumable) and quit, false = keep
  /// training. Non-interactive: true. Either way nothing queued starts afterwards when it returns true.
  bool confirmQuit(bool interactive);
  /// Drops every queued run that has not started.
  void clearQueue();

  /// Queues a run with the form's parameters (what Start does); false with the reason in the status line.
  bool queueFromForm();
  /// Queues resuming `runId` with the form's device, threads and time limit.
  void queueResume(qint64 runId);
  void cancelTraining();

  TrainingQueueModel* queue() const { return queue_; }
  TrainingCharts* charts() const { return charts_; }
  ThresholdPanel* thresholdPanel() const { return threshold_; }
  qint64 monitoredRun() const { return monitorRunId_; }
  /// The form's parameters (validated by runTraining itself when it starts).
  workflows::TrainParams formParams() const;

 Q_SIGNALS:
  void loaded();           ///< the runs list was reloaded
  void monitorUpdated();   ///< the charts were refreshed from the project
  void trainingFinished(qint64 runId, bool cancelled, const QString& error);

 private:
  static constexpr int kRunIdRole = Qt::UserRole + 1;  ///< on the runs list's items
  static constexpr int kFoldRole = Qt::UserRole + 2;   ///< -1 on a run's own item

  struct Active {
    std::atomic<long long> newerThan{-1};  ///< newest run id before the call started, written by the worker
    workflows::TrainResult result;         ///< written by the worker, read after finished()
  };

  QWidget* buildForm();
  QWidget* buildMonitor();
  void fillPresetValues();
  void updateFolds();
  void updateTaskNote();
  void updateEstimate();
  void updateButtons();
  const workflows::TrainingPresetInfo* currentPreset() const;
  bool effectiveCpu() const;
  void startNext();
  void onJobStarted();
  void onJobProgress(qint64 done, qint64 total, const QString& what, const QString& eta);
  void onJobFinished(bool cancelled, const QString& error);
  void pollNow();
  void onPolled();
  void onRunsLoaded();
  void onDatasetsLoaded();
  void onRunSelected();
  /// The runs list's current item (a run: its ensemble; a fold) on the threshold part.
  void showThresholdOfSelection();
  void showMetrics(const workflows::RunMetrics& run);
  QString statusText(const workflows::RunOverview& run) const;

  JobRunner* jobs_;
  QString projectPath_;
  bool interactive_ = true;
  bool ownJob_ = false;
  bool quitting_ = false;
  int activeRow_ = -1;
  std::shared_ptr<Active> active_;
  qint64 monitorRunId_ = 0;  ///< the run on the monitor; 0 while the started run has not been created yet
  qint64 activeRunId_ = 0;   ///< the run this page trains now (0: none, or not created yet)
  int monitorFold_ = -1;     ///< -1: follow the running (or last) fold
  bool pollWanted_ = false;
  int pollCount_ = 0;
  std::vector<workflows::TrainingPresetInfo> presets_;
  std::vector<workflows::RunOverview> runs_;
  std::vector<workflows::DatasetOverview> datasets_;
  bool cuda_ = false;

  // Form.
  QLabel* unavailable_;
  QComboBox* preset_;
  QLabel* presetDescription_;
  QLabel* presetValues_;
  QComboBox* dataset_;
  QComboBox* blend_;
  QRadioButton* explicitTasks_;
  QRadioButton* allFolds_;
  QCheckBox* taskBoxes_[5] = {};
  QLabel* taskNote_;
  QSpinBox* trainingCount_;
  QComboBox* fold_;
  QSpinBox* maxSteps_;
  QDoubleSpinBox* minutes_;
  QSpinBox* validateEvery_;
  QSpinBox* seed_;
  QComboBox* device_;
  QSpinBox* threads_;
  QLabel* estimate_;
  QPushButton* start_;
  QListView* queueView_;
  QPushButton* removeQueued_;
  TrainingQueueModel* queue_;

  // Monitor.
  QLabel* monitorTitle_;
  QComboBox* monitorFoldBox_;
  QProgressBar* progress_;
  QLabel* progressText_;
  QPushButton* cancel_;
  QPushButton* resume_;
  TrainingCharts* charts_;
  QLabel* status_;
  QTreeWidget* runsTree_;
  ThresholdPanel* threshold_;

  QTimer* pollTimer_;
  QFutureWatcher<workflows::RunMetrics> pollWatcher_;
  QFutureWatcher<std::vector<workflows::RunOverview>> runsWatcher_;
  QFutureWatcher<workflows::ProjectOverview> datasetsWatcher_;
  bool runsReloadPending_ = false;
};

}  // namespace lightbox::ui
