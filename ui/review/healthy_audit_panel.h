#pragma once
// The healthy-set audit (issue #7), Review → Audit healthy set…: pick a run and its folds, audit in the background
// (the application's job runner: progress, cancel), then go through the "healthy" images the folds that never
// trained on them score highest. The selected row shows its working array with the held-out folds' mean map as a
// heat-map overlay (predicted again for that one image, off the GUI thread); "Exclude…" asks for a reason and marks
// the image, or just the slice of a volume, "Include again" undoes it. Excluded rows stay in the table, marked. The last audit of a run is stored
// in the project, so it is shown again when the panel opens, with a note when it is out of date.

#include <QDialog>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "lightbox/workflows/audit.h"
#include "lightbox/workflows/review.h"

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace lightbox::ui {

enum class AuditExclusionScope;
class HealthyAuditModel;
class ImageViewer;
class JobRunner;

class HealthyAuditPanel : public QDialog {
  Q_OBJECT
 public:
  /// `jobs`: the application's job runner (one background job at a time); null = the panel makes its own.
  explicit HealthyAuditPanel(JobRunner* jobs = nullptr, QWidget* parent = nullptr);
  ~HealthyAuditPanel() override;

  /// Lists the project's runs and shows the newest one's stored audit; empty = no project.
  void setProject(const QString& projectPath);
  bool selectRun(qint64 runId);
  qint64 currentRunId() const;
  /// Checks exactly these folds of the run (those with a checkpoint); the audit uses the checked ones.
  void setFolds(const std::vector<int>& folds);
  std::vector<int> checkedFolds() const;

  /// Audits the run with the checked folds in the background; false when it cannot start (no run, a job running).
  bool startAudit();
  void selectRow(int row);
  int currentRow() const;
  /// Marks the current row excluded with `reason` ("Exclude…" asks for it): a slice row's slice alone, or its whole
  /// image (healthy_audit_logic.h); one argument = the slice for a slice row. Included again undoes whichever it was
  /// (the whole image first when both are).
  bool excludeCurrent(const QString& reason);
  bool excludeCurrent(const QString& reason, AuditExclusionScope scope);
  bool includeCurrent();

  HealthyAuditModel* model() const { return model_; }
  ImageViewer* viewer() const { return viewer_; }
  QString summaryText() const;
  QString statusText() const;

 Q_SIGNALS:
  /// After an audit ends: `ok` false when it failed or was cancelled.
  void auditFinished(bool ok, const QString& message);
  /// The row's image is in the viewer; `withMap` whether the heat map is drawn over it.
  void imageShown(qint64 imageId, bool withMap);
  /// An image was excluded or included again (other views of the project may want to reload).
  void exclusionChanged(qint64 imageId, bool excluded);

 private:
  void onRunChanged();
  void showAudit(std::optional<workflows::HealthyAudit> audit);
  void reloadStoredAudit();
  void showRow(int row);
  void askExclusionReason();
  void refreshButtons();
  void setStatus(const QString& text);

  JobRunner* jobs_;
  QString path_;
  workflows::ReviewCatalogue catalogue_;
  std::optional<workflows::HealthyAudit> audit_;
  HealthyAuditModel* model_;
  QComboBox* runCombo_;
  QListWidget* folds_;
  QPushButton* runButton_;
  QPushButton* cancelButton_;
  QProgressBar* progress_;
  QLabel* summary_;
  QLabel* status_;
  QTableView* table_;
  ImageViewer* viewer_;
  QLabel* mapNote_;
  QPushButton* excludeButton_;
  QPushButton* includeButton_;
  bool auditing_ = false;
  int viewRequest_ = 0;
  int64_t shownImage_ = 0;  ///< the row in the viewer (image, array kind)
  std::string shownKind_;  ///< the newest row asked for; older loads are dropped when they arrive
};

}  // namespace lightbox::ui
