#include "shell/qt_progress_sink.h"

namespace lightbox::ui {

QtProgressSink::QtProgressSink(QObject* parent, std::chrono::milliseconds minInterval)
    : QObject(parent), minInterval_(minInterval) {}

void QtProgressSink::progress(long long done, long long total, const std::string& what) {
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    const bool last = total > 0 && done >= total;
    if (!last && total == lastTotal_ && now - lastEmit_ < minInterval_) return;
    lastEmit_ = now;
    lastTotal_ = total;
  }
  Q_EMIT progressed(qint64(done), qint64(total), QString::fromStdString(what));
}

void QtProgressSink::warning(const std::string& message) { Q_EMIT warned(QString::fromStdString(message)); }

}  // namespace lightbox::ui
