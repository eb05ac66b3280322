// The train use case against a real project file: run, folds, metrics and checkpoints are written as it goes, a
// cancelled run resumes to the same result as an uninterrupted one, and bad parameters are refused.
#include <QtTest>

#include <nlohmann/json.hpp>

#include "phantom_project.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/run_merge.h"
#include "lightbox/workflows/task_settings_store.h"
#include "lightbox/workflows/train.h"

using namespace lightbox;
namespace fs = std::filesystem;

namespace {

struct CancelAfterSteps : ProgressSink {
  int after, seen = 0;
  explicit CancelAfterSteps(int n) : after(n) {}
  void progress(long long, long long, const std::string& what) override {
    if (what.rfind("step", 0) == 0) ++seen;
  }
  void warning(const std::string&) override {}
  bool cancelled() const override { return seen >= after; }
};

}  // namespace

class TestTrainWorkflow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;

  workflows::TrainParams params(int64_t steps) const {
    workflows::TrainParams t;
    t.projectPath = path_;
    t.dataset = "healthy";
    t.blendDataset = "blend";
    t.tasks = {0, 1, 2, 3};  // task 4 (intensity) alone is held out; task 1 trains on the blend source
    t.seed = 9;
    t.maxSteps = steps;
    t.validateEvery = 2;
    t.threads = 2;
    t.workers = 1;
    t.device = "cpu";
    return t;
  }

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "t.lightbox").string();
    project::Project p = project::Project::create(path_);
    test::addPhantomImages(p, "healthy", project::DatasetRole::Healthy, 5, 10);
    test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
  }

  void runWritesEverythingAndResumesIdentically() {
    NullProgress none;
    const workflows::TrainResult whole = workflows::runTraining(params(4), none);
    QCOMPARE(whole.folds.size(), size_t(1));
    QCOMPARE(whole.folds[0].stop, std::string("max-steps"));
    CancelAfterSteps cancel(2);
    const workflows::TrainResult part = workflows::runTraining(params(4), cancel);
    QVERIFY(part.cancelled);
    workflows::TrainParams resume = params(0);
    resume.resumeRun = part.runId;
    const workflows::TrainResult rest = workflows::runTraining(resume, none);
    QCOMPARE(rest.folds[0].steps, int64_t(4));

    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const int fold = whole.folds[0].fold;
    const auto a = p.runs().metrics(whole.runId, fold, "train_loss");
    const auto b = p.runs().metrics(part.runId, fold, "train_loss");
    QCOMPARE(a.size(), size_t(4));
    QCOMPARE(b.size(), size_t(4));
    for (size_t i = 0; i < a.size(); ++i) QCOMPARE(a[i].value, b[i].value);
    QCOMPARE(p.runs().metrics(part.runId, fold, "val_loss").back().value,
             p.runs().metrics(whole.runId, fold, "val_loss").back().value);
    QVERIFY(!p.runs().metrics(whole.runId, fold, "val_pixel_ap/intensity").empty());
    const auto la = p.runs().loadCheckpoint(whole.runId, fold, project::CheckpointKind::Latest);
    const auto lb = p.runs().loadCheckpoint(part.runId, fold, project::CheckpointKind::Latest);
    QVERIFY(la && lb);
    QCOMPARE(lb->step, int64_t(4));
    QVERIFY(p.runs().loadCheckpoint(whole.runId, fold, project::CheckpointKind::Best).has_value());
    QVERIFY(p.runs().get(part.runId)->status == project::RunStatus::Finished);
    const auto runs = workflows::listRuns(path_);
    QCOMPARE(runs.size(), size_t(2));
    QVERIFY(runs[0].folds[0].bestStep > 0);
  }

  void resumeUsesTheStoredPresetValues() {
    // A run stores every value of its preset; resuming must train with those, not with whatever the built-in preset
    // of that name says today. Here the stored base LR is changed behind the run's back and the resumed steps log it.
    CancelAfterSteps cancel(2);
    const workflows::TrainResult part = workflows::runTraining(params(4), cancel);
    QVERIFY(part.cancelled);
    {
      project::Project p = project::Project::open(path_);
      const auto run = p.runs().get(part.runId);
      QVERIFY(run.has_value());
      auto config = nlohmann::json::parse(run->configJson);
      config["preset"]["lr"]["base"] = 1e-4;
      config["preset"]["lr"]["warmup_steps"] = 0;
      p.runs().setConfig(part.runId, config.dump());
    }
    NullProgress none;
    workflows::TrainParams resume = params(0);
    resume.resumeRun = part.runId;
    workflows::runTraining(resume, none);
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const auto lr = p.runs().metrics(part.runId, part.folds[0].fold, "lr");
    QCOMPARE(lr.size(), size_t(4));
    // Step k logs the LR of schedule step k - 1. cpu-quick-2d warms up from 3e-3 * 0.01 over 50 steps; the stored
    // schedule has no warm-up and decays by 0.1^(1/4000) per step from 1e-4.
    QVERIFY(qFuzzyCompare(lr[1].value, 3e-3 * (0.01 + 0.99 / 50)));
    QVERIFY(qFuzzyCompare(lr[3].value, 1e-4 * std::pow(0.9994245193792801, 3)));
  }

  void storedTaskSettingsReachTheRun() {
    // Parameters set in the task preview are stored with the run (and used by its generator).
    TaskSettings s = workflows::paperTaskSettings(2);
    s.maxAnomalies = 1;
    workflows::saveTaskSettings(path_, TaskId::Intensity, s);
    NullProgress none;
    const workflows::TrainResult r = workflows::runTraining(params(1), none);
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const auto config = nlohmann::json::parse(p.runs().get(r.runId)->configJson);
    QVERIFY(config["task_settings"].contains("intensity"));
    QVERIFY(!config["task_settings"].contains("sink"));
    workflows::resetTaskSettings(path_, TaskId::Intensity);
  }

  void namedFoldJobsShareOneRun() {
    // Two cluster array tasks (--T 4 --fold 0 and --fold 1, same --name): one run, two folds, one ensemble.
    NullProgress none;
    workflows::TrainParams a = params(2);
    a.tasks.clear();
    a.trainingTaskCount = 4;
    a.fold = 0;
    a.runName = "cluster-T4";
    workflows::TrainParams b = a;
    b.fold = 1;
    const workflows::TrainResult ra = workflows::runTraining(a, none);
    const workflows::TrainResult rb = workflows::runTraining(b, none);
    QCOMPARE(ra.runId, rb.runId);
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const auto folds = p.runs().folds(ra.runId);
    QCOMPARE(folds.size(), size_t(2));
    QVERIFY(p.runs().get(ra.runId)->status == project::RunStatus::Finished);
    QVERIFY(p.runs().loadCheckpoint(ra.runId, 0, project::CheckpointKind::Latest).has_value());
    QVERIFY(p.runs().loadCheckpoint(ra.runId, 1, project::CheckpointKind::Latest).has_value());

    workflows::TrainParams other = b;
    other.seed = 99;  // not the same run: refused rather than mixed in
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::runTraining(other, none));
  }

  void mergesFoldsTrainedOnCopies() {
    // A cluster fold trains on its own copy of the project; merge-runs brings it back into the named run.
    NullProgress none;
    const std::string copy = (fs::path(dir_.path().toStdString()) / "copy.lightbox").string();
    fs::copy_file(path_, copy);
    workflows::TrainParams c = params(2);
    c.projectPath = copy;
    c.tasks.clear();
    c.trainingTaskCount = 4;
    c.fold = 2;
    c.runName = "cluster-T4";
    workflows::runTraining(c, none);
    const size_t runsBefore = workflows::listRuns(path_).size();
    const workflows::MergeRunsResult m = workflows::mergeRuns(path_, {copy});
    QCOMPARE(m.foldsCopied, int64_t(1));  // fold 2; every other fold of the copy is the target's own
    QCOMPARE(m.runsCreated, int64_t(0));
    QCOMPARE(workflows::listRuns(path_).size(), runsBefore);
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    int64_t named = 0;
    for (const auto& r : p.runs().list())
      if (r.run.name == "cluster-T4") {
        named = r.run.id;
        QCOMPARE(r.folds.size(), size_t(3));
      }
    QVERIFY(named > 0);
    QVERIFY(p.runs().loadCheckpoint(named, 2, project::CheckpointKind::Best).has_value());
    QCOMPARE(p.runs().metrics(named, 2, "train_loss").size(), size_t(2));
    QCOMPARE(workflows::mergeRuns(path_, {copy}).foldsCopied, int64_t(0));  // merging again changes nothing
  }

  void refusesBadParameters() {
    NullProgress none;
    workflows::TrainParams t = params(1);
    t.tasks = {0, 2};  // holds out task 1 ...
    t.blendDataset.clear();  // ... without a blend source
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::runTraining(t, none));
    t = params(1);
    t.preset = "nope";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::runTraining(t, none));
    t = params(1);
    t.dataset = "missing";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::runTraining(t, none));
  }
};

QTEST_GUILESS_MAIN(TestTrainWorkflow)
#include "test_train_workflow.moc"
