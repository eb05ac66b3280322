// Issue #7's "done when", driven through the main window like a user (offscreen) on the demo's real data: a new
// project; Colin27 (ch2bet.nii.gz, brain-slices-2d) and the scikit-image photographs (image-2d) imported through the
// import dialog's widgets; the test set of SIMULATED lesions made through its dialog; a tiny cpu-quick-2d run trained
// from the Training page (150 steps), which proposes its threshold as it finishes (held-out synthetic tasks and
// healthy validation images, no ground truth); Predict on the Review page finds the regions at that threshold (the
// slider path is test_review_page's); findings triaged from the keyboard (J, A, R, A, Ctrl+Z); the export dialog
// writes the CSV, which is read back. File pickers are not opened: paths go in the way a drop or a picker puts them
// (addPaths). With LIGHTBOX_SCREENSHOT_DIR set, the Data area showing the new test set is saved there
// (desktop-data-simulated.png).
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <cmath>
#include <filesystem>

#include "csv_rows.h"
#include "lightbox/core/eval/findings.h"
#include "lightbox/workflows/demo.h"
#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/review.h"
#include "review/export_dialog.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "shell/dataset_browser.h"
#include "shell/image_filter_proxy.h"
#include "shell/image_table_model.h"
#include "shell/import_dialog.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#include "shell/simulate_lesions_dialog.h"
#include "training/training_page.h"
#include "training/training_threshold.h"

using namespace lightbox;
using namespace lightbox::ui;
using D = workflows::ReviewDecision;
namespace fs = std::filesystem;

namespace {

// A hang guard, not a speed check: idle, the 150 training steps take seconds, but a 2-core machine shared with
// four compilers once needed over 300 s for them.
constexpr int kJobTimeout = 600000;

template <typename T>
T* child(QObject* parent, const char* name) {
  T* w = parent->findChild<T*>(QString::fromLatin1(name));
  if (!w) qFatal("no child named %s", name);
  return w;
}

void chooseData(QComboBox* combo, const QVariant& data) {
  const int i = combo->findData(data);
  QVERIFY2(i >= 0, qPrintable(data.toString()));
  combo->setCurrentIndex(i);
}

using lightbox::test::readCsvRows;

}  // namespace

class TestGuiEndToEnd : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString brain_;
  QStringList photos_;

  /// Imports `paths` through the import dialog, as its widgets are set; returns the dialog's summary.
  QString importThroughDialog(MainWindow& w, const QStringList& paths, const QString& role, const QString& dataset,
                              const QString& preset) {
    child<QAction>(&w, "actionImport")->trigger();
    ImportDialog* dialog = w.importDialog();
    if (!dialog || !dialog->isVisible()) return QStringLiteral("no import dialog");
    dialog->addPaths(paths);  // what a drop or the file picker hands over
    chooseData(child<QComboBox>(dialog, "importRole"), role);

    child<QComboBox>(dialog, "importDataset")->setEditText(dataset);
    chooseData(child<QComboBox>(dialog, "importPreset"), preset);
    QSignalSpy finished(dialog, &ImportDialog::importFinished);
    QTest::mouseClick(child<QPushButton>(dialog, "importStart"), Qt::LeftButton);
    if (!finished.wait(kJobTimeout) && finished.isEmpty()) return QStringLiteral("import did not finish");
    const QString summary = child<QLabel>(dialog, "importSummary")->text();
    QTest::mouseClick(child<QPushButton>(dialog, "importClose"), Qt::LeftButton);
    return summary;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LightboxTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_end_to_end"));
    QSettings().clear();
    const QString env = qEnvironmentVariable("LIGHTBOX_TEST_DATA");
    const fs::path data = env.isEmpty() ? fs::path(workflows::defaultDemoDataDir()) : fs::path(env.toStdString());
    for (const auto& f : workflows::demoDataFiles()) {
      const QString path = QString::fromStdString((data / f.relativePath).string());
      if (f.required) {
        QVERIFY2(QFile::exists(path), qPrintable(path + QStringLiteral(" is missing: scripts/fetch-data.sh ") +
                                                 QString::fromStdString(f.package)));
        brain_ = path;
      } else if (QFile::exists(path)) {
        photos_ << path;
      }
    }
    QVERIFY2(photos_.size() >= 2, "the scikit-image photographs are missing: scripts/fetch-data.sh python3-skimage");
  }

  void fromNewProjectToExportedCsv() {
    MainWindow w;
    w.setInteractive(false);
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QElapsedTimer clock;  // for the log only: no step depends on how fast it is
    clock.start();
    const auto stage = [&clock](const char* what) { qInfo("%6.1f s  %s", clock.elapsed() / 1000.0, what); };
    const QString project = dir_.filePath(QStringLiteral("study.lightbox"));
    QVERIFY(w.newProject(project));  // what File > New Project… does with the chosen name
    QCOMPARE(w.projectPath(), QFileInfo(project).absoluteFilePath());

    // 1. Import the healthy brain as slices and the photographs as the blend source.
    QString summary = importThroughDialog(w, {brain_}, QStringLiteral("healthy"), QStringLiteral("colin27-slices"),
                                          QStringLiteral("brain-slices-2d"));
    QVERIFY2(summary.startsWith(QStringLiteral("1 image imported (")), qPrintable(summary));
    summary = importThroughDialog(w, photos_, QStringLiteral("blend"), QStringLiteral("natural-images"),
                                  QStringLiteral("image-2d"));
    QVERIFY2(summary.startsWith(QStringLiteral("%1 images imported").arg(photos_.size())), qPrintable(summary));
    QTRY_VERIFY(!w.browser()->isLoading() && w.browser()->model()->rowCount() == 1 + photos_.size());

    stage("imported");
    // 2. The test set with simulated lesions, from the Data area's button.
    QTRY_VERIFY(child<QAction>(&w, "actionSimulateLesions")->isEnabled());
    QTest::mouseClick(child<QToolButton>(&w, "browserSimulateButton"), Qt::LeftButton);
    SimulateLesionsDialog* simulate = w.simulateLesionsDialog();
    QVERIFY(simulate && simulate->isVisible());
    QCOMPARE(simulate->sourceDataset(), QStringLiteral("colin27-slices"));
    child<QSpinBox>(simulate, "simulateSeed")->setValue(3);
    QSignalSpy simulated(simulate, &SimulateLesionsDialog::simulationFinished);
    QTest::mouseClick(child<QPushButton>(simulate, "simulateCreate"), Qt::LeftButton);
    QVERIFY(simulated.wait(kJobTimeout) || !simulated.isEmpty());
    QVERIFY2(simulated.at(0).at(0).toBool(), qPrintable(simulate->errorText()));
    const int testImages = simulate->result().heldOutSlices;
    const qint64 testSet = simulate->result().datasetId;
    QVERIFY(testImages > 10 && simulate->result().withLesions > 0);
    QTest::mouseClick(child<QPushButton>(simulate, "simulateClose"), Qt::LeftButton);
    QCOMPARE(w.area(), MainWindow::DataArea);
    QTRY_COMPARE(w.browser()->proxy()->rowCount(), testImages);  // the Data area shows the new set
    if (const QByteArray shots = qgetenv("LIGHTBOX_SCREENSHOT_DIR"); !shots.isEmpty()) {
      QTest::qWait(300);  // the thumbnails are read in the background
      QVERIFY(w.grab().save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("desktop-data-simulated.png"))));
    }

    stage("simulated lesions");
    // 3. Train a tiny run from the Training page: tasks 0, 2, 3 train, 1 and 4 are held out (as the demo).
    w.activateWindow();  // the dialogs had the focus; the area shortcuts belong to the main window
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(w.area(), MainWindow::TrainingArea);
    TrainingPage* training = w.training();
    auto* dataset = child<QComboBox>(training, "trainingDataset");
    QTRY_VERIFY(dataset->findData(QStringLiteral("colin27-slices")) >= 0);
    chooseData(dataset, QStringLiteral("colin27-slices"));
    QCOMPARE(dataset->findData(QStringLiteral("simulated-lesions")), -1);  // a test set never trains
    chooseData(child<QComboBox>(training, "trainingBlend"), QStringLiteral("natural-images"));
    child<QComboBox>(training, "trainingPreset")->setCurrentText(QStringLiteral("cpu-quick-2d"));
    child<QRadioButton>(training, "trainingExplicitTasks")->setChecked(true);
    for (int t = 0; t < 5; ++t)
      child<QCheckBox>(training, qPrintable(QStringLiteral("trainingTask%1").arg(t)))->setChecked(t == 0 || t == 2 || t == 3);
    // Enough steps for the healthy false-positive rule to leave room below 1 (after 6 steps every healthy pixel
    // scores high, the proposal is 1.0 and nothing is found); measured: 0.30, 3 regions on the top image, 82 in all.
    child<QSpinBox>(training, "trainingMaxSteps")->setValue(150);
    child<QSpinBox>(training, "trainingValidateEvery")->setValue(50);
    child<QSpinBox>(training, "trainingThreads")->setValue(2);
    child<QSpinBox>(training, "trainingSeed")->setValue(3);
    chooseData(child<QComboBox>(training, "trainingDevice"), QStringLiteral("cpu"));
    ThresholdPanel* thresholds = training->thresholdPanel();
    child<QCheckBox>(training, "trainingProposeOnFinish")->setChecked(true);  // the default; a setting may differ
    QSignalSpy trained(training, &TrainingPage::trainingFinished);
    QSignalSpy proposed(thresholds, &ThresholdPanel::proposalFinished);
    QTest::mouseClick(child<QPushButton>(training, "trainingStart"), Qt::LeftButton);
    QVERIFY(w.jobs()->busy());
    QVERIFY(trained.wait(kJobTimeout) || !trained.isEmpty());
    QCOMPARE(trained.at(0).at(2).toString(), QString());
    QVERIFY(!trained.at(0).at(1).toBool());
    const qint64 runId = trained.at(0).at(0).toLongLong();
    QVERIFY(runId > 0);
    stage("trained");
    // The Training page proposes the run's threshold on its own, in the background, and stores it.
    QVERIFY(proposed.wait(kJobTimeout) || !proposed.isEmpty());
    QCOMPARE(proposed.at(0).at(0).toLongLong(), runId);
    QVERIFY2(proposed.at(0).at(1).toBool(), qPrintable(proposed.at(0).at(2).toString()));
    const std::string path = project.toStdString();
    const auto catalogue = workflows::loadReviewCatalogue(path);
    const std::vector<int> folds = catalogue.runs.front().models.front().folds;
    const workflows::ReviewThreshold inForce = workflows::loadThreshold(path, runId, folds);
    QCOMPARE(inForce.source, std::string("proposed"));
    QVERIFY(inForce.value.has_value());
    const double threshold = *inForce.value;
    const auto stored = workflows::loadThresholdStatus(path, runId, folds);
    QVERIFY(stored.proposal && !stored.user);
    qInfo("proposed threshold %.3f, decided by %s (best synthetic F1 %.3f at %.3f; healthy FPR rule at %.3f)", threshold,
          stored.proposal->decidedBy.c_str(), stored.proposal->bestF1, stored.proposal->f1Threshold,
          stored.proposal->fprThreshold);

    stage("threshold proposed");
    // 4. Predict the simulated set on the Review page.
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(w.area(), MainWindow::ReviewArea);
    auto* review = qobject_cast<ReviewPage*>(w.areaWidget(MainWindow::ReviewArea));
    QVERIFY(review);
    auto* models = child<QComboBox>(review, "reviewModelCombo");
    QTRY_VERIFY(models->count() == 1);
    QVERIFY(models->currentText().contains(QStringLiteral("Run %1").arg(runId)));
    chooseData(child<QComboBox>(review, "reviewDatasetCombo"), QVariant::fromValue<qlonglong>(testSet));
    auto* predict = child<QPushButton>(review, "predictButton");
    QTRY_VERIFY(predict->isVisible() && predict->isEnabled());
    QSignalSpy predicted(review, &ReviewPage::predictionFinished);
    QTest::mouseClick(predict, Qt::LeftButton);
    QVERIFY(predicted.wait(kJobTimeout) || !predicted.isEmpty());
    QVERIFY2(predicted.at(0).at(0).toBool(), qPrintable(predicted.at(0).at(1).toString()));
    QCOMPARE(review->imageModel()->rowCount(), testImages);
    // Predicting found the regions at the proposed threshold: no slider to drag.
    QVERIFY(std::abs(review->thresholdValue() - threshold) < 1e-6);
    QTRY_VERIFY(review->imageModel()->totalFindings() > 0);

    stage("predicted");
    // 5. The top image's regions at that threshold are the findings listed.
    const auto ranking = workflows::listReviewImages(path, runId, folds, testSet);
    QCOMPARE(review->currentImageId(), qint64(ranking.front().imageId));
    const workflows::ReviewImageData top = workflows::loadReviewImage(path, ranking.front().predictionId);
    eval::FindingOptions fo;
    fo.threshold = threshold;
    fo.minVoxels = 4;
    const size_t regions = eval::findFindings(top.map, fo).size();
    QVERIFY2(regions >= 2, qPrintable(QStringLiteral("the top image has %1 region(s) at the proposed threshold %2")
                                          .arg(regions).arg(threshold)));
    FindingTableModel* findings = review->findingModel();
    QCOMPARE(size_t(findings->rowCount()), regions);

    qInfo("threshold %.3f: %d finding(s) on the top image, %lld in all", threshold, findings->rowCount(),
          (long long)review->imageModel()->totalFindings());
    stage("found regions at the threshold");
    // 6. Triage from the keyboard, all on the top image (it has two regions or more): J to the second finding, A
    // accepts it and moves on to the next unreviewed one (the third, or round to the first), R rejects that; then A
    // on wherever that left the selection, and Ctrl+Z takes that last decision back.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto* table = child<QTableView>(review, "findingTable");
    table->setFocus();
    QCOMPARE(review->currentFindingRow(), 0);
    const qint64 accepted = findings->finding(1)->id;
    QTest::keyClick(table, Qt::Key_J);
    QCOMPARE(review->currentFindingRow(), 1);
    QTest::keyClick(table, Qt::Key_A);
    QCOMPARE(workflows::currentReview(path, accepted).decision, D::Accepted);  // stored at once
    const int nextRow = review->currentFindingRow();
    QCOMPARE(nextRow, findings->rowCount() > 2 ? 2 : 0);  // on to the next unreviewed one
    QCOMPARE(findings->finding(nextRow)->decision, D::Unreviewed);
    const qint64 rejected = findings->finding(nextRow)->id;
    QTest::keyClick(table, Qt::Key_R);
    QCOMPARE(workflows::currentReview(path, rejected).decision, D::Rejected);
    QCOMPARE(review->imageModel()->totalReviewed(), int64_t(2));
    const auto* last = findings->finding(review->currentFindingRow());  // the third, or the first again
    QVERIFY(last && last->id != accepted);
    const qint64 undone = last->id;
    const D before = last->decision;
    QTest::keyClick(table, Qt::Key_A);
    QCOMPARE(workflows::currentReview(path, undone).decision, D::Accepted);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(workflows::currentReview(path, undone).decision, before);
    QCOMPARE(workflows::currentReview(path, accepted).decision, D::Accepted);
    QCOMPARE(workflows::currentReview(path, rejected).decision, D::Rejected);
    QCOMPARE(review->imageModel()->totalReviewed(), int64_t(2));

    stage("triaged");
    // 7. Export the reviewed findings through the export dialog and read the CSV back.
    QTest::mouseClick(child<QPushButton>(review, "exportFindingsButton"), Qt::LeftButton);
    auto* exporter = review->findChild<ExportDialog*>();
    QVERIFY(exporter && exporter->isVisible());
    const QString csv = dir_.filePath(QStringLiteral("reviewed.csv"));
    child<QLineEdit>(exporter, "exportOutput")->setText(csv);
    child<QRadioButton>(exporter, "exportReviewed")->setChecked(true);
    QVERIFY(child<QCheckBox>(exporter, "exportThisDataset")->isChecked());
    child<QCheckBox>(exporter, "exportOpenFolder")->setChecked(false);
    QTest::mouseClick(child<QPushButton>(exporter, "exportButton"), Qt::LeftButton);
    QCOMPARE(exporter->rowsWritten(), qint64(2));
    const auto rows = readCsvRows(csv);
    QCOMPARE(rows.size(), size_t(3));
    const int id = int(rows[0].indexOf(QStringLiteral("finding_id")));
    const int state = int(rows[0].indexOf(QStringLiteral("review_state")));
    const int datasetColumn = int(rows[0].indexOf(QStringLiteral("dataset")));
    const int thresholdColumn = int(rows[0].indexOf(QStringLiteral("threshold")));
    QVERIFY(id >= 0 && state >= 0 && datasetColumn >= 0 && thresholdColumn >= 0);
    std::map<qint64, QString> states;
    for (size_t r = 1; r < rows.size(); ++r) {
      QCOMPARE(rows[r][datasetColumn], QStringLiteral("simulated-lesions"));
      QVERIFY(std::abs(rows[r][thresholdColumn].toDouble() - threshold) < 1e-9);
      states[rows[r][id].toLongLong()] = rows[r][state];
    }
    QCOMPARE(states[accepted], QStringLiteral("accepted"));
    QCOMPARE(states[rejected], QStringLiteral("rejected"));
    QCOMPARE(states.size(), size_t(2));  // the undone accept is not among them (unless it was the rejected one)
    stage("exported");
    w.close();
  }
};

QTEST_MAIN(TestGuiEndToEnd)
#include "test_gui_end_to_end.moc"
