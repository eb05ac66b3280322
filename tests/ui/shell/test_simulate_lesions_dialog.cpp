// The simulated-lesions dialog in the main window (offscreen), on a project of phantom volumes stored as an import
// with brain-slices-2d stores them (one "slice:NNNN" array per slice): reached from the Data area's button and the
// File menu, it makes the test set in the background with the form's parameters, the Data area then shows it and
// the source's held-out slices are recorded; a bad source comes back to the form with the workflow's reason; Cancel
// writes nothing; a taken name and a busy job runner keep Create disabled. With LIGHTBOX_SCREENSHOT_DIR set, the
// dialog before and after is saved there (desktop-simulate-lesions*.png).
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <atomic>

#include "lightbox/core/phantoms.h"
#include "lightbox/project/project.h"
#include "shell/dataset_browser.h"
#include "shell/image_filter_proxy.h"
#include "shell/image_table_model.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#include "shell/simulate_lesions_dialog.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

constexpr int kSlices = 12;  // per volume; two volumes

template <typename T>
T* child(QObject* parent, const char* name) {
  T* w = parent->findChild<T*>(QString::fromLatin1(name));
  if (!w) qFatal("no child named %s", name);
  return w;
}

/// `volumes` images of `kSlices` 2D phantom slices each, as brain-slices-2d stores a volume.
void addSliceVolumes(project::Project& p, const char* dataset, int volumes, uint64_t seed) {
  const auto d = p.datasets().create(dataset, project::DatasetRole::Healthy, "brain-slices-2d");
  for (int v = 0; v < volumes; ++v) {
    project::NewImage n;
    n.meta.sourcePath = std::string("/data/") + dataset + std::to_string(v) + ".nii.gz";
    n.meta.contentHash = std::string(63, 'b') + std::to_string(v);
    n.meta.format = "nifti";
    for (int s = 0; s < kSlices; ++s) {
      project::ArrayData a;
      a.kind = QStringLiteral("slice:%1").arg(s, 4, 10, QLatin1Char('0')).toStdString();
      a.image = phantom::objectImage(Shape(64, 64), seed + uint64_t(v * kSlices + s));
      a.mask = phantom::ellipsoidMask(Shape(64, 64));
      n.arrays.push_back(project::EncodedArray::encode(a));
    }
    p.images().insert(d.id, n);
  }
}

/// A dataset of single preprocessed 2D images: not slices, so not a source the workflow accepts.
void addFlatImages(project::Project& p, const char* dataset) {
  const auto d = p.datasets().create(dataset, project::DatasetRole::Healthy, "image-2d");
  for (int i = 0; i < 2; ++i) {
    project::NewImage n;
    n.meta.sourcePath = std::string("/data/") + dataset + std::to_string(i) + ".png";
    n.meta.contentHash = std::string(63, 'c') + std::to_string(i);
    n.meta.format = "png";
    project::ArrayData a;
    a.image = phantom::objectImage(Shape(64, 64), 90 + uint64_t(i));
    n.arrays.push_back(project::EncodedArray::encode(a));
    p.images().insert(d.id, n);
  }
}

int pageIndex(SimulateLesionsDialog* d) { return d->findChild<QStackedWidget*>()->currentIndex(); }

}  // namespace

class TestSimulateLesionsDialog : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;

  void openWindow(MainWindow& w) {
    w.setInteractive(false);
    w.show();
    QSignalSpy loaded(w.browser(), &DatasetBrowser::contentsLoaded);
    QVERIFY(w.openProject(path_));
    QTRY_VERIFY(loaded.count() >= 1);
  }

  std::vector<project::DatasetSummary> datasets() {
    project::Project p = project::Project::open(path_.toStdString(), project::OpenMode::ReadOnly);
    return p.datasets().list();
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LightboxTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_simulate_lesions_dialog"));
    QSettings().clear();
    path_ = dir_.filePath(QStringLiteral("sim.lightbox"));
    project::Project p = project::Project::create(path_.toStdString());
    addSliceVolumes(p, "brains", 2, 10);
    addFlatImages(p, "photos");
  }

  void makesTheTestSetAndTheDataAreaShowsIt() {
    MainWindow w;
    openWindow(w);
    QAction* action = child<QAction>(&w, "actionSimulateLesions");
    QVERIFY(action->isEnabled());
    bool inFileMenu = false;
    for (QAction* menu : w.menuBar()->actions())
      if (menu->menu() && menu->menu()->actions().contains(action)) inFileMenu = true;
    QVERIFY(inFileMenu);
    w.setArea(MainWindow::TasksArea);  // success brings the Data area back
    QTest::mouseClick(child<QToolButton>(&w, "browserSimulateButton"), Qt::LeftButton);
    SimulateLesionsDialog* dialog = w.simulateLesionsDialog();
    QVERIFY(dialog && dialog->isVisible());
    // Defaults are the workflow's (and the CLI's); the slice dataset comes first.
    QCOMPARE(dialog->sourceDataset(), QStringLiteral("brains"));
    QCOMPARE(child<QLineEdit>(dialog, "simulateName")->text(), QStringLiteral("simulated-lesions"));
    QCOMPARE(child<QSpinBox>(dialog, "simulateEvery")->value(), 5);
    QVERIFY(!child<QSpinBox>(dialog, "simulateEvery")->toolTip().isEmpty());
    QCOMPARE(dialog->params().lesionShare, 0.75);

    child<QSpinBox>(dialog, "simulateEvery")->setValue(3);
    child<QSpinBox>(dialog, "simulateSeed")->setValue(7);
    const QByteArray shots = qgetenv("LIGHTBOX_SCREENSHOT_DIR");
    const auto grab = [&](const char* name) {
      if (shots.isEmpty()) return;
      const QString file = QDir(QString::fromLocal8Bit(shots)).filePath(QString::fromLatin1(name));
      QVERIFY(dialog->grab().save(file));
      qInfo("wrote %s", qPrintable(file));
    };
    grab("desktop-simulate-lesions.png");
    QSignalSpy done(dialog, &SimulateLesionsDialog::simulationFinished);
    QTest::mouseClick(child<QPushButton>(dialog, "simulateCreate"), Qt::LeftButton);
    QVERIFY(w.jobs()->busy() || done.count() == 1);
    QTRY_COMPARE(done.count(), 1);
    QVERIFY(done.at(0).at(0).toBool());
    QVERIFY(dialog->succeeded());
    const int expected = 2 * ((kSlices + 2) / 3);  // slices 0, 3, 6, 9 of each volume
    QCOMPARE(dialog->result().heldOutSlices, expected);
    QVERIFY(dialog->result().withLesions > 0 && dialog->result().withLesions <= expected);
    QCOMPARE(pageIndex(dialog), 2);
    QVERIFY(child<QLabel>(dialog, "simulateSummary")->text().contains(QStringLiteral("left out of training")));
    grab("desktop-simulate-lesions-done.png");

    // The Data area shows the new test set, and only it.
    QCOMPARE(w.area(), MainWindow::DataArea);
    QTRY_VERIFY(!w.browser()->isLoading());
    QTRY_COMPARE(w.browser()->proxy()->rowCount(), expected);
    QCOMPARE(w.browser()->proxy()->datasetId(), qint64(dialog->result().datasetId));

    project::Project p = project::Project::open(path_.toStdString(), project::OpenMode::ReadOnly);
    const auto test = p.datasets().findByName("simulated-lesions");
    QVERIFY(test && test->role == project::DatasetRole::Test);
    QCOMPARE(int(p.images().list(test->id).size()), expected);
    // The held-out slices are recorded on their volumes, so training leaves them out.
    for (const auto& volume : p.images().list(p.datasets().findByName("brains")->id)) {
      const auto held = p.settings().get("training/held_out/" + std::to_string(volume.id));
      QVERIFY(held.has_value());
      QCOMPARE(QString::fromStdString(*held), QStringLiteral("[\"slice:0000\",\"slice:0003\",\"slice:0006\",\"slice:0009\"]"));
    }
    QTest::mouseClick(child<QPushButton>(dialog, "simulateClose"), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
  }

  void nameTakenOrRunnerBusyKeepsCreateDisabled() {
    MainWindow w;
    openWindow(w);
    SimulateLesionsDialog* dialog = w.showSimulateLesionsDialog(QStringLiteral("brains"));
    QVERIFY(dialog);
    auto* name = child<QLineEdit>(dialog, "simulateName");
    QCOMPARE(name->text(), QStringLiteral("simulated-lesions-2"));  // the first free name
    auto* create = child<QPushButton>(dialog, "simulateCreate");
    QVERIFY(create->isEnabled());
    name->setText(QStringLiteral("brains"));
    QVERIFY(!create->isEnabled());
    QVERIFY(child<QLabel>(dialog, "simulateEveryNote")->text().contains(QStringLiteral("already has")));
    name->setText(QStringLiteral("  "));
    QVERIFY(!create->isEnabled());
    name->setText(QStringLiteral("another"));
    QVERIFY(create->isEnabled());

    std::atomic<bool> release{false};
    QVERIFY(w.jobs()->start(QStringLiteral("busy"), [&release](ProgressSink&) -> std::function<void()> {
      while (!release) QThread::msleep(5);
      return {};
    }));
    QVERIFY(!create->isEnabled());
    QVERIFY(!dialog->start());
    release = true;
    QTRY_VERIFY(!w.jobs()->busy());
    QVERIFY(create->isEnabled());
    w.simulateLesionsDialog()->close();
  }

  void badSourceComesBackWithTheReason() {
    MainWindow w;
    openWindow(w);
    SimulateLesionsDialog* dialog = w.showSimulateLesionsDialog(QStringLiteral("photos"));
    QCOMPARE(dialog->sourceDataset(), QStringLiteral("photos"));
    QVERIFY(child<QLabel>(dialog, "simulateEveryNote")->text().contains(QStringLiteral("image-2d")));
    dialog->setTestDatasetName(QStringLiteral("from-photos"));
    const size_t before = datasets().size();
    QSignalSpy done(dialog, &SimulateLesionsDialog::simulationFinished);
    QVERIFY(dialog->start());
    QTRY_COMPARE(done.count(), 1);
    QVERIFY(!done.at(0).at(0).toBool());
    QCOMPARE(pageIndex(dialog), 0);  // back to the form, to choose another source
    QVERIFY2(dialog->errorText().contains(QStringLiteral("has no 2D slices")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().contains(QStringLiteral("photos")));
    QCOMPARE(datasets().size(), before);
    QVERIFY(child<QPushButton>(dialog, "simulateCreate")->isEnabled());
    dialog->close();
  }

  void cancelWritesNothing() {
    MainWindow w;
    openWindow(w);
    SimulateLesionsDialog* dialog = w.showSimulateLesionsDialog(QStringLiteral("brains"));
    dialog->setTestDatasetName(QStringLiteral("cancelled-set"));
    dialog->setHoldOutEvery(2);
    // Cancel from the dialog's own button the moment the job starts: before the worker looks at a single slice, so
    // the outcome does not depend on how fast it is.
    auto* cancel = child<QPushButton>(dialog, "simulateCancel");
    connect(w.jobs(), &JobRunner::started, dialog, [cancel] {
      QVERIFY(cancel->isEnabled());
      cancel->click();
    });
    QSignalSpy done(dialog, &SimulateLesionsDialog::simulationFinished);
    QSignalSpy finished(w.jobs(), &JobRunner::finished);
    QVERIFY(dialog->start());
    QTRY_COMPARE(done.count(), 1);
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY(finished.at(0).at(0).toBool());  // the runner says: cancelled
    QVERIFY(dialog->errorText().startsWith(QStringLiteral("Cancelled")));
    QCOMPARE(pageIndex(dialog), 0);
    project::Project p = project::Project::open(path_.toStdString(), project::OpenMode::ReadOnly);
    QVERIFY(!p.datasets().findByName("cancelled-set"));
    // The first test's held-out slices are all that is recorded (every 2nd would have added slices 2, 4, ...).
    for (const auto& volume : p.images().list(p.datasets().findByName("brains")->id))
      QCOMPARE(QString::fromStdString(*p.settings().get("training/held_out/" + std::to_string(volume.id))),
               QStringLiteral("[\"slice:0000\",\"slice:0003\",\"slice:0006\",\"slice:0009\"]"));
    dialog->close();
  }
};

QTEST_MAIN(TestSimulateLesionsDialog)
#include "test_simulate_lesions_dialog.moc"
