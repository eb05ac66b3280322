// The review page's annotation: drawing tools over the viewer, strokes turned into manual findings or extent edits,
// the category list dialog. Every change is a command on the page's undo stack, stored at once.
#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "review/annotation_raster.h"
#include "review/annotation_tools.h"
#include "review/category_dialog.h"
#include "review/review_annotation_commands.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "viewer/image_viewer.h"
#include "viewer/viewer_model.h"

namespace lightbox::ui {

namespace {

bool sameRegion(const workflows::RegionMask& a, const workflows::RegionMask& b) {
  return a.min == b.min && a.max == b.max && a.values == b.values;
}

}  // namespace

QWidget* ReviewPage::buildAnnotationUi() {
  auto* centre = new QWidget(this);
  auto* layout = new QVBoxLayout(centre);
  layout->setContentsMargins(0, 0, 0, 0);
  tools_ = new AnnotationTools(centre);
  layout->addWidget(tools_);
  layout->addWidget(viewer_, 1);
  connect(tools_, &AnnotationTools::changed, this, &ReviewPage::applyDrawingMode);
  connect(tools_, &AnnotationTools::categoriesRequested, this, &ReviewPage::showCategoryDialog);
  connect(viewer_, &ImageViewer::annotationStroke, this, &ReviewPage::onStroke);
  connect(findingTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this] { applyDrawingMode(); });
  applyDrawingMode();
  return centre;
}

void ReviewPage::applyDrawingMode() {
  const auto* f = findings_->finding(currentFindingRow());
  tools_->setCanEdit(f != nullptr && data_ != nullptr);
  if (tools_->editing() && tools_->tool() == AnnotationTools::Tool::Navigate) {
    tools_->setTool(AnnotationTools::Tool::Brush);  // emits changed(): this runs again with the brush
    return;
  }
  viewer_->setAnnotationMode(data_ ? tools_->mode() : std::nullopt);
  if (tools_->editing() && f)
    tools_->setHint(tr("Editing finding %1: a box or ellipse redraws it on this slice, the brush adds to it (Shift or "
                       "right button erases). Esc stops.")
                        .arg(currentFindingRow() + 1));
  else if (tools_->tool() != AnnotationTools::Tool::Navigate)
    tools_->setHint(tr("Drag on the current slice to add a finding the model missed. Esc cancels."));
  else
    tools_->setHint(QString());
  refreshEditedRegion();
}

void ReviewPage::setEditExtent(bool on) {
  tools_->setEditing(on);
  applyDrawingMode();
}

void ReviewPage::cancelDrawing() {
  if (viewer_->cancelAnnotationStroke()) showStatus(tr("Drawing cancelled."), false);
  else if (tools_->editing()) setEditExtent(false);
  else if (tools_->tool() != AnnotationTools::Tool::Navigate) tools_->setTool(AnnotationTools::Tool::Navigate);
}

void ReviewPage::refreshEditedRegion() {
  std::shared_ptr<const Mask> region;
  const auto* f = findings_->finding(currentFindingRow());
  if (tools_ && tools_->editing() && f && data_) {
    try {
      const auto extent = workflows::loadFindingExtent(path_.toStdString(), f->id);
      region = std::make_shared<const Mask>(regionOnGrid(extent.region, data_->map.shape()));
    } catch (const std::exception& e) {
      showStatus(tr("Cannot read the finding's region: %1").arg(QString::fromStdString(e.what())), true);
    }
  }
  if (region == editRegion_) return;
  editRegion_ = region;
  refreshOverlay();
}

void ReviewPage::onStroke(const AnnotationStroke& stroke) {
  if (!data_) return;
  const Shape& grid = data_->map.shape();
  const auto* f = findings_->finding(currentFindingRow());
  const auto stored = [this](qint64 prediction, qint64 finding, const QString& error) {
    onFindingStored(prediction, finding, error);
  };
  try {
    if (tools_->editing() && f) {
      const auto base = workflows::loadFindingExtent(path_.toStdString(), f->id);
      const auto after = applyStroke(base.region, stroke, grid);
      if (after.values.empty()) {
        showStatus(tr("That would leave finding %1 empty; reject it instead, or undo its drawing (Ctrl+Z).")
                       .arg(currentFindingRow() + 1),
                   true);
        return;
      }
      if (base.stored && sameRegion(after, base.region)) return;  // nothing would change
      std::optional<workflows::ManualShape> shape;
      // A manual finding keeps the name of what drew it only when it is exactly that drawing.
      if (f->manual)
        shape = !stroke.erase && sameRegion(after, rasteriseStroke(stroke, grid)) ? manualShapeOf(stroke.shape)
                                                                                   : workflows::ManualShape::Brush;
      undo_->push(new ExtentCommand(path_, data_->predictionId, workflows::saveFindingRegion(path_.toStdString(), f->id),
                                    after, shape, stored));
      return;
    }
    if (stroke.erase) {
      showStatus(tr("The brush erases only while editing a finding's extent (select it, then Edit extent)."), false);
      return;
    }
    const auto region = rasteriseStroke(stroke, grid);
    if (region.values.empty()) return;
    undo_->push(new AddManualFindingCommand(path_, data_->predictionId, manualShapeOf(stroke.shape), region, stored));
  } catch (const std::exception& e) {
    showStatus(tr("Cannot draw: %1").arg(QString::fromStdString(e.what())), true);
  }
}

void ReviewPage::onFindingStored(qint64 predictionId, qint64 findingId, const QString& error) {
  if (!error.isEmpty()) {
    showStatus(tr("Drawing not stored: %1").arg(error), true);
    Q_EMIT reviewStored(error);
    return;
  }
  if (!data_ || data_->predictionId != predictionId) {
    // An undo or redo of another image's drawing: show that image.
    for (int r = 0; r < images_->rowCount(); ++r)
      if (images_->image(r)->predictionId == predictionId) {
        filterCombo_->setCurrentIndex(0);  // the image may be filtered out
        selectImageRow(filter_->mapFromSource(images_->index(r, 0)).row());
        break;
      }
  }
  if (data_ && data_->predictionId == predictionId) reloadFindings(findingId);
  showStatus(findingId ? tr("Finding stored.") : tr("Drawn finding removed."), false);
  Q_EMIT reviewStored(QString());
}

void ReviewPage::reloadFindings(qint64 select) {
  if (!data_) return;
  if (!select)
    if (const auto* f = findings_->finding(currentFindingRow())) select = f->id;
  std::vector<workflows::ReviewFinding> list;
  try {
    list = workflows::listReviewFindings(path_.toStdString(), data_->predictionId);
  } catch (const std::exception& e) {
    showStatus(tr("Cannot list the findings: %1").arg(QString::fromStdString(e.what())), true);
    return;
  }
  for (const auto& f : list)
    if (std::none_of(findingImages_.begin(), findingImages_.end(), [&](const auto& p) { return p.first == f.id; }))
      findingImages_.emplace_back(f.id, f.imageId);
  findings_->setFindings(std::move(list));
  images_->setCounts(data_->imageId, findings_->rowCount(), findings_->accepted(), findings_->rejected(),
                     findings_->noted());
  editRegion_.reset();
  const int row = findings_->rowOfFinding(select);
  if (row >= 0) selectFinding(row);
  refreshOverlay();
  applyDrawingMode();
  refreshFindingsPanel();
  refreshProgress();
}

void ReviewPage::refreshCategories() {
  std::vector<workflows::ReviewCategory> list;
  try {
    if (!path_.isEmpty()) list = workflows::loadFindingCategories(path_.toStdString());
  } catch (const std::exception& e) {
    showStatus(tr("Cannot read the categories: %1").arg(QString::fromStdString(e.what())), true);
  }
  categoryCombo_->clear();
  categoryCombo_->addItem(tr("(no category)"));
  for (const auto& c : list) categoryCombo_->addItem(QString::fromStdString(c.name), QVariant::fromValue<qlonglong>(c.id));
  if (categoryDialog_) categoryDialog_->setCategories(list);
}

void ReviewPage::pushCategoryCommand(QUndoCommand* command) { undo_->push(command); }

void ReviewPage::showCategoryDialog() {
  if (path_.isEmpty()) return;
  if (!categoryDialog_) {
    categoryDialog_ = new CategoryDialog(this);
    categoryDialog_->setAttribute(Qt::WA_DeleteOnClose);
    categoryDialog_->setUseCounter([this](qint64 id) -> qint64 {
      try {
        return workflows::findingCategoryUse(path_.toStdString(), id);
      } catch (const std::exception&) {
        return 0;
      }
    });
    const auto applied = [this](const QString& error) {
      if (!error.isEmpty()) showStatus(tr("Category list not changed: %1").arg(error), true);
      refreshCategories();
      reloadFindings(0);  // names on the findings may have changed
    };
    connect(categoryDialog_, &CategoryDialog::addRequested, this,
            [this, applied](const QString& name) { pushCategoryCommand(CategoryListCommand::add(path_, name, applied)); });
    connect(categoryDialog_, &CategoryDialog::renameRequested, this,
            [this, applied](qint64 id, const QString& before, const QString& after) {
              pushCategoryCommand(CategoryListCommand::rename(path_, id, before, after, applied));
            });
    connect(categoryDialog_, &CategoryDialog::removeRequested, this,
            [this, applied](qint64 id, const QString& name, int position) {
              pushCategoryCommand(CategoryListCommand::remove(path_, id, name, position, applied));
            });
    connect(categoryDialog_, &CategoryDialog::reorderRequested, this,
            [this, applied](const std::vector<int64_t>& before, const std::vector<int64_t>& after) {
              pushCategoryCommand(CategoryListCommand::reorder(path_, before, after, applied));
            });
    // The dialog is its own window: the page's Ctrl+Z / Ctrl+Y shortcuts do not fire while it has the focus.
    QAction* undo = undo_->createUndoAction(categoryDialog_);
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction* redo = undo_->createRedoAction(categoryDialog_);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    for (QAction* a : {undo, redo}) {
      a->setShortcutContext(Qt::WindowShortcut);
      categoryDialog_->addAction(a);
    }
  }
  refreshCategories();
  categoryDialog_->open();
}

CategoryDialog* ReviewPage::categoryDialog() const { return categoryDialog_; }

void ReviewPage::showStatus(const QString& text, bool error) {
  status_->setText(text);
  status_->setStyleSheet(error ? QStringLiteral("color:#c0392b;") : QString());
}

}  // namespace lightbox::ui
