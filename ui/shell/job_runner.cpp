#include "shell/job_runner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <exception>

#include "shell/qt_progress_sink.h"

namespace lightbox::ui {

/// Lives on the worker thread; run() executes the work there and reports back with a queued signal.
class JobRunner::Worker : public QObject {
  Q_OBJECT
 public:
  Worker(Work work, QtProgressSink* sink) : work_(std::move(work)), sink_(sink) {}

  void run() {
    try {
      completion = work_(*sink_);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    } catch (...) {
      error = QCoreApplication::translate("JobRunner", "unexpected error");
    }
    Q_EMIT done();
  }

  // Written on the worker thread before done(); read on the GUI thread after done() arrives.
  std::function<void()> completion;
  QString error;

 Q_SIGNALS:
  void done();

 private:
  Work work_;
  QtProgressSink* sink_;
};

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner() {
  if (thread_) {
    sink_->cancel();
    thread_->quit();
    thread_->wait();
    delete worker_;
  }
}

bool JobRunner::start(const QString& title, Work work) {
  if (thread_) return false;
  title_ = title;
  cancelRequested_ = false;
  sink_ = new QtProgressSink(this);
  connect(sink_, &QtProgressSink::progressed, this, &JobRunner::onProgress);
  connect(sink_, &QtProgressSink::warned, this, &JobRunner::warned);
  worker_ = new Worker(std::move(work), sink_);
  thread_ = new QThread(this);
  thread_->setObjectName(QStringLiteral("lightbox-job"));
  worker_->moveToThread(thread_);
  connect(thread_, &QThread::started, worker_, &Worker::run);
  connect(worker_, &Worker::done, this, &JobRunner::onWorkerDone, Qt::QueuedConnection);
  eta_.reset();
  clock_.start();
  Q_EMIT started(title_);
  thread_->start();
  return true;
}

void JobRunner::cancel() {
  if (!thread_ || cancelRequested_) return;
  cancelRequested_ = true;
  sink_->cancel();
  Q_EMIT cancelling();
}

void JobRunner::onProgress(qint64 done, qint64 total, const QString& what) {
  const double left = eta_.update(done, total, double(clock_.elapsed()) / 1000.0);
  Q_EMIT progressed(done, total, what, formatEta(left));
}

void JobRunner::onWorkerDone() {
  thread_->quit();
  thread_->wait();
  std::function<void()> completion = std::move(worker_->completion);
  const QString error = worker_->error;
  const bool cancelled = sink_->cancelled();
  delete worker_;
  worker_ = nullptr;
  thread_->deleteLater();
  thread_ = nullptr;
  sink_->deleteLater();  // its progress signals were queued before done(), so all arrived already
  sink_ = nullptr;
  QString completionError;
  if (completion) {
    try {
      completion();
    } catch (const std::exception& e) {
      completionError = QString::fromStdString(e.what());
    }
  }
  Q_EMIT finished(cancelled, error.isEmpty() ? completionError : error);
}

bool JobRunner::waitForFinished(int timeoutMs) {
  QDeadlineTimer deadline(timeoutMs);
  while (thread_ && !deadline.hasExpired()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (thread_) QThread::msleep(2);
  }
  return thread_ == nullptr;
}

}  // namespace lightbox::ui

#include "job_runner.moc"
