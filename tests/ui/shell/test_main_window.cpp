// The desktop shell end to end, driving real widgets by objectName on the offscreen platform: create a project,
// import real fixtures through the import dialog (report table, copy), browse (grid, table, search, Find),
// open an image in the viewer, switch areas with Ctrl+1..4, remove an image (confirmed), recent projects,
// window title, and opening a project that is not one.
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QUrl>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "lightbox/workflows/browse.h"
#include "shell/dataset_browser.h"
#include "shell/image_filter_proxy.h"
#include "shell/image_table_model.h"
#include "shell/import_dialog.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#include "shell/recent_projects.h"
#include "shell/thumbnail_cache.h"
#include "training/training_page.h"
#include "viewer/image_viewer.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

QString fixture(const QString& relative) {
  const QString dir = qEnvironmentVariable("LIGHTBOX_TEST_DATA");
  return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + relative;
}

template <typename T>
T* child(QObject* parent, const char* name) {
  T* w = parent->findChild<T*>(QString::fromLatin1(name));
  if (!w) qWarning("no child named %s", name);
  return w;
}

/// Clicks the given button of the next message box that appears.
void answerNextMessageBox(QMessageBox::StandardButton button) {
  QTimer::singleShot(50, [button] {
    for (QWidget* w : QApplication::topLevelWidgets())
      if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
        box->button(button)->click();
        return;
      }
    answerNextMessageBox(button);  // not shown yet
  });
}

qint64 idOf(DatasetBrowser* browser, const QString& fileName) {
  ImageTableModel* m = browser->model();
  for (int r = 0; r < m->rowCount(); ++r)
    if (m->index(r, 0).data().toString() == fileName) return m->index(r, 0).data(ImageTableModel::ImageIdRole).toLongLong();
  return 0;
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString project_;

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("LightboxTest"));
    QApplication::setApplicationName(QStringLiteral("test_main_window"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    project_ = dir_.filePath(QStringLiteral("study.lightbox"));
  }

  void welcomePageWithoutProject() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.windowTitle(), QStringLiteral("Lightbox"));
    auto* central = qobject_cast<QStackedWidget*>(w.centralWidget());
    QVERIFY(central);
    QCOMPARE(central->currentWidget()->objectName(), QStringLiteral("welcomePage"));
    QVERIFY(!child<QAction>(&w, "actionImport")->isEnabled());  // nothing to import into
    QVERIFY(child<QAction>(&w, "actionNew")->isEnabled());
    QCOMPARE(child<QAction>(&w, "actionNew")->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(child<QAction>(&w, "actionOpen")->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(child<QAction>(&w, "actionImport")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QCOMPARE(child<QAction>(&w, "actionFind")->shortcut(), QKeySequence(QKeySequence::Find));
    QCOMPARE(child<QAction>(&w, "actionQuit")->shortcut(), QKeySequence(QKeySequence::Quit));
    QCOMPARE(child<QAction>(&w, "actionAreaReview")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_4));
  }

  void notAProjectIsRefused() {
    const QString bogus = dir_.filePath(QStringLiteral("bogus.lightbox"));
    QFile f(bogus);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not sqlite at all");
    f.close();
    MainWindow w;
    w.setInteractive(false);
    QVERIFY(!w.training()->interactive());  // no paper-preset-on-CPU box either
    QVERIFY(!w.openProject(bogus));
    QVERIFY(w.projectPath().isEmpty());
    QVERIFY(!w.newProject(bogus));  // never overwrites
  }

  void createImportBrowseView() {
    const QString camera = fixture(QStringLiteral("python3-skimage/camera.png"));
    const QString brain = fixture(QStringLiteral("mricron-data/ch2bet.nii.gz"));
    if (camera.isEmpty() || !QFileInfo::exists(camera) || !QFileInfo::exists(brain))
      QSKIP("fixtures not fetched (scripts/fetch-data.sh) or LIGHTBOX_TEST_DATA not set");
    MainWindow w;
    w.setInteractive(false);
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy opened(&w, &MainWindow::projectOpened);
    QVERIFY(w.newProject(project_));
    QCOMPARE(opened.count(), 1);
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("study.lightbox — 0 datasets, 0 images")));
    DatasetBrowser* browser = w.browser();
    QTRY_VERIFY(!browser->isLoading());
    QTRY_VERIFY(child<QWidget>(&w, "browserEmptyPage")->isVisible());  // an empty project says what to do

    // Ctrl+I opens the import dialog
    QTest::keyClick(&w, Qt::Key_I, Qt::ControlModifier);
    ImportDialog* dialog = w.importDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!child<QPushButton>(dialog, "importStart")->isEnabled());  // no paths yet
    const QString broken = dir_.filePath(QStringLiteral("truncated.nii"));
    {
      QFile f(broken);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(QByteArray(100, '\0'));
    }
    dialog->addPaths({camera, fixture(QStringLiteral("python3-skimage/moon.png")), broken});
    QCOMPARE(child<QListWidget>(dialog, "importPaths")->count(), 3);
    auto* role = child<QComboBox>(dialog, "importRole");
    role->setCurrentIndex(role->findData(QStringLiteral("blend")));
    QCOMPARE(child<QComboBox>(dialog, "importDataset")->currentText(), QStringLiteral("blend"));  // follows the role
    auto* preset = child<QComboBox>(dialog, "importPreset");
    preset->setCurrentIndex(preset->findData(QStringLiteral("image-2d")));
    QSignalSpy finished(dialog, &ImportDialog::importFinished);
    QTest::mouseClick(child<QPushButton>(dialog, "importStart"), Qt::LeftButton);
    QVERIFY(w.jobs()->busy() || finished.count() == 1);
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    auto* results = child<QTableWidget>(dialog, "importResults");
    QTRY_VERIFY(results->isVisible());
    QCOMPARE(results->rowCount(), 3);
    QStringList outcomes;
    for (int r = 0; r < 3; ++r) outcomes << results->item(r, 0)->text();
    QCOMPARE(outcomes.count(QStringLiteral("imported")), 2);
    QCOMPARE(outcomes.count(QStringLiteral("failed")), 1);
    QVERIFY(child<QLabel>(dialog, "importSummary")->text().contains(QStringLiteral("2 images imported")));
    // Copy Report puts tab-separated lines on the clipboard, with the failure's file and reason
    QTest::mouseClick(child<QPushButton>(dialog, "importCopy"), Qt::LeftButton);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.startsWith(QStringLiteral("Result\tFile\tReason\n")), qPrintable(copied));
    QVERIFY(copied.contains(QStringLiteral("failed\t") + broken + QLatin1Char('\t')));
    QCOMPARE(copied, dialog->reportText());
    QTest::mouseClick(child<QPushButton>(dialog, "importClose"), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());

    // the browser reloads after the job
    QTRY_COMPARE(browser->model()->rowCount(), 3);  // two imported and the failure, listed with its reason
    QTRY_VERIFY(w.windowTitle().contains(QStringLiteral("1 dataset, 2 images")));

    // a brain volume into a healthy dataset, started from the dialog again
    dialog = w.showImportDialog();
    QVERIFY(dialog && !dialog->isFinished());
    dialog->addPaths({brain});
    dialog->setRole(QStringLiteral("healthy"));
    dialog->setDatasetName(QStringLiteral("brains"));
    dialog->setPreset(QStringLiteral("brain-3d"));
    QSignalSpy finished2(dialog, &ImportDialog::importFinished);
    QVERIFY(dialog->startImport());
    QVERIFY(finished2.wait(120000));
    QCOMPARE(child<QTableWidget>(dialog, "importResults")->rowCount(), 1);
    dialog->close();
    QTRY_COMPARE(browser->model()->rowCount(), 4);
    QTRY_VERIFY(!browser->isLoading());

    // grid and table show the same rows; thumbnails arrive
    auto* grid = child<QListView>(&w, "thumbnailGrid");
    auto* table = child<QTableView>(&w, "imageTable");
    QCOMPARE(grid->model()->rowCount(), 4);
    QTRY_VERIFY(grid->isVisible());
    const qint64 cameraId = idOf(browser, QStringLiteral("camera.png"));
    QVERIFY(cameraId > 0);
    browser->model()->data(browser->model()->index(browser->model()->rowOfImage(cameraId), 0), Qt::DecorationRole);
    QTRY_VERIFY(browser->thumbnails()->isCached(cameraId));
    child<QAction>(&w, "actionTable")->trigger();
    QTRY_VERIFY(table->isVisible());
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(table->model()->headerData(ImageTableModel::ModalityColumn, Qt::Horizontal).toString(), QStringLiteral("Modality"));
    child<QAction>(&w, "actionGrid")->trigger();
    QTRY_VERIFY(grid->isVisible());

    // Find (Ctrl+F) puts the focus in the search box; typing filters both views
    w.setArea(MainWindow::TasksArea);
    w.activateWindow();  // shortcuts need the active window; the import dialog had it
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
    auto* search = child<QLineEdit>(&w, "browserSearch");
    QCOMPARE(w.area(), MainWindow::DataArea);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("ch2bet"));
    QCOMPARE(grid->model()->rowCount(), 1);
    QCOMPARE(table->model()->rowCount(), 1);
    QTest::keyClicks(search, QStringLiteral(" nothing-matches"));
    QCOMPARE(child<QLabel>(&w, "browserCount")->text(), QStringLiteral("0 of 4 images"));
    search->clear();
    QCOMPARE(grid->model()->rowCount(), 4);

    // the dataset filter
    auto* datasetFilter = child<QComboBox>(&w, "browserDatasetFilter");
    QCOMPARE(datasetFilter->count(), 3);  // all, blend, brains
    datasetFilter->setCurrentIndex(datasetFilter->findText(QStringLiteral("brains"), Qt::MatchStartsWith));
    QCOMPARE(grid->model()->rowCount(), 1);
    datasetFilter->setCurrentIndex(0);

    // activating an image (Enter / double-click) opens it in the viewer
    const qint64 brainId = idOf(browser, QStringLiteral("ch2bet.nii.gz"));
    QSignalSpy viewerOpened(w.viewer(), &ImageViewer::imageOpened);
    browser->selectImage(brainId);
    QCOMPARE(browser->currentImageId(), brainId);
    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_Return);
    QVERIFY(viewerOpened.count() == 1 || viewerOpened.wait(30000));
    QCOMPARE(viewerOpened.first().at(0).toLongLong(), brainId);
    QVERIFY(w.viewer()->hasImage());

    // Ctrl+1..4 switch the work areas
    const char* pages[] = {"dataSplitter", "taskPreview", "trainingPage", "reviewPage"};
    for (int a = 3; a >= 0; --a) {
      QTest::keyClick(&w, Qt::Key(Qt::Key_1 + a), Qt::ControlModifier);
      QCOMPARE(int(w.area()), a);
      QCOMPARE(child<QTabWidget>(&w, "workAreas")->currentWidget()->objectName(), QString::fromLatin1(pages[a]));
    }

    // remove an image: asks first; Cancel keeps it, Yes removes it
    browser->selectImage(cameraId);
    answerNextMessageBox(QMessageBox::Cancel);
    child<QAction>(&w, "actionRemoveImages")->trigger();
    QTest::qWait(100);
    QVERIFY(!w.jobs()->busy());
    QCOMPARE(browser->model()->rowCount(), 4);
    answerNextMessageBox(QMessageBox::Yes);
    child<QAction>(&w, "actionRemoveImages")->trigger();
    QTRY_COMPARE(browser->model()->rowCount(), 3);
    QCOMPARE(browser->model()->rowOfImage(cameraId), -1);

    // the project is now the most recent one
    QCOMPARE(RecentProjects().list().value(0), QFileInfo(project_).absoluteFilePath());
    w.close();
  }

  void reopensFromTheCommandLineStateAndRemembersLayout() {
    if (!QFileInfo::exists(project_)) QSKIP("needs the project of createImportBrowseView");
    QSize closedSize;
    {
      MainWindow w;
      w.setInteractive(false);
      w.resize(1000, 700);
      w.show();
      QVERIFY(w.openProject(project_));
      QTRY_COMPARE(w.browser()->model()->rowCount(), 3);
      w.setArea(MainWindow::TrainingArea);
      QTRY_VERIFY(child<QLabel>(&w, "trainingStatus")->text().contains(QStringLiteral("No training runs")));
      child<QSplitter>(&w, "dataSplitter")->setSizes({300, 700});
      closedSize = w.size();  // at least the layout's minimum
      w.close();              // saves geometry, splitter, area
    }
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.size(), closedSize);
    QVERIFY(w.openProject(project_));
    QCOMPARE(w.area(), MainWindow::TrainingArea);
    w.setArea(MainWindow::DataArea);
    const QList<int> sizes = child<QSplitter>(&w, "dataSplitter")->sizes();
    QVERIFY2(sizes.value(0) < sizes.value(1), qPrintable(QStringLiteral("%1 %2").arg(sizes.value(0)).arg(sizes.value(1))));
    // the recent menu lists it
    auto* recent = child<QMenu>(&w, "menuRecent");
    QMetaObject::invokeMethod(recent, "aboutToShow");
    bool listed = false;
    for (QAction* a : recent->actions()) listed |= a->toolTip() == QFileInfo(project_).absoluteFilePath();
    QVERIFY(listed);
    w.closeProject();
    QCOMPARE(w.windowTitle(), QStringLiteral("Lightbox"));
    QCOMPARE(child<QListWidget>(&w, "welcomeRecent")->item(0)->data(Qt::UserRole).toString(),
             QFileInfo(project_).absoluteFilePath());
  }

  void importDialogTakesDroppedFilesAndBuildsParams() {
    JobRunner runner;
    ImportDialog dialog(dir_.filePath(QStringLiteral("p.lightbox")), {QStringLiteral("existing")}, &runner);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString a = dir_.filePath(QStringLiteral("dropped-a.png"));
    QFile(a).open(QIODevice::WriteOnly);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(a), QUrl::fromLocalFile(dir_.path()), QUrl(QStringLiteral("https://example.org/x.png"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &drop);
    QCOMPARE(dialog.paths(), (QStringList{a, QFileInfo(dir_.path()).absoluteFilePath()}));  // local files only
    QApplication::sendEvent(&dialog, &drop);  // the same paths again are not added twice
    QCOMPARE(dialog.paths().size(), 2);
    QVERIFY(child<QPushButton>(&dialog, "importStart")->isEnabled());
    auto* datasets = child<QComboBox>(&dialog, "importDataset");
    QCOMPARE(datasets->findText(QStringLiteral("existing")), 0);  // offered
    QCOMPARE(datasets->currentText(), QStringLiteral("healthy"));  // default: the role's name
    dialog.setRole(QStringLiteral("test"));
    QCOMPARE(datasets->currentText(), QStringLiteral("test"));
    dialog.setDatasetName(QStringLiteral("vindr-test"));
    dialog.setRole(QStringLiteral("healthy"));  // a typed name is kept
    dialog.setPreset(QStringLiteral("chest-xray-2d"));
    dialog.setBoxesCsv(QStringLiteral("/data/boxes.csv"));
    const workflows::ImportParams p = dialog.params();
    QCOMPARE(p.datasetName, std::string("vindr-test"));
    QCOMPARE(p.role, std::string("healthy"));
    QCOMPARE(p.preset, std::string("chest-xray-2d"));
    QCOMPARE(p.boxesCsvPath, std::string("/data/boxes.csv"));
    QVERIFY(p.masksPath.empty());
    QCOMPARE(p.paths.size(), size_t(2));
    QCOMPARE(child<QComboBox>(&dialog, "importPreset")->count(), int(workflows::importPresetNames().size()));
  }

  void importCanBeCancelledAndTheWindowStaysResponsive() {
    const QString volume = fixture(QStringLiteral("python3-nibabel/anatomical.nii"));
    if (volume.isEmpty() || !QFileInfo::exists(volume)) QSKIP("fixtures not fetched");
    const QString project = dir_.filePath(QStringLiteral("cancel.lightbox"));
    MainWindow w;
    w.setInteractive(false);
    w.show();
    QVERIFY(w.newProject(project));
    ImportDialog* dialog = w.showImportDialog();
    // many distinct copies of a real volume (the header's description differs): enough work to cancel midway
    QFile in(volume);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const QString folder = dir_.filePath(QStringLiteral("copies"));
    QDir().mkpath(folder);
    const int copies = 80;
    for (int i = 0; i < copies; ++i) {
      QByteArray copy = bytes;
      const QByteArray descrip = QByteArray("lightbox test copy ") + QByteArray::number(i);
      copy.replace(148, descrip.size(), descrip);
      QFile out(folder + QStringLiteral("/v%1.nii").arg(i));
      QVERIFY(out.open(QIODevice::WriteOnly));
      out.write(copy);
    }
    dialog->addPaths({folder});
    dialog->setPreset(QStringLiteral("brain-3d"));
    QSignalSpy finished(w.jobs(), &JobRunner::finished);
    // Cancel as soon as the first image is in: the rest must not be imported
    connect(w.jobs(), &JobRunner::progressed, dialog, [dialog](qint64 done, qint64 total) {
      if (done >= 1 && total > 0) {
        auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("importCancel"));
        if (cancel->isEnabled()) QTest::mouseClick(cancel, Qt::LeftButton);
      }
    });
    QVERIFY(dialog->startImport());
    QVERIFY(!child<QAction>(&w, "actionImport")->isEnabled());  // one job at a time
    QVERIFY(w.jobs()->busy());
    QVERIFY(child<QWidget>(&w, "jobProgress")->isVisible());  // the status bar shows it too
    QVERIFY(w.windowTitle().contains(QStringLiteral("Importing into healthy")));
    // the GUI thread keeps running while the import works: a timer fires
    bool ticked = false;
    QTimer::singleShot(1, &w, [&] { ticked = true; });
    QTRY_VERIFY(ticked);
    QVERIFY(finished.count() == 1 || finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QTRY_VERIFY(child<QLabel>(dialog, "importSummary")->text().startsWith(QStringLiteral("Cancelled")));
    const int imported = child<QTableWidget>(dialog, "importResults")->rowCount();
    QVERIFY2(imported >= 1 && imported < copies, qPrintable(QString::number(imported)));
    QTRY_COMPARE(w.browser()->model()->rowCount(), imported);  // what was imported before the cancel stays
    QTRY_VERIFY(!child<QWidget>(&w, "jobProgress")->isVisible());
    QVERIFY(child<QAction>(&w, "actionImport")->isEnabled());
    w.close();
  }
};

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
