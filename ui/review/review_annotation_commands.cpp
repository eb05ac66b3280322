#include "review/review_annotation_commands.h"

#include <QCoreApplication>

namespace lightbox::ui {

namespace {
/// The translation context of the commands' texts (lupdate sees AnnotationCommand::tr).
class AnnotationCommand {
  Q_DECLARE_TR_FUNCTIONS(AnnotationCommand)
};
QString shapeWord(workflows::ManualShape s) {
  switch (s) {
    case workflows::ManualShape::Ellipse: return AnnotationCommand::tr("ellipse");
    case workflows::ManualShape::Brush: return AnnotationCommand::tr("brush");
    case workflows::ManualShape::Box: break;
  }
  return AnnotationCommand::tr("box");
}
}  // namespace

AddManualFindingCommand::AddManualFindingCommand(QString projectPath, qint64 predictionId, workflows::ManualShape shape,
                                                 workflows::RegionMask region, FindingApplied applied)
    : path_(std::move(projectPath)),
      predictionId_(predictionId),
      shape_(shape),
      region_(std::move(region)),
      applied_(std::move(applied)) {
  setText(AnnotationCommand::tr("Draw a finding (%1)").arg(shapeWord(shape_)));
}

void AddManualFindingCommand::redo() {
  try {
    const auto f = workflows::addManualFinding(path_.toStdString(), predictionId_, shape_, region_,
                                               findingId_ ? std::optional<int64_t>(findingId_) : std::nullopt);
    findingId_ = f.id;
    if (applied_) applied_(predictionId_, findingId_, {});
  } catch (const std::exception& e) {
    setObsolete(true);
    if (applied_) applied_(predictionId_, 0, QString::fromStdString(e.what()));
  }
}

void AddManualFindingCommand::undo() {
  try {
    workflows::removeManualFinding(path_.toStdString(), findingId_);
    if (applied_) applied_(predictionId_, 0, {});
  } catch (const std::exception& e) {
    setObsolete(true);
    if (applied_) applied_(predictionId_, findingId_, QString::fromStdString(e.what()));
  }
}

ExtentCommand::ExtentCommand(QString projectPath, qint64 predictionId, workflows::FindingRegionState before,
                             workflows::RegionMask after, std::optional<workflows::ManualShape> shape,
                             FindingApplied applied)
    : path_(std::move(projectPath)),
      predictionId_(predictionId),
      before_(std::move(before)),
      after_(std::move(after)),
      shape_(shape),
      applied_(std::move(applied)) {
  setText(AnnotationCommand::tr("Extent of finding %1").arg(before_.findingId));
}

void ExtentCommand::redo() {
  try {
    workflows::setFindingExtent(path_.toStdString(), before_.findingId, after_, shape_);
    if (applied_) applied_(predictionId_, before_.findingId, {});
  } catch (const std::exception& e) {
    setObsolete(true);
    if (applied_) applied_(predictionId_, before_.findingId, QString::fromStdString(e.what()));
  }
}

void ExtentCommand::undo() {
  try {
    workflows::restoreFindingRegion(path_.toStdString(), before_);
    if (applied_) applied_(predictionId_, before_.findingId, {});
  } catch (const std::exception& e) {
    setObsolete(true);
    if (applied_) applied_(predictionId_, before_.findingId, QString::fromStdString(e.what()));
  }
}

CategoryListCommand::CategoryListCommand(Kind kind, QString projectPath, Applied applied)
    : kind_(kind), path_(std::move(projectPath)), applied_(std::move(applied)) {}

CategoryListCommand* CategoryListCommand::add(QString projectPath, QString name, Applied applied) {
  auto* c = new CategoryListCommand(Kind::Add, std::move(projectPath), std::move(applied));
  c->name_ = std::move(name);
  c->setText(AnnotationCommand::tr("Add category “%1”").arg(c->name_));
  return c;
}

CategoryListCommand* CategoryListCommand::rename(QString projectPath, qint64 id, QString before, QString after,
                                                 Applied applied) {
  auto* c = new CategoryListCommand(Kind::Rename, std::move(projectPath), std::move(applied));
  c->id_ = id;
  c->oldName_ = std::move(before);
  c->name_ = std::move(after);
  c->setText(AnnotationCommand::tr("Rename category “%1” to “%2”").arg(c->oldName_, c->name_));
  return c;
}

CategoryListCommand* CategoryListCommand::remove(QString projectPath, qint64 id, QString name, int position,
                                                 Applied applied) {
  auto* c = new CategoryListCommand(Kind::Remove, std::move(projectPath), std::move(applied));
  c->id_ = id;
  c->name_ = std::move(name);
  c->position_ = position;
  c->setText(AnnotationCommand::tr("Remove category “%1”").arg(c->name_));
  return c;
}

CategoryListCommand* CategoryListCommand::reorder(QString projectPath, std::vector<int64_t> before,
                                                  std::vector<int64_t> after, Applied applied) {
  auto* c = new CategoryListCommand(Kind::Reorder, std::move(projectPath), std::move(applied));
  c->before_ = std::move(before);
  c->after_ = std::move(after);
  c->setText(AnnotationCommand::tr("Reorder the categories"));
  return c;
}

void CategoryListCommand::run(const std::function<void()>& store) {
  try {
    store();
    if (applied_) applied_({});
  } catch (const std::exception& e) {
    setObsolete(true);
    if (applied_) applied_(QString::fromStdString(e.what()));
  }
}

void CategoryListCommand::redo() {
  const std::string path = path_.toStdString();
  run([&] {
    switch (kind_) {
      case Kind::Add:
        id_ = workflows::addFindingCategory(path, name_.toStdString(), id_ ? std::optional<int64_t>(id_) : std::nullopt);
        break;
      case Kind::Rename: workflows::renameFindingCategory(path, id_, name_.toStdString()); break;
      case Kind::Remove: findings_ = workflows::removeFindingCategory(path, id_); break;
      case Kind::Reorder: workflows::reorderFindingCategories(path, after_); break;
    }
  });
}

void CategoryListCommand::undo() {
  const std::string path = path_.toStdString();
  run([&] {
    switch (kind_) {
      // Later commands that gave findings this category were undone first, so none has it now.
      case Kind::Add: workflows::removeFindingCategory(path, id_); break;
      case Kind::Rename: workflows::renameFindingCategory(path, id_, oldName_.toStdString()); break;
      case Kind::Remove:
        id_ = workflows::restoreFindingCategory(path, id_, name_.toStdString(), size_t(position_), findings_);
        break;
      case Kind::Reorder: workflows::reorderFindingCategories(path, before_); break;
    }
  });
}

}  // namespace lightbox::ui
