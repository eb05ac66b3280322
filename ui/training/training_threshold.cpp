#include "training/training_threshold.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <stdexcept>

#include "shell/job_runner.h"
#include "training/threshold_logic.h"

namespace lightbox::ui {

namespace {

const QString kOnFinishKey = QStringLiteral("training/proposeThresholdOnFinish");

}  // namespace

ThresholdPanel::ThresholdPanel(JobRunner* jobs, DeviceSource device, QWidget* parent)
    : QWidget(parent), jobs_(jobs), device_(std::move(device)) {
  setObjectName(QStringLiteral("trainingThreshold"));
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  auto* head = new QHBoxLayout;
  title_ = new QLabel(tr("<b>Threshold</b>"), this);
  title_->setObjectName(QStringLiteral("trainingThresholdTitle"));
  onFinish_ = new QCheckBox(tr("Propose a threshold when a run finishes"), this);
  onFinish_->setObjectName(QStringLiteral("trainingProposeOnFinish"));
  onFinish_->setToolTip(tr("From the run's held-out synthetic tasks and its healthy validation images: no ground "
                           "truth needed. A threshold set by the user stays in force."));
  onFinish_->setChecked(QSettings().value(kOnFinishKey, true).toBool());
  connect(onFinish_, &QCheckBox::toggled, this, [](bool on) { QSettings().setValue(kOnFinishKey, on); });
  propose_ = new QPushButton(tr("Propose Threshold"), this);
  propose_->setObjectName(QStringLiteral("trainingProposeThreshold"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setObjectName(QStringLiteral("trainingCancelThreshold"));
  cancel_->setVisible(false);
  head->addWidget(title_, 1);
  head->addWidget(onFinish_);
  head->addWidget(propose_);
  head->addWidget(cancel_);
  column->addLayout(head);
  text_ = new QLabel(this);
  text_->setObjectName(QStringLiteral("trainingThresholdText"));
  text_->setWordWrap(true);
  text_->setTextFormat(Qt::RichText);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  column->addWidget(text_);
  auto* progressRow = new QHBoxLayout;
  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("trainingThresholdProgress"));
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  progress_->setVisible(false);
  progressText_ = new QLabel(this);
  progressText_->setObjectName(QStringLiteral("trainingThresholdProgressText"));
  progressRow->addWidget(progress_, 1);
  progressRow->addWidget(progressText_, 2);
  column->addLayout(progressRow);

  action_ = new QAction(tr("Propose Threshold"), this);
  action_->setObjectName(QStringLiteral("actionProposeThreshold"));
  action_->setToolTip(tr("Propose (again) the threshold of the selected run's ensemble, or of the selected fold"));
  connect(action_, &QAction::triggered, this, [this] {
    if (run_) propose(run_->id, fold_);
  });
  connect(propose_, &QPushButton::clicked, action_, &QAction::trigger);
  connect(cancel_, &QPushButton::clicked, this, [this] {
    if (!ownJob_) return;
    jobs_->cancel();
    progressText_->setText(tr("Cancelling the proposal…"));
    cancel_->setEnabled(false);
  });
  connect(jobs_, &JobRunner::started, this, [this] { updateButtons(); });
  connect(jobs_, &JobRunner::progressed, this, [this](qint64 done, qint64 total, const QString& what, const QString& eta) {
    if (!ownJob_) return;
    if (total > 0) progress_->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
    if (!jobs_->cancelRequested()) progressText_->setText(thresholdProgressText(done, total, what, eta));
  });
  connect(jobs_, &JobRunner::finished, this, &ThresholdPanel::onJobFinished);
  connect(&statusWatcher_, &QFutureWatcher<workflows::ThresholdStatus>::finished, this,
          &ThresholdPanel::onStatusLoaded);
  updateButtons();
}

ThresholdPanel::~ThresholdPanel() { statusWatcher_.waitForFinished(); }

void ThresholdPanel::setProject(const QString& projectPath) {
  projectPath_ = projectPath;
  showModel(nullptr, -1);
}

bool ThresholdPanel::proposeOnFinish() const { return onFinish_->isChecked(); }
void ThresholdPanel::setProposeOnFinish(bool on) { onFinish_->setChecked(on); }
QString ThresholdPanel::statusText() const { return text_->text(); }

void ThresholdPanel::showModel(const workflows::RunOverview* run, int fold) {
  if (run) {
    run_ = *run;
    fold_ = fold;
    folds_ = fold >= 0 ? std::vector<int>{fold} : ensembleFolds(*run);
    title_->setText(tr("<b>Threshold</b> — run %1, %2").arg(run->id).arg(modelName(*run, fold).toHtmlEscaped()));
    loadStatus();
  } else {
    run_.reset();
    folds_.clear();
    title_->setText(tr("<b>Threshold</b>"));
    text_->setText(tr("Select a run (its ensemble) or one of its folds to see or propose its threshold."));
  }
  updateButtons();
}

void ThresholdPanel::loadStatus() {
#ifdef LIGHTBOX_HAS_TRAINING
  if (!run_ || projectPath_.isEmpty() || folds_.empty()) {
    if (run_) text_->setText(whyNoProposal(*run_, fold_));
    return;
  }
  if (statusWatcher_.isRunning()) {
    statusPending_ = true;  // the selection moved on while reading: read again for the new one
    return;
  }
  const std::string path = projectPath_.toStdString();
  const qint64 runId = run_->id;
  const std::vector<int> folds = folds_;
  statusWatcher_.setFuture(
      QtConcurrent::run([path, runId, folds] { return workflows::loadThresholdStatus(path, runId, folds); }));
#else
  text_->setText(tr("Thresholds are proposed by a build with the models library (LibTorch)."));
#endif
}

void ThresholdPanel::onStatusLoaded() {
  if (statusPending_) {
    statusPending_ = false;
    loadStatus();
    return;
  }
  try {
    text_->setText(thresholdStatusText(statusWatcher_.result()));
  } catch (const std::exception& e) {
    text_->setText(tr("Could not read the threshold: %1").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
  }
  Q_EMIT statusShown();
}

bool ThresholdPanel::propose(qint64 runId, int fold) {
#ifdef LIGHTBOX_HAS_TRAINING
  if (projectPath_.isEmpty() || runId <= 0) return false;
  if (jobs_->busy()) {
    progressText_->setText(tr("Another job is running (%1): propose when it is done.").arg(jobs_->title()));
    return false;
  }
  workflows::ThresholdParams p;
  p.projectPath = projectPath_.toStdString();
  p.runId = runId;
  if (fold >= 0) p.folds = {fold};
  if (device_) std::tie(p.device, p.threads) = device_();
  const bool started = jobs_->start(tr("Proposing the threshold of run %1").arg(runId),
                                    [p](ProgressSink& progress) -> std::function<void()> {
                                      workflows::proposeModelThreshold(p, progress);
                                      return {};
                                    });
  if (!started) return false;
  ownJob_ = true;
  jobRun_ = runId;
  progress_->setValue(0);
  progress_->setVisible(true);
  cancel_->setVisible(true);
  cancel_->setEnabled(true);
  progressText_->setText(fold >= 0 ? tr("Proposing the threshold of run %1, fold %2…").arg(runId).arg(fold)
                                   : tr("Proposing the threshold of run %1…").arg(runId));
  updateButtons();
  return true;
#else
  (void)runId;
  (void)fold;
  progressText_->setText(tr("Thresholds are proposed by a build with the models library (LibTorch)."));
  return false;
#endif
}

void ThresholdPanel::onJobFinished(bool cancelled, const QString& error) {
  if (!ownJob_) {
    updateButtons();
    return;
  }
  ownJob_ = false;
  const qint64 runId = jobRun_;
  progress_->setVisible(false);
  cancel_->setVisible(false);
  const bool stored = !cancelled && error.isEmpty();
  progressText_->setText(cancelled ? tr("Proposal cancelled: no threshold was recorded.")
                         : stored  ? tr("Threshold of run %1 proposed and stored.").arg(runId)
                                   : tr("Could not propose a threshold for run %1: %2").arg(runId).arg(error));
  if (run_ && run_->id == runId) loadStatus();
  updateButtons();
  Q_EMIT proposalFinished(runId, stored, cancelled && error.isEmpty() ? tr("cancelled") : error);
}

void ThresholdPanel::updateButtons() {
#ifdef LIGHTBOX_HAS_TRAINING
  const QString why = run_ ? whyNoProposal(*run_, fold_) : tr("Select a run in the list.");
#else
  const QString why = tr("Thresholds are proposed by a build with the models library (LibTorch).");
#endif
  const bool can = why.isEmpty() && !jobs_->busy() && !projectPath_.isEmpty();
  action_->setEnabled(can);
  propose_->setEnabled(can);
  propose_->setToolTip(why.isEmpty() ? action_->toolTip() : why);
}

}  // namespace lightbox::ui
