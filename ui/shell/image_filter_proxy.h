#pragma once
// Search and dataset filter over an ImageTableModel, and sorting by ImageTableModel::SortRole.

#include <QSortFilterProxyModel>
#include <QStringList>

namespace lightbox::ui {

class ImageFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit ImageFilterProxy(QObject* parent = nullptr);

  /// Words separated by spaces; a row matches when every word occurs in its path, dataset, modality, format,
  /// series description or status (case-insensitive).
  void setSearchText(const QString& text);
  QString searchText() const { return words_.join(QLatin1Char(' ')); }
  /// 0 = all datasets.
  void setDatasetId(qint64 datasetId);
  qint64 datasetId() const { return datasetId_; }

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QStringList words_;
  qint64 datasetId_ = 0;
};

}  // namespace lightbox::ui
