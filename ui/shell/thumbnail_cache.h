#pragma once
// Thumbnails for the dataset browser, loaded lazily from the project off the GUI thread.
//
// thumbnail(id) answers from a bounded cache at once; a miss queues the id for the loader thread (its own read-only
// connection through workflows::ThumbnailReader) and returns a null pixmap, so views draw a placeholder. The queue
// is served newest first and trimmed, so fast scrolling loads what is on screen now rather than everything passed
// on the way. Loaded thumbnails come back in batches (loaded()) to keep repaints few.

#include <QCache>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>
#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

class QThread;

namespace lightbox::ui {

class ThumbnailCache : public QObject {
  Q_OBJECT
 public:
  explicit ThumbnailCache(QObject* parent = nullptr, int capacity = 3000, int maxQueued = 400);
  ~ThumbnailCache() override;

  /// Forgets everything and serves thumbnails of this project (empty = none).
  void setProject(const QString& projectPath);
  QString projectPath() const { return projectPath_; }
  /// Thumbnails are scaled (keeping their aspect) to fit this size on the loader thread.
  void setTargetSize(const QSize& size);
  QSize targetSize() const { return targetSize_; }

  /// The cached thumbnail, or a null pixmap (then the id is queued, unless known to have none).
  QPixmap thumbnail(qint64 imageId);
  bool isCached(qint64 imageId) const { return cache_.contains(imageId); }
  /// True once the loader found that the image has no thumbnail (a failed import).
  bool hasNone(qint64 imageId) const { return none_.contains(imageId); }
  int cachedCount() const { return int(cache_.size()); }
  int capacity() const { return int(cache_.maxCost()); }
  /// Forgets one image (after it was removed from the project).
  void forget(qint64 imageId);

 Q_SIGNALS:
  void loaded(const QList<qint64>& imageIds);

 private:
  struct Shared;
  void stopLoader();
  void startLoader();
  void deliver(quint64 generation, const QList<qint64>& ids, const QList<QImage>& images);

  QString projectPath_;
  QSize targetSize_{112, 112};
  QCache<qint64, QPixmap> cache_;
  QSet<qint64> requested_;  // queued or being loaded
  QSet<qint64> none_;
  int maxQueued_;
  quint64 generation_ = 0;
  std::shared_ptr<Shared> shared_;
  QThread* thread_ = nullptr;
};

}  // namespace lightbox::ui
