#pragma once
// One QUndoCommand per review action (Tiled's way): accept, reject, note or category on one finding. Each stores
// through the review workflow the moment it is pushed (redo) or undone, so killing the application mid-review
// loses nothing; the project's reviews table stays append-only, undo appends the state the command remembers.

#include <QString>
#include <QUndoCommand>
#include <functional>
#include <optional>

#include "lightbox/workflows/review.h"

namespace lightbox::ui {

class ReviewCommand : public QUndoCommand {
 public:
  /// Called on the GUI thread after every store, with the finding's state as stored; `error` non-empty when the
  /// store failed (the command then becomes obsolete, and the finding is as it was).
  using Applied = std::function<void(qint64 findingId, const workflows::ReviewState& state, const QString& error)>;

  /// `before`: the finding's current state (from the findings list), remembered for undo.
  ReviewCommand(QString projectPath, qint64 findingId, workflows::ReviewState before, workflows::ReviewDecision decision,
                QString note, QString reviewer, Applied applied, QUndoCommand* parent = nullptr);

  void redo() override;
  void undo() override;
  qint64 findingId() const { return findingId_; }
  bool failed() const { return failed_; }

 private:
  void store(workflows::ReviewDecision decision, const QString& note);

  QString path_;
  qint64 findingId_;
  workflows::ReviewState before_;
  workflows::ReviewDecision decision_;
  QString note_, reviewer_;
  Applied applied_;
  bool failed_ = false;
};

/// Setting (or clearing) a finding's category; the category lives on the finding, so undo sets the old one back.
class CategoryCommand : public QUndoCommand {
 public:
  using Applied = std::function<void(qint64 findingId, std::optional<int64_t> categoryId, const QString& error)>;
  CategoryCommand(QString projectPath, qint64 findingId, std::optional<int64_t> before, std::optional<int64_t> after,
                  QString name, Applied applied);
  void redo() override;
  void undo() override;

 private:
  void store(std::optional<int64_t> id);
  QString path_;
  qint64 findingId_;
  std::optional<int64_t> before_, after_;
  Applied applied_;
};

}  // namespace lightbox::ui
