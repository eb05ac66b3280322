#pragma once
// QUndoCommands of annotation (as review_commands.h: each stores through the review workflow when pushed and when
// undone, so nothing drawn is lost if the application dies): adding a manual finding, changing a finding's extent,
// and editing the category list. Each calls back after storing, so the page shows what the project now holds.

#include <QString>
#include <QUndoCommand>
#include <functional>
#include <optional>
#include <vector>

#include "lightbox/workflows/review.h"

namespace lightbox::ui {

/// After a store: the prediction and finding concerned (0 when the finding is gone), or the error (the command is
/// then obsolete and the project as it was).
using FindingApplied = std::function<void(qint64 predictionId, qint64 findingId, const QString& error)>;

class AddManualFindingCommand : public QUndoCommand {
 public:
  AddManualFindingCommand(QString projectPath, qint64 predictionId, workflows::ManualShape shape,
                          workflows::RegionMask region, FindingApplied applied);
  void redo() override;
  void undo() override;
  /// The finding's id once stored (it keeps it across undo and redo when the project lets it).
  qint64 findingId() const { return findingId_; }

 private:
  QString path_;
  qint64 predictionId_;
  workflows::ManualShape shape_;
  workflows::RegionMask region_;
  FindingApplied applied_;
  qint64 findingId_ = 0;
};

/// A finding's region replaced; undo restores exactly what was stored before (numbers and mask, or no mask).
class ExtentCommand : public QUndoCommand {
 public:
  /// `before`: workflows::saveFindingRegion of the finding, taken before the change.
  ExtentCommand(QString projectPath, qint64 predictionId, workflows::FindingRegionState before,
                workflows::RegionMask after, std::optional<workflows::ManualShape> shape, FindingApplied applied);
  void redo() override;
  void undo() override;

 private:
  QString path_;
  qint64 predictionId_;
  workflows::FindingRegionState before_;
  workflows::RegionMask after_;
  std::optional<workflows::ManualShape> shape_;
  FindingApplied applied_;
};

/// One edit of the category list. After a store the page reads the list again; `error` non-empty when it failed.
class CategoryListCommand : public QUndoCommand {
 public:
  using Applied = std::function<void(const QString& error)>;
  static CategoryListCommand* add(QString projectPath, QString name, Applied applied);
  static CategoryListCommand* rename(QString projectPath, qint64 id, QString before, QString after, Applied applied);
  /// `position`: the category's place in the list (for undo).
  static CategoryListCommand* remove(QString projectPath, qint64 id, QString name, int position, Applied applied);
  static CategoryListCommand* reorder(QString projectPath, std::vector<int64_t> before, std::vector<int64_t> after,
                                      Applied applied);
  void redo() override;
  void undo() override;

 private:
  enum class Kind { Add, Rename, Remove, Reorder };
  CategoryListCommand(Kind kind, QString projectPath, Applied applied);
  void run(const std::function<void()>& store);

  Kind kind_;
  QString path_;
  Applied applied_;
  qint64 id_ = 0;
  QString name_, oldName_;
  int position_ = 0;
  std::vector<int64_t> findings_;  ///< Remove: the findings that had the category
  std::vector<int64_t> before_, after_;
};

}  // namespace lightbox::ui
