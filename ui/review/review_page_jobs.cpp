// The review page's background work and dialogs: prediction of a dataset, re-finding at a new threshold, fitting
// the colour scale, the export dialog (split from review_page.cpp, which builds and drives the page).
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QUndoStack>

#include "lightbox/workflows/predict.h"
#include "review/export_dialog.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "review/review_widgets.h"
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
  const qint64 run = m->runId;
  const std::vector<int> folds = m->folds;
  predictButton_->setEnabled(false);
  progress_->setRange(0, 0);
  progress_->show();
  cancelButton_->show();
  const bool started = jobs_->start(tr("Predicting %1").arg(QString::fromStdString(d->name)),
                                    [p](ProgressSink& progress) -> std::function<void()> {
                                      const auto r = workflows::runPrediction(p, progress);
                                      (void)r;
                                      return {};
                                    });
  if (!started) {
    progress_->hide();
    cancelButton_->hide();
    status_->setText(tr("Another job is running: wait for it (or cancel it) first."));
    return;
  }
  auto* c = new QMetaObject::Connection;
  *c = connect(jobs_, &JobRunner::finished, this, [this, c, run, folds](bool cancelled, const QString& error) {
    disconnect(*c);
    delete c;
    progress_->hide();
    cancelButton_->hide();
    reload();
    selectModel(run, folds);
    const QString message = !error.isEmpty() ? tr("Prediction failed: %1").arg(error)
                            : cancelled       ? tr("Prediction cancelled; the images done so far are kept.")
                                              : tr("Prediction finished.");
    status_->setText(message);
    Q_EMIT predictionFinished(error.isEmpty() && !cancelled, message);
  });
#else
  status_->setText(tr("Prediction is unavailable in this build (no LibTorch)."));
#endif
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
