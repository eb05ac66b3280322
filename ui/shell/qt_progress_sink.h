#pragma once
// The Qt implementation of lightbox::ProgressSink (DESIGN.md: one interface, a terminal and a Qt implementation).
// The work calls progress()/warning() on its own thread; the sink re-emits them as signals, which reach receivers
// in the GUI thread as queued calls. cancel() may be called from any thread; the work polls cancelled().

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <mutex>

#include "lightbox/core/progress.h"

namespace lightbox::ui {

class QtProgressSink final : public QObject, public ProgressSink {
  Q_OBJECT
 public:
  /// `minInterval`: progress signals closer together than this are dropped, except the first, the last
  /// (done == total) and any whose total changes, so a fast loop cannot flood the GUI's event queue.
  explicit QtProgressSink(QObject* parent = nullptr,
                          std::chrono::milliseconds minInterval = std::chrono::milliseconds(40));

  void progress(long long done, long long total, const std::string& what) override;
  void warning(const std::string& message) override;
  bool cancelled() const override { return cancelled_.load(std::memory_order_relaxed); }

  /// Thread-safe.
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }

 Q_SIGNALS:
  void progressed(qint64 done, qint64 total, const QString& what);
  void warned(const QString& message);

 private:
  std::atomic<bool> cancelled_{false};
  std::chrono::milliseconds minInterval_;
  std::mutex mutex_;  // the work may report from several threads
  std::chrono::steady_clock::time_point lastEmit_{};
  long long lastTotal_ = -1;
};

}  // namespace lightbox::ui
