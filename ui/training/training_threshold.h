#pragma once
// The threshold part of the Training page: the threshold of the model selected in the runs list (a run's ensemble
// or one fold), proposed in the background on the app's job runner from the run's held-out synthetic tasks and its
// healthy validation images (workflows::proposeModelThreshold), with progress and cancel. A proposal is stored beside
// a user override and never replaces it (the override stays in force; the text says so).

#include <QFutureWatcher>
#include <QWidget>

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/train.h"

class QAction;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace lightbox::ui {

class JobRunner;

class ThresholdPanel : public QWidget {
  Q_OBJECT
 public:
  /// The device and CPU threads to propose on (the Training form's).
  using DeviceSource = std::function<std::pair<std::string, int>()>;

  ThresholdPanel(JobRunner* jobs, DeviceSource device, QWidget* parent = nullptr);
  ~ThresholdPanel() override;

  void setProject(const QString& projectPath);
  /// The model whose threshold is shown and proposed by the action: `run`'s ensemble (fold < 0) or one fold;
  /// nullptr shows none.
  void showModel(const workflows::RunOverview* run, int fold);
  /// Proposes (again) for run `runId`'s ensemble (fold < 0) or one fold, in the background. False, with the reason
  /// shown, when the job runner is busy.
  bool propose(qint64 runId, int fold);
  bool isProposing() const { return ownJob_; }
  /// "Propose a threshold when a run finishes" (kept in the settings; on by default).
  bool proposeOnFinish() const;
  void setProposeOnFinish(bool on);
  /// Proposes for the model shown (the runs list's action and the button).
  QAction* proposeAction() const { return action_; }
  QString statusText() const;

 Q_SIGNALS:
  /// A proposal ended; `error` is empty when it was stored, "cancelled…" when the user stopped it.
  void proposalFinished(qint64 runId, bool stored, const QString& error);
  /// The shown model's threshold was (re)read from the project.
  void statusShown();

 private:
  void updateButtons();
  void loadStatus();
  void onStatusLoaded();
  void onJobFinished(bool cancelled, const QString& error);

  JobRunner* jobs_;
  DeviceSource device_;
  QString projectPath_;
  std::optional<workflows::RunOverview> run_;  ///< the model shown: this run ...
  int fold_ = -1;                              ///< ... its ensemble (-1) or this fold
  std::vector<int> folds_;                     ///< the model's folds as stored
  bool ownJob_ = false;
  qint64 jobRun_ = 0;
  bool statusPending_ = false;

  QLabel* title_;
  QLabel* text_;
  QPushButton* propose_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* progressText_;
  QCheckBox* onFinish_;
  QAction* action_;
  QFutureWatcher<workflows::ThresholdStatus> statusWatcher_;
};

}  // namespace lightbox::ui
