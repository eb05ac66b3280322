// Annotation on the Review page, driven as a user does (writeSyntheticReviewProject: 96 x 96 images of 0.8 mm
// pixels, so one pixel is 0.64 mm²): a box and a brush stroke drawn with the mouse on the viewer become manual
// findings of the right size, stored at once; Ctrl+Z removes one, Ctrl+Y brings it back; Esc cancels a drawing;
// "Edit extent" erases from a manual finding and redraws an automatic one (undone exactly); the category list is
// edited through "Categories…" (add, remove in use with confirmation, reorder, each undone); the CSV has the rows.
// LIGHTBOX_ANNOTATION_SCREENSHOT=<file.png> saves a picture of the page while an extent is edited.
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#include <algorithm>

#include "csv_rows.h"
#include "review/annotation_tools.h"
#include "review/category_dialog.h"
#include "review/export_dialog.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "viewer/image_viewer.h"
#include "viewer/slice_view.h"

using namespace lightbox;
using namespace lightbox::ui;
using Tool = AnnotationTools::Tool;

namespace {

using lightbox::test::readCsvRows;

const workflows::ReviewFinding* byId(const std::vector<workflows::ReviewFinding>& list, qint64 id) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const auto& f) { return f.id == id; });
  return it == list.end() ? nullptr : &*it;
}

std::vector<std::string> categoryNames(const std::string& path) {
  std::vector<std::string> out;
  for (const auto& c : workflows::loadFindingCategories(path)) out.push_back(c.name);
  return out;
}

}  // namespace

class TestReviewAnnotationPage : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;
  int64_t run_ = 0;

  static void drag(SliceView* view, Qt::MouseButton button, const Index& from, const Index& to) {
    QTest::mousePress(view, button, {}, view->pointOf(from).toPoint());
    QTest::mouseMove(view, view->pointOf(to).toPoint());
    QTest::mouseRelease(view, button, {}, view->pointOf(to).toPoint());
  }

 private Q_SLOTS:
  void initTestCase() {
    path_ = dir_.filePath(QStringLiteral("annotate.lightbox"));
    run_ = workflows::writeSyntheticReviewProject(path_.toStdString(), 2, true);
  }

  void drawUndoRedoAdjustCategoriesAndExport() {
    ReviewPage page;
    page.resize(1500, 900);
    page.setProject(path_);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    const std::string path = path_.toStdString();
    int row2d = -1;
    for (int r = 0; r < page.imageModel()->rowCount(); ++r)
      if (page.imageModel()->image(r)->sourcePath.find("image") != std::string::npos) row2d = r;
    QVERIFY(row2d >= 0);
    page.selectImageRow(row2d);
    QCOMPARE(page.viewer()->image()->image.ndim(), 2);
    const qint64 prediction = page.imageModel()->image(row2d)->predictionId;
    FindingTableModel* findings = page.findingModel();
    const int automatic = findings->rowCount();
    SliceView* view = page.viewer()->view(ViewPlane::Axial);
    QVERIFY(view->isVisible());
    auto* table = page.findChild<QTableView*>(QStringLiteral("findingTable"));
    table->setFocus();
    QUndoStack* undo = page.undoStack();

    // A box from voxel (10, 20) to (14, 23): 5 x 4 pixels = 20 x 0.64 mm².
    page.annotationTools()->setTool(Tool::Box);
    QVERIFY(page.viewer()->annotationMode().has_value());
    drag(view, Qt::LeftButton, {10, 20, 0}, {14, 23, 0});
    QCOMPARE(findings->rowCount(), automatic + 1);
    const auto* box = findings->finding(page.currentFindingRow());  // the new finding is the current one
    QVERIFY(box && box->manual);
    const qint64 boxId = box->id;
    QCOMPARE(box->sizeVoxels, int64_t(20));
    QVERIFY(std::abs(box->sizeMm - 12.8) < 1e-9);
    QCOMPARE(findings->data(findings->index(page.currentFindingRow(), FindingTableModel::OriginColumn)).toString(),
             QStringLiteral("✎ manual (box)"));
    const auto stored = workflows::listReviewFindings(path, prediction);
    QVERIFY(byId(stored, boxId) && byId(stored, boxId)->manualShape == "box");  // on disk at once
    QCOMPARE(undo->count(), 1);
    // Drawn boxes are outlined in their own style.
    const auto& styles = page.viewer()->overlay()->boxStyles;
    QCOMPARE(std::count(styles.begin(), styles.end(), OverlayLayer::BoxStyle::Drawn), std::ptrdiff_t(1));

    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!byId(workflows::listReviewFindings(path, prediction), boxId));
    QCOMPARE(findings->rowCount(), automatic);
    QTest::keyClick(table, Qt::Key_Y, Qt::ControlModifier);
    QVERIFY(byId(workflows::listReviewFindings(path, prediction), boxId));  // back, under its old id
    QCOMPARE(findings->rowCount(), automatic + 1);

    // Esc drops a drawing in progress: nothing is stored.
    QTest::mousePress(view, Qt::LeftButton, {}, view->pointOf({50, 50, 0}).toPoint());
    QTest::mouseMove(view, view->pointOf({55, 58, 0}).toPoint());
    QTest::keyClick(table, Qt::Key_Escape);
    QTest::mouseRelease(view, Qt::LeftButton, {}, view->pointOf({55, 58, 0}).toPoint());
    QCOMPARE(findings->rowCount(), automatic + 1);
    QCOMPARE(undo->count(), 1);

    // A brush stroke of diameter 1 along row 60 from column 10 to 20: 11 pixels = 7.04 mm².
    page.annotationTools()->setTool(Tool::Brush);
    page.annotationTools()->setBrushSize(1);
    drag(view, Qt::LeftButton, {60, 10, 0}, {60, 20, 0});
    QCOMPARE(findings->rowCount(), automatic + 2);
    const auto* brush = findings->finding(page.currentFindingRow());
    QVERIFY(brush && brush->manual && brush->manualShape == "brush");
    const qint64 brushId = brush->id;
    QCOMPARE(brush->sizeVoxels, int64_t(11));
    QVERIFY(std::abs(brush->sizeMm - 7.04) < 1e-9);
    const auto drawn = workflows::saveFindingRegion(path, brushId);

    // Edit extent: the right button erases one pixel of it; undo gives the very mask back.
    page.setEditExtent(true);
    QVERIFY(page.annotationTools()->editing());
    QVERIFY(page.viewer()->overlay()->region);  // the edited region is outlined
    QVERIFY(!view->regionEdges().empty());
    // The editing hint is one whole line (elided to the width, all of it in the tooltip), never cut in half.
    auto* hint = page.findChild<QLabel*>(QStringLiteral("annotationHint"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY(page.annotationTools()->hint().contains(QStringLiteral("Esc stops")));
    QVERIFY2(hint->height() >= hint->fontMetrics().height(), qPrintable(QString::number(hint->height())));
    QVERIFY(hint->fontMetrics().horizontalAdvance(hint->text()) <= hint->width());
    QCOMPARE(hint->text() == page.annotationTools()->hint(), hint->toolTip().isEmpty());
    if (hint->text() != page.annotationTools()->hint()) QCOMPARE(hint->toolTip(), page.annotationTools()->hint());
    // Manual findings bring the Origin column: the table still fits without a horizontal scroll bar.
    auto* findingTable = page.findChild<QTableView*>(QStringLiteral("findingTable"));
    QVERIFY(!findingTable->isColumnHidden(FindingTableModel::OriginColumn));
    QTest::qWait(20);
    QCOMPARE(findingTable->horizontalScrollBar()->maximum(), 0);
    // LIGHTBOX_ANNOTATION_SCREENSHOT=<file.png>: a picture of the page while an extent is edited.
    if (const QString out = qEnvironmentVariable("LIGHTBOX_ANNOTATION_SCREENSHOT"); !out.isEmpty())
      QVERIFY(page.grab().save(out));
    QTest::mousePress(view, Qt::RightButton, {}, view->pointOf({60, 15, 0}).toPoint());
    QTest::mouseRelease(view, Qt::RightButton, {}, view->pointOf({60, 15, 0}).toPoint());
    QCOMPARE(byId(workflows::listReviewFindings(path, prediction), brushId)->sizeVoxels, int64_t(10));
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    const auto back = workflows::saveFindingRegion(path, brushId);
    QVERIFY(back.extent && drawn.extent && *back.extent == *drawn.extent);
    QCOMPARE(back.sizeVoxels, int64_t(11));

    // An automatic finding redrawn with a 3 x 3 box counts as adjusted; undo returns it as found.
    int autoRow = -1;
    for (int r = 0; r < findings->rowCount(); ++r)
      if (!findings->finding(r)->manual) autoRow = r;
    page.selectFinding(autoRow);
    const workflows::ReviewFinding original = *findings->finding(autoRow);
    page.annotationTools()->setTool(Tool::Box);
    QVERIFY(page.annotationTools()->editing());
    const Index c{std::llround(original.centroidVoxel[0]), std::llround(original.centroidVoxel[1]), 0};
    drag(view, Qt::LeftButton, {c[0] - 1, c[1] - 1, 0}, {c[0] + 1, c[1] + 1, 0});
    auto adjusted = *byId(workflows::listReviewFindings(path, prediction), original.id);
    QVERIFY(adjusted.adjusted);
    QCOMPARE(adjusted.sizeVoxels, int64_t(9));
    QCOMPARE(findings->data(findings->index(findings->rowOfFinding(original.id), FindingTableModel::OriginColumn))
                 .toString(),
             QStringLiteral("✎ adjusted"));
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    adjusted = *byId(workflows::listReviewFindings(path, prediction), original.id);
    QVERIFY(!adjusted.adjusted);
    QCOMPARE(adjusted.sizeVoxels, original.sizeVoxels);
    QVERIFY(adjusted.centroidMm == original.centroidMm);
    QTest::keyClick(table, Qt::Key_Escape);  // leaves Edit extent
    QVERIFY(!page.annotationTools()->editing());
    QTest::keyClick(table, Qt::Key_Escape);  // and the tool
    QCOMPARE(page.annotationTools()->tool(), Tool::Navigate);
    QVERIFY(!page.viewer()->annotationMode());

    // Categories…: add "cyst", give it to the box, remove it (in use: asked first), undo both steps, reorder.
    page.showCategoryDialog();
    CategoryDialog* dialog = page.categoryDialog();
    QVERIFY(dialog && dialog->isVisible());
    dialog->addCategory(QStringLiteral("  cyst "));
    QCOMPARE(categoryNames(path).back(), std::string("cyst"));
    QCOMPARE(dialog->names().last(), QStringLiteral("cyst"));
    auto* combo = page.findChild<QComboBox*>(QStringLiteral("categoryCombo"));
    const int cystItem = combo->findText(QStringLiteral("cyst"));
    QVERIFY(cystItem > 0);
    page.selectFinding(findings->rowOfFinding(boxId));
    combo->setCurrentIndex(cystItem);
    Q_EMIT combo->activated(cystItem);
    QCOMPARE(byId(workflows::listReviewFindings(path, prediction), boxId)->category, std::string("cyst"));
    int asked = 0;
    dialog->setConfirmRemoval([&](const QString& name, qint64 uses) {
      ++asked;
      return name == QStringLiteral("cyst") && uses == 1;
    });
    dialog->setCurrentRow(int(dialog->names().indexOf(QStringLiteral("cyst"))));
    dialog->removeCurrent();
    QCOMPARE(asked, 1);
    QCOMPARE(categoryNames(path).size(), size_t(4));
    QVERIFY(!byId(workflows::listReviewFindings(path, prediction), boxId)->categoryId);
    QCOMPARE(findings->finding(findings->rowOfFinding(boxId))->category, std::string());
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);  // the category is back, on the box too
    QCOMPARE(categoryNames(path).back(), std::string("cyst"));
    QCOMPARE(byId(workflows::listReviewFindings(path, prediction), boxId)->category, std::string("cyst"));
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);  // the box loses it
    QVERIFY(!byId(workflows::listReviewFindings(path, prediction), boxId)->categoryId);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);  // and "cyst" was never added
    QCOMPARE(categoryNames(path), (std::vector<std::string>{"lesion", "artefact", "normal variant", "unsure"}));
    dialog->setCurrentRow(0);
    dialog->moveCurrent(1);
    QCOMPARE(categoryNames(path).front(), std::string("artefact"));
    QCOMPARE(combo->itemText(1), QStringLiteral("artefact"));
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(categoryNames(path).front(), std::string("lesion"));
    dialog->close();

    // The CSV: both drawings, marked manual with their shapes and sizes.
    ExportDialog all(path_, run_, {0, 1}, QStringLiteral("review-demo"));
    all.setOutput(dir_.filePath(QStringLiteral("all.csv")));
    all.setOnly(QStringLiteral("all"));
    QVERIFY(all.exportNow());
    const auto rows = readCsvRows(dir_.filePath(QStringLiteral("all.csv")));
    const int id = int(rows[0].indexOf(QStringLiteral("finding_id"))), manual = int(rows[0].indexOf(QStringLiteral("manual"))),
              shape = int(rows[0].indexOf(QStringLiteral("manual_shape"))), size = int(rows[0].indexOf(QStringLiteral("size_mm")));
    QVERIFY(id >= 0 && manual >= 0 && shape >= 0 && size >= 0);
    int manualRows = 0;
    for (size_t r = 1; r < rows.size(); ++r) {
      if (rows[r][manual] != QStringLiteral("1")) continue;
      ++manualRows;
      const qint64 fid = rows[r][id].toLongLong();
      QVERIFY(fid == boxId || fid == brushId);
      QCOMPARE(rows[r][shape], fid == boxId ? QStringLiteral("box") : QStringLiteral("brush"));
      QVERIFY(std::abs(rows[r][size].toDouble() - (fid == boxId ? 12.8 : 7.04)) < 1e-9);
    }
    QCOMPARE(manualRows, 2);
  }

  // On a volume the drawing lies on the current slice of the active plane: a 3 x 2 box on a coronal slice is one
  // voxel thick across it, 6 voxels of 2 x 0.8 x 0.8 mm = 7.68 mm³.
  void aBoxOnACoronalSliceOfAVolume() {
    ReviewPage page;
    page.resize(1500, 900);
    page.setProject(path_);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    int volumeRow = -1;
    for (int r = 0; r < page.imageModel()->rowCount(); ++r)
      if (page.imageModel()->image(r)->sourcePath.find("volume") != std::string::npos) volumeRow = r;
    page.selectImageRow(volumeRow);
    ImageViewer* viewer = page.viewer();
    QCOMPARE(viewer->image()->image.ndim(), 3);
    viewer->setActivePlane(ViewPlane::Coronal);
    SliceView* view = viewer->view(ViewPlane::Coronal);
    QVERIFY(view->isVisible());
    QTRY_VERIFY(view->transform().viewHeight > 300);  // laid out: a voxel spans several screen pixels
    const auto& img = viewer->image()->image;
    const SliceLayout l = layoutFor(img.shape(), img.geometry(), ViewPlane::Coronal);
    const int64_t slice = viewer->currentSlice();
    const int before = page.findingModel()->rowCount();
    page.annotationTools()->setTool(Tool::Box);
    drag(view, Qt::LeftButton, l.voxel(20, 5, slice), l.voxel(22, 6, slice));
    QCOMPARE(page.findingModel()->rowCount(), before + 1);
    const auto* f = page.findingModel()->finding(page.currentFindingRow());
    QVERIFY(f && f->manual && f->ndim == 3);
    QCOMPARE(f->sizeVoxels, int64_t(6));
    QVERIFY(std::abs(f->sizeMm - 6 * 2.0 * 0.8 * 0.8) < 1e-9);
    const int across = l.sliceAxis;
    QCOMPARE(f->bboxMax[size_t(across)] - f->bboxMin[size_t(across)], int64_t(1));
    QCOMPARE(f->bboxMin[size_t(across)], l.voxel(20, 5, slice)[across]);
    QCOMPARE(viewer->currentSlice(), slice);  // the new finding is centred without leaving the slice
  }

  // Ctrl+Z / Ctrl+Y pressed in the Categories dialog (another window: the page's shortcuts do not reach it) undo and
  // redo on the page's stack.
  void undoKeysWorkInTheCategoriesDialog() {
    ReviewPage page;
    page.resize(1500, 900);
    page.setProject(path_);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const std::string path = path_.toStdString();
    const auto before = categoryNames(path);
    page.showCategoryDialog();
    CategoryDialog* dialog = page.categoryDialog();
    QVERIFY(dialog);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    dialog->addCategory(QStringLiteral("polyp"));
    QCOMPARE(categoryNames(path).back(), std::string("polyp"));
    auto* focus = dialog->findChild<QListWidget*>();
    QVERIFY(focus);
    focus->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(focus));
    QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(categoryNames(path), before);
    QVERIFY(!dialog->names().contains(QStringLiteral("polyp")));
    QTest::keyClick(focus, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(categoryNames(path).back(), std::string("polyp"));
    QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);  // nothing left to redo
    QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(categoryNames(path), before);
    dialog->close();
  }
};

QTEST_MAIN(TestReviewAnnotationPage)
#include "test_review_annotation_page.moc"
