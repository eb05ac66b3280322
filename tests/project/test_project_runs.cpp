// Training runs in the project file: runs, folds, metrics (batch insert, replace on resume), checkpoints as opaque
// bytes, the listing with the best validation figures, and damaged checkpoint rows.
#include <QtTest>

#include "lightbox/project/project.h"
#include "project_test_support.h"

using namespace lightbox;
using namespace lightbox::project;
namespace fs = std::filesystem;

class TestProjectRuns : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;
  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "r.lightbox"); }

  static NewRun sampleRun() {
    NewRun r;
    r.preset = "cpu-quick-2d";
    r.configJson = R"({"preset":"cpu-quick-2d"})";
    r.seed = 7;
    r.device = "cpu (2 threads)";
    return r;
  }

 private Q_SLOTS:
  void createGetAndStatus() {
    Project p = Project::create(freshPath());
    const Dataset d = p.datasets().create("brains", DatasetRole::Healthy);
    NewRun n = sampleRun();
    n.datasetId = d.id;
    const int64_t id = p.runs().create(n);
    auto r = p.runs().get(id);
    QVERIFY(r.has_value());
    QCOMPARE(r->preset, std::string("cpu-quick-2d"));
    QCOMPARE(r->seed, int64_t(7));
    QVERIFY(r->status == RunStatus::Queued);
    QCOMPARE(r->datasetId.value(), d.id);
    QVERIFY(!r->blendDatasetId);
    p.runs().setStatus(id, RunStatus::Failed, "loss became NaN");
    r = p.runs().get(id);
    QVERIFY(r->status == RunStatus::Failed);
    QCOMPARE(r->error, std::string("loss became NaN"));
    p.runs().setStatus(id, RunStatus::Running);
    QVERIFY(p.runs().get(id)->error.empty());
    // A run outlives its dataset (SET NULL).
    p.datasets().remove(d.id);
    QVERIFY(!p.runs().get(id)->datasetId);
  }

  void rejectsBadRuns() {
    Project p = Project::create(freshPath());
    NewRun n = sampleRun();
    n.preset.clear();
    QVERIFY_THROWS_EXCEPTION(ProjectError, p.runs().create(n));
    n = sampleRun();
    n.datasetId = 999;
    QVERIFY_THROWS_EXCEPTION(ProjectError, p.runs().create(n));
    QVERIFY_THROWS_EXCEPTION(ProjectError, p.runs().setStatus(42, RunStatus::Running));
  }

  void foldsAreStableAndTracked() {
    Project p = Project::create(freshPath());
    const int64_t id = p.runs().create(sampleRun());
    const std::vector<int> train{0, 2}, held{1, 3, 4};
    p.runs().addFold(id, 1, train, held);
    p.runs().addFold(id, 1, train, held);  // idempotent
    const std::vector<int> other{0, 1};
    QVERIFY_THROWS_EXCEPTION(ProjectError, p.runs().addFold(id, 1, other, held));
    p.runs().updateFold(id, 1, RunStatus::Running, 120, 100, 0.25);
    const auto f = p.runs().fold(id, 1);
    QVERIFY(f.has_value());
    QVERIFY(f->trainTasks == train);
    QVERIFY(f->heldoutTasks == held);
    QCOMPARE(f->stepsDone, int64_t(120));
    QCOMPARE(f->bestStep.value(), int64_t(100));
    QCOMPARE(f->bestValue.value(), 0.25);
    QVERIFY(f->status == RunStatus::Running);
  }

  void metricsBatchInsertReplaceAndTrim() {
    Project p = Project::create(freshPath());
    const int64_t id = p.runs().create(sampleRun());
    const std::vector<int> train{0}, held{1, 2, 3, 4};
    p.runs().addFold(id, 0, train, held);
    std::vector<MetricPoint> pts;
    for (int s = 1; s <= 1000; ++s) {
      pts.push_back({s, std::nullopt, "train_loss", 1.0 / s});
      pts.push_back({s, std::nullopt, "lr", 1e-3});
    }
    pts.push_back({500, 0, "val_loss", 0.5});
    pts.push_back({500, 0, "val_pixel_ap/sink", 0.6});
    pts.push_back({1000, 1, "val_loss", 0.3});
    pts.push_back({1000, 1, "val_pixel_ap/sink", 0.8});
    pts.push_back({1000, 1, "nan_is_dropped", std::nan("")});
    QElapsedTimer t;
    t.start();
    p.runs().appendMetrics(id, 0, pts);
    QVERIFY2(t.elapsed() < 2000, "2,000 points should take one transaction");
    QCOMPARE(p.runs().metrics(id, 0, "train_loss").size(), size_t(1000));
    QCOMPARE(p.runs().metrics(id, 0).size(), size_t(2004));
    // A resumed run rewrites step 1000 instead of adding a second row.
    const std::vector<MetricPoint> again{{1000, 1, "val_loss", 0.31}};
    p.runs().appendMetrics(id, 0, again);
    const auto val = p.runs().metrics(id, 0, "val_loss");
    QCOMPARE(val.size(), size_t(2));
    QCOMPARE(val[1].value, 0.31);
    QCOMPARE(val[1].epoch.value(), int64_t(1));
    p.runs().removeMetricsAfter(id, 0, 600);
    QCOMPARE(p.runs().metrics(id, 0, "train_loss").size(), size_t(600));
    QVERIFY_THROWS_EXCEPTION(ProjectError, p.runs().appendMetrics(id, 5, again));  // no such fold
  }

  void listShowsBestFigures() {
    Project p = Project::create(freshPath());
    const int64_t a = p.runs().create(sampleRun());
    const int64_t b = p.runs().create(sampleRun());
    const std::vector<int> train{0, 1}, held{2, 3, 4};
    p.runs().addFold(b, 0, train, held);
    const std::vector<MetricPoint> pts{{50, 0, "val_loss", 0.4}, {50, 0, "val_pixel_ap/sink", 0.7},
                                       {50, std::nullopt, "train_loss", 0.9}, {100, 1, "val_loss", 0.5}};
    p.runs().appendMetrics(b, 0, pts);
    p.runs().updateFold(b, 0, RunStatus::Finished, 100, 50, 0.4);
    const auto runs = p.runs().list();
    QCOMPARE(runs.size(), size_t(2));
    QCOMPARE(runs[0].run.id, b);  // newest first
    QCOMPARE(runs[1].run.id, a);
    QCOMPARE(runs[0].folds.size(), size_t(1));
    QCOMPARE(runs[0].bestMetrics[0].size(), size_t(2));  // val_* at the best step only
    QCOMPARE(runs[0].bestMetrics[0][1].name, std::string("val_pixel_ap/sink"));
    QCOMPARE(runs[0].bestMetrics[0][1].value, 0.7);
  }

  void checkpointsRoundTripAndReplace() {
    const fs::path path = freshPath();
    int64_t id = 0;
    std::vector<uint8_t> bytes(300000);
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = uint8_t((i * 2654435761u) >> 13);
    {
      Project p = Project::create(path);
      id = p.runs().create(sampleRun());
      const std::vector<int> train{0}, held{1, 2, 3, 4};
      p.runs().addFold(id, 0, train, held);
      QVERIFY(!p.runs().loadCheckpoint(id, 0, CheckpointKind::Latest));
      p.runs().storeCheckpoint(id, 0, {CheckpointKind::Latest, 10, 0, R"({"sample":80})", {1, 2, 3}});
      p.runs().storeCheckpoint(id, 0, {CheckpointKind::Latest, 20, 1, R"({"sample":160})", bytes});
      p.runs().storeCheckpoint(id, 0, {CheckpointKind::Best, 15, 0, "{}", {9, 9}});
    }
    Project p = Project::open(path, OpenMode::ReadOnly);
    const auto latest = p.runs().loadCheckpoint(id, 0, CheckpointKind::Latest);
    QVERIFY(latest.has_value());
    QCOMPARE(latest->step, int64_t(20));
    QCOMPARE(latest->epoch.value(), int64_t(1));
    QCOMPARE(latest->stateJson, std::string(R"({"sample":160})"));
    QVERIFY(latest->bytes == bytes);
    QCOMPARE(p.runs().loadCheckpoint(id, 0, CheckpointKind::Best)->bytes.size(), size_t(2));
    QVERIFY_THROWS_EXCEPTION(ProjectError, p.runs().setStatus(id, RunStatus::Running));  // read-only
  }

  void damagedCheckpointIsCorrupt() {
    const fs::path path = freshPath();
    int64_t id = 0;
    {
      Project p = Project::create(path);
      id = p.runs().create(sampleRun());
      const std::vector<int> train{0}, held{1, 2, 3, 4};
      p.runs().addFold(id, 0, train, held);
      p.runs().storeCheckpoint(id, 0, {CheckpointKind::Latest, 1, 0, "{}", std::vector<uint8_t>(1000, 7)});
    }
    {
      lbtest::RawDb raw(path);
      raw.exec("UPDATE checkpoints SET raw_size = 999999999999");
    }
    Project p = Project::open(path);
    try {
      p.runs().loadCheckpoint(id, 0, CheckpointKind::Latest);
      QFAIL("no error");
    } catch (const ProjectError& e) {
      QVERIFY(e.kind() == ErrorKind::Corrupt);
    }
  }
};

QTEST_GUILESS_MAIN(TestProjectRuns)
#include "test_project_runs.moc"
