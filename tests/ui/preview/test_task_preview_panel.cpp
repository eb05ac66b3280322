// The task preview panel as a user drives it: pick a task, shuffle the seed and get a new sample, type a seed back
// and get the old one, edit a parameter and find it stored in the project, the gallery, and the message when
// inter-dataset blending has no blend source.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>

#include "fixtures.h"
#include "lightbox/imageio/png_writer.h"
#include "lightbox/workflows/import.h"
#include "lightbox/workflows/project_overview.h"
#include "lightbox/workflows/task_settings_store.h"
#include "preview/image_tile.h"
#include "preview/task_preview_panel.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

void writePng(const QString& path, int w, int h, int seed) {
  std::vector<uint8_t> px(size_t(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const double r = std::hypot(x - w / 2.0, y - h / 2.0) / (0.45 * std::min(w, h));
      px[size_t(y * w + x)] = uint8_t(r < 1 ? 120 + int(60 * std::sin(x * 0.2 + seed) * std::cos(y * 0.15)) : 10);
    }
  imageio::writePng(path.toStdString(), w, h, 1, px.data());
}

int64_t makeProject(const QString& dir, const QString& proj, int images, const std::string& preset = "image-2d") {
  workflows::createProject(proj.toStdString());
  workflows::ImportParams p;
  p.projectPath = proj.toStdString();
  p.preset = preset;
  p.threads = 1;
  for (int i = 0; i < images; ++i) {
    const QString f = dir + QString("/xray%1.png").arg(i);
    writePng(f, 120, 100, i);
    p.paths.push_back(f.toStdString());
  }
  NullProgress progress;
  workflows::runImport(p, progress);
  return workflows::listImages(proj.toStdString()).front().id;
}

bool waitFor(QSignalSpy& spy, int ms = 20000) {
  for (int i = 0; i < ms / 50 && spy.isEmpty(); ++i) spy.wait(50);
  return !spy.isEmpty();
}

void selectTask(TaskPreviewPanel& panel, TaskId id) {
  auto* combo = panel.findChild<QComboBox*>("taskCombo");
  combo->setCurrentIndex(combo->findData(int(id)));
}

}  // namespace

class TestTaskPreviewPanel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void shuffleGivesANewSampleAndTheSeedBringsItBack() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = makeProject(dir.path(), proj, 3);
    TaskPreviewPanel panel;
    panel.resize(1300, 820);
    panel.show();
    QSignalSpy updated(&panel, &TaskPreviewPanel::previewUpdated);
    panel.setProject(proj);
    panel.setImage(id);
    QVERIFY(waitFor(updated));
    updated.clear();
    selectTask(panel, TaskId::Sink);
    QVERIFY(waitFor(updated));
    QCOMPARE(panel.task(), TaskId::Sink);
    QVERIFY(panel.findChild<QLabel*>("taskDescription")->text().contains("pulled"));

    auto* seedEdit = panel.findChild<QLineEdit*>("seedEdit");
    auto* augmented = panel.findChild<ImageTile*>("augmentedTile");
    auto* original = panel.findChild<ImageTile*>("originalTile");
    QVERIFY(!augmented->image().isNull());
    QCOMPARE(augmented->image().size(), QSize(256, 256));
    QVERIFY(augmented->image() != original->image());
    const QString seed1 = seedEdit->text();
    const QImage first = augmented->image();

    updated.clear();
    QTest::mouseClick(panel.findChild<QPushButton*>("shuffleButton"), Qt::LeftButton);
    QVERIFY(waitFor(updated));
    QVERIFY(seedEdit->text() != seed1);
    QCOMPARE(seedEdit->text(), QString::number(panel.seed()));
    QVERIFY(augmented->image() != first);
    QTest::qWait(50);
    panel.grab().save("/tmp/lightbox-preview-sink.png");

    // Re-entering the first seed gives the first sample again.
    updated.clear();
    seedEdit->setFocus();
    seedEdit->selectAll();
    QTest::keyClicks(seedEdit, seed1);
    QTest::keyClick(seedEdit, Qt::Key_Return);
    QVERIFY(waitFor(updated));
    QCOMPARE(augmented->image(), first);

    // Overlay mode: one augmented tile with the label drawn over it.
    panel.findChild<QCheckBox*>("overlayCheck")->setChecked(true);
    QVERIFY(!panel.findChild<ImageTile*>("maskTile")->isVisible());
    QCOMPARE(augmented->image().format(), QImage::Format_ARGB32_Premultiplied);
    QTest::qWait(50);
    panel.grab().save("/tmp/lightbox-preview-overlay.png");
  }

  void parameterChangeIsStoredInTheProject() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = makeProject(dir.path(), proj, 2);
    {
      TaskPreviewPanel panel;
      panel.show();
      QSignalSpy ready(&panel, &TaskPreviewPanel::sessionReady);
      panel.setProject(proj);
      panel.setImage(id);
      QVERIFY(waitFor(ready));
      selectTask(panel, TaskId::Intensity);
      auto* spin = panel.findChild<QDoubleSpinBox*>("param_intensity_scale");
      QVERIFY(spin);
      QCOMPARE(spin->value(), 0.2);
      QVERIFY(panel.findChild<QLabel*>("paper_intensity_scale")->text().contains("0.200"));
      QSignalSpy saved(&panel, &TaskPreviewPanel::settingsSaved);
      QSignalSpy updated(&panel, &TaskPreviewPanel::previewUpdated);
      spin->setValue(0.85);
      QVERIFY(waitFor(saved));
      QCOMPARE(saved.first().first().value<TaskId>(), TaskId::Intensity);
      QVERIFY(waitFor(updated));  // previewed with the new value
      QCOMPARE(panel.settings(TaskId::Intensity).intensityScale, 0.85);
    }
    const auto stored = workflows::loadTaskSettings(proj.toStdString(), TaskId::Intensity, 2);
    QVERIFY(stored.stored);
    QCOMPARE(stored.settings.intensityScale, 0.85);
    QVERIFY(!workflows::loadTaskSettings(proj.toStdString(), TaskId::Sink, 2).stored);
    // A new panel on the project reads it back.
    TaskPreviewPanel again;
    QSignalSpy ready(&again, &TaskPreviewPanel::sessionReady);
    again.setProject(proj);
    again.setImage(id);
    QVERIFY(waitFor(ready));
    again.setTask(TaskId::Intensity);
    QCOMPARE(again.findChild<QDoubleSpinBox*>("param_intensity_scale")->value(), 0.85);
  }

  void galleryAndMissingBlendSource() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = makeProject(dir.path(), proj, 3);
    TaskPreviewPanel panel;
    panel.resize(1300, 820);
    panel.show();
    QSignalSpy gallery(&panel, &TaskPreviewPanel::galleryUpdated);
    QSignalSpy ready(&panel, &TaskPreviewPanel::sessionReady);
    panel.setProject(proj);
    panel.setImage(id);
    QVERIFY(waitFor(ready));
    gallery.clear();
    panel.setTask(TaskId::Intensity);
    panel.setGallerySize(4);
    QVERIFY(waitFor(gallery));
    QTRY_COMPARE_WITH_TIMEOUT(panel.findChildren<ImageTile*>(QRegularExpression("^galleryTile")).size(), 4, 20000);
    QVERIFY2(panel.findChild<QLabel*>("galleryInfo")->text().contains("3 images"),
             qPrintable(panel.findChild<QLabel*>("galleryInfo")->text()));

    QSignalSpy updated(&panel, &TaskPreviewPanel::previewUpdated);
    panel.setTask(TaskId::InterPoisson);
    QVERIFY(waitFor(updated));
    QVERIFY(panel.findChild<QLabel*>("statusLabel")->text().contains("blend"));
    auto* combo = panel.findChild<QComboBox*>("taskCombo");
    QVERIFY(combo->currentText().contains("blend dataset"));
    QTest::qWait(50);
    panel.grab().save("/tmp/lightbox-preview-no-blend.png");
  }

  void volumePreviewHasASliceSlider() {
    LIGHTBOX_REQUIRE_FIXTURE(nii, "mricron-data/ch2bet.nii.gz");
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    workflows::createProject(proj.toStdString());
    workflows::ImportParams p;
    p.projectPath = proj.toStdString();
    p.preset = "brain-3d";
    p.threads = 1;
    p.paths = {nii.toStdString()};
    NullProgress progress;
    QCOMPARE(workflows::runImport(p, progress).imported, int64_t(1));
    TaskPreviewPanel panel;
    panel.resize(1300, 820);
    panel.show();
    QSignalSpy updated(&panel, &TaskPreviewPanel::previewUpdated);
    QSignalSpy gallery(&panel, &TaskPreviewPanel::galleryUpdated);
    panel.setProject(proj);
    panel.setGallerySize(3);
    panel.setImage(workflows::listImages(proj.toStdString()).front().id);
    QVERIFY(waitFor(updated, 60000));
    auto* slider = panel.findChild<QSlider*>("previewSliceSlider");
    QVERIFY(slider->isVisible());
    QCOMPARE(slider->maximum(), 79);  // 80 axial slices of the working grid
    auto* augmented = panel.findChild<ImageTile*>("augmentedTile");
    QCOMPARE(augmented->image().size(), QSize(80, 112));
    QVERIFY(waitFor(gallery, 60000));
    QTest::qWait(50);
    panel.grab().save("/tmp/lightbox-preview-brain.png");
  }
};

QTEST_MAIN(TestTaskPreviewPanel)
#include "test_task_preview_panel.moc"
