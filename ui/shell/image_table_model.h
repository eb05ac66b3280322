#pragma once
// The images of a project as an item model: one row per image, columns for the table view; column 0 carries the
// thumbnail (DecorationRole), so the thumbnail grid (a QListView in icon mode) shows the same model. The metadata is
// the plain listing of workflows::loadProjectContents; thumbnails come lazily from a ThumbnailCache.

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>

#include <vector>

#include "lightbox/workflows/browse.h"

namespace lightbox::ui {

class ThumbnailCache;

class ImageTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { FileColumn, DatasetColumn, ModalityColumn, SizeColumn, SpacingColumn, SeriesColumn, StatusColumn,
                ColumnCount };
  enum Role {
    ImageIdRole = Qt::UserRole + 1,  ///< qint64
    SourcePathRole,                  ///< full path of the original file
    DatasetIdRole,                   ///< qint64
    StatusRole,                      ///< "imported" | "failed" | "excluded" (not translated)
    SortRole,                        ///< numbers where the display is text (size by voxel count)
    SearchTextRole,                  ///< everything the search box matches, lower case
  };

  explicit ImageTableModel(QObject* parent = nullptr);

  /// May be null (then no thumbnails). Not owned.
  void setThumbnailCache(ThumbnailCache* cache);
  void setContents(workflows::ProjectContents contents);
  void clear();

  const std::vector<workflows::BrowseDataset>& datasets() const { return contents_.datasets; }
  const workflows::BrowseImage* imageAt(int row) const;
  int rowOfImage(qint64 imageId) const;
  QString datasetName(qint64 datasetId) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  /// Drawn while a thumbnail loads (and for images without one).
  static QPixmap placeholder(const QSize& size);

 private:
  void onThumbnailsLoaded(const QList<qint64>& ids);

  workflows::ProjectContents contents_;
  QHash<qint64, int> rowById_;
  std::vector<QString> fileNames_;  // computed once: the delegate asks for them on every paint
  QHash<qint64, QString> datasetNames_;
  ThumbnailCache* thumbnails_ = nullptr;
  mutable QPixmap placeholder_;
  QPixmap missing_;
};

}  // namespace lightbox::ui
