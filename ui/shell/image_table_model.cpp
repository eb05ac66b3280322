#include "shell/image_table_model.h"

#include <QApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPalette>

#include "shell/thumbnail_cache.h"

namespace lightbox::ui {

namespace {

QString statusWord(const workflows::BrowseImage& img) {
  if (img.excluded) return QStringLiteral("excluded");
  return QString::fromStdString(img.status);
}

QString statusText(const QString& word) {
  if (word == QLatin1String("imported")) return ImageTableModel::tr("imported");
  if (word == QLatin1String("failed")) return ImageTableModel::tr("failed");
  if (word == QLatin1String("excluded")) return ImageTableModel::tr("excluded");
  return word;
}

}  // namespace

ImageTableModel::ImageTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImageTableModel::setThumbnailCache(ThumbnailCache* cache) {
  if (thumbnails_) disconnect(thumbnails_, nullptr, this, nullptr);
  thumbnails_ = cache;
  if (thumbnails_) connect(thumbnails_, &ThumbnailCache::loaded, this, &ImageTableModel::onThumbnailsLoaded);
  placeholder_ = QPixmap();
}

void ImageTableModel::setContents(workflows::ProjectContents contents) {
  beginResetModel();
  contents_ = std::move(contents);
  rowById_.clear();
  rowById_.reserve(qsizetype(contents_.images.size()));
  fileNames_.clear();
  fileNames_.reserve(contents_.images.size());
  for (size_t i = 0; i < contents_.images.size(); ++i) {
    rowById_.insert(contents_.images[i].id, int(i));
    fileNames_.push_back(QFileInfo(QString::fromStdString(contents_.images[i].sourcePath)).fileName());
  }
  datasetNames_.clear();
  for (const auto& d : contents_.datasets) datasetNames_.insert(d.id, QString::fromStdString(d.name));
  endResetModel();
}

void ImageTableModel::clear() { setContents({}); }

const workflows::BrowseImage* ImageTableModel::imageAt(int row) const {
  if (row < 0 || size_t(row) >= contents_.images.size()) return nullptr;
  return &contents_.images[size_t(row)];
}

int ImageTableModel::rowOfImage(qint64 imageId) const { return rowById_.value(imageId, -1); }

QString ImageTableModel::datasetName(qint64 datasetId) const { return datasetNames_.value(datasetId); }

int ImageTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(contents_.images.size());
}

int ImageTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QPixmap ImageTableModel::placeholder(const QSize& size) {
  QPixmap p(size);
  p.fill(Qt::transparent);
  QPainter painter(&p);
  painter.setRenderHint(QPainter::Antialiasing);
  const QPalette pal = QApplication::palette();
  QColor fill = pal.color(QPalette::Mid);
  fill.setAlpha(60);
  painter.setPen(Qt::NoPen);
  painter.setBrush(fill);
  painter.drawRoundedRect(QRectF(p.rect()).adjusted(4, 4, -4, -4), 6, 6);
  return p;
}

QVariant ImageTableModel::data(const QModelIndex& index, int role) const {
  const workflows::BrowseImage* img = imageAt(index.row());
  if (!img || index.column() < 0 || index.column() >= ColumnCount) return {};
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case FileColumn: return fileNames_[size_t(index.row())];
        case DatasetColumn: return datasetName(img->datasetId);
        case ModalityColumn: return QString::fromStdString(img->modality.empty() ? img->format : img->modality);
        case SizeColumn: return QString::fromStdString(img->shape);
        case SpacingColumn: return QString::fromStdString(img->spacing);
        case SeriesColumn:
          return QString::fromStdString(img->error.empty() ? img->seriesDescription : img->error);
        case StatusColumn:
          // A volume with a few bad slices excluded stays "imported"; say so, as its slices train less.
          if (!img->excluded && img->slicesExcluded > 0)
            return tr("%1, %n slice(s) excluded", "", int(img->slicesExcluded)).arg(statusText(statusWord(*img)));
          return statusText(statusWord(*img));
      }
      return {};
    case Qt::ToolTipRole: {
      QString tip = QString::fromStdString(img->sourcePath);
      if (!img->error.empty()) tip += QLatin1Char('\n') + QString::fromStdString(img->error);
      if (img->slicesExcluded > 0)
        tip += QLatin1Char('\n') + tr("%n slice(s) excluded from later training runs (healthy-set audit)", "",
                                       int(img->slicesExcluded));
      return tip;
    }
    case Qt::DecorationRole: {
      if (index.column() != FileColumn || !thumbnails_) return {};
      QPixmap p = thumbnails_->thumbnail(img->id);
      if (!p.isNull()) return p;
      if (placeholder_.isNull()) placeholder_ = placeholder(thumbnails_->targetSize());
      return placeholder_;
    }
    case Qt::TextAlignmentRole:
      if (index.column() == SizeColumn || index.column() == SpacingColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case ImageIdRole: return QVariant::fromValue<qint64>(img->id);
    case SourcePathRole: return QString::fromStdString(img->sourcePath);
    case DatasetIdRole: return QVariant::fromValue<qint64>(img->datasetId);
    case StatusRole: return statusWord(*img);
    case SortRole:
      switch (index.column()) {
        case SizeColumn: return QVariant::fromValue<qint64>(img->voxels);
        case FileColumn: return fileNames_[size_t(index.row())].toLower();
        default: return data(index, Qt::DisplayRole).toString().toLower();
      }
    case SearchTextRole:
      return (QString::fromStdString(img->sourcePath) + QLatin1Char(' ') + datasetName(img->datasetId) +
              QLatin1Char(' ') + QString::fromStdString(img->modality) + QLatin1Char(' ') +
              QString::fromStdString(img->format) + QLatin1Char(' ') +
              QString::fromStdString(img->seriesDescription) + QLatin1Char(' ') + statusWord(*img) +
              QLatin1Char(' ') + statusText(statusWord(*img)) + QLatin1Char(' ') + QString::fromStdString(img->error))
          .toLower();
  }
  return {};
}

QVariant ImageTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case FileColumn: return tr("File");
    case DatasetColumn: return tr("Dataset");
    case ModalityColumn: return tr("Modality");
    case SizeColumn: return tr("Size (voxels)");
    case SpacingColumn: return tr("Spacing (mm)");
    case SeriesColumn: return tr("Series description");
    case StatusColumn: return tr("Status");
  }
  return {};
}

void ImageTableModel::onThumbnailsLoaded(const QList<qint64>& ids) {
  for (qint64 id : ids) {
    const int row = rowOfImage(id);
    if (row < 0) continue;
    const QModelIndex i = index(row, FileColumn);
    Q_EMIT dataChanged(i, i, {Qt::DecorationRole});
  }
}

}  // namespace lightbox::ui
