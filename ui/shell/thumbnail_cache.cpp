#include "shell/thumbnail_cache.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <chrono>
#include <exception>

#include "lightbox/workflows/browse.h"

namespace lightbox::ui {

/// What the GUI thread and the loader thread share; guarded by `mutex`.
struct ThumbnailCache::Shared {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<qint64> queue;  // front = newest request
  bool stop = false;
  QSize target;
};

ThumbnailCache::ThumbnailCache(QObject* parent, int capacity, int maxQueued)
    : QObject(parent), cache_(capacity), maxQueued_(maxQueued) {}

ThumbnailCache::~ThumbnailCache() { stopLoader(); }

void ThumbnailCache::stopLoader() {
  if (!thread_) return;
  {
    std::lock_guard lock(shared_->mutex);
    shared_->stop = true;
    shared_->queue.clear();
  }
  shared_->wake.notify_all();
  thread_->wait();
  delete thread_;
  thread_ = nullptr;
  shared_.reset();
}

void ThumbnailCache::setProject(const QString& projectPath) {
  stopLoader();
  ++generation_;
  cache_.clear();
  requested_.clear();
  none_.clear();
  projectPath_ = projectPath;
  if (!projectPath_.isEmpty()) startLoader();
}

void ThumbnailCache::setTargetSize(const QSize& size) {
  if (size == targetSize_) return;
  targetSize_ = size;
  setProject(projectPath_);  // everything cached has the old size
}

void ThumbnailCache::forget(qint64 imageId) {
  cache_.remove(imageId);
  none_.remove(imageId);
}

void ThumbnailCache::startLoader() {
  shared_ = std::make_shared<Shared>();
  shared_->target = targetSize_;
  const std::string path = projectPath_.toStdString();
  const quint64 generation = generation_;
  QPointer<ThumbnailCache> self(this);
  std::shared_ptr<Shared> shared = shared_;
  thread_ = QThread::create([path, generation, self, shared] {
    std::unique_ptr<workflows::ThumbnailReader> reader;
    try {
      reader = std::make_unique<workflows::ThumbnailReader>(path);
    } catch (const std::exception&) {
      return;  // the browser reports the project error itself; thumbnails stay placeholders
    }
    QList<qint64> ids;
    QList<QImage> images;
    auto lastSend = std::chrono::steady_clock::now();
    const auto send = [&] {
      if (ids.isEmpty()) return;
      QMetaObject::invokeMethod(
          self.data(), [self, generation, ids, images] { if (self) self->deliver(generation, ids, images); },
          Qt::QueuedConnection);
      ids.clear();
      images.clear();
      lastSend = std::chrono::steady_clock::now();
    };
    for (;;) {
      qint64 id = 0;
      {
        std::unique_lock lock(shared->mutex);
        if (shared->queue.empty()) {
          lock.unlock();
          send();  // idle: hand over what is there
          lock.lock();
          shared->wake.wait(lock, [&] { return shared->stop || !shared->queue.empty(); });
        }
        if (shared->stop) return;
        id = shared->queue.front();
        shared->queue.pop_front();
      }
      QImage image;
      try {
        if (auto t = reader->load(id)) {
          QImage grey(t->grey.data(), t->width, t->height, t->width, QImage::Format_Grayscale8);
          image = grey.scaled(shared->target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
          if (image.constBits() == grey.constBits()) image = grey.copy();  // not scaled: detach from t
        }
      } catch (const std::exception&) {
        // a thumbnail that cannot be read stays a placeholder
      }
      ids << id;
      images << image;
      if (ids.size() >= 48 || std::chrono::steady_clock::now() - lastSend > std::chrono::milliseconds(30)) send();
    }
  });
  thread_->setObjectName(QStringLiteral("lightbox-thumbnails"));
  thread_->start(QThread::LowPriority);
}

QPixmap ThumbnailCache::thumbnail(qint64 imageId) {
  if (QPixmap* p = cache_.object(imageId)) return *p;
  if (!shared_ || none_.contains(imageId) || requested_.contains(imageId)) return {};
  requested_.insert(imageId);
  {
    std::lock_guard lock(shared_->mutex);
    shared_->queue.push_front(imageId);
    while (int(shared_->queue.size()) > maxQueued_) {  // scrolled past: no longer wanted first
      requested_.remove(shared_->queue.back());
      shared_->queue.pop_back();
    }
  }
  shared_->wake.notify_one();
  return {};
}

void ThumbnailCache::deliver(quint64 generation, const QList<qint64>& ids, const QList<QImage>& images) {
  if (generation != generation_) return;
  for (qsizetype i = 0; i < ids.size(); ++i) {
    requested_.remove(ids[i]);
    if (images[i].isNull())
      none_.insert(ids[i]);
    else
      cache_.insert(ids[i], new QPixmap(QPixmap::fromImage(images[i])));
  }
  Q_EMIT loaded(ids);
}

}  // namespace lightbox::ui
