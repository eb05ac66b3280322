#pragma once
// The Training page's queue: runs waiting to start, the one running, and those done in this session. One runs at a
// time; the page takes the next waiting one when the job runner is free. No widgets: tested on its own.

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include "lightbox/workflows/train.h"

namespace lightbox::ui {

struct QueuedTraining {
  enum class State { Waiting, Running, Finished, Cancelled, Failed };
  workflows::TrainParams params;
  QString label;   ///< "cpu-quick-2d · tasks 0, 1, 2, 3 · 600 steps"
  State state = State::Waiting;
  QString detail;  ///< the error, or how it ended
  qint64 runId = 0;
};

class TrainingQueueModel : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Roles { StateRole = Qt::UserRole + 1, RunIdRole };

  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  /// Appends a waiting entry; returns its row.
  int enqueue(const workflows::TrainParams& params, const QString& label);
  /// The first waiting row, or -1.
  int nextWaiting() const;
  /// The running row, or -1.
  int runningRow() const;
  int waitingCount() const;
  const QueuedTraining& at(int row) const { return items_.at(row); }
  void setState(int row, QueuedTraining::State state, const QString& detail = {});
  void setRunId(int row, qint64 runId);
  /// Removes a waiting row; false (nothing changes) for any other.
  bool removeWaiting(int row);
  /// Removes every waiting row; returns how many.
  int clearWaiting();

  /// "cpu-quick-2d · tasks 0, 1, 2, 3 · 600 steps", "paper-cxr-2d · T = 2, all folds", "Resume run 4".
  static QString describe(const workflows::TrainParams& params);
  static QString stateText(QueuedTraining::State state);

 private:
  QList<QueuedTraining> items_;
};

}  // namespace lightbox::ui
