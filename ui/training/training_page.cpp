// The Training page (see training_page.h): its layout, the project it shows, and the training jobs it runs on the
// job runner one at a time from its queue; proposing the threshold of a run that finished here.
#include "training/training_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <stdexcept>

#include "shell/job_runner.h"
#include "training/training_charts.h"
#include "training/training_logic.h"
#include "training/training_queue_model.h"
#include "training/training_threshold.h"

namespace lightbox::ui {

TrainingPage::TrainingPage(JobRunner* jobs, QWidget* parent) : QWidget(parent), jobs_(jobs) {
  setObjectName(QStringLiteral("trainingPage"));
  presets_ = workflows::trainingPresets();
  cuda_ = workflows::trainingAvailable() && workflows::cudaTrainingAvailable();
  queue_ = new TrainingQueueModel(this);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setObjectName(QStringLiteral("trainingSplitter"));
  auto* scroll = new QScrollArea(splitter);
  scroll->setWidget(buildForm());
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the form wraps instead
  scroll->setMinimumWidth(400);
  splitter->addWidget(scroll);
  splitter->addWidget(buildMonitor());
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({440, 1060});
  splitter->setChildrenCollapsible(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(splitter);

  pollTimer_ = new QTimer(this);
  pollTimer_->setInterval(1000);
  connect(pollTimer_, &QTimer::timeout, this, &TrainingPage::pollNow);
  pollTimer_->start();
  connect(&pollWatcher_, &QFutureWatcher<workflows::RunMetrics>::finished, this, &TrainingPage::onPolled);
  connect(&runsWatcher_, &QFutureWatcher<std::vector<workflows::RunOverview>>::finished, this,
          &TrainingPage::onRunsLoaded);
  connect(&datasetsWatcher_, &QFutureWatcher<workflows::ProjectOverview>::finished, this,
          &TrainingPage::onDatasetsLoaded);
  connect(jobs_, &JobRunner::started, this, [this] { onJobStarted(); });
  connect(jobs_, &JobRunner::progressed, this, &TrainingPage::onJobProgress);
  connect(jobs_, &JobRunner::finished, this, &TrainingPage::onJobFinished);

  fillPresetValues();
  updateFolds();
  updateTaskNote();
  updateEstimate();
  updateButtons();
}

TrainingPage::~TrainingPage() {
  pollWatcher_.waitForFinished();
  runsWatcher_.waitForFinished();
  datasetsWatcher_.waitForFinished();
}


void TrainingPage::updateButtons() {
  const bool can = workflows::trainingAvailable() && !projectPath_.isEmpty() && dataset_->count() > 0;
  start_->setEnabled(can);
  start_->setText(jobs_->busy() || queue_->waitingCount() > 0 ? tr("Add to Queue") : tr("Start Training"));
  for (QWidget* w : std::initializer_list<QWidget*>{preset_, dataset_, blend_, explicitTasks_, allFolds_, maxSteps_,
                                                    minutes_, validateEvery_, seed_, device_, threads_})
    w->setEnabled(workflows::trainingAvailable());
  const QModelIndex current = queueView_->currentIndex();
  removeQueued_->setEnabled(current.isValid() && current.data(TrainingQueueModel::StateRole).toInt() ==
                                                     int(QueuedTraining::State::Waiting));
  cancel_->setEnabled(isTraining() && !jobs_->cancelRequested());
  bool resumable = false;
  if (QTreeWidgetItem* item = runsTree_->currentItem()) {
    const qint64 id = item->data(0, kRunIdRole).toLongLong();
    const bool here = isTraining() && id == activeRunId_;
    bool queued = false;
    for (int r = 0; r < queue_->rowCount(); ++r)
      queued = queued || (queue_->at(r).params.resumeRun == id && (queue_->at(r).state == QueuedTraining::State::Waiting ||
                                                                   queue_->at(r).state == QueuedTraining::State::Running));
    for (const auto& run : runs_)
      if (run.id == id) resumable = isResumable(QString::fromStdString(run.status), here) && !queued;
  }
  resume_->setEnabled(resumable && workflows::trainingAvailable());
}

void TrainingPage::setProject(const QString& projectPath) {
  projectPath_ = projectPath;
  monitorRunId_ = 0;
  monitorFold_ = -1;
  pollWanted_ = false;
  runs_.clear();
  datasets_.clear();
  runsTree_->clear();
  dataset_->clear();
  blend_->clear();
  status_->clear();
  charts_->clear();
  monitorTitle_->setText(tr("<b>No run on the monitor</b>"));
  monitorFoldBox_->clear();
  progress_->setValue(0);
  progressText_->clear();
  threshold_->setProject(projectPath);
  reload();
  updateButtons();
}

void TrainingPage::reload() {
  if (projectPath_.isEmpty()) return;
  const std::string path = projectPath_.toStdString();
  if (!datasetsWatcher_.isRunning())
    datasetsWatcher_.setFuture(QtConcurrent::run([path] { return workflows::describeProject(path); }));
  if (runsWatcher_.isRunning()) {
    runsReloadPending_ = true;
    return;
  }
  runsWatcher_.setFuture(QtConcurrent::run([path] { return workflows::listRuns(path); }));
}

int TrainingPage::runCount() const { return runsTree_->topLevelItemCount(); }


void TrainingPage::queueResume(qint64 runId) {
  if (runId <= 0 || projectPath_.isEmpty() || !workflows::trainingAvailable()) return;
  workflows::TrainParams t;
  t.projectPath = projectPath_.toStdString();
  t.resumeRun = runId;
  t.minutes = minutes_->value();
  t.device = device_->currentData().toString().toStdString();
  t.threads = threads_->value();
  queue_->enqueue(t, TrainingQueueModel::describe(t));
  startNext();
  updateButtons();
}

void TrainingPage::cancelTraining() {
  if (!isTraining()) return;
  jobs_->cancel();
  progressText_->setText(tr("Cancelling: the run stops after this step and keeps a checkpoint to resume from…"));
  updateButtons();
}

bool TrainingPage::isTraining() const { return ownJob_ && jobs_->busy(); }

void TrainingPage::clearQueue() { queue_->clearWaiting(); }

bool TrainingPage::confirmQuit(bool interactive) {
  if (interactive) {
    QMessageBox box(QMessageBox::Question, tr("Quit Lightbox"),
                    activeRunId_ > 0 ? tr("Run %1 is training.").arg(activeRunId_) : tr("A run is training."),
                    QMessageBox::NoButton, this);
    const int waiting = queue_->waitingCount();
    box.setInformativeText(
        tr("Cancel it and quit? It keeps its latest checkpoint and shows as resumable on the Training page.") +
        (waiting > 0 ? QLatin1Char(' ') + tr("The %1 queued run(s) will not start.").arg(waiting) : QString()));
    QPushButton* stop = box.addButton(tr("Cancel Run and Quit"), QMessageBox::AcceptRole);
    QPushButton* keep = box.addButton(tr("Keep Training"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != stop) return false;
  }
  quitting_ = true;
  clearQueue();
  return true;
}

void TrainingPage::startNext() {
  if (quitting_ || jobs_->busy() || projectPath_.isEmpty()) return;
  const int row = queue_->nextWaiting();
  if (row < 0) return;
  const workflows::TrainParams params = queue_->at(row).params;
  auto active = std::make_shared<Active>();
  const std::string path = params.projectPath;
  const bool started = jobs_->start(
      tr("Training: %1").arg(queue_->at(row).label), [active, params, path](ProgressSink& progress) {
        active->newerThan.store(workflows::newestRunId(path));
#ifdef LIGHTBOX_HAS_TRAINING
        active->result = workflows::runTraining(params, progress);
#else
        (void)params;
        (void)progress;
        throw std::runtime_error("this build of Lightbox cannot train (built without LibTorch)");
#endif
        return std::function<void()>();
      });
  if (!started) return;
  ownJob_ = true;
  activeRow_ = row;
  active_ = active;
  queue_->setState(row, QueuedTraining::State::Running);
  monitorRunId_ = activeRunId_ = params.resumeRun;  // a new run's id is found by polling (the newest run after `newerThan`)
  monitorFold_ = -1;
  pollWanted_ = true;
  charts_->clear();
  monitorFoldBox_->clear();
  monitorTitle_->setText(params.resumeRun > 0 ? tr("<b>Run %1</b> — resuming").arg(params.resumeRun)
                                              : tr("<b>New run</b> — starting"));
  progress_->setValue(0);
  progressText_->setText(tr("Loading images…"));
  updateButtons();
}

void TrainingPage::onJobStarted() { updateButtons(); }

void TrainingPage::onJobProgress(qint64 done, qint64 total, const QString& what, const QString& eta) {
  if (!ownJob_) return;
  if (total > 0) progress_->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
  const QLocale locale;
  QString text;
  if (const auto s = parseStepProgress(what))
    text = tr("Step %1 of %2").arg(locale.toString(s->step), locale.toString(s->maxSteps));
  else if (what == QLatin1String("loading images"))
    text = tr("Loading images…");
  else
    text = what;
  if (!eta.isEmpty()) text += QStringLiteral(" · ") + eta;
  if (!jobs_->cancelRequested()) progressText_->setText(text);
  progressText_->setToolTip(what);
}

void TrainingPage::onJobFinished(bool cancelled, const QString& error) {
  if (!ownJob_) {
    QTimer::singleShot(0, this, &TrainingPage::startNext);  // another job held the runner: the queue may go on
    return;
  }
  ownJob_ = false;
  activeRunId_ = 0;
  const std::shared_ptr<Active> active = std::move(active_);
  const workflows::TrainResult& r = active->result;
  using S = QueuedTraining::State;
  QString detail;
  S state = S::Finished;
  if (!error.isEmpty()) {
    state = S::Failed;
    detail = error;
  } else if (r.failed) {
    state = S::Failed;
    detail = r.folds.empty() ? QString() : QString::fromStdString(r.folds.back().message);
  } else if (cancelled || r.cancelled) {
    state = S::Cancelled;
    detail = tr("cancelled; resumable from its latest checkpoint");
  } else if (!r.folds.empty() && r.folds.back().stop == "time-limit") {
    detail = tr("time limit reached; paused and resumable");
  }
  if (r.runId > 0) {
    queue_->setRunId(activeRow_, r.runId);
    monitorRunId_ = r.runId;
  }
  queue_->setState(activeRow_, state, detail);
  activeRow_ = -1;
  progress_->setValue(state == S::Finished ? 1000 : progress_->value());
  progressText_->setText(state == S::Failed      ? tr("Failed: %1").arg(detail)
                         : state == S::Cancelled ? tr("Cancelled — the run can be resumed")
                         : detail.isEmpty()      ? tr("Finished")
                                                 : tr("Stopped: %1").arg(detail));
  pollWanted_ = monitorRunId_ > 0;
  pollNow();
  reload();
  updateButtons();
  // A run that reached its end, or stopped at its time or step limit (the usual way on a CPU), gets its threshold
  // before the next queued run starts (that one waits for the job runner), so predicting it on the Review page finds
  // regions at once. Cancelled and failed runs are left for the user to decide.
  const bool propose = state == S::Finished && r.runId > 0 && !quitting_ &&
                       threshold_->proposeOnFinish();
  Q_EMIT trainingFinished(r.runId, state == S::Cancelled, state == S::Failed ? detail : QString());
  QTimer::singleShot(0, this, [this, propose, runId = r.runId] {
    if (propose && !quitting_) threshold_->propose(runId, -1);
    startNext();
  });
}

}  // namespace lightbox::ui
