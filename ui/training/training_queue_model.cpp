#include "training/training_queue_model.h"

#include <QLocale>

#include "training/training_logic.h"

namespace lightbox::ui {

int TrainingQueueModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(items_.size()); }

QVariant TrainingQueueModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= items_.size()) return {};
  const QueuedTraining& q = items_[index.row()];
  switch (role) {
    case Qt::DisplayRole: {
      QString text = tr("%1 — %2").arg(stateText(q.state), q.label);
      if (q.runId > 0) text += tr(" (run %1)").arg(q.runId);
      return text;
    }
    case Qt::ToolTipRole: return q.detail.isEmpty() ? q.label : q.label + QLatin1Char('\n') + q.detail;
    case StateRole: return int(q.state);
    case RunIdRole: return q.runId;
    default: return {};
  }
}

int TrainingQueueModel::enqueue(const workflows::TrainParams& params, const QString& label) {
  const int row = int(items_.size());
  beginInsertRows({}, row, row);
  items_.append({params, label, QueuedTraining::State::Waiting, {}, 0});
  endInsertRows();
  return row;
}

int TrainingQueueModel::nextWaiting() const {
  for (int r = 0; r < items_.size(); ++r)
    if (items_[r].state == QueuedTraining::State::Waiting) return r;
  return -1;
}

int TrainingQueueModel::runningRow() const {
  for (int r = 0; r < items_.size(); ++r)
    if (items_[r].state == QueuedTraining::State::Running) return r;
  return -1;
}

int TrainingQueueModel::waitingCount() const {
  return int(std::count_if(items_.begin(), items_.end(),
                           [](const QueuedTraining& q) { return q.state == QueuedTraining::State::Waiting; }));
}

void TrainingQueueModel::setState(int row, QueuedTraining::State state, const QString& detail) {
  if (row < 0 || row >= items_.size()) return;
  items_[row].state = state;
  items_[row].detail = detail;
  Q_EMIT dataChanged(index(row), index(row));
}

void TrainingQueueModel::setRunId(int row, qint64 runId) {
  if (row < 0 || row >= items_.size() || items_[row].runId == runId) return;
  items_[row].runId = runId;
  Q_EMIT dataChanged(index(row), index(row));
}

bool TrainingQueueModel::removeWaiting(int row) {
  if (row < 0 || row >= items_.size() || items_[row].state != QueuedTraining::State::Waiting) return false;
  beginRemoveRows({}, row, row);
  items_.removeAt(row);
  endRemoveRows();
  return true;
}

int TrainingQueueModel::clearWaiting() {
  int removed = 0;
  for (int r = int(items_.size()) - 1; r >= 0; --r)
    if (removeWaiting(r)) ++removed;
  return removed;
}

QString TrainingQueueModel::describe(const workflows::TrainParams& p) {
  if (p.resumeRun > 0) return tr("Resume run %1").arg(p.resumeRun);
  const QLocale locale;
  QString tasks;
  if (!p.tasks.empty())
    tasks = tr("tasks %1").arg(taskIdList(p.tasks));
  else if (p.fold >= 0)
    tasks = tr("T = %1, fold %2").arg(p.trainingTaskCount).arg(p.fold);
  else
    tasks = tr("T = %1, all folds").arg(p.trainingTaskCount);
  QString text = tr("%1 · %2").arg(QString::fromStdString(p.preset), tasks);
  if (p.maxSteps > 0) text += tr(" · %1 steps").arg(locale.toString(qint64(p.maxSteps)));
  if (p.minutes > 0) text += tr(" · ≤ %1 min").arg(locale.toString(p.minutes));
  return text;
}

QString TrainingQueueModel::stateText(QueuedTraining::State state) {
  switch (state) {
    case QueuedTraining::State::Waiting: return tr("Waiting");
    case QueuedTraining::State::Running: return tr("Running");
    case QueuedTraining::State::Finished: return tr("Finished");
    case QueuedTraining::State::Cancelled: return tr("Cancelled");
    case QueuedTraining::State::Failed: return tr("Failed");
  }
  return {};
}

}  // namespace lightbox::ui
