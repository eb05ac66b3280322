#include "review/healthy_audit_logic.h"

#include <QFileInfo>
#include <QFont>
#include <QPalette>
#include <QGuiApplication>
#include <QLocale>
#include <algorithm>

#include "review/review_logic.h"
#include "training/training_logic.h"

namespace lightbox::ui {

QString auditFoldsText(const std::vector<int>& folds) {
  if (folds.empty()) return QStringLiteral("—");
  QStringList parts;
  for (const int f : folds) parts << QString::number(f);
  return parts.join(QStringLiteral(", "));
}

QSize auditPanelDefaultSize(const QSize& available) {
  const QSize wanted(1400, 860);
  return available.isEmpty() ? wanted : wanted.boundedTo(available);
}

QString auditStateText(const workflows::AuditImage& image) {
  if (!image.excluded) return HealthyAuditModel::tr("Included");
  const QString reason = QString::fromStdString(image.excludedReason);
  if (image.sliceExcluded && !image.imageExcluded)
    return reason.isEmpty() ? HealthyAuditModel::tr("Slice excluded") : HealthyAuditModel::tr("Slice excluded: %1").arg(reason);
  if (reason.isEmpty()) return HealthyAuditModel::tr("Excluded");
  return HealthyAuditModel::tr("Excluded: %1").arg(reason);
}

bool auditRowIsSlice(const workflows::AuditImage& image) {
  return QString::fromStdString(image.arrayKind).startsWith(QLatin1String("slice:"));
}

namespace {
QString fileName(const workflows::AuditImage& image) {
  const QString name = QFileInfo(QString::fromStdString(image.sourcePath)).fileName();
  return name.isEmpty() ? QString::fromStdString(image.sourcePath) : name;
}
}  // namespace

QString auditExclusionQuestion(const workflows::AuditImage& image, AuditExclusionScope scope) {
  if (!auditRowIsSlice(image))
    return HealthyAuditModel::tr("Why is “%1” not healthy? It stays in the project, marked, and later training runs "
                                 "leave it out.")
        .arg(auditImageText(image));
  if (scope == AuditExclusionScope::Slice)
    return HealthyAuditModel::tr("Why is “%1” not healthy? This slice alone stays in the project, marked, and later "
                                 "training runs leave it out; the other slices of “%2” stay in.")
        .arg(auditImageText(image), fileName(image));
  return HealthyAuditModel::tr("Why is “%1” not healthy? The whole volume “%2”, all of its slices, stays in the "
                               "project, marked, and later training runs leave it out.")
      .arg(auditImageText(image), fileName(image));
}

QString auditExcludedText(const workflows::AuditImage& image, AuditExclusionScope scope) {
  if (auditRowIsSlice(image) && scope == AuditExclusionScope::Slice)
    return HealthyAuditModel::tr("Excluded “%1” alone: it stays in the project, marked, and later training runs leave "
                                 "it out; the rest of the volume stays in.")
        .arg(auditImageText(image));
  if (auditRowIsSlice(image))
    return HealthyAuditModel::tr("Excluded the whole volume “%1”: it stays in the project, marked, and later training "
                                 "runs leave all of its slices out.")
        .arg(fileName(image));
  return HealthyAuditModel::tr("Excluded “%1”: it stays in the project, marked, and later training runs leave it out.")
      .arg(auditImageText(image));
}

QString auditIncludedText(const workflows::AuditImage& image, bool wholeImage) {
  if (auditRowIsSlice(image) && wholeImage)
    return HealthyAuditModel::tr("The whole volume “%1” is included again in later training runs.").arg(fileName(image));
  return HealthyAuditModel::tr("“%1” is included again in later training runs.").arg(auditImageText(image));
}

QString auditImageText(const workflows::AuditImage& image) {
  const QString name = QFileInfo(QString::fromStdString(image.sourcePath)).fileName();
  return fileAndSliceText(name.isEmpty() ? QString::fromStdString(image.sourcePath) : name,
                          QString::fromStdString(image.arrayKind));
}

QString auditRunText(const workflows::ReviewRun& run) {
  // This window never trains: a stored "running" is a run trained elsewhere or interrupted.
  const QString status = runStatusText(run.status, false);
  const QString preset = QString::fromStdString(run.preset);
  if (run.name.empty()) return HealthyAuditModel::tr("Run %1 (%2, %3)").arg(run.id).arg(preset, status);
  return HealthyAuditModel::tr("Run %1 “%2” (%3, %4)").arg(run.id).arg(QString::fromStdString(run.name), preset, status);
}

QString auditSummaryText(const workflows::HealthyAudit& audit, bool canAudit) {
  QStringList lines;
  // %n drives "fold"/"folds"; the fold ids follow as a list.
  lines << HealthyAuditModel::tr("Run %1, fold(s) %2: %3 of %4 healthy images audited by the folds that never "
                                 "trained on them, on %5.", "", int(audit.folds.size()))
               .arg(audit.runId)
               .arg(auditFoldsText(audit.folds))
               .arg(QLocale().toString(qint64(audit.audited())))
               .arg(QLocale().toString(qint64(audit.images.size())))
               .arg(QString::fromStdString(audit.createdAt));
  if (audit.threshold)
    lines << HealthyAuditModel::tr("Voxels above the model's threshold %1.").arg(QLocale().toString(*audit.threshold, 'f', 3));
  else
    lines << HealthyAuditModel::tr("The model has no threshold yet, so no voxels are counted above it.");
  const auto slicesAlone = std::count_if(audit.images.begin(), audit.images.end(),
                                         [](const auto& i) { return i.sliceExcluded && !i.imageExcluded; });
  if (audit.excluded() - slicesAlone > 0)
    lines << HealthyAuditModel::tr("%n image(s) excluded: kept in the project, left out of later training runs.", "",
                                   int(audit.excluded() - slicesAlone));
  if (slicesAlone > 0)
    lines << HealthyAuditModel::tr("%n slice(s) excluded on their own: kept, left out of later training runs; the rest "
                                   "of each volume stays in.", "", int(slicesAlone));
  for (const auto& w : audit.warnings) lines << QString::fromStdString(w);
  if (audit.stale()) {
    lines << HealthyAuditModel::tr("This stored audit is out of date:");
    for (const auto& r : audit.staleReasons) lines << QStringLiteral("• ") + QString::fromStdString(r);
    if (canAudit) lines << HealthyAuditModel::tr("Run the audit again to bring it up to date.");
  }
  if (!canAudit)
    lines << HealthyAuditModel::tr("This build has no models (LibTorch): the stored audit is shown; auditing again "
                                   "and heat maps need the models build.");
  return lines.join(QLatin1Char('\n'));
}

HealthyAuditModel::HealthyAuditModel(QObject* parent) : QAbstractTableModel(parent) {}

void HealthyAuditModel::setAudit(std::vector<workflows::AuditImage> images) {
  beginResetModel();
  images_ = std::move(images);
  ranks_.assign(images_.size(), 0);
  int rank = 0;
  for (size_t i = 0; i < images_.size(); ++i)
    if (images_[i].audited) ranks_[i] = ++rank;
  endResetModel();
}

const workflows::AuditImage* HealthyAuditModel::image(int row) const {
  return row >= 0 && row < int(images_.size()) ? &images_[size_t(row)] : nullptr;
}

int HealthyAuditModel::rowOfImage(qint64 imageId) const {
  for (size_t i = 0; i < images_.size(); ++i)
    if (images_[i].imageId == imageId) return int(i);
  return -1;
}

void HealthyAuditModel::setExcluded(qint64 imageId, bool excluded, const QString& reason) {
  for (size_t i = 0; i < images_.size(); ++i) {
    if (images_[i].imageId != imageId) continue;
    // The whole image: a slice excluded on its own stays so when the image is included again.
    images_[i].imageExcluded = excluded;
    images_[i].excluded = excluded || images_[i].sliceExcluded;
    if (excluded || !images_[i].sliceExcluded) images_[i].excludedReason = excluded ? reason.toStdString() : std::string();
    Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
  }
}

int HealthyAuditModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(images_.size()); }
int HealthyAuditModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HealthyAuditModel::data(const QModelIndex& index, int role) const {
  const workflows::AuditImage* im = image(index.row());
  if (!im) return {};
  if (role == ImageIdRole) return qint64(im->imageId);
  if (role == ExcludedRole) return im->excluded;
  if (role == Qt::FontRole && im->excluded) {
    QFont f;
    f.setStrikeOut(index.column() == ImageColumn);
    f.setItalic(true);
    return f;
  }
  if (role == Qt::ForegroundRole && (im->excluded || !im->audited))
    return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
  if (role == Qt::TextAlignmentRole && index.column() != ImageColumn && index.column() != StateColumn)
    return int(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) {
    if (index.column() == ImageColumn) return QString::fromStdString(im->sourcePath);
    if (index.column() == StateColumn && im->excluded && !im->excludedAt.empty())
      return tr("Slice excluded on %1").arg(QString::fromStdString(im->excludedAt));
    if (!im->audited) return tr("Not audited: %1").arg(QString::fromStdString(im->reason));
    if (index.column() == StateColumn) return auditStateText(*im);  // the reason in full where the column elides it
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case RankColumn: return ranks_[size_t(index.row())] > 0 ? QVariant(ranks_[size_t(index.row())]) : QVariant(QStringLiteral("—"));
    case ImageColumn: return auditImageText(*im);
    case ScoreColumn: return im->audited ? QLocale().toString(im->score, 'f', 4) : tr("not audited");
    case FoldsColumn: return auditFoldsText(im->heldOutBy);
    case AboveThresholdColumn:
      return im->audited && im->voxelsAboveThreshold ? QVariant(qint64(*im->voxelsAboveThreshold)) : QVariant(QStringLiteral("—"));
    case StateColumn: return auditStateText(*im);
    default: return {};
  }
}

QVariant HealthyAuditModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case RankColumn: return tr("Rank");
    case ImageColumn: return tr("Image");
    case ScoreColumn: return tr("Score");
    case FoldsColumn: return tr("Held out by folds");
    case AboveThresholdColumn: return tr("Voxels > threshold");
    case StateColumn: return tr("State");
    default: return {};
  }
}

}  // namespace lightbox::ui
