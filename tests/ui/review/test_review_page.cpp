// The Review page on a small project with predictions and findings (writeSyntheticReviewProject: made-up maps with
// known lesions, so the test needs no LibTorch): ranking, heat-map overlay with contours, keyboard triage (A, R, J,
// Ctrl+Z) stored at once, centring on a 3D finding, the export dialog and the CSV read back. With
// LIGHTBOX_REVIEW_SCREENSHOT=<file.png> it also saves a picture of the workspace.
#include <QCheckBox>
#include <QComboBox>
#include <QStyleOptionComboBox>
#include <QFile>
#include <QTableView>
#include <QUndoStack>
#include <QScrollBar>
#include <QtTest>

#include <algorithm>

#include <filesystem>

#include "csv_rows.h"
#include "review/export_dialog.h"
#include "review/review_logic.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "viewer/image_viewer.h"
#include "viewer/slice_view.h"
#include "viewer/viewer_model.h"

using namespace lightbox;
using namespace lightbox::ui;
using D = workflows::ReviewDecision;

namespace {

using lightbox::test::readCsvRows;

}  // namespace

class TestReviewPage : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;
  int64_t run_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    path_ = dir_.filePath(QStringLiteral("review.lightbox"));
    run_ = workflows::writeSyntheticReviewProject(path_.toStdString(), 4, true);
  }

  void triageByKeyboardAndExport() {
    ReviewPage page;
    page.resize(1500, 900);
    page.setProject(path_);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));

    QCOMPARE(page.imageModel()->rowCount(), 5);
    QVERIFY(page.viewer()->hasImage());
    QVERIFY(page.viewer()->image()->source == workflows::ViewSource::WorkingArray);
    QCOMPARE(page.thresholdValue(), 0.5);  // starts at the model's threshold
    const OverlayLayer* overlay = page.viewer()->overlay();
    QVERIFY(overlay && overlay->heat && overlay->contour);
    QCOMPARE(overlay->min, 0.0);
    QCOMPARE(overlay->max, 1.0);
    SliceView* axial = page.viewer()->view(ViewPlane::Axial);
    QVERIFY(!axial->renderedOverlay().isNull());
    QVERIFY(!axial->contourEdges().empty());
    page.setStretchPerImage(true);
    QVERIFY(page.viewer()->overlay()->max < 1.0);
    page.setStretchPerImage(false);

    FindingTableModel* findings = page.findingModel();
    QVERIFY(findings->rowCount() >= 2);
    QCOMPARE(page.currentFindingRow(), 0);
    const qint64 f0 = findings->finding(0)->id, f1 = findings->finding(1)->id;
    const std::string path = path_.toStdString();
    auto* table = page.findChild<QTableView*>(QStringLiteral("findingTable"));
    table->setFocus();

    QTest::keyClick(table, Qt::Key_A);
    QCOMPARE(workflows::currentReview(path, f0).decision, D::Accepted);  // stored at once
    QCOMPARE(page.currentFindingRow(), 1);                                 // and on to the next one
    QTest::keyClick(table, Qt::Key_R);
    QCOMPARE(workflows::currentReview(path, f1).decision, D::Rejected);
    const int64_t total = page.imageModel()->totalFindings();
    QCOMPARE(page.progressLabelText(), tr("Dataset: %1 of %2 reviewed").arg(2).arg(total));
    const qint64 firstImage = page.currentImageId();
    const int rowBeforeJ = page.currentFindingRow();
    QTest::keyClick(table, Qt::Key_J);
    QVERIFY(page.currentFindingRow() != rowBeforeJ || page.currentImageId() != firstImage);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(workflows::currentReview(path, f1).decision, D::Unreviewed);  // undo appends the remembered state
    QCOMPARE(workflows::currentReview(path, f0).decision, D::Accepted);
    QCOMPARE(page.currentImageId(), firstImage);  // undo shows the finding it changed
    QCOMPARE(page.progressLabelText(), tr("Dataset: %1 of %2 reviewed").arg(1).arg(total));
    QTest::keyClick(table, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(workflows::currentReview(path, f1).decision, D::Rejected);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    page.noteCurrent(QStringLiteral("check, comma"));
    QCOMPARE(workflows::currentReview(path, f1).note, std::string("check, comma"));
    QCOMPARE(page.undoStack()->count(), 2);  // accept, note: the undone reject was replaced

    // Next image from the keyboard, then a 3D finding centres every plane on it.
    QTest::keyClick(table, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(page.currentImageId() != firstImage);
    int volumeRow = -1;
    for (int r = 0; r < page.imageModel()->rowCount(); ++r)
      if (page.imageModel()->image(r)->sourcePath.find("volume") != std::string::npos) volumeRow = r;
    QVERIFY(volumeRow >= 0);
    page.selectImageRow(volumeRow);  // rank order: the proxy is sorted by rank, so rows agree
    QCOMPARE(page.viewer()->image()->image.ndim(), 3);
    QVERIFY(findings->rowCount() >= 1);
    page.selectFinding(findings->rowCount() - 1);
    const auto* f = findings->finding(findings->rowCount() - 1);
    const Index centre{std::llround(f->centroidVoxel[0]), std::llround(f->centroidVoxel[1]),
                       std::llround(f->centroidVoxel[2])};
    const auto& img = page.viewer()->image()->image;
    for (ViewPlane plane : {ViewPlane::Axial, ViewPlane::Coronal, ViewPlane::Sagittal}) {
      page.viewer()->setActivePlane(plane);
      QCOMPARE(page.viewer()->currentSlice(), layoutFor(img.shape(), img.geometry(), plane).sliceOf(centre));
    }
    page.viewer()->setActivePlane(ViewPlane::Axial);

    // Export: reviewed findings, read back.
    page.showExportDialog();
    auto* dialog = page.findChild<ExportDialog*>();
    QVERIFY(dialog);
    const QString csv = dir_.filePath(QStringLiteral("reviewed.csv"));
    dialog->setOutput(csv);
    dialog->setOnly(QStringLiteral("reviewed"));
    dialog->findChild<QCheckBox*>(QStringLiteral("exportOpenFolder"))->setChecked(false);
    dialog->accept();
    QCOMPARE(dialog->rowsWritten(), qint64(1));
    const auto rows = readCsvRows(csv);
    QCOMPARE(rows.size(), size_t(2));
    const int idColumn = int(rows[0].indexOf(QStringLiteral("finding_id")));
    const int stateColumn = int(rows[0].indexOf(QStringLiteral("review_state")));
    QVERIFY(idColumn >= 0 && stateColumn >= 0);
    QCOMPARE(rows[1][idColumn].toLongLong(), f0);
    QCOMPARE(rows[1][stateColumn], QStringLiteral("accepted"));

    ExportDialog all(path_, run_, {0, 1}, QStringLiteral("review-demo"));
    all.setOutput(dir_.filePath(QStringLiteral("all.csv")));
    all.setOnly(QStringLiteral("all"));
    QVERIFY(all.exportNow());
    const auto everything = readCsvRows(dir_.filePath(QStringLiteral("all.csv")));
    QCOMPARE(int64_t(everything.size()) - 1, page.imageModel()->totalFindings());
    int unreviewedNoted = 0;
    const int noteColumn = int(everything[0].indexOf(QStringLiteral("note")));
    for (size_t r = 1; r < everything.size(); ++r)
      if (everything[r][idColumn].toLongLong() == f1) {
        QCOMPARE(everything[r][stateColumn], QStringLiteral("unreviewed"));
        QCOMPARE(everything[r][noteColumn], QStringLiteral("check, comma"));
        ++unreviewedNoted;
      }
    QCOMPARE(unreviewedNoted, 1);

    // A new page on the same file (as after a crash) sees every decision.
    ReviewPage again;
    again.setProject(path_);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.imageModel()->totalReviewed(), int64_t(1));
  }

  // The rendered workspace: the grey working image in the visible slice view carries the coloured heat map (and
  // outlines). LIGHTBOX_REVIEW_SCREENSHOT=<file.png> also saves the whole page (the README's picture).
  void renderedWorkspaceShowsTheOverlay() {
    ReviewPage page;
    page.resize(1600, 950);
    page.setProject(path_);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.selectImageRow(0);
    page.selectFinding(0);
    page.acceptCurrent();
    QTest::qWait(100);
    QWidget* view = nullptr;
    for (QWidget* w : page.findChildren<QWidget*>(QStringLiteral("sliceView_axial")))
      if (w->isVisible()) view = w;
    QVERIFY(view != nullptr);
    const QImage rendered = view->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int64_t coloured = 0;
    for (int y = 0; y < rendered.height(); ++y)
      for (int x = 0; x < rendered.width(); ++x) {
        const QRgb c = rendered.pixel(x, y);
        if (std::max({qRed(c), qGreen(c), qBlue(c)}) - std::min({qRed(c), qGreen(c), qBlue(c)}) > 40) ++coloured;
      }
    QVERIFY2(coloured > int64_t(rendered.width()) * rendered.height() / 200,
             qPrintable(QString("only %1 coloured pixels").arg(coloured)));
    const QString out = qEnvironmentVariable("LIGHTBOX_REVIEW_SCREENSHOT");
    if (!out.isEmpty()) QVERIFY(page.grab().save(out));
  }

  // The dataset combo shows its whole entry ("review-demo (test, 5 image(s), 5 with masks)"), also on a narrow
  // window, instead of clipping it mid-word; a name too long for any row is elided in the middle, whole in the
  // tooltip.
  void datasetComboShowsItsEntryWhole() {
    ReviewPage page;
    page.resize(900, 700);
    page.setProject(path_);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* combo = page.findChild<QComboBox*>(QStringLiteral("reviewDatasetCombo"));
    QVERIFY(combo && combo->count() > 0);
    QTest::qWait(20);
    QStyleOptionComboBox opt;
    opt.initFrom(combo);
    opt.editable = false;
    const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, combo);
    const int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
    QVERIFY2(field.width() >= needed, qPrintable(QStringLiteral("“%1” needs %2 px, has %3")
                                                     .arg(combo->currentText()).arg(needed).arg(field.width())));
    QVERIFY(combo->itemData(combo->currentIndex(), Qt::ToolTipRole).toString().contains(combo->currentText()));
    QCOMPARE(elideComboText(QString(200, QLatin1Char('x')) + QStringLiteral(" (test)"), combo->fontMetrics()).right(7),
             QStringLiteral(" (test)"));  // the end (role, count) stays readable
  }

  // At the default size the findings fit their table (no horizontal scroll bar), a note or a category brings its
  // column (the tooltip has everything), and the ranking names images by their file name.
  void findingsFitAndImagesAreNamedByFile() {
    ReviewPage page;
    page.resize(1600, 950);
    page.setProject(path_);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* table = page.findChild<QTableView*>(QStringLiteral("findingTable"));
    QVERIFY(table);
    for (int row = 0; row < page.imageModel()->rowCount(); ++row) {
      page.selectImageRow(row);
      QVERIFY(page.findingModel()->rowCount() > 0);
      QTest::qWait(20);  // let the header lay the sections out
      QVERIFY2(table->horizontalScrollBar()->maximum() == 0,
               qPrintable(QString("image %1: %2 px too wide").arg(row).arg(table->horizontalScrollBar()->maximum())));
      const QModelIndex first = page.findingModel()->index(0, FindingTableModel::PositionColumn);
      QVERIFY(first.data(Qt::ToolTipRole).toString().contains(first.data().toString()));
    }
    QVERIFY(table->isColumnHidden(FindingTableModel::NoteColumn));  // no finding has a note yet
    page.selectFinding(0);
    page.noteCurrent(QStringLiteral("a long note that the column elides but the tooltip keeps"));
    QVERIFY(!table->isColumnHidden(FindingTableModel::NoteColumn));
    QTest::qWait(20);
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
    QVERIFY(page.findingModel()->index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("tooltip keeps")));
    page.undoStack()->undo();
    QVERIFY(table->isColumnHidden(FindingTableModel::NoteColumn));

    auto* ranking = page.findChild<QTableView*>(QStringLiteral("reviewImageTable"));
    QCOMPARE(ranking->textElideMode(), Qt::ElideMiddle);
    for (int row = 0; row < page.imageModel()->rowCount(); ++row) {
      const QString name = page.imageModel()->index(row, ReviewImageModel::NameColumn).data().toString();
      QVERIFY2(!name.contains(QLatin1Char(':')), qPrintable(name));  // "volume4.nii.gz", not "review-demo:volume4…"
    }
  }
};

QTEST_MAIN(TestReviewPage)
#include "test_review_page.moc"
