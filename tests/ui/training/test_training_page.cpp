// The Training page for real (offscreen): a tiny cpu-quick-2d model trains for a few steps on phantoms from the
// page, the charts fill from the project while it runs, the runs list shows it; a second run waits in the queue;
// a cancelled run resumes to its end; a run left "running" by a crash shows as resumable and resumes.
// A run that finishes here gets its threshold proposed in the background (stored, shown with the run), and the runs
// list's action proposes it again, beside a user override that stays in force; cancelling it records nothing.
// With LIGHTBOX_SCREENSHOT_DIR set, a longer run is grabbed mid-way as desktop-training-monitor.png.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtCharts/QChartView>
#include <QtTest>

#include <filesystem>

#include "lightbox/core/phantoms.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/review.h"
#include "lightbox/workflows/train.h"
#include "shell/job_runner.h"
#include "training/training_charts.h"
#include "training/training_page.h"
#include "training/threshold_logic.h"
#include "training/training_queue_model.h"
#include "training/training_threshold.h"

using namespace lightbox;
using namespace lightbox::ui;
namespace fs = std::filesystem;

namespace {

void addImages(project::Project& p, const char* dataset, project::DatasetRole role, int count, uint64_t seed) {
  const auto d = p.datasets().create(dataset, role);
  for (int i = 0; i < count; ++i) {
    project::NewImage n;
    n.meta.sourcePath = std::string("/data/") + dataset + std::to_string(i) + ".png";
    n.meta.contentHash = std::string(64 - std::to_string(seed + i).size(), 'a') + std::to_string(seed + i);
    n.meta.format = "png";
    project::ArrayData a;
    a.image = phantom::objectImage(Shape(128, 128), seed + uint64_t(i));  // averaged 2x2 to the preset's 64x64
    a.mask = phantom::ellipsoidMask(Shape(128, 128));
    n.arrays.push_back(project::EncodedArray::encode(a));
    p.images().insert(d.id, n);
  }
}

struct CancelAfterSteps : ProgressSink {
  int after, seen = 0;
  explicit CancelAfterSteps(int n) : after(n) {}
  void progress(long long, long long, const std::string& what) override {
    if (what.rfind("step", 0) == 0) ++seen;
  }
  void warning(const std::string&) override {}
  bool cancelled() const override { return seen >= after; }
};

template <typename T>
T* child(QWidget* w, const char* name) {
  T* c = w->findChild<T*>(QString::fromLatin1(name));
  if (!c) qFatal("no child %s", name);
  return c;
}

QTreeWidgetItem* runItem(QTreeWidget* tree, qint64 runId) {
  for (int i = 0; i < tree->topLevelItemCount(); ++i)
    if (tree->topLevelItem(i)->data(0, Qt::UserRole + 1).toLongLong() == runId) return tree->topLevelItem(i);
  return nullptr;
}

constexpr int kTrainTimeout = 300000;

}  // namespace

class TestTrainingPage : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;

  void setUpForm(TrainingPage& page, int steps, int validateEvery) {
    child<QComboBox>(&page, "trainingPreset")->setCurrentText(QStringLiteral("cpu-quick-2d"));
    child<QSpinBox>(&page, "trainingMaxSteps")->setValue(steps);
    child<QSpinBox>(&page, "trainingValidateEvery")->setValue(validateEvery);
    child<QSpinBox>(&page, "trainingThreads")->setValue(2);
    child<QSpinBox>(&page, "trainingSeed")->setValue(9);
    auto* device = child<QComboBox>(&page, "trainingDevice");
    device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
  }

  void openPage(TrainingPage& page, bool proposeOnFinish = false) {
    page.setInteractive(false);
    page.thresholdPanel()->setProposeOnFinish(proposeOnFinish);  // the other tests are about training alone
    page.resize(1500, 950);
    page.show();
    page.setProject(path_);
    QTRY_VERIFY(child<QComboBox>(&page, "trainingDataset")->count() > 0);
    QTRY_VERIFY(!child<QLabel>(&page, "trainingStatus")->text().startsWith(QStringLiteral("Could not")));
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // the "propose on finish" setting stays out of the user's
    path_ = dir_.filePath(QStringLiteral("t.lightbox"));
    project::Project p = project::Project::create(path_.toStdString());
    addImages(p, "healthy", project::DatasetRole::Healthy, 5, 10);
    addImages(p, "blend", project::DatasetRole::Blend, 2, 50);
  }

  void trainsFromThePageWithLiveCharts() {
    JobRunner jobs;
    TrainingPage page(&jobs);
    openPage(page);
    QTRY_VERIFY(child<QLabel>(&page, "trainingStatus")->text().contains(QStringLiteral("No training runs")));
    QCOMPARE(child<QComboBox>(&page, "trainingDataset")->currentData().toString(), QStringLiteral("healthy"));
    QCOMPARE(child<QComboBox>(&page, "trainingBlend")->currentData().toString(), QStringLiteral("blend"));
    QVERIFY(child<QLabel>(&page, "trainingPresetValues")->text().contains(QStringLiteral("U-Net")));
    QVERIFY(!child<QCheckBox>(&page, "trainingTask4")->isChecked());  // 0-3 train, intensity is held out
    const auto chartViews = page.findChildren<QChartView*>();
    QVERIFY(!chartViews.isEmpty());
    for (QChartView* v : chartViews)  // axis numbers in the UI's locale, not printf's
      QVERIFY2(v->chart()->localizeNumbers(), qPrintable(v->objectName()));
    setUpForm(page, 6, 2);
    QSignalSpy finished(&page, &TrainingPage::trainingFinished);
    QSignalSpy updated(&page, &TrainingPage::monitorUpdated);
    QTest::mouseClick(child<QPushButton>(&page, "trainingStart"), Qt::LeftButton);
    QVERIFY(page.isTraining());
    QVERIFY(child<QPushButton>(&page, "trainingCancel")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTrainTimeout);
    QVERIFY(updated.count() >= 1);
    const qint64 runId = finished.at(0).at(0).toLongLong();
    QVERIFY(runId > 0);
    QVERIFY(!finished.at(0).at(1).toBool());
    QCOMPARE(finished.at(0).at(2).toString(), QString());
    // The last poll after the end has every point: 6 steps, validations at 2, 4, 6, one held-out task.
    TrainingCharts* charts = page.charts();
    QTRY_COMPARE(charts->trainLossPoints(), 6);
    QCOMPARE(charts->learningRatePoints(), 6);
    QCOMPARE(charts->validationLossPoints(), 3);
    QCOMPARE(charts->heldoutApSeries(), 1);
    QCOMPARE(charts->heldoutApPoints(), 3);
    QCOMPARE(charts->coverageBars(), 1);
    QVERIFY(child<QLabel>(&page, "trainingCoverageNote")->text().contains(QStringLiteral("held-out tasks only")));
    QCOMPARE(child<QProgressBar>(&page, "trainingProgress")->value(), 1000);
    auto* tree = child<QTreeWidget>(&page, "trainingRuns");
    QTRY_VERIFY(runItem(tree, runId) != nullptr);
    QCOMPARE(page.runCount(), 1);
    QTreeWidgetItem* item = runItem(tree, runId);
    QCOMPARE(item->text(2), QStringLiteral("finished"));
    QCOMPARE(item->text(5), QStringLiteral("6"));
    QVERIFY(item->text(7).contains(QStringLiteral("intensity")));
    QCOMPARE(page.queue()->rowCount(), 1);
    QCOMPARE(page.queue()->at(0).state, QueuedTraining::State::Finished);
    QCOMPARE(page.queue()->at(0).runId, runId);
  }

  void queuesRunsOneAtATime() {
    JobRunner jobs;
    TrainingPage page(&jobs);
    openPage(page);
    setUpForm(page, 3, 3);
    QSignalSpy finished(&page, &TrainingPage::trainingFinished);
    QVERIFY(page.queueFromForm());
    child<QCheckBox>(&page, "trainingTask3")->setChecked(false);  // second run: 0, 1, 2 train; 3 and 4 held out
    QCOMPARE(child<QPushButton>(&page, "trainingStart")->text(), QStringLiteral("Add to Queue"));
    QVERIFY(page.queueFromForm());
    QCOMPARE(page.queue()->rowCount(), 2);
    QCOMPARE(page.queue()->runningRow(), 0);
    QCOMPARE(page.queue()->nextWaiting(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 2 * kTrainTimeout);
    QCOMPARE(page.queue()->at(1).state, QueuedTraining::State::Finished);
    QVERIFY(page.queue()->at(1).runId > page.queue()->at(0).runId);
    // The second run is on the monitor: two held-out tasks, one AP series each.
    QTRY_COMPARE(page.charts()->heldoutApSeries(), 2);
    QTRY_COMPARE(page.runCount(), 3);
  }

  void cancelKeepsItResumableAndResumeFinishesIt() {
    JobRunner jobs;
    TrainingPage page(&jobs);
    openPage(page);
    const QByteArray shots = qgetenv("LIGHTBOX_SCREENSHOT_DIR");
    const int steps = shots.isEmpty() ? 12 : 3000;  // long enough to be mid-run when grabbed on a fast machine
    setUpForm(page, steps, shots.isEmpty() ? 2 : 8);
    QSignalSpy finished(&page, &TrainingPage::trainingFinished);
    QVERIFY(page.queueFromForm());
    TrainingCharts* charts = page.charts();
    QTRY_VERIFY_WITH_TIMEOUT(charts->trainLossPoints() >= 2, kTrainTimeout);  // live, while it trains
    QVERIFY(page.isTraining());
    if (!shots.isEmpty()) {
      QTRY_VERIFY_WITH_TIMEOUT(charts->validationLossPoints() >= 6, kTrainTimeout);
      QTest::qWait(1500);  // the next poll has drawn
      const QString file = QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("desktop-training-monitor.png"));
      QVERIFY(page.grab().save(file));
      qInfo("wrote %s", qPrintable(file));
      page.cancelTraining();  // the picture is what this run was for
      QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTrainTimeout);
      return;
    }
    QTest::mouseClick(child<QPushButton>(&page, "trainingCancel"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTrainTimeout);
    QVERIFY(finished.at(0).at(1).toBool());
    const qint64 runId = finished.at(0).at(0).toLongLong();
    QCOMPARE(page.queue()->at(0).state, QueuedTraining::State::Cancelled);
    auto* tree = child<QTreeWidget>(&page, "trainingRuns");
    QTRY_VERIFY(runItem(tree, runId) && runItem(tree, runId)->text(2).contains(QStringLiteral("resumable")));
    tree->setCurrentItem(runItem(tree, runId));
    auto* resume = child<QPushButton>(&page, "trainingResume");
    QTRY_VERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(page.isTraining());
    QCOMPARE(page.monitoredRun(), runId);
    QVERIFY(!resume->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, kTrainTimeout);
    QCOMPARE(finished.at(1).at(0).toLongLong(), runId);
    QVERIFY(!finished.at(1).at(1).toBool());
    QTRY_COMPARE(charts->trainLossPoints(), steps);
    QTRY_VERIFY(runItem(tree, runId) && runItem(tree, runId)->text(2) == QStringLiteral("finished"));
    QCOMPARE(runItem(tree, runId)->text(5), QString::number(steps));
  }

  void crashedRunShowsAsResumable() {
    // A process that dies mid-run leaves the run marked "running", with the checkpoint it wrote last.
    workflows::TrainParams t;
    t.projectPath = path_.toStdString();
    t.dataset = "healthy";
    t.blendDataset = "blend";
    t.tasks = {0, 1, 2, 3};
    t.seed = 3;
    t.maxSteps = 4;
    t.validateEvery = 2;
    t.threads = 2;
    t.workers = 1;
    t.device = "cpu";
    CancelAfterSteps cancel(2);
    const workflows::TrainResult part = workflows::runTraining(t, cancel);
    QVERIFY(part.cancelled);
    {
      project::Project p = project::Project::open(path_.toStdString());
      p.runs().setStatus(part.runId, project::RunStatus::Running);
    }
    JobRunner jobs;
    TrainingPage page(&jobs);
    openPage(page);
    auto* tree = child<QTreeWidget>(&page, "trainingRuns");
    QTRY_VERIFY(runItem(tree, part.runId) != nullptr);
    QVERIFY(runItem(tree, part.runId)->text(2).contains(QStringLiteral("interrupted")));
    tree->setCurrentItem(runItem(tree, part.runId));
    QTRY_COMPARE(page.monitoredRun(), qint64(part.runId));
    QTRY_VERIFY(child<QLabel>(&page, "trainingMonitorTitle")->text().contains(QStringLiteral("resumable")));
    auto* resume = child<QPushButton>(&page, "trainingResume");
    QVERIFY(resume->isEnabled());
    QSignalSpy finished(&page, &TrainingPage::trainingFinished);
    QTest::mouseClick(resume, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTrainTimeout);
    QTRY_VERIFY(runItem(tree, part.runId) && runItem(tree, part.runId)->text(2) == QStringLiteral("finished"));
    QCOMPARE(runItem(tree, part.runId)->text(5), QStringLiteral("4"));
  }

  void proposesTheThresholdWhenARunFinishesAndAgainOnRequest() {
    JobRunner jobs;
    TrainingPage page(&jobs);
    openPage(page, true);
    ThresholdPanel* panel = page.thresholdPanel();
    QVERIFY(child<QCheckBox>(&page, "trainingProposeOnFinish")->isChecked());
    setUpForm(page, 4, 2);
    QSignalSpy finished(&page, &TrainingPage::trainingFinished);
    QSignalSpy proposed(panel, &ThresholdPanel::proposalFinished);
    QVERIFY(page.queueFromForm());
    QVERIFY(!panel->proposeAction()->isEnabled());  // nothing to propose for while the runner trains
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTrainTimeout);
    const qint64 runId = finished.at(0).at(0).toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(proposed.count() == 1, kTrainTimeout);
    QCOMPARE(proposed.at(0).at(0).toLongLong(), runId);
    QVERIFY2(proposed.at(0).at(1).toBool(), qPrintable(proposed.at(0).at(2).toString()));

    // Stored as the model's threshold in force: the ensemble of the run's folds with a best checkpoint.
    const std::string path = path_.toStdString();
    std::vector<int> folds;
    for (const auto& r : workflows::listRuns(path))
      if (r.id == runId) folds = ensembleFolds(r);
    QVERIFY(!folds.empty());
    const workflows::ReviewThreshold inForce = workflows::loadThreshold(path, runId, folds);
    QVERIFY(inForce.value.has_value());
    QCOMPARE(inForce.source, std::string("proposed"));
    const workflows::ThresholdStatus stored = workflows::loadThresholdStatus(path, runId, folds);
    QVERIFY(stored.proposal && !stored.user);
    QCOMPARE(stored.proposal->threshold, *inForce.value);
    QVERIFY(stored.proposal->decidedBy == "best-synthetic-f1" ||
            stored.proposal->decidedBy == "healthy-false-positive-rate");
    QVERIFY(stored.proposal->syntheticPixels > 0 && stored.proposal->healthyPixels > 0);

    // Shown with the run once it is selected.
    auto* tree = child<QTreeWidget>(&page, "trainingRuns");
    QTRY_VERIFY(runItem(tree, runId) && runItem(tree, runId)->text(2) == QStringLiteral("finished"));
    QSignalSpy shown(panel, &ThresholdPanel::statusShown);
    tree->setCurrentItem(runItem(tree, runId));
    QTRY_VERIFY(shown.count() >= 1);
    QTRY_VERIFY2(panel->statusText().contains(QStringLiteral("proposed")), qPrintable(panel->statusText()));
    QVERIFY2(panel->statusText().contains(QStringLiteral("decided by")), qPrintable(panel->statusText()));
    QTRY_VERIFY(panel->proposeAction()->isEnabled());
    QVERIFY(tree->actions().contains(panel->proposeAction()));  // the runs list's context menu

    // A user threshold (set on the Review page) stays in force: proposing again stores a proposal beside it.
    workflows::storeUserThreshold(path, runId, folds, 0.25);
    panel->proposeAction()->trigger();
    QVERIFY(panel->isProposing());
    QTRY_VERIFY_WITH_TIMEOUT(proposed.count() == 2, kTrainTimeout);
    QVERIFY(proposed.at(1).at(1).toBool());
    const workflows::ReviewThreshold after = workflows::loadThreshold(path, runId, folds);
    QCOMPARE(after.source, std::string("user"));
    QCOMPARE(after.value.value_or(-1), 0.25);
    QVERIFY(after.proposed.has_value());
    const auto proposalCount = [&] {
      project::Project p = project::Project::open(path, project::OpenMode::ReadOnly);
      int n = 0;
      for (const auto& t : p.thresholds().history(runId, folds)) n += t.source == project::ThresholdSource::Proposed;
      return n;
    };
    QCOMPARE(proposalCount(), 2);
    QTRY_VERIFY2(panel->statusText().contains(QStringLiteral("stays in force")) &&
                     panel->statusText().contains(QStringLiteral("Proposed beside it")),
                 qPrintable(panel->statusText()));

    // Cancelled: nothing recorded. The fold's own item proposes for that fold.
    QTreeWidgetItem* foldItem = runItem(tree, runId)->child(0);
    QVERIFY(foldItem);
    tree->setCurrentItem(foldItem);
    QVERIFY(child<QLabel>(&page, "trainingThresholdTitle")->text().contains(QStringLiteral("fold")));
    QVERIFY(panel->proposeAction()->isEnabled());
    QTest::mouseClick(child<QPushButton>(&page, "trainingProposeThreshold"), Qt::LeftButton);
    QVERIFY(panel->isProposing());
    QVERIFY(child<QPushButton>(&page, "trainingCancelThreshold")->isVisible());
    QTest::mouseClick(child<QPushButton>(&page, "trainingCancelThreshold"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(proposed.count() == 3, kTrainTimeout);
    QVERIFY(!proposed.at(2).at(1).toBool());
    QVERIFY(child<QLabel>(&page, "trainingThresholdProgressText")->text().contains(QStringLiteral("cancelled")));
    QCOMPARE(proposalCount(), 2);
  }

  void quittingCancelsAndDropsTheQueue() {
    JobRunner jobs;
    TrainingPage page(&jobs);
    openPage(page);
    setUpForm(page, 500, 50);
    QSignalSpy finished(&page, &TrainingPage::trainingFinished);
    QVERIFY(page.queueFromForm());
    QVERIFY(page.queueFromForm());
    QCOMPARE(page.queue()->waitingCount(), 1);
    QVERIFY(page.confirmQuit(false));  // what the main window asks when it closes; non-interactive = cancel and quit
    QCOMPARE(page.queue()->waitingCount(), 0);
    page.cancelTraining();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTrainTimeout);
    QTest::qWait(200);
    QVERIFY(!jobs.busy());  // nothing queued started afterwards
  }
};

QTEST_MAIN(TestTrainingPage)
#include "test_training_page.moc"
