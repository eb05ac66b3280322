// The Training page's monitor (see training_page.h): the run on the monitor with its fold, progress, cancel and
// resume, the charts, and polling the run's metrics from the project off the GUI thread.
#include "training/training_page.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "shell/job_runner.h"
#include "training/training_charts.h"
#include "training/training_logic.h"
#include "training/training_queue_model.h"
#include "training/training_threshold.h"

namespace lightbox::ui {

QWidget* TrainingPage::buildMonitor() {
  auto* monitor = new QWidget;
  auto* column = new QVBoxLayout(monitor);
  column->setContentsMargins(6, 0, 0, 0);
  auto* head = new QHBoxLayout;
  monitorTitle_ = new QLabel(tr("<b>No run on the monitor</b>"), monitor);
  monitorTitle_->setObjectName(QStringLiteral("trainingMonitorTitle"));
  monitorFoldBox_ = new QComboBox(monitor);
  monitorFoldBox_->setObjectName(QStringLiteral("trainingFold"));
  monitorFoldBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  monitorFoldBox_->setEnabled(false);
  connect(monitorFoldBox_, &QComboBox::activated, this, [this](int index) {
    monitorFold_ = monitorFoldBox_->itemData(index).toInt();
    pollWanted_ = true;
    pollNow();
  });
  cancel_ = new QPushButton(tr("Cancel Run"), monitor);
  cancel_->setObjectName(QStringLiteral("trainingCancel"));
  cancel_->setToolTip(tr("Stops after the current step and keeps a checkpoint: the run can be resumed"));
  connect(cancel_, &QPushButton::clicked, this, &TrainingPage::cancelTraining);
  resume_ = new QPushButton(tr("Resume"), monitor);
  resume_->setObjectName(QStringLiteral("trainingResume"));
  resume_->setToolTip(tr("Continue the selected run from its latest checkpoint (with the device, threads and time "
                         "limit of the form; the run's own preset, data, tasks and seed)"));
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (QTreeWidgetItem* item = runsTree_->currentItem()) queueResume(item->data(0, kRunIdRole).toLongLong());
  });
  head->addWidget(monitorTitle_, 1);
  head->addWidget(new QLabel(tr("Fold:"), monitor));
  head->addWidget(monitorFoldBox_);
  head->addWidget(resume_);
  head->addWidget(cancel_);
  column->addLayout(head);

  auto* progressRow = new QHBoxLayout;
  progress_ = new QProgressBar(monitor);
  progress_->setObjectName(QStringLiteral("trainingProgress"));
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setTextVisible(false);
  progressText_ = new QLabel(monitor);
  progressText_->setObjectName(QStringLiteral("trainingProgressText"));
  progressText_->setMinimumWidth(320);
  progressRow->addWidget(progress_, 1);
  progressRow->addWidget(progressText_, 1);
  column->addLayout(progressRow);

  auto* vertical = new QSplitter(Qt::Vertical, monitor);
  charts_ = new TrainingCharts(vertical);
  charts_->setObjectName(QStringLiteral("trainingCharts"));
  auto* runsBox = new QWidget(vertical);
  auto* runsLayout = new QVBoxLayout(runsBox);
  runsLayout->setContentsMargins(0, 0, 0, 0);
  auto* runsHead = new QHBoxLayout;
  runsHead->addWidget(new QLabel(tr("<b>Runs</b>"), runsBox));
  status_ = new QLabel(runsBox);
  status_->setObjectName(QStringLiteral("trainingStatus"));
  runsHead->addWidget(status_, 1);
  runsLayout->addLayout(runsHead);
  runsTree_ = new QTreeWidget(runsBox);
  runsTree_->setObjectName(QStringLiteral("trainingRuns"));
  runsTree_->setHeaderLabels({tr("Run / fold"), tr("Preset"), tr("Status"), tr("Train tasks"), tr("Held-out tasks"),
                              tr("Steps"), tr("Best val. loss"), tr("Held-out pixel AP at best"), tr("Device"),
                              tr("Updated")});
  runsTree_->setRootIsDecorated(true);
  runsTree_->setAlternatingRowColors(true);
  runsTree_->setUniformRowHeights(true);
  connect(runsTree_, &QTreeWidget::itemSelectionChanged, this, &TrainingPage::onRunSelected);
  runsLayout->addWidget(runsTree_, 1);
  threshold_ = new ThresholdPanel(
      jobs_,
      [this] { return std::make_pair(device_->currentData().toString().toStdString(), threads_->value()); }, runsBox);
  runsTree_->setContextMenuPolicy(Qt::ActionsContextMenu);  // "Propose Threshold" on any finished run or fold
  runsTree_->addAction(threshold_->proposeAction());
  runsLayout->addWidget(threshold_);
  vertical->addWidget(charts_);
  vertical->addWidget(runsBox);
  vertical->setStretchFactor(0, 3);
  vertical->setStretchFactor(1, 1);
  vertical->setChildrenCollapsible(false);
  column->addWidget(vertical, 1);
  return monitor;
}


void TrainingPage::pollNow() {
  if (projectPath_.isEmpty() || pollWatcher_.isRunning()) return;
  const bool live = isTraining();
  if (!pollWanted_ && !live) return;
  qint64 runId = monitorRunId_, newerThan = 0;
  if (runId <= 0) {
    if (!live || !active_) return;
    newerThan = active_->newerThan.load();
    if (newerThan < 0) return;  // the worker has not looked yet
  }
  if (live && ++pollCount_ % 3 == 0) reload();  // the runs list's steps and best figures
  const std::string path = projectPath_.toStdString();
  pollWatcher_.setFuture(
      QtConcurrent::run([path, runId, newerThan] { return workflows::readRunMetrics(path, runId, newerThan); }));
}

void TrainingPage::onPolled() {
  workflows::RunMetrics run;
  try {
    run = pollWatcher_.result();
  } catch (const std::exception& e) {
    progressText_->setToolTip(tr("Could not read the run's metrics: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  if (run.runId == 0) return;
  if (monitorRunId_ <= 0 && isTraining()) {
    monitorRunId_ = activeRunId_ = run.runId;
    queue_->setRunId(activeRow_, run.runId);
  }
  if (run.runId != monitorRunId_) return;  // the selection moved on meanwhile
  const bool ours = isTraining() && run.runId == activeRunId_;
  // A run that is not training (here or elsewhere) does not change: one read is enough.
  if (!ours && run.status != "running") pollWanted_ = false;
  showMetrics(run);
  updateButtons();
  Q_EMIT monitorUpdated();
}

void TrainingPage::showMetrics(const workflows::RunMetrics& run) {
  // The fold to show: the chosen one, else the running one, else the last that trained.
  int fold = -1;
  for (const auto& f : run.folds)
    if (f.fold == monitorFold_) fold = f.fold;
  if (fold < 0) {
    for (const auto& f : run.folds)
      if (f.steps > 0 || f.status == "running") fold = f.fold;
    for (const auto& f : run.folds)
      if (f.status == "running") fold = f.fold;
    if (fold < 0 && !run.folds.empty()) fold = run.folds.front().fold;
  }
  monitorFoldBox_->blockSignals(true);
  monitorFoldBox_->clear();
  for (const auto& f : run.folds)
    monitorFoldBox_->addItem(tr("%1 (trains %2, holds out %3)").arg(f.fold).arg(taskIdList(f.trainTasks),
                                                                                taskIdList(f.heldoutTasks)),
                             f.fold);
  monitorFoldBox_->setCurrentIndex(std::max(0, monitorFoldBox_->findData(fold)));
  monitorFoldBox_->setEnabled(run.folds.size() > 1);
  monitorFoldBox_->blockSignals(false);

  const QLocale locale;
  const bool here = isTraining() && run.runId == activeRunId_;
  const QString status = runStatusText(run.status, here);
  monitorTitle_->setText(tr("<b>Run %1</b> — %2 — %3 — %4")
                             .arg(run.runId)
                             .arg(QString::fromStdString(run.preset).toHtmlEscaped(), status.toHtmlEscaped(),
                                  deviceText(run.device).toHtmlEscaped()));
  for (const auto& f : run.folds) {
    if (f.fold != fold) continue;
    charts_->showSeries(buildMonitorSeries(f));
    if (!here) {
      const qint64 max = run.maxSteps > 0 ? run.maxSteps : 0;
      progress_->setValue(max > 0 ? int(std::min<qint64>(1000, f.steps * 1000 / max)) : (f.status == "finished" ? 1000 : 0));
      QString text = max > 0 ? tr("Fold %1: step %2 of %3").arg(f.fold).arg(locale.toString(qint64(f.steps)),
                                                                         locale.toString(max))
                             : tr("Fold %1: %2 steps").arg(f.fold).arg(locale.toString(qint64(f.steps)));
      if (f.bestStep >= 0)
        text += tr(" · best validation loss %1 at step %2")
                    .arg(locale.toString(f.bestValidationLoss, 'g', 4), locale.toString(qint64(f.bestStep)));
      progressText_->setText(text);
    }
  }
  charts_->showCoverage(buildCoverage(run));
}

}  // namespace lightbox::ui
