#pragma once
// Item models of the review workspace: a model's images ranked by score with their review progress (sortable,
// filtered by review state through ReviewImageFilter), and the findings of the image under review.

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <vector>

#include "lightbox/workflows/review.h"
#include "review/review_logic.h"

namespace lightbox::ui {

class ReviewImageModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { RankColumn, NameColumn, ScoreColumn, FindingsColumn, ReviewedColumn, StateColumn, ColumnCount };
  static constexpr int SortRole = Qt::UserRole + 1;  ///< numbers for numeric columns
  static constexpr int ImageIdRole = Qt::UserRole + 2;
  static constexpr int StateRole = Qt::UserRole + 3;  ///< int(ImageReviewState)

  explicit ReviewImageModel(QObject* parent = nullptr);
  /// `images` ranked by score (as listReviewImages returns them); rank = position + 1.
  void setImages(std::vector<workflows::ReviewImage> images);
  const std::vector<workflows::ReviewImage>& images() const { return images_; }
  int rowOfImage(qint64 imageId) const;
  const workflows::ReviewImage* image(int row) const;
  /// After a review changed an image's counts.
  void setCounts(qint64 imageId, int64_t findings, int64_t accepted, int64_t rejected, int64_t noted);
  int64_t totalFindings() const;
  int64_t totalReviewed() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<workflows::ReviewImage> images_;
};

/// Filters the ranking by review state; sorts by SortRole.
class ReviewImageFilter : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  enum class Show { All, ToReview, NotStarted, InProgress, Done };
  explicit ReviewImageFilter(QObject* parent = nullptr);
  void setShow(Show show);
  Show show() const { return show_; }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

 private:
  Show show_ = Show::All;
};

class FindingTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NumberColumn, ScoreColumn, SizeColumn, PositionColumn, SliceColumn, DecisionColumn, NoteColumn,
                CategoryColumn, OriginColumn, ColumnCount };
  static constexpr int FindingIdRole = Qt::UserRole + 2;

  explicit FindingTableModel(QObject* parent = nullptr);
  void setFindings(std::vector<workflows::ReviewFinding> findings);
  const std::vector<workflows::ReviewFinding>& findings() const { return findings_; }
  const workflows::ReviewFinding* finding(int row) const;
  int rowOfFinding(qint64 findingId) const;
  /// After a review: the finding's new state (decision, note, reviewer, time).
  void setReview(qint64 findingId, const workflows::ReviewState& state);
  void setCategory(qint64 findingId, std::optional<int64_t> id, const QString& name);
  int64_t reviewed() const;
  int64_t accepted() const;
  int64_t rejected() const;
  int64_t noted() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<workflows::ReviewFinding> findings_;
};

}  // namespace lightbox::ui
