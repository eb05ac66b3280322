// Presentation logic of the Training page without widgets: chart series from metric points, the coverage figures,
// the trainer's progress line and the ETA wording, CPU estimates of the paper presets, and the queue model.
#include <QSignalSpy>
#include <QTranslator>
#include <QtTest>

#include "shell/eta.h"
#include "training/training_logic.h"
#include "training/training_queue_model.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

workflows::FoldMetrics sampleFold() {
  workflows::FoldMetrics f;
  f.fold = 3;
  f.trainTasks = {0, 1, 2};
  f.heldoutTasks = {3, 4};
  f.status = "running";
  f.steps = 6;
  f.bestStep = 4;
  f.series = {
      {"lr", {{1, 3e-5}, {2, 2e-4}, {3, 3.8e-4}}},
      {"train_loss", {{1, 0.5}, {2, 0.4}, {3, 0.3}}},
      {"train_loss_avg", {{1, 0.5}, {2, 0.49}, {3, std::numeric_limits<double>::quiet_NaN()}}},
      {"val_loss", {{2, 0.6}, {4, 0.45}, {6, 0.5}}},
      {"val_pixel_ap/intensity", {{2, 0.1}, {4, 0.3}, {6, 0.35}}},
      {"val_pixel_ap/source", {{2, 0.2}, {4, 0.25}, {6, 0.22}}},
  };
  return f;
}

/// A stand-in translation: every source text in brackets, "(s)" of a %n text resolved as English does; so a test can
/// tell translated text from text that bypassed tr().
class Bracketing : public QTranslator {
 public:
  bool isEmpty() const override { return false; }
  QString translate(const char*, const char* source, const char*, int n) const override {
    QString s = QString::fromUtf8(source);
    if (n >= 0) s.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return QLatin1Char('[') + s + QLatin1Char(']');
  }
};

}  // namespace

class TestTrainingLogic : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void seriesFromMetricPoints() {
    const MonitorSeries s = buildMonitorSeries(sampleFold());
    QCOMPARE(s.trainLossAverage.size(), 2);  // the NaN point is dropped, not drawn as a spike
    QCOMPARE(s.trainLossAverage[1], QPointF(2, 0.49));
    QCOMPARE(s.learningRate.size(), 3);
    QCOMPARE(s.validationLoss.size(), 3);
    QCOMPARE(s.validationLoss[1], QPointF(4, 0.45));
    QCOMPARE(s.lastStep, qint64(6));
    // One series per held-out task, in task order (source = 3 before intensity = 4), named for people.
    QCOMPARE(s.heldoutAp.size(), 2);
    QCOMPARE(s.heldoutAp[0].task, 3);
    QCOMPARE(s.heldoutAp[0].key, QStringLiteral("source"));
    QCOMPARE(s.heldoutAp[1].task, 4);
    QVERIFY(!s.heldoutAp[1].label.isEmpty());
    QCOMPARE(s.heldoutAp[1].points.back(), QPointF(6, 0.35));
    QCOMPARE(s.pointCount(), 2 + 3 + 3 + 3 + 3);
    QCOMPARE(buildMonitorSeries(workflows::FoldMetrics{}).pointCount(), 0);
  }

  void heldOutApLegendUsesTranslatedTaskNames() {
    Bracketing translation;
    QCoreApplication::installTranslator(&translation);
    const MonitorSeries s = buildMonitorSeries(sampleFold());
    QCoreApplication::removeTranslator(&translation);
    QCOMPARE(s.heldoutAp[1].label, QStringLiteral("[Smooth intensity change]"));
  }

  void statusAndDeviceInWords() {
    Bracketing translation;
    QCoreApplication::installTranslator(&translation);
    const QString finished = runStatusText("finished", false), paused = runStatusText("paused", false);
    const QString here = runStatusText("running", true), elsewhere = runStatusText("running", false);
    const QString unknown = runStatusText("exotic", false);
    const QString cpu2 = deviceText("cpu (2 threads)"), cpu1 = deviceText("cpu (1 threads)");
    const QString cpu = deviceText("cpu"), cuda = deviceText("cuda:0"), other = deviceText("mps");
    QCoreApplication::removeTranslator(&translation);
    QCOMPARE(finished, QStringLiteral("[finished]"));
    QCOMPARE(paused, QStringLiteral("[paused — resumable]"));
    QCOMPARE(here, QStringLiteral("[training]"));
    QCOMPARE(elsewhere, QStringLiteral("[interrupted — resumable]"));
    QCOMPARE(unknown, QStringLiteral("exotic"));  // a status this build does not know: as stored
    QCOMPARE(cpu2, QStringLiteral("[CPU, 2 threads]"));
    QCOMPARE(cpu1, QStringLiteral("[CPU, 1 thread]"));
    QCOMPARE(cpu, QStringLiteral("[CPU]"));
    QCOMPARE(cuda, QStringLiteral("[CUDA GPU 0]"));
    QCOMPARE(other, QStringLiteral("mps"));
  }

  void coverageUsesTheBestStepAndAveragesFolds() {
    workflows::RunMetrics run;
    run.folds.push_back(sampleFold());
    workflows::FoldMetrics other;
    other.fold = 0;
    other.trainTasks = {0, 1, 3};
    other.heldoutTasks = {2, 4};
    other.bestStep = -1;  // not validated at a best step yet: its last validation counts
    other.series = {{"val_pixel_ap/intensity", {{2, 0.5}, {4, 0.7}}}};
    run.folds.push_back(other);
    const QList<TaskCoverage> c = buildCoverage(run);
    QCOMPARE(c.size(), 5);
    QVERIFY(!c[0].heldOutAp);  // trained in both folds
    QCOMPARE(c[0].trainingFolds, 2);
    QCOMPARE(c[0].heldOutFolds, 0);
    QVERIFY(!c[2].heldOutAp);  // held out in fold 0, but nothing logged for it
    QCOMPARE(c[2].heldOutFolds, 1);
    QVERIFY(c[3].heldOutAp);
    QCOMPARE(*c[3].heldOutAp, 0.25);  // fold 3's best step is 4
    QCOMPARE(*c[4].heldOutAp, (0.3 + 0.7) / 2);
    QVERIFY(!hasTrainingAp(c));  // the trainer logs held-out AP only
  }

  void progressLineAndEta() {
    const auto s = parseStepProgress(QStringLiteral("step 12/600 epoch 1 loss 0.1234 (avg 0.2000) lr 3.00e-03"));
    QVERIFY(s);
    QCOMPARE(s->step, qint64(12));
    QCOMPARE(s->maxSteps, qint64(600));
    QVERIFY(!parseStepProgress(QStringLiteral("loading images")));
    // The runner's estimator on the trainer's per-mille progress: 10 % in 30 s → 270 s left.
    EtaEstimator eta;
    QVERIFY(eta.update(0, 0, 0.0) < 0);  // loading: unknown
    eta.update(0, 1000, 5.0);
    QCOMPARE(eta.update(100, 1000, 35.0), 270.0);
    QCOMPARE(formatEta(270.0), QStringLiteral("about 5 min left"));
    QCOMPARE(formatDuration(35), QStringLiteral("35 s"));
    QCOMPARE(formatDuration(3600 * 3 + 20 * 60), QStringLiteral("3 h 20 min"));
  }

  void paperPresetsOnACpu() {
    workflows::TrainingPresetInfo cxr;
    cxr.name = "paper-cxr-2d";
    cxr.dims = 2;
    cxr.batchSize = 50;
    cxr.maxEpochs = 2000;
    cxr.meantForGpu = true;
    QCOMPARE(paperCpuSecondsPerStep(cxr, 2, 16), 35.0);
    QCOMPARE(paperCpuSecondsPerStep(cxr, 0, 4), 17.5);  // default threads: the machine's cores
    workflows::TrainingPresetInfo brain = cxr;
    brain.dims = 3;
    brain.batchSize = 8;
    QCOMPARE(paperCpuSecondsPerStep(brain, 2, 2), 50.0);
    workflows::TrainingPresetInfo quick = cxr;
    quick.meantForGpu = false;
    QCOMPARE(paperCpuSecondsPerStep(quick, 2, 2), 0.0);
    QCOMPARE(expectedSteps(cxr, 600, 1000, 4), qint64(600));
    // 100 images, T = 4: training gets 4 chunks of 5 = 80 images = 2 batches of 50 per epoch.
    QCOMPARE(expectedSteps(cxr, 0, 100, 4), qint64(2 * 2000));
    QCOMPARE(expectedSteps(cxr, 0, 100, 1), qint64(2 * 2000));  // the partition swaps: training is the larger part
    QVERIFY(isResumable(QStringLiteral("paused"), false));
    QVERIFY(isResumable(QStringLiteral("cancelled"), false));
    QVERIFY(isResumable(QStringLiteral("running"), false));  // not ours: it crashed
    QVERIFY(!isResumable(QStringLiteral("running"), true));
    QVERIFY(!isResumable(QStringLiteral("finished"), false));
  }

  void queueModel() {
    TrainingQueueModel q;
    QSignalSpy changed(&q, &QAbstractItemModel::dataChanged);
    workflows::TrainParams a;
    a.preset = "cpu-quick-2d";
    a.tasks = {0, 1, 2, 3};
    a.maxSteps = 600;
    workflows::TrainParams b;
    b.preset = "paper-cxr-2d";
    b.trainingTaskCount = 2;
    workflows::TrainParams c;
    c.resumeRun = 4;
    QCOMPARE(TrainingQueueModel::describe(a), QStringLiteral("cpu-quick-2d · tasks 0, 1, 2, 3 · 600 steps"));
    QCOMPARE(TrainingQueueModel::describe(b), QStringLiteral("paper-cxr-2d · T = 2, all folds"));
    QCOMPARE(TrainingQueueModel::describe(c), QStringLiteral("Resume run 4"));
    QCOMPARE(q.nextWaiting(), -1);
    QCOMPARE(q.enqueue(a, TrainingQueueModel::describe(a)), 0);
    QCOMPARE(q.enqueue(b, TrainingQueueModel::describe(b)), 1);
    QCOMPARE(q.enqueue(c, TrainingQueueModel::describe(c)), 2);
    QCOMPARE(q.rowCount(), 3);
    QCOMPARE(q.waitingCount(), 3);
    QCOMPARE(q.nextWaiting(), 0);
    q.setState(0, QueuedTraining::State::Running);
    QCOMPARE(q.runningRow(), 0);
    QCOMPARE(q.nextWaiting(), 1);
    QVERIFY(!q.removeWaiting(0));  // the running one stays
    QVERIFY(q.removeWaiting(1));
    QCOMPARE(q.rowCount(), 2);
    QCOMPARE(q.at(1).params.resumeRun, int64_t(4));
    q.setRunId(0, 7);
    q.setState(0, QueuedTraining::State::Finished);
    QVERIFY(changed.count() >= 2);
    QVERIFY(q.index(0).data().toString().contains(QStringLiteral("run 7")));
    QCOMPARE(q.index(0).data(TrainingQueueModel::StateRole).toInt(), int(QueuedTraining::State::Finished));
    QCOMPARE(q.nextWaiting(), 1);
    QCOMPARE(q.clearWaiting(), 1);
    QCOMPARE(q.rowCount(), 1);
    QCOMPARE(q.nextWaiting(), -1);
  }
};

QTEST_GUILESS_MAIN(TestTrainingLogic)
#include "test_training_logic.moc"
