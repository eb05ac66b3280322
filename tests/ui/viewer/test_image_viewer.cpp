// The viewer as a user drives it: open an image of a project, presets on the keyboard, the wheel through slices,
// the probe, tri-planar layout, and the fallback to the working array when the original has gone.
#include <QtTest>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTranslator>
#include <QWheelEvent>

#include "fixtures.h"
#include "lightbox/workflows/image_view.h"
#include "lightbox/workflows/import.h"
#include "lightbox/workflows/project_overview.h"
#include "viewer/image_viewer.h"
#include "viewer/slice_view.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

int64_t importOne(const QString& project, const QStringList& paths, const std::string& preset) {
  if (!QFile::exists(project)) workflows::createProject(project.toStdString());
  workflows::ImportParams p;
  p.projectPath = project.toStdString();
  p.preset = preset;
  p.threads = 1;
  for (const auto& s : paths) p.paths.push_back(s.toStdString());
  NullProgress progress;
  if (workflows::runImport(p, progress).imported < 1) return -1;
  return workflows::listImages(project.toStdString()).back().id;
}

bool openAndWait(ImageViewer& viewer, const QString& project, int64_t id) {
  QSignalSpy opened(&viewer, &ImageViewer::imageOpened);
  QSignalSpy failed(&viewer, &ImageViewer::openFailed);
  viewer.openImage(project, id);
  for (int i = 0; i < 200 && opened.isEmpty() && failed.isEmpty(); ++i) opened.wait(100);
  if (!failed.isEmpty()) qWarning() << failed.first().first().toString();
  return !opened.isEmpty();
}

/// Every source text in brackets: text that bypassed tr() shows up unbracketed.
class Bracketing : public QTranslator {
 public:
  bool isEmpty() const override { return false; }
  QString translate(const char*, const char* source, const char*, int) const override {
    return QLatin1Char('[') + QString::fromUtf8(source) + QLatin1Char(']');
  }
};

QString grabPath(const char* name) { return QStringLiteral("/tmp/lightbox-viewer-%1.png").arg(name); }

}  // namespace

class TestImageViewer : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void ctPresetKeyChangesWindowAndPixels() {
    LIGHTBOX_REQUIRE_FIXTURE(ct, "cornerstone-wado-image-loader/CTImage.dcm");
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = importOne(proj, {ct}, "auto");
    QVERIFY(id > 0);
    ImageViewer viewer;
    viewer.resize(700, 760);
    viewer.show();
    QVERIFY(openAndWait(viewer, proj, id));
    QCOMPARE(viewer.window(), (WindowLevel{40, 400}));  // the file's own window
    auto* source = viewer.findChild<QLabel*>("sourceLabel");
    QVERIFY(source->text().contains("CTImage.dcm"));
    QVERIFY(source->text().contains("Original"));

    SliceView* view = viewer.findChild<SliceView*>("sliceView_axial");
    QVERIFY(view && view->isVisible());
    const QImage before = view->renderedSlice();
    QCOMPARE(before.width(), 512);
    viewer.grab().save(grabPath("ct-default"));

    viewer.setFocus();
    QTest::keyClick(&viewer, Qt::Key_5);  // brain: W 80 / L 40
    QCOMPARE(viewer.window(), (WindowLevel{40, 80}));
    QVERIFY(viewer.findChild<QLabel*>("windowLabel")->text().contains("80"));
    const QImage after = view->renderedSlice();
    QVERIFY(after != before);
    // Every rendered pixel is the DICOM window function of its voxel.
    const Image& img = viewer.image()->image;
    int checked = 0, changed = 0;
    for (int y = 0; y < 512; y += 37)
      for (int x = 0; x < 512; x += 41) {
        const float v = img.channel(0)[y * 512 + x];
        QCOMPARE(int(after.pixelColor(x, y).red()), int(std::lround(applyWindow(v, {40, 80}))));
        changed += after.pixelColor(x, y) != before.pixelColor(x, y);
        ++checked;
      }
    QVERIFY(changed > checked / 10);
    viewer.grab().save(grabPath("ct-brain-window"));

    QTest::keyClick(&viewer, Qt::Key_2);  // lung
    QCOMPARE(viewer.window(), (WindowLevel{-600, 1500}));
    QTest::keyClick(&viewer, Qt::Key_0);  // reset: the file's window again
    QCOMPARE(viewer.window(), (WindowLevel{40, 400}));

    // Left-drag in W/L mode widens the window.
    const QPoint c = view->rect().center();
    QTest::mousePress(view, Qt::LeftButton, {}, c);
    QMouseEvent move(QEvent::MouseMove, QPointF(c + QPoint(40, 0)), view->mapToGlobal(QPointF(c + QPoint(40, 0))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view, &move);
    QTest::mouseRelease(view, Qt::LeftButton, {}, c + QPoint(40, 0));
    QVERIFY(viewer.window().width > 400);

    // The probe reads HU and patient millimetres under the cursor.
    QMouseEvent hover(QEvent::MouseMove, QPointF(c), view->mapToGlobal(QPointF(c)), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(view, &hover);
    const QString probe = viewer.findChild<QLabel*>("probeLabel")->text();
    QVERIFY2(probe.contains("HU") && probe.contains("mm") && probe.contains("LPS"), qPrintable(probe));
  }

  void wheelMovesThroughSlicesAndLabelsFollowTheGeometry() {
    LIGHTBOX_REQUIRE_FIXTURE(nii, "mricron-data/ch2bet.nii.gz");
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = importOne(proj, {nii}, "brain-3d");
    QVERIFY(id > 0);
    ImageViewer viewer;
    viewer.resize(760, 760);
    viewer.show();
    QVERIFY(openAndWait(viewer, proj, id));
    QCOMPARE(viewer.image()->source, workflows::ViewSource::OriginalFile);
    SliceView* axial = viewer.view(ViewPlane::Axial);
    auto* slider = viewer.findChild<QSlider*>("sliceSlider");
    QCOMPARE(slider->maximum(), 180);  // 181 axial slices
    const int64_t s0 = viewer.currentSlice();
    const QImage before = axial->renderedSlice();
    QCOMPARE(before.width(), 181);
    QCOMPARE(before.height(), 217);
    const QPoint c = axial->rect().center();
    QWheelEvent up(QPointF(c), axial->mapToGlobal(QPointF(c)), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                   Qt::NoScrollPhase, false);
    QApplication::sendEvent(axial, &up);
    QCOMPARE(viewer.currentSlice(), s0 + 1);
    QCOMPARE(slider->value(), int(s0 + 1));
    QVERIFY(axial->renderedSlice() != before);
    QWheelEvent down(QPointF(c), axial->mapToGlobal(QPointF(c)), {}, QPoint(0, -360), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(axial, &down);
    QCOMPARE(viewer.currentSlice(), s0 - 2);
    // Ctrl+wheel zooms instead.
    QWheelEvent zoom(QPointF(c), axial->mapToGlobal(QPointF(c)), {}, QPoint(0, 120), Qt::NoButton,
                     Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(axial, &zoom);
    QCOMPARE(viewer.currentSlice(), s0 - 2);
    QVERIFY(axial->transform().zoom > 1.0);
    // RAS file shown in LPS radiological convention: the patient's right (NIfTI -x) on the screen's left, so the
    // first rendered column is the file's last x.
    const SliceLayout l = layoutFor(viewer.image()->image.shape(), viewer.image()->image.geometry(), ViewPlane::Axial);
    QVERIFY(l.flipU);
    const EdgeLabels e = edgeLabels(l, viewer.image()->image.geometry());
    QCOMPARE(e.left, std::string("R"));
    QCOMPARE(e.top, std::string("A"));
    viewer.grab().save(grabPath("nifti-axial"));

    viewer.setLayoutMode(ImageViewer::Layout::TriPlanar);
    QVERIFY(viewer.view(ViewPlane::Coronal)->isVisible());
    QVERIFY(viewer.view(ViewPlane::Sagittal)->isVisible());
    QCOMPARE(viewer.view(ViewPlane::Coronal)->renderedSlice().height(), 181);  // z runs down the coronal view
    QTest::qWait(20);
    viewer.grab().save(grabPath("nifti-triplanar"));
  }

  void showsTheWorkingArrayWhenTheOriginalIsGone() {
    LIGHTBOX_REQUIRE_FIXTURE(nii, "mricron-data/ch2bet.nii.gz");
    QTemporaryDir dir;
    const QString copy = dir.filePath("moved-away.nii.gz");
    QVERIFY(QFile::copy(nii, copy));
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = importOne(proj, {copy}, "brain-3d");
    QVERIFY(id > 0);
    QVERIFY(QFile::remove(copy));
    ImageViewer viewer;
    viewer.resize(700, 700);
    viewer.show();
    QVERIFY(openAndWait(viewer, proj, id));
    QCOMPARE(viewer.image()->source, workflows::ViewSource::WorkingArray);
    const QString text = viewer.findChild<QLabel*>("sourceLabel")->text();
    QVERIFY2(text.contains("working array") && text.contains("moved-away.nii.gz"), qPrintable(text));
    QCOMPARE(viewer.view(ViewPlane::Axial)->renderedSlice().width(), 80);  // the 80 x 112 x 80 working grid
    viewer.grab().save(grabPath("working-array"));
  }

  // The review's and audit's banner is one translated sentence: no English reason from the workflow inside it.
  void workingArrayBannerIsAllTranslated() {
    auto img = std::make_shared<workflows::ViewableImage>();
    img->image = Image(1, Shape(40, 60), 0.0f);
    img->source = workflows::ViewSource::WorkingArray;
    img->arrayKind = "slice:0061";
    img->fallbackReason = "the review shows the array the model saw, so that map and image share one grid";
    img->sameGridAsMap = true;
    Bracketing translation;
    QCoreApplication::installTranslator(&translation);
    ImageViewer viewer;
    viewer.showImage(img);
    const QString text = viewer.findChild<QLabel*>("sourceLabel")->text();
    QCoreApplication::removeTranslator(&translation);
    QVERIFY2(text.startsWith(QStringLiteral("[Showing the stored working array ([slice 62]), the one the model saw")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("the review shows")), qPrintable(text));
  }

  // Selecting a finding that is on screen keeps the view still (a 2D image does not jump off-centre); one out of
  // view is brought to the centre; the zoom stays.
  void showRegionPansOnlyWhenTheRegionIsOutOfView() {
    auto img = std::make_shared<workflows::ViewableImage>();
    img->image = Image(1, Shape(100, 200), 0.0f);
    img->source = workflows::ViewSource::WorkingArray;
    ImageViewer viewer;
    viewer.resize(700, 500);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.showImage(img);
    SliceView* view = viewer.view(ViewPlane::Axial);
    const QPointF off = view->pointOf({20, 30, 0});
    QVERIFY(view->rect().contains(off.toPoint()));
    viewer.showRegion({20, 30, 0}, {15, 25, 0}, {25, 35, 1});
    QCOMPARE(view->pointOf({20, 30, 0}), off);  // in view: not moved to the centre
    // Zoom in about the image's top-left so that the far corner leaves the view.
    for (int i = 0; i < 8; ++i) {
      QWheelEvent wheel(QPointF(5, 5), view->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, 120), Qt::NoButton,
                        Qt::ControlModifier, Qt::NoScrollPhase, false);
      QCoreApplication::sendEvent(view, &wheel);
    }
    const QPointF far = view->pointOf({90, 190, 0});
    QVERIFY2(!view->rect().contains(far.toPoint()), "the zoom should have taken the corner out of view");
    const QPointF near = view->pointOf({20, 30, 0});
    const QPointF sizeBefore = view->pointOf({21, 31, 0}) - near;
    viewer.showRegion({90, 190, 0}, {85, 185, 0}, {95, 195, 1});
    const QPointF centred = view->pointOf({90, 190, 0});
    QVERIFY2(std::abs(centred.x() - view->width() / 2.0) < 6 && std::abs(centred.y() - view->height() / 2.0) < 6,
             qPrintable(QStringLiteral("%1,%2 in %3x%4").arg(centred.x()).arg(centred.y()).arg(view->width()).arg(view->height())));
    QCOMPARE(view->pointOf({91, 191, 0}) - centred, sizeBefore);  // the zoom is kept
  }

  // The annotation hook: left-drag draws (a rubber band, then one stroke in slice coordinates) instead of changing
  // window/level; the brush erases with the right button; Esc-style cancelling drops the stroke; back to windowing.
  void annotationModeHandsOutStrokes() {
    auto img = std::make_shared<workflows::ViewableImage>();
    img->image = Image(1, Shape(40, 60), 0.0f);
    for (size_t k = 0; k < img->image.values().size(); ++k) img->image.values()[k] = float(k % 97);
    img->source = workflows::ViewSource::WorkingArray;
    ImageViewer viewer;
    viewer.resize(600, 500);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.showImage(img);
    SliceView* view = viewer.view(ViewPlane::Axial);
    std::vector<AnnotationStroke> strokes;
    connect(&viewer, &ImageViewer::annotationStroke, this, [&](const AnnotationStroke& s) { strokes.push_back(s); });
    const WindowLevel window = viewer.window();

    viewer.setAnnotationMode(AnnotationMode{StrokeShape::Rectangle, 0.0});
    QTest::mousePress(view, Qt::LeftButton, {}, view->pointOf({5, 10, 0}).toPoint());
    QTest::mouseMove(view, view->pointOf({7, 15, 0}).toPoint());
    QVERIFY(view->strokeActive());
    QTest::mouseMove(view, view->pointOf({9, 20, 0}).toPoint());
    QTest::mouseRelease(view, Qt::LeftButton, {}, view->pointOf({9, 20, 0}).toPoint());
    QCOMPARE(viewer.window(), window);  // drawing, not windowing
    QCOMPARE(strokes.size(), size_t(1));
    const AnnotationStroke& s = strokes[0];
    QCOMPARE(s.shape, StrokeShape::Rectangle);
    QVERIFY(s.points.size() >= 2);
    const auto voxelOf = [&](const std::array<double, 2>& p) {
      return s.layout.voxel(int64_t(std::floor(p[0])), int64_t(std::floor(p[1])), s.slice);
    };
    QCOMPARE(voxelOf(s.points.front()), (Index{5, 10, 0}));
    QCOMPARE(voxelOf(s.points.back()), (Index{9, 20, 0}));
    QVERIFY(!s.erase);

    QTest::mouseClick(view, Qt::LeftButton, {}, view->pointOf({30, 30, 0}).toPoint());
    QCOMPARE(strokes.size(), size_t(1));  // a click is not a box

    viewer.setAnnotationMode(AnnotationMode{StrokeShape::Brush, 2.0});
    QTest::mousePress(view, Qt::RightButton, {}, view->pointOf({20, 30, 0}).toPoint());
    QTest::mouseRelease(view, Qt::RightButton, {}, view->pointOf({21, 30, 0}).toPoint());
    QCOMPARE(strokes.size(), size_t(2));
    QVERIFY(strokes[1].erase);
    QCOMPARE(strokes[1].brushRadius, 2.0);

    QTest::mousePress(view, Qt::LeftButton, {}, view->pointOf({3, 3, 0}).toPoint());
    QTest::mouseMove(view, view->pointOf({4, 8, 0}).toPoint());
    QVERIFY(viewer.cancelAnnotationStroke());
    QTest::mouseRelease(view, Qt::LeftButton, {}, view->pointOf({4, 8, 0}).toPoint());
    QCOMPARE(strokes.size(), size_t(2));  // cancelled: no stroke
    QVERIFY(!viewer.cancelAnnotationStroke());

    viewer.setAnnotationMode(std::nullopt);
    QTest::mousePress(view, Qt::LeftButton, {}, view->pointOf({5, 10, 0}).toPoint());
    QTest::mouseMove(view, view->pointOf({5, 10, 0}).toPoint() + QPoint(60, 30));
    QTest::mouseRelease(view, Qt::LeftButton, {}, view->pointOf({5, 10, 0}).toPoint() + QPoint(60, 30));
    QVERIFY(!(viewer.window() == window));  // windowing again
    QCOMPARE(strokes.size(), size_t(2));
  }

  void unknownImageIsReported() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    workflows::createProject(proj.toStdString());
    ImageViewer viewer;
    QSignalSpy failed(&viewer, &ImageViewer::openFailed);
    viewer.openImage(proj, 99);
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.first().first().toString().contains("p.lightbox"));
    QVERIFY(viewer.findChild<QLabel*>("viewerStatus")->text().contains("99"));
  }
};

QTEST_MAIN(TestImageViewer)
#include "test_image_viewer.moc"
