#include "review/review_models.h"

#include <QColor>
#include <QLocale>
#include <QFileInfo>

namespace lightbox::ui {

ReviewImageModel::ReviewImageModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReviewImageModel::setImages(std::vector<workflows::ReviewImage> images) {
  beginResetModel();
  images_ = std::move(images);
  endResetModel();
}

int ReviewImageModel::rowOfImage(qint64 imageId) const {
  for (size_t r = 0; r < images_.size(); ++r)
    if (images_[r].imageId == imageId) return int(r);
  return -1;
}

const workflows::ReviewImage* ReviewImageModel::image(int row) const {
  return row >= 0 && row < int(images_.size()) ? &images_[size_t(row)] : nullptr;
}

void ReviewImageModel::setCounts(qint64 imageId, int64_t findings, int64_t accepted, int64_t rejected, int64_t noted) {
  const int r = rowOfImage(imageId);
  if (r < 0) return;
  auto& im = images_[size_t(r)];
  im.findings = findings;
  im.accepted = accepted;
  im.rejected = rejected;
  im.noted = noted;
  Q_EMIT dataChanged(index(r, FindingsColumn), index(r, StateColumn));
}

int64_t ReviewImageModel::totalFindings() const {
  int64_t n = 0;
  for (const auto& im : images_) n += im.findings;
  return n;
}

int64_t ReviewImageModel::totalReviewed() const {
  int64_t n = 0;
  for (const auto& im : images_) n += im.reviewed();
  return n;
}

int ReviewImageModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(images_.size()); }
int ReviewImageModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReviewImageModel::data(const QModelIndex& index, int role) const {
  const auto* im = image(index.row());
  if (!im) return {};
  const ImageReviewState state = imageReviewState(*im);
  if (role == ImageIdRole) return QVariant::fromValue<qint64>(im->imageId);
  if (role == StateRole) return int(state);
  if (role == SortRole) {
    switch (index.column()) {
      case RankColumn: return index.row();
      case NameColumn: return QString::fromStdString(im->sourcePath);
      case ScoreColumn: return im->score;
      case FindingsColumn: return QVariant::fromValue<qlonglong>(im->findings);
      case ReviewedColumn: return im->findings ? double(im->reviewed()) / double(im->findings) : -1.0;
      case StateColumn: return int(state);
    }
  }
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case RankColumn: return index.row() + 1;
      case NameColumn: return imageDisplayName(im->sourcePath);
      case ScoreColumn: return QLocale().toString(im->score, 'f', 4);
      case FindingsColumn: return QVariant::fromValue<qlonglong>(im->findings);
      case ReviewedColumn: return tr("%1 / %2").arg(im->reviewed()).arg(im->findings);
      case StateColumn: return imageReviewStateText(state);
    }
  }
  if (role == Qt::ToolTipRole)
    return tr("%1\nMean score %2, 75th percentile %3, top-quarter mean %4\n%5 accepted, %6 rejected, %7 with notes")
        .arg(QString::fromStdString(im->sourcePath))
        .arg(QLocale().toString(im->score, 'f', 4))
        .arg(QLocale().toString(im->p75, 'f', 4))
        .arg(QLocale().toString(im->top25Mean, 'f', 4))
        .arg(im->accepted)
        .arg(im->rejected)
        .arg(im->noted);
  if (role == Qt::TextAlignmentRole && index.column() != NameColumn && index.column() != StateColumn)
    return int(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ForegroundRole && index.column() == StateColumn && state == ImageReviewState::Done)
    return QColor(40, 140, 70);
  return {};
}

QVariant ReviewImageModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case RankColumn: return tr("Rank");
    case NameColumn: return tr("Image");
    case ScoreColumn: return tr("Score");
    case FindingsColumn: return tr("Findings");
    case ReviewedColumn: return tr("Reviewed");
    case StateColumn: return tr("State");
  }
  return {};
}

ReviewImageFilter::ReviewImageFilter(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortRole(ReviewImageModel::SortRole);
}

void ReviewImageFilter::setShow(Show show) {
  show_ = show;
  invalidateFilter();
}

bool ReviewImageFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
  const auto state = ImageReviewState(sourceModel()->index(row, 0, parent).data(ReviewImageModel::StateRole).toInt());
  switch (show_) {
    case Show::All: return true;
    case Show::ToReview: return state == ImageReviewState::NotStarted || state == ImageReviewState::InProgress;
    case Show::NotStarted: return state == ImageReviewState::NotStarted;
    case Show::InProgress: return state == ImageReviewState::InProgress;
    case Show::Done: return state == ImageReviewState::Done;
  }
  return true;
}

FindingTableModel::FindingTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void FindingTableModel::setFindings(std::vector<workflows::ReviewFinding> findings) {
  beginResetModel();
  findings_ = std::move(findings);
  endResetModel();
}

const workflows::ReviewFinding* FindingTableModel::finding(int row) const {
  return row >= 0 && row < int(findings_.size()) ? &findings_[size_t(row)] : nullptr;
}

int FindingTableModel::rowOfFinding(qint64 findingId) const {
  for (size_t r = 0; r < findings_.size(); ++r)
    if (findings_[r].id == findingId) return int(r);
  return -1;
}

void FindingTableModel::setReview(qint64 findingId, const workflows::ReviewState& state) {
  const int r = rowOfFinding(findingId);
  if (r < 0) return;
  auto& f = findings_[size_t(r)];
  f.decision = state.decision;
  f.note = state.note;
  f.reviewer = state.reviewer;
  f.reviewedAt = state.reviewedAt;
  Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void FindingTableModel::setCategory(qint64 findingId, std::optional<int64_t> id, const QString& name) {
  const int r = rowOfFinding(findingId);
  if (r < 0) return;
  findings_[size_t(r)].categoryId = id;
  findings_[size_t(r)].category = name.toStdString();
  Q_EMIT dataChanged(index(r, CategoryColumn), index(r, CategoryColumn));
}

int64_t FindingTableModel::reviewed() const { return accepted() + rejected(); }
int64_t FindingTableModel::accepted() const {
  return std::count_if(findings_.begin(), findings_.end(),
                       [](const auto& f) { return f.decision == workflows::ReviewDecision::Accepted; });
}
int64_t FindingTableModel::rejected() const {
  return std::count_if(findings_.begin(), findings_.end(),
                       [](const auto& f) { return f.decision == workflows::ReviewDecision::Rejected; });
}
int64_t FindingTableModel::noted() const {
  return std::count_if(findings_.begin(), findings_.end(), [](const auto& f) { return !f.note.empty(); });
}

int FindingTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(findings_.size()); }
int FindingTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FindingTableModel::data(const QModelIndex& index, int role) const {
  const auto* f = finding(index.row());
  if (!f) return {};
  if (role == FindingIdRole) return QVariant::fromValue<qint64>(f->id);
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      // The pen mark also here, in the first column, where a narrow table still shows it.
      case NumberColumn: return f->manual || f->adjusted ? QStringLiteral("%1 ✎").arg(index.row() + 1) : QVariant(index.row() + 1);
      case ScoreColumn: return f->maxScore ? QLocale().toString(*f->maxScore, 'f', 3) : QString();
      case SizeColumn: return sizeText(f->sizeMm, f->ndim);
      case PositionColumn: return positionText(f->centroidMm, f->ndim);
      case SliceColumn: return f->sliceIndex ? QVariant::fromValue<qlonglong>(displaySliceNumber(*f->sliceIndex)) : QVariant();
      case DecisionColumn: return decisionText(f->decision);
      case NoteColumn: return QString::fromStdString(f->note);
      case CategoryColumn: return QString::fromStdString(f->category);
      case OriginColumn: return findingOriginText(*f);
    }
  }
  if (role == Qt::ToolTipRole) {
    QString t = tr("Finding %1: max score %2, mean %3, %n voxel(s), found at threshold %4", nullptr, int(f->sizeVoxels))
                    .arg(f->id)
                    .arg(QLocale().toString(f->maxScore.value_or(0), 'f', 3))
                    .arg(QLocale().toString(f->meanScore.value_or(0), 'f', 3))
                    .arg(f->threshold ? QLocale().toString(*f->threshold, 'g', 4) : tr("— (manual)"));
    // Everything the table may elide or hide (narrow panel, empty columns) is here too.
    t += tr("\nCentre %1 (LPS), size %2").arg(positionText(f->centroidMm, f->ndim), sizeText(f->sizeMm, f->ndim));
    if (f->sliceIndex) t += tr(", %1").arg(sliceText(*f->sliceIndex));
    if (!f->category.empty()) t += tr("\nCategory: %1").arg(QString::fromStdString(f->category));
    if (!f->note.empty()) t += tr("\nNote: %1").arg(QString::fromStdString(f->note));
    if (f->manual) t += tr("\nDrawn by hand (%1), not found by the model").arg(manualShapeText(f->manualShape));
    else if (f->adjusted) t += tr("\nFound by the model; its extent was redrawn by hand");
    if (!f->reviewedAt.empty())
      t += tr("\n%1 by %2 at %3")
               .arg(decisionText(f->decision),
                    f->reviewer.empty() ? tr("(no name)") : QString::fromStdString(f->reviewer),
                    QString::fromStdString(f->reviewedAt));
    return t;
  }
  if (role == Qt::ForegroundRole && index.column() == OriginColumn) return QColor(200, 120, 20);
  if (role == Qt::ForegroundRole && index.column() == DecisionColumn) {
    if (f->decision == workflows::ReviewDecision::Accepted) return QColor(40, 140, 70);
    if (f->decision == workflows::ReviewDecision::Rejected) return QColor(190, 50, 40);
  }
  if (role == Qt::TextAlignmentRole && (index.column() == ScoreColumn || index.column() == SizeColumn ||
                                        index.column() == NumberColumn || index.column() == SliceColumn))
    return int(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant FindingTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NumberColumn: return tr("#");
    case ScoreColumn: return tr("Max score");
    case SizeColumn: return tr("Size");
    case PositionColumn: return tr("Position (LPS)");
    case SliceColumn: return tr("Slice");
    case DecisionColumn: return tr("Decision");
    case NoteColumn: return tr("Note");
    case CategoryColumn: return tr("Category");
    case OriginColumn: return tr("Origin");
  }
  return {};
}

}  // namespace lightbox::ui
