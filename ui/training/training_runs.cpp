// The Training page's runs list (see training_page.h): every run of the project with its folds, status and best
// figures; the selection chooses the run on the monitor and the model of the threshold part.
#include "training/training_page.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>

#include "training/training_charts.h"
#include "training/training_logic.h"
#include "training/training_threshold.h"

namespace lightbox::ui {

namespace {

QString apSummary(const std::vector<std::pair<std::string, double>>& ap) {
  QStringList parts;
  const QLocale locale;
  for (const auto& [key, value] : ap) parts << QStringLiteral("%1 %2").arg(QString::fromStdString(key), locale.toString(value, 'f', 3));
  return parts.join(QStringLiteral(", "));
}

}  // namespace

QString TrainingPage::statusText(const workflows::RunOverview& run) const {
  return runStatusText(run.status, isTraining() && run.id == activeRunId_);
}

void TrainingPage::onRunsLoaded() {
  if (runsReloadPending_) {
    runsReloadPending_ = false;
    QTimer::singleShot(0, this, &TrainingPage::reload);
  }
  try {
    runs_ = runsWatcher_.result();
  } catch (const std::exception& e) {
    status_->setText(tr("Could not read the runs: %1").arg(QString::fromStdString(e.what())));
    Q_EMIT loaded();
    return;
  }
  const qint64 selected = runsTree_->currentItem() ? runsTree_->currentItem()->data(0, kRunIdRole).toLongLong() : 0;
  const int selectedFold = runsTree_->currentItem() ? runsTree_->currentItem()->data(0, kFoldRole).toInt() : -1;
  runsTree_->blockSignals(true);
  runsTree_->clear();
  const QLocale locale;
  QTreeWidgetItem* reselect = nullptr;
  for (const auto& r : runs_) {
    auto* item = new QTreeWidgetItem(runsTree_);
    item->setData(0, kRunIdRole, qint64(r.id));
    item->setData(0, kFoldRole, -1);
    item->setText(0, tr("Run %1").arg(r.id));
    item->setText(1, QString::fromStdString(r.preset));
    item->setText(2, statusText(r));
    item->setText(8, deviceText(r.device));
    const QDateTime updated = QDateTime::fromString(QString::fromStdString(r.updatedAt), Qt::ISODateWithMs);
    item->setText(9, updated.isValid() ? locale.toString(updated.toLocalTime(), QLocale::ShortFormat)
                                       : QString::fromStdString(r.updatedAt));
    if (!r.error.empty()) item->setToolTip(2, QString::fromStdString(r.error));
    if (r.status == "running" && !(isTraining() && r.id == activeRunId_))
      item->setToolTip(2, tr("Marked as training, but not by this window: the process that trained it was "
                             "interrupted (a crash, a kill), or it trains in another process. Resume continues "
                             "from its latest checkpoint."));
    double bestLoss = 0;
    bool anyBest = false;
    qint64 steps = 0;
    for (const auto& f : r.folds) {
      auto* fold = new QTreeWidgetItem(item);
      fold->setData(0, kRunIdRole, qint64(r.id));
      fold->setData(0, kFoldRole, f.fold);
      fold->setText(0, tr("fold %1").arg(f.fold));
      fold->setText(2, runStatusText(f.status, isTraining() && r.id == activeRunId_));
      fold->setText(3, taskIdList(f.trainTasks));
      fold->setText(4, taskIdList(f.heldoutTasks));
      fold->setText(5, locale.toString(qint64(f.steps)));
      fold->setText(6, f.bestStep >= 0 ? locale.toString(f.bestValidationLoss, 'g', 4) : QString());
      fold->setText(7, apSummary(f.bestPixelAp));
      steps += f.steps;
      if (f.bestStep >= 0 && (!anyBest || f.bestValidationLoss < bestLoss)) {
        bestLoss = f.bestValidationLoss;
        anyBest = true;
      }
      if (r.id == selected && f.fold == selectedFold) reselect = fold;
    }
    if (r.folds.size() == 1) {
      item->setText(3, taskIdList(r.folds[0].trainTasks));
      item->setText(4, taskIdList(r.folds[0].heldoutTasks));
      item->setText(7, apSummary(r.folds[0].bestPixelAp));
    } else {
      item->setText(3, tr("%n fold(s)", nullptr, int(r.folds.size())));
    }
    item->setText(5, locale.toString(steps));
    item->setText(6, anyBest ? locale.toString(bestLoss, 'g', 4) : QString());
    if (r.id == selected && selectedFold < 0) reselect = item;
  }
  runsTree_->expandAll();
  if (reselect) runsTree_->setCurrentItem(reselect);
  runsTree_->blockSignals(false);
  showThresholdOfSelection();  // its status may have changed (finished now), or it is gone
  for (int c = 0; c < runsTree_->columnCount(); ++c) runsTree_->resizeColumnToContents(c);
  if (runs_.empty())
    status_->setText(tr("No training runs in this project yet."));
  else if (status_->text().startsWith(tr("No training runs")) || status_->text().startsWith(tr("Could not")))
    status_->clear();
  // Without a run on the monitor, show the newest.
  if (monitorRunId_ <= 0 && !isTraining() && !runs_.empty()) {
    monitorRunId_ = runs_.front().id;
    pollWanted_ = true;
    pollNow();
  }
  updateButtons();
  Q_EMIT loaded();
}

void TrainingPage::onRunSelected() {
  QTreeWidgetItem* item = runsTree_->currentItem();
  if (!item) return;
  const qint64 id = item->data(0, kRunIdRole).toLongLong();
  const int fold = item->data(0, kFoldRole).toInt();
  if (id != monitorRunId_ || (fold >= 0 && fold != monitorFold_)) {
    if (id != monitorRunId_) charts_->clear();
    monitorRunId_ = id;
    monitorFold_ = fold;
    pollWanted_ = true;
    pollNow();
  }
  showThresholdOfSelection();
  updateButtons();
}

void TrainingPage::showThresholdOfSelection() {
  QTreeWidgetItem* item = runsTree_->currentItem();
  const qint64 id = item ? item->data(0, kRunIdRole).toLongLong() : 0;
  for (const auto& r : runs_)
    if (r.id == id) return threshold_->showModel(&r, item->data(0, kFoldRole).toInt());
  threshold_->showModel(nullptr, -1);
}

}  // namespace lightbox::ui
