#pragma once
// Presentation logic of the healthy-set audit panel, free of widgets: the ranked table (an item model), the words of
// its columns and the summary above it (stale audits, builds without the models). Tested in
// tests/ui/review/test_healthy_audit_logic.cpp.

#include <QAbstractTableModel>
#include <QSize>
#include <QString>
#include <vector>

#include "lightbox/workflows/audit.h"
#include "lightbox/workflows/review.h"

namespace lightbox::ui {

/// "0, 2"; "—" for none.
QString auditFoldsText(const std::vector<int>& folds);
/// "Excluded: <reason>", "Excluded", "Slice excluded: <reason>" (this slice alone), "Slice excluded", "Included".
QString auditStateText(const workflows::AuditImage& image);
/// Whether the row is one slice of a volume (brain-slices-2d), which can be excluded on its own.
bool auditRowIsSlice(const workflows::AuditImage& image);

/// What "Exclude…" takes out of later runs: the row's slice alone (the default for a slice), or its whole image.
/// For a row that is a whole image both are the image.
enum class AuditExclusionScope { Slice, WholeImage };
/// The question the exclusion dialog asks, saying what the chosen scope takes out of later runs.
QString auditExclusionQuestion(const workflows::AuditImage& image, AuditExclusionScope scope);
/// The status line after excluding / including again.
QString auditExcludedText(const workflows::AuditImage& image, AuditExclusionScope scope);
QString auditIncludedText(const workflows::AuditImage& image, bool wholeImage);
/// The image column: the file name, with the slice for an array of a volume ("brain.nii.gz — slice 12").
QString auditImageText(const workflows::AuditImage& image);
/// What the panel says above the table: how many were audited when, at which threshold, and every reason the
/// stored audit is stale (or that the build cannot audit again).
/// The audit's run list entry: "Run 3 “name” (preset, finished)", the status in words as the Training page gives it.
QString auditRunText(const workflows::ReviewRun& run);
QString auditSummaryText(const workflows::HealthyAudit& audit, bool canAudit);

/// The panel's first size: room for the table's six columns and the viewer's toolbar side by side (about 650 pixels
/// each), within the screen's available size (an empty size: no screen known).
QSize auditPanelDefaultSize(const QSize& available);

/// The audit's rows in its ranking: audited arrays by score, then those not audited; excluded rows stay, marked.
class HealthyAuditModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { RankColumn, ImageColumn, ScoreColumn, FoldsColumn, AboveThresholdColumn, StateColumn, ColumnCount };
  static constexpr int ImageIdRole = Qt::UserRole + 1;
  static constexpr int ExcludedRole = Qt::UserRole + 2;

  explicit HealthyAuditModel(QObject* parent = nullptr);
  void setAudit(std::vector<workflows::AuditImage> images);
  const std::vector<workflows::AuditImage>& images() const { return images_; }
  const workflows::AuditImage* image(int row) const;
  /// The first row of the image (an image of several slices has several rows); -1 when absent.
  int rowOfImage(qint64 imageId) const;
  /// After an exclusion: every row of the image changes state at once.
  void setExcluded(qint64 imageId, bool excluded, const QString& reason);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<workflows::AuditImage> images_;
  std::vector<int> ranks_;  ///< 1.. for audited rows, 0 for the others
};

}  // namespace lightbox::ui
