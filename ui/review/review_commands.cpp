#include "review/review_commands.h"

#include <QCoreApplication>

#include "review/review_logic.h"

namespace lightbox::ui {

ReviewCommand::ReviewCommand(QString projectPath, qint64 findingId, workflows::ReviewState before,
                             workflows::ReviewDecision decision, QString note, QString reviewer, Applied applied,
                             QUndoCommand* parent)
    : QUndoCommand(parent),
      path_(std::move(projectPath)),
      findingId_(findingId),
      before_(std::move(before)),
      decision_(decision),
      note_(std::move(note)),
      reviewer_(std::move(reviewer)),
      applied_(std::move(applied)) {
  const bool noteOnly = decision_ == before_.decision && note_ != QString::fromStdString(before_.note);
  setText(noteOnly ? QCoreApplication::translate("lightbox::ui::ReviewCommand", "Note on finding %1").arg(findingId)
                   : QCoreApplication::translate("lightbox::ui::ReviewCommand", "%1 finding %2")
                         .arg(decisionText(decision_))
                         .arg(findingId));
}

void ReviewCommand::store(workflows::ReviewDecision decision, const QString& note) {
  try {
    const auto state = workflows::recordReview(path_.toStdString(), findingId_, decision, note.toStdString(),
                                               reviewer_.toStdString());
    failed_ = false;
    if (applied_) applied_(findingId_, state, {});
  } catch (const std::exception& e) {
    failed_ = true;
    setObsolete(true);
    if (applied_) applied_(findingId_, before_, QString::fromStdString(e.what()));
  }
}

void ReviewCommand::redo() { store(decision_, note_); }
void ReviewCommand::undo() { store(before_.decision, QString::fromStdString(before_.note)); }

CategoryCommand::CategoryCommand(QString projectPath, qint64 findingId, std::optional<int64_t> before,
                                 std::optional<int64_t> after, QString name, Applied applied)
    : path_(std::move(projectPath)), findingId_(findingId), before_(before), after_(after), applied_(std::move(applied)) {
  setText(QCoreApplication::translate("lightbox::ui::ReviewCommand", "Category “%1” on finding %2").arg(name).arg(findingId));
}

void CategoryCommand::store(std::optional<int64_t> id) {
  try {
    workflows::setFindingCategory(path_.toStdString(), findingId_, id);
    if (applied_) applied_(findingId_, id, {});
  } catch (const std::exception& e) {
    setObsolete(true);
    if (applied_) applied_(findingId_, before_, QString::fromStdString(e.what()));
  }
}

void CategoryCommand::redo() { store(after_); }
void CategoryCommand::undo() { store(before_); }

}  // namespace lightbox::ui
