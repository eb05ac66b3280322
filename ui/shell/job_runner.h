#pragma once
// Runs one workflow call at a time off the GUI thread: a worker object moved to its own QThread, talking to the
// GUI only through signals. The work gets a QtProgressSink (progress + cancel); it returns a completion function
// that the runner calls on the GUI thread afterwards, so results reach widgets without locks.

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

#include "lightbox/core/progress.h"
#include "shell/eta.h"

class QThread;

namespace lightbox::ui {

class QtProgressSink;

class JobRunner : public QObject {
  Q_OBJECT
 public:
  /// Runs on the worker thread. May throw: the exception's what() becomes finished()'s error. The function it
  /// returns (may be empty) runs on the GUI thread before finished() is emitted.
  using Work = std::function<std::function<void()>(ProgressSink& progress)>;

  explicit JobRunner(QObject* parent = nullptr);
  ~JobRunner() override;  ///< cancels a running job and waits for it

  /// Starts the job; false (and nothing happens) when one is already running.
  bool start(const QString& title, Work work);
  bool busy() const { return thread_ != nullptr; }
  QString title() const { return title_; }
  bool cancelRequested() const { return cancelRequested_; }
  /// For tests and shutdown: processes events until the running job has finished or `timeoutMs` passed.
  bool waitForFinished(int timeoutMs = 30000);

 public Q_SLOTS:
  void cancel();

 Q_SIGNALS:
  void started(const QString& title);
  /// `eta` is already worded ("about 3 min left"), empty while unknown.
  void progressed(qint64 done, qint64 total, const QString& what, const QString& eta);
  void warned(const QString& message);
  void cancelling();
  /// `error` is empty on success; `cancelled` tells whether the user stopped the job.
  void finished(bool cancelled, const QString& error);

 private:
  void onProgress(qint64 done, qint64 total, const QString& what);
  void onWorkerDone();

  QThread* thread_ = nullptr;
  QtProgressSink* sink_ = nullptr;
  class Worker;
  Worker* worker_ = nullptr;
  QString title_;
  bool cancelRequested_ = false;
  QElapsedTimer clock_;
  EtaEstimator eta_;
};

}  // namespace lightbox::ui
