#include "shell/image_filter_proxy.h"

#include "shell/image_table_model.h"

namespace lightbox::ui {

ImageFilterProxy::ImageFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortRole(ImageTableModel::SortRole);
  setSortCaseSensitivity(Qt::CaseInsensitive);
  setSortLocaleAware(false);
  // Thumbnails arriving (dataChanged on DecorationRole) must not re-sort or re-filter 10,000 rows.
  setDynamicSortFilter(false);
}

void ImageFilterProxy::setSearchText(const QString& text) {
  const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (words == words_) return;
  words_ = words;
  invalidateRowsFilter();
}

void ImageFilterProxy::setDatasetId(qint64 datasetId) {
  if (datasetId == datasetId_) return;
  datasetId_ = datasetId;
  invalidateRowsFilter();
}

bool ImageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  const auto* model = qobject_cast<const ImageTableModel*>(sourceModel());
  if (!model) return true;
  const auto* img = model->imageAt(sourceRow);
  if (!img) return false;
  if (datasetId_ && img->datasetId != datasetId_) return false;
  if (words_.isEmpty()) return true;
  const QString text = model->data(model->index(sourceRow, 0, sourceParent), ImageTableModel::SearchTextRole).toString();
  for (const QString& w : words_)
    if (!text.contains(w)) return false;
  return true;
}

}  // namespace lightbox::ui
