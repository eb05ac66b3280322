// The demo (issue #8) on the real Colin27 brain (ch2bet.nii.gz, fetched with scripts/fetch-data.sh into
// $LIGHTBOX_TEST_DATA): a few training steps instead of minutes, then the project must hold the three datasets, the
// demo run with a best checkpoint, a threshold, a prediction of every simulated-lesions slice and findings; a second
// call reuses the project without recomputing; a missing file is reported with where it comes from; the checksums
// the workflow checks are the manifest's.
#include <QtTest>

#include <fstream>
#include <map>
#include <sstream>

#include "lightbox/workflows/demo.h"
#include "lightbox/workflows/review.h"
#include "lightbox/workflows/train.h"

using namespace lightbox;
namespace fs = std::filesystem;

class TestDemoWorkflow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  static std::string dataDir() { return qEnvironmentVariable("LIGHTBOX_TEST_DATA").toStdString(); }

  workflows::DemoParams tiny(const std::string& project) const {
    workflows::DemoParams p;
    p.dataDir = dataDir();
    p.projectPath = project;
    p.trainMinutes = 0.75;  // a bound only: the step limit ends it first
    p.maxSteps = 6;
    p.thresholdSamples = 4;
    p.targetFalsePositiveRate = 0.5;  // six steps light up healthy tissue too: the best-F1 threshold, not the FPR cap
    p.device = "cpu";
    p.threads = 2;
    p.seed = 3;
    return p;
  }

 private Q_SLOTS:
  void checksumsAreTheManifests() {
    std::ifstream in(std::string(LIGHTBOX_SOURCE_DIR) + "/scripts/data-manifest.tsv");
    QVERIFY(in.good());
    std::map<std::string, std::string> manifest;  // <package>/<file name> -> sha256
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> cols;
      std::stringstream ss(line);
      for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
      if (cols.size() < 7) continue;
      manifest[cols[1] + "/" + fs::path(cols[3]).filename().string()] = cols[6];
    }
    for (const auto& f : workflows::demoDataFiles()) {
      QVERIFY2(manifest.count(f.relativePath), f.relativePath.c_str());
      QCOMPARE(manifest[f.relativePath], f.sha256);
    }
  }

  void missingDataSaysWhereItComesFrom() {
    auto p = tiny((fs::path(dir_.path().toStdString()) / "missing.lightbox").string());
    p.dataDir = (fs::path(dir_.path().toStdString()) / "no-data").string();
    NullProgress none;
    try {
      workflows::buildDemoProject(p, none);
      QFAIL("no error for missing data");
    } catch (const std::runtime_error& e) {
      const std::string m = e.what();
      QVERIFY2(m.find("mricron-data") != std::string::npos, m.c_str());
      QVERIFY2(m.find("fetch-data.sh") != std::string::npos, m.c_str());
      QVERIFY2(m.find("offline") != std::string::npos, m.c_str());
    }
    QVERIFY(!fs::exists(p.projectPath));
  }

  void buildsThenReuses() {
    if (dataDir().empty() || !fs::exists(fs::path(dataDir()) / "mricron-data/ch2bet.nii.gz"))
      QSKIP("ch2bet.nii.gz not fetched (scripts/fetch-data.sh mricron-data python3-skimage) or LIGHTBOX_TEST_DATA unset");
    const std::string path = (fs::path(dir_.path().toStdString()) / "demo" / "demo.lightbox").string();
    NullProgress none;
    QElapsedTimer clock;
    clock.start();
    workflows::DemoSummary s;
    try {
      s = workflows::buildDemoProject(tiny(path), none);
    } catch (const std::exception& e) {
      QFAIL(e.what());
    }
    qInfo("demo built in %.1f s: %lld healthy slices, %lld simulated (%lld with lesions), %lld findings, threshold %.3f",
          clock.elapsed() / 1000.0, (long long)s.healthySlices, (long long)s.simulatedSlices,
          (long long)s.slicesWithLesions, (long long)s.findings, s.threshold);
    QVERIFY(!s.reused);
    QVERIFY(!s.cancelled);
    QVERIFY(s.runId > 0);
    QCOMPARE(s.trainTasks, (std::vector<int>{0, 2, 3}));
    QCOMPARE(s.heldOutTasks, (std::vector<int>{1, 4}));
    QVERIFY(s.healthySlices > 20);
    QVERIFY(s.simulatedSlices > 0 && s.slicesWithLesions > 0);
    QVERIFY(s.threshold >= 0 && s.threshold <= 1);
    QCOMPARE(s.predictedImages, s.simulatedSlices);
    QVERIFY(s.findings > 0);
    QVERIFY(!s.figures.empty());

    // What the project holds, read back through the review use cases.
    const workflows::ReviewCatalogue c = workflows::loadReviewCatalogue(path);
    std::map<std::string, workflows::ReviewDataset> byName;
    for (const auto& d : c.datasets) byName[d.name] = d;
    QCOMPARE(byName.count("colin27-slices"), size_t(1));
    QCOMPARE(byName["colin27-slices"].role, std::string("healthy"));
    QCOMPARE(byName["natural-images"].role, std::string("blend"));
    QVERIFY(byName["natural-images"].images >= 2);
    QCOMPARE(byName["simulated-lesions"].role, std::string("test"));
    QCOMPARE(byName["simulated-lesions"].images, s.simulatedSlices);
    QCOMPARE(byName["simulated-lesions"].groundTruthMasks, s.simulatedSlices);  // healthy ones: an empty mask
    QCOMPARE(c.runs.size(), size_t(1));
    QCOMPARE(c.runs.front().id, s.runId);
    QCOMPARE(c.runs.front().foldsWithCheckpoint, s.folds);  // a best checkpoint
    QVERIFY(workflows::loadThreshold(path, s.runId, s.folds).value.has_value());
    const auto images = workflows::listReviewImages(path, s.runId, s.folds, byName["simulated-lesions"].id);
    QCOMPARE(int64_t(images.size()), s.simulatedSlices);  // every simulated slice predicted
    int64_t findings = 0;
    for (const auto& im : images) findings += im.findings;
    QCOMPARE(findings, s.findings);

    // A second call reuses the finished project: same run, no new training.
    clock.restart();
    const workflows::DemoSummary again = workflows::buildDemoProject(tiny(path), none);
    QVERIFY(again.reused);
    QCOMPARE(again.runId, s.runId);
    QCOMPARE(again.findings, s.findings);
    QCOMPARE(again.threshold, s.threshold);
    QCOMPARE(again.slicesWithLesions, s.slicesWithLesions);
    QCOMPARE(again.figures.size(), s.figures.size());
    QCOMPARE(workflows::listRuns(path).size(), size_t(1));
    QVERIFY2(clock.elapsed() < 20000, "reusing the demo should not train again");
  }

  void refusesToOverwriteAnotherProject() {
    const std::string path = (fs::path(dir_.path().toStdString()) / "other.lightbox").string();
    { std::ofstream(path) << "not a project"; }
    NullProgress none;
    QVERIFY_THROWS_EXCEPTION(std::exception, workflows::buildDemoProject(tiny(path), none));
    QVERIFY(fs::exists(path));
  }
};

QTEST_GUILESS_MAIN(TestDemoWorkflow)
#include "test_demo_workflow.moc"
