// The review page's background work and dialogs: prediction of a dataset (its device and threads, finishing a
// partial one, the report it leaves on the page and its Details…), re-finding at a new threshold, fitting the colour
// scale, the export dialog (split from review_page.cpp, which builds and drives the page).
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QUndoStack>

#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/run_metrics.h"
#include "review/export_dialog.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "review/review_widgets.h"
#include "shell/device_controls.h"
#include "shell/job_runner.h"

namespace lightbox::ui {

void ReviewPage::applyThreshold() {
  const auto* m = currentModel();
  const auto* d = currentDataset();
  if (!m || !d || jobs_->busy()) return;
  workflows::RefindParams p;
  p.projectPath = path_.toStdString();
  p.runId = m->runId;
  p.folds = m->folds;
  p.datasetId = d->id;
  p.threshold = thresholdValue();
  undo_->clear();  // the findings change; reviews stay stored and kept
  const bool started = jobs_->start(tr("Finding regions at threshold %1").arg(QLocale().toString(p.threshold, 'f', 3)),
                                    [this, p](ProgressSink& progress) -> std::function<void()> {
                                      const auto r = workflows::refindFindings(p, progress);
                                      return [this, r] {
                                        status_->setText(tr("%n finding(s) at the new threshold; %1 reviewed kept",
                                                            nullptr, int(r.findings))
                                                             .arg(r.keptReviewed));
                                      };
                                    });
  if (!started) return;
  auto* c = new QMetaObject::Connection;
  *c = connect(jobs_, &JobRunner::finished, this, [this, c](bool, const QString& error) {
    disconnect(*c);
    delete c;
    if (!error.isEmpty()) status_->setText(tr("Cannot find regions: %1").arg(error));
    if (const auto* model = currentModel())
      threshold_ = workflows::loadThreshold(path_.toStdString(), model->runId, model->folds);
    const qint64 keep = data_ ? data_->imageId : 0;
    loadRanking(keep);
  });
}

QWidget* ReviewPage::buildPredictControls() {
  cuda_ = workflows::cudaTrainingAvailable();
  predictControls_ = new QWidget(this);
  predictControls_->setObjectName(QStringLiteral("predictControls"));
  deviceCombo_ = makeDeviceCombo(cuda_, predictControls_);
  deviceCombo_->setObjectName(QStringLiteral("predictDevice"));
  deviceCombo_->setToolTip(tr("Where the model runs to predict"));
  // Compact beside Predict: the closed combo shows the start of "Automatic (…)", the list the whole words.
  deviceCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  deviceCombo_->setMinimumContentsLength(9);
  threadsSpin_ = makeThreadsSpinBox(predictControls_);
  threadsSpin_->setObjectName(QStringLiteral("predictThreads"));
  auto* threadsLabel = new QLabel(tr("Threads"), predictControls_);
  threadsLabel->setBuddy(threadsSpin_);
  auto* l = new QHBoxLayout(predictControls_);
  l->setContentsMargins(0, 0, 0, 0);
  l->addWidget(deviceCombo_);
  l->addWidget(threadsLabel);
  l->addWidget(threadsSpin_);
  // Threads are CPU threads: meaningless on CUDA.
  const auto cpuOnly = [this, threadsLabel] {
    const bool cpu = deviceIsCpu(deviceCombo_, cuda_);
    threadsSpin_->setEnabled(cpu);
    threadsLabel->setEnabled(cpu);
  };
  connect(deviceCombo_, &QComboBox::currentIndexChanged, this, cpuOnly);
  cpuOnly();
  predictControls_->hide();

  detailsButton_ = new QPushButton(tr("Details…"), this);
  detailsButton_->setObjectName(QStringLiteral("predictDetailsButton"));
  detailsButton_->setToolTip(tr("The last prediction: device, speed, warnings and the images that failed"));
  detailsButton_->hide();
  connect(detailsButton_, &QPushButton::clicked, this, [this] { showPredictionDetails(); });
  return predictControls_;
}

void ReviewPage::setPredictionDevice(const QString& device, int threads) {
  deviceCombo_->setCurrentIndex(std::max(0, deviceCombo_->findData(device)));
  threadsSpin_->setValue(threads);
}

void ReviewPage::refreshPredictControls() {
  const auto* m = currentModel();
  const auto* d = currentDataset();
  const int64_t predicted = m && d ? m->predictions(d->id) : 0;
  const int64_t missing = m && d ? std::max<int64_t>(0, d->images - predicted) : 0;
  const bool show = !path_.isEmpty() && missing > 0;
  predictButton_->setVisible(show);
  predictControls_->setVisible(show && catalogue_.canPredict);
  if (show) {
    const auto& run = catalogue_.runs[modelRefs_[size_t(modelCombo_->currentIndex())].first];
    const bool hasCheckpoints = std::all_of(m->folds.begin(), m->folds.end(), [&](int f) {
      return std::find(run.foldsWithCheckpoint.begin(), run.foldsWithCheckpoint.end(), f) != run.foldsWithCheckpoint.end();
    });
    // After a cancelled or partial prediction only the images without a prediction are left to do.
    predictButton_->setText(predicted > 0 ? tr("Predict the remaining %n image(s)", nullptr, int(missing)) : tr("Predict"));
    predictButton_->setEnabled(catalogue_.canPredict && hasCheckpoints && !jobs_->busy());
    const QString name = QString::fromStdString(d->name);
    if (!catalogue_.canPredict)
      status_->setText(tr("This model has not predicted %n image(s) of “%1”. Prediction is unavailable in this build "
                          "(no LibTorch): run `lightbox-cli predict` elsewhere and review the predictions here.",
                          nullptr, int(missing))
                           .arg(name));
    else if (!hasCheckpoints)
      status_->setText(tr("This model has no trained checkpoint to predict with."));
    else if (predicted > 0)
      status_->setText(tr("This model has predicted %1 of %2 images of “%3”: press “Predict the remaining” to "
                          "finish.")
                           .arg(predicted)
                           .arg(d->images)
                           .arg(name));
    else
      status_->setText(tr("This model has not predicted “%1” yet: press Predict.").arg(name));
  }
  // The last prediction's report stays on screen while its model and dataset are shown.
  const bool reported = lastPrediction_ && d && lastPrediction_->model == modelKey_ && lastPrediction_->dataset == d->id;
  if (reported) {
    status_->setText(lastPrediction_->report.status);
    status_->setStyleSheet(lastPrediction_->report.complete ? QString() : QStringLiteral("color:#b9770e;"));
  } else {
    status_->setStyleSheet(QString());
  }
  detailsButton_->setVisible(reported);
}

const PredictionReport* ReviewPage::lastPredictionReport() const {
  const auto* d = currentDataset();
  if (!lastPrediction_ || !d || lastPrediction_->model != modelKey_ || lastPrediction_->dataset != d->id) return nullptr;
  return &lastPrediction_->report;
}

QDialog* ReviewPage::showPredictionDetails() {
  const PredictionReport* report = lastPredictionReport();
  if (!report) return nullptr;
  if (!detailsDialog_) {
    detailsDialog_ = new QDialog(this);
    detailsDialog_->setObjectName(QStringLiteral("predictionDetailsDialog"));
    detailsDialog_->setAttribute(Qt::WA_DeleteOnClose);
    detailsDialog_->setWindowTitle(tr("Prediction details"));
    auto* text = new QPlainTextEdit(detailsDialog_);
    text->setObjectName(QStringLiteral("predictionDetailsText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // lines wrap
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, detailsDialog_);
    connect(buttons, &QDialogButtonBox::rejected, detailsDialog_, &QDialog::close);
    auto* l = new QVBoxLayout(detailsDialog_);
    l->addWidget(text, 1);
    l->addWidget(buttons);
    detailsDialog_->resize(640, 360);
  }
  detailsDialog_->findChild<QPlainTextEdit*>()->setPlainText(report->details);
  detailsDialog_->show();
  detailsDialog_->raise();
  return detailsDialog_;
}

void ReviewPage::startPrediction() {
#ifdef LIGHTBOX_HAS_TRAINING
  const auto* m = currentModel();
  const auto* d = currentDataset();
  if (!m || !d || jobs_->busy()) return;
  workflows::PredictParams p;
  p.projectPath = path_.toStdString();
  p.runId = m->runId;
  p.folds = m->folds;
  p.dataset = d->name;
  // Finishing a partial prediction leaves the predicted images (and whatever was reviewed on them) alone; "keep"
  // guards the rest, e.g. a fold's own reviewed map of an image the ensemble has not predicted.
  p.onlyUnpredicted = m->predictions(d->id) > 0;
  p.reviewedFindings = "keep";
  p.device = deviceCombo_->currentData().toString().toStdString();
  p.threads = threadsSpin_->value();
  const qint64 run = m->runId;
  const std::vector<int> folds = m->folds;
  const qint64 dataset = d->id;
  predictButton_->setEnabled(false);
  predictControls_->setEnabled(false);
  progress_->setRange(0, 0);
  progress_->show();
  cancelButton_->show();
  auto result = std::make_shared<std::optional<workflows::PredictResult>>();
  const bool started = jobs_->start(tr("Predicting %1").arg(QString::fromStdString(d->name)),
                                    [p, result](ProgressSink& progress) -> std::function<void()> {
                                      auto r = workflows::runPrediction(p, progress);
                                      return [result, r = std::move(r)] { *result = r; };
                                    });
  if (!started) {
    progress_->hide();
    cancelButton_->hide();
    predictControls_->setEnabled(true);
    status_->setText(tr("Another job is running: wait for it (or cancel it) first."));
    return;
  }
  auto* c = new QMetaObject::Connection;
  *c = connect(jobs_, &JobRunner::finished, this,
               [this, c, run, folds, dataset, result](bool cancelled, const QString& error) {
                 disconnect(*c);
                 delete c;
                 const PredictionReport report =
                     !error.isEmpty() || !*result ? describePredictionError(error.isEmpty() ? tr("no result") : error)
                                                  : describePrediction(**result, cancelled || (*result)->cancelled);
                 finishPrediction(run, folds, dataset, report);
               });
#else
  status_->setText(tr("Prediction is unavailable in this build (no LibTorch)."));
#endif
}

void ReviewPage::finishPrediction(qint64 run, const std::vector<int>& folds, qint64 dataset,
                                  const PredictionReport& report) {
  progress_->hide();
  cancelButton_->hide();
  predictControls_->setEnabled(true);
  reload();
  selectModel(run, folds);
  selectDataset(dataset);
  lastPrediction_ = LastPrediction{modelKey_, dataset, report};
  refreshPredictControls();
  if (detailsDialog_) showPredictionDetails();  // an open Details… shows the new report
  Q_EMIT predictionFinished(report.complete, report.status);
}

void ReviewPage::suggestScale() {
  const auto* m = currentModel();
  const auto* d = currentDataset();
  if (!m || !d) return;
  try {
    WaitCursor wait;
    NullProgress none;
    auto s = workflows::suggestColourScale(path_.toStdString(), m->runId, m->folds, d->id, none);
    s.colormap = scale_.colormap;
    workflows::storeColourScale(path_.toStdString(), m->runId, s);
    scale_ = s;
    scale_.stored = true;
  } catch (const std::exception& e) {
    status_->setText(tr("Cannot fit the colour scale: %1").arg(QString::fromStdString(e.what())));
  }
  refreshOverlay();
}

void ReviewPage::showExportDialog() {
  const auto* m = currentModel();
  if (!m) return;
  const auto* d = currentDataset();
  auto* dialog = new ExportDialog(path_, m->runId, m->folds, d ? QString::fromStdString(d->name) : QString(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
}

}  // namespace lightbox::ui
