// Presentation logic of the Training page's threshold part without widgets: the ensemble's folds, when a run can
// have a threshold proposed, the model's name, the wording of a proposal beside a user override, the progress line.
#include <QtTest>

#include "training/threshold_logic.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

workflows::RunOverview run(const std::string& status, std::vector<std::pair<int, int64_t>> foldsAndBest) {
  workflows::RunOverview r;
  r.id = 7;
  r.status = status;
  for (const auto& [fold, best] : foldsAndBest) {
    workflows::FoldOverview f;
    f.fold = fold;
    f.bestStep = best;
    r.folds.push_back(f);
  }
  return r;
}

workflows::ThresholdResult proposal() {
  workflows::ThresholdResult p;
  p.threshold = 0.42;
  p.decidedBy = "best-synthetic-f1";
  p.f1Threshold = 0.42;
  p.bestF1 = 0.61;
  p.f1AtThreshold = 0.61;
  p.fprThreshold = 0.35;
  p.targetFalsePositiveRate = 0.001;
  p.falsePositiveRateAtThreshold = 0.0004;
  return p;
}

}  // namespace

class TestThresholdLogic : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void ensembleIsTheFoldsWithABestCheckpoint() {
    QCOMPARE(ensembleFolds(run("finished", {{2, 5}, {0, -1}, {1, 3}})), (std::vector<int>{1, 2}));
    QVERIFY(ensembleFolds(run("finished", {{0, -1}})).empty());
  }

  void onlyAStoppedRunWithABestCheckpointGetsOne() {
    QCOMPARE(whyNoProposal(run("finished", {{0, 4}, {1, -1}}), -1), QString());
    QCOMPARE(whyNoProposal(run("finished", {{0, 4}, {1, -1}}), 0), QString());
    QVERIFY(whyNoProposal(run("finished", {{0, 4}, {1, -1}}), 1).contains(QStringLiteral("Fold 1")));
    QVERIFY(whyNoProposal(run("finished", {{0, 4}}), 3).contains(QStringLiteral("no fold 3")));
    QVERIFY(whyNoProposal(run("finished", {{0, -1}}), -1).contains(QStringLiteral("no best checkpoint")));
    for (const char* s : {"running", "queued"})
      QVERIFY2(whyNoProposal(run(s, {{0, 4}}), -1).contains(QStringLiteral("still training")), s);
    // Stopped by a time limit (the demo), a cancel or a crash: the best checkpoint is there to be calibrated.
    for (const char* s : {"paused", "cancelled", "failed"}) QVERIFY2(whyNoProposal(run(s, {{0, 4}}), -1).isEmpty(), s);
    QVERIFY(whyNoProposal(run("paused", {{0, -1}}), -1).contains(QStringLiteral("no best checkpoint")));
  }

  void namesTheModel() {
    QCOMPARE(modelName(run("finished", {{0, 4}}), -1), QStringLiteral("its only model"));
    QCOMPARE(modelName(run("finished", {{0, 4}, {1, -1}, {2, 9}}), -1), QStringLiteral("ensemble of folds 0, 2"));
    QCOMPARE(modelName(run("finished", {{0, 4}, {1, 2}}), 1), QStringLiteral("fold 1"));
  }

  void wordsTheProposal() {
    workflows::ThresholdStatus none;
    QVERIFY(thresholdStatusText(none).contains(QStringLiteral("No threshold proposed yet")));

    workflows::ThresholdStatus proposed;
    proposed.proposal = proposal();
    const QString p = thresholdStatusText(proposed);
    QVERIFY2(p.startsWith(QStringLiteral("<b>Threshold 0.420</b>, proposed.")), qPrintable(p));
    QVERIFY2(p.contains(QStringLiteral("best pixel F1 on the held-out synthetic tasks")), qPrintable(p));
    QVERIFY2(p.contains(QStringLiteral("F1 0.610")), qPrintable(p));
    QVERIFY2(p.contains(QStringLiteral("rate 0.0004 (target 0.001, reached at 0.350)")), qPrintable(p));
    QVERIFY(!p.contains(QStringLiteral("user")));

    proposed.proposal->decidedBy = "healthy-false-positive-rate";
    QVERIFY(thresholdStatusText(proposed).contains(QStringLiteral("false-positive rate on the healthy validation")));
    proposed.proposal->decidedBy.clear();  // the synthetic demo's proposal has no figures
    QCOMPARE(thresholdStatusText(proposed), QStringLiteral("<b>Threshold 0.420</b>, proposed."));
  }

  void aUserThresholdStaysInForce() {
    workflows::ThresholdStatus s;
    s.user = 0.3;
    QCOMPARE(thresholdStatusText(s),
             QStringLiteral("<b>Threshold 0.300</b>, set by the user (Review page): it stays in force."));
    s.proposal = proposal();
    const QString t = thresholdStatusText(s);
    QVERIFY2(t.startsWith(QStringLiteral("<b>Threshold 0.300</b>, set by the user")), qPrintable(t));
    QVERIFY2(t.contains(QStringLiteral("Proposed beside it: 0.420.")), qPrintable(t));
    QVERIFY2(t.contains(QStringLiteral("decided by")), qPrintable(t));
  }

  void progressLine() {
    QCOMPARE(thresholdProgressText(3, 64, QStringLiteral("held-out-task samples"), QString()),
             QStringLiteral("Proposing a threshold: held-out-task sample 4 of 64"));
    QCOMPARE(thresholdProgressText(64, 64, QStringLiteral("held-out-task samples"), QStringLiteral("about 1 s left")),
             QStringLiteral("Proposing a threshold: held-out-task sample 64 of 64 · about 1 s left"));
    QVERIFY(thresholdProgressText(0, 0, QStringLiteral("loading the run's healthy images"), QString())
                .contains(QStringLiteral("loading the run's healthy images")));
  }
};

QTEST_MAIN(TestThresholdLogic)
#include "test_threshold_logic.moc"
