// The healthy-set audit against a real project file: two folds of a tiny run judge the healthy images they never
// trained on (checked against the paper's partition computed here from core's folds.h), the ranking is by score,
// the audit is stored and read back, an exclusion is kept and marked and leaves the image out of the next run, and
// a stored audit says when the run or the dataset changed since. A stored audit is listed in any build.
#include <QtTest>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "lightbox/core/folds.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/audit.h"
#include "lightbox/workflows/review.h"
#include "phantom_project.h"
#ifdef LIGHTBOX_HAS_TRAINING
#include "lightbox/workflows/train.h"
#endif

using namespace lightbox;
namespace fs = std::filesystem;

namespace {

constexpr int kImages = 10;  // /data/healthy0.png .. healthy9.png: path order = index order

/// The index of an image in the run's path-sorted list.
int indexOf(const std::string& path) { return path.at(path.size() - 5) - '0'; }  // "...N.png"

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

class TestAuditWorkflow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0;
  workflows::HealthyAudit first_;

#ifdef LIGHTBOX_HAS_TRAINING
  workflows::TrainParams trainParams(int fold, int64_t steps, const std::string& name) const {
    workflows::TrainParams t;
    t.projectPath = path_;
    t.dataset = "healthy";
    t.blendDataset = "blend";
    t.trainingTaskCount = 4;  // fold 0 holds out task 4, fold 1 task 3: one chunk of two images each
    t.fold = fold;
    t.runName = name;
    t.seed = 5;
    t.maxSteps = steps;
    t.validateEvery = 2;
    t.threads = 2;
    t.workers = 1;
    t.device = "cpu";
    return t;
  }
#endif

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "a.lightbox").string();
    project::Project p = project::Project::create(path_);
    test::addPhantomImages(p, "healthy", project::DatasetRole::Healthy, kImages, 10);
    test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
  }

  void storedAuditIsListedWithoutTheModels() {
    // Written as a stored audit of another build would be: any build lists it, and says what auditing needs.
    const std::string path = (fs::path(dir_.path().toStdString()) / "stored.lightbox").string();
    int64_t run = 0, image = 0;
    {
      project::Project p = project::Project::create(path);
      test::addPhantomImages(p, "healthy", project::DatasetRole::Healthy, 2, 70);
      const auto d = p.datasets().findByName("healthy");
      image = p.images().list(d->id).front().id;
      project::NewRun n;
      n.preset = "cpu-quick-2d";
      n.configJson = R"({"dataset":"healthy"})";
      n.datasetId = d->id;
      run = p.runs().create(n);
      const nlohmann::json stored = {
          {"version", 1}, {"run", run}, {"folds", {0}}, {"checkpoints", nlohmann::json::array()},
          {"dataset", "healthy"}, {"dataset_id", d->id}, {"dataset_fingerprint", "elsewhere"},
          {"created_at", "2026-01-01T00:00:00Z"}, {"device", "cpu"}, {"threshold", nullptr},
          {"threshold_source", ""}, {"image_list_recorded", true},
          {"rows", {{image, "preprocessed", {0}, 0.25, 0.3, 0.4, nullptr, 4096},
                    {image + 1, "preprocessed", nlohmann::json::array(), "every audited fold (0) trained on it"}}}};
      p.settings().set("audit/run/" + std::to_string(run), stored.dump());
    }
    const auto a = workflows::loadHealthyAudit(path, run);
    QVERIFY(a.has_value());
    QCOMPARE(a->images.size(), size_t(2));
    QVERIFY(a->images[0].audited);
    QCOMPARE(a->images[0].score, 0.25);
    QCOMPARE(a->images[0].sourcePath, std::string("/data/healthy0.png"));
    QVERIFY(!a->images[1].audited);
    QVERIFY(a->stale());  // its fingerprint is not this dataset's
    if (!workflows::auditAvailable()) {
      NullProgress none;
      workflows::AuditParams ap;
      ap.projectPath = path;
      ap.runId = run;
      try {
        workflows::runHealthyAudit(ap, none);
        QFAIL("auditing without the models should be refused");
      } catch (const std::invalid_argument& e) {
        QVERIFY(std::string(e.what()).find("models") != std::string::npos);
      }
    }
    // A stored value that is not an audit is reported with its key, not shown as an empty audit.
    {
      project::Project p = project::Project::open(path);
      p.settings().set("audit/run/" + std::to_string(run), R"({"version":1})");
    }
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, workflows::loadHealthyAudit(path, run));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::loadHealthyAudit(path, run + 100));
  }

#ifdef LIGHTBOX_HAS_TRAINING
  void auditJudgesOnlyHeldOutImages() {
    NullProgress none;
    for (const int fold : {0, 1}) {
      const auto r = workflows::runTraining(trainParams(fold, 4, "audited"), none);
      QVERIFY(r.folds.at(0).bestStep > 0);
      run_ = r.runId;
    }
    workflows::storeUserThreshold(path_, run_, {0, 1}, 0.05);
    QVERIFY(!workflows::loadHealthyAudit(path_, run_).has_value());  // never audited

    workflows::AuditParams ap;
    ap.projectPath = path_;
    ap.runId = run_;
    ap.device = "cpu";
    ap.threads = 2;
    first_ = workflows::runHealthyAudit(ap, none);
    QCOMPARE(first_.folds, (std::vector<int>{0, 1}));
    QCOMPARE(first_.dataset, std::string("healthy"));
    QVERIFY(first_.imageListRecorded);
    QCOMPARE(first_.threshold, std::optional<double>(0.05));
    QCOMPARE(first_.images.size(), size_t(kImages));
    QCOMPARE(first_.audited(), int64_t(4));  // two chunks of two images held out, one per fold

    const FoldTasks tasks[2] = {foldTasks(4, 0), foldTasks(4, 1)};
    const DataPartition parts[2] = {partitionImages(kImages, tasks[0]), partitionImages(kImages, tasks[1])};
    for (size_t k = 0; k < first_.images.size(); ++k) {
      const workflows::AuditImage& im = first_.images[k];
      const int index = indexOf(im.sourcePath);
      for (const int f : {0, 1}) {
        // Held out by a fold exactly when the fold's validation partition has it; never one it trained on.
        QCOMPARE(contains(im.heldOutBy, f), contains(parts[f].validation, index));
        if (contains(im.heldOutBy, f)) QVERIFY(!contains(parts[f].training, index));
      }
      if (im.audited) {
        QVERIFY(k < 4);  // audited ones first
        QVERIFY(im.score >= 0 && im.score <= 1);
        QVERIFY(im.top25Mean >= im.score - 1e-12);
        QCOMPARE(im.voxels, int64_t(64 * 64));
        QVERIFY(im.voxelsAboveThreshold && *im.voxelsAboveThreshold >= 0 && *im.voxelsAboveThreshold <= im.voxels);
        if (k > 0) QVERIFY(first_.images[k - 1].score >= im.score);
      } else {
        QVERIFY(im.heldOutBy.empty());
        QVERIFY(QString::fromStdString(im.reason).contains("trained on it"));
      }
    }
    // Scores differ between images (a real map per image, not a constant).
    QVERIFY(first_.images[0].score != first_.images[3].score);

    // One fold: only its own held-out images are audited.
    ap.folds = {1};
    const auto one = workflows::runHealthyAudit(ap, none);
    QCOMPARE(one.audited(), int64_t(2));
    for (const auto& im : one.images)
      QCOMPARE(im.audited, contains(parts[1].validation, indexOf(im.sourcePath)));
    ap.folds = {7};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::runHealthyAudit(ap, none));
    ap.folds = {0, 1};
    first_ = workflows::runHealthyAudit(ap, none);  // the stored one is the two-fold audit again
  }

  void storedAuditReadsBackAsItWasMade() {
    const auto a = workflows::loadHealthyAudit(path_, run_);
    QVERIFY(a.has_value());
    QVERIFY2(!a->stale(), a->stale() ? a->staleReasons.front().c_str() : "");
    QCOMPARE(a->folds, first_.folds);
    QCOMPARE(a->createdAt, first_.createdAt);
    QCOMPARE(a->images.size(), first_.images.size());
    for (size_t k = 0; k < a->images.size(); ++k) {
      QCOMPARE(a->images[k].imageId, first_.images[k].imageId);
      QCOMPARE(a->images[k].score, first_.images[k].score);
      QCOMPARE(a->images[k].heldOutBy, first_.images[k].heldOutBy);
      QCOMPARE(a->images[k].voxelsAboveThreshold, first_.images[k].voxelsAboveThreshold);
      QCOMPARE(a->images[k].reason, first_.images[k].reason);
    }
  }

  void runWithoutARecordedImageListIsAuditedWithAWarning() {
    // Runs made before runs recorded their images: the partition comes from the dataset as it is now (unchanged
    // here, so the same images are held out), and the audit says so.
    NullProgress none;
    std::string original;
    {
      project::Project p = project::Project::open(path_);
      original = p.runs().get(run_)->configJson;
      auto config = nlohmann::json::parse(original);
      config.erase("images");
      p.runs().setConfig(run_, config.dump());
    }
    workflows::AuditParams ap;
    ap.projectPath = path_;
    ap.runId = run_;
    ap.device = "cpu";
    const auto old = workflows::runHealthyAudit(ap, none);
    QVERIFY(!old.imageListRecorded);
    QCOMPARE(old.warnings.size(), size_t(1));
    QVERIFY(QString::fromStdString(old.warnings[0]).contains("did not record"));
    QCOMPARE(old.audited(), first_.audited());
    for (size_t k = 0; k < old.images.size(); ++k) QCOMPARE(old.images[k].heldOutBy, first_.images[k].heldOutBy);
    QVERIFY(!workflows::loadHealthyAudit(path_, run_)->imageListRecorded);
    {
      project::Project p = project::Project::open(path_);
      p.runs().setConfig(run_, original);
    }
    first_ = workflows::runHealthyAudit(ap, none);
    QVERIFY(first_.imageListRecorded);
  }

  void rowIsShownWithTheMapItWasScoredOn() {
    const workflows::AuditImage& top = first_.images.front();
    const auto view = workflows::loadAuditImage(path_, run_, top);
    QCOMPARE(view.working.imageId, top.imageId);
    QCOMPARE(view.working.arrayKind, top.arrayKind);
    QVERIFY(view.working.source == workflows::ViewSource::WorkingArray);
    QVERIFY2(view.map.has_value(), view.mapNote.c_str());
    QVERIFY(view.map->shape() == view.working.image.shape());  // on the stored 128 x 128 grid, not the model's 64
    double sum = 0;
    for (int64_t v = 0; v < view.map->voxelCount(); ++v) sum += view.map->data()[v];
    QVERIFY(std::abs(sum / double(view.map->voxelCount()) - top.score) < 1e-4);  // the map the score came from

    const workflows::AuditImage& notAudited = first_.images.back();
    QVERIFY(!notAudited.audited);
    const auto plain = workflows::loadAuditImage(path_, run_, notAudited);
    QVERIFY(!plain.map && !plain.mapNote.empty());
    QVERIFY(!plain.working.image.empty());
  }

  void exclusionIsKeptMarkedAndLeavesTheNextRun() {
    NullProgress none;
    const workflows::AuditImage top = first_.images.front();
    workflows::setImageExcluded(path_, top.imageId, true, "motion artefact, not healthy");
    const auto a = workflows::loadHealthyAudit(path_, run_);
    QVERIFY(!a->stale());  // excluding is what the audit is for, not a change of its data
    QCOMPARE(a->excluded(), int64_t(1));
    QCOMPARE(a->images.front().imageId, top.imageId);  // kept, in its place, marked
    QVERIFY(a->images.front().excluded);
    QCOMPARE(a->images.front().excludedReason, std::string("motion artefact, not healthy"));

    // The audited run keeps its partition: auditing it again judges the same images with the same folds.
    workflows::AuditParams ap;
    ap.projectPath = path_;
    ap.runId = run_;
    ap.device = "cpu";
    const auto again = workflows::runHealthyAudit(ap, none);
    QCOMPARE(again.audited(), int64_t(4));
    QCOMPARE(again.images.front().imageId, top.imageId);
    QVERIFY(again.images.front().excluded);

    // A later run leaves it out of its image list and so out of training and validation.
    const auto next = workflows::runTraining(trainParams(0, 2, ""), none);
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const auto config = nlohmann::json::parse(p.runs().get(next.runId)->configJson);
    QCOMPARE(config.at("images").size(), size_t(kImages - 1));
    for (const auto& e : config.at("images")) QVERIFY(e.at("id").get<int64_t>() != top.imageId);
    QCOMPARE(nlohmann::json::parse(p.runs().get(run_)->configJson).at("images").size(), size_t(kImages));
    QVERIFY(p.images().get(top.imageId).has_value());  // kept in the project

    workflows::setImageExcluded(path_, top.imageId, false);
    const auto included = workflows::loadHealthyAudit(path_, run_);
    QCOMPARE(included->excluded(), int64_t(0));
    QVERIFY(included->images.front().excludedReason.empty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::setImageExcluded(path_, 999999, true, "x"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             workflows::setImageExcluded(path_, top.imageId, true, std::string(5000, 'x')));
  }

  void storedAuditSaysWhenItIsStale() {
    NullProgress none;
    workflows::storeUserThreshold(path_, run_, {0, 1}, 0.2);
    auto a = workflows::loadHealthyAudit(path_, run_);
    QCOMPARE(a->staleReasons.size(), size_t(1));
    QVERIFY(QString::fromStdString(a->staleReasons[0]).contains("threshold"));
    workflows::clearUserThreshold(path_, run_, {0, 1});
    workflows::storeUserThreshold(path_, run_, {0, 1}, 0.05);
    QVERIFY(!workflows::loadHealthyAudit(path_, run_)->stale());

    {
      project::Project p = project::Project::open(path_);
      const auto healthy = p.datasets().findByName("healthy");
      // Moved into the run's dataset the way an import would add it: a new image of "healthy".
      project::NewImage n;
      n.meta.sourcePath = "/data/healthy~.png";  // sorts after healthy9
      n.meta.contentHash = std::string(64, 'f');
      n.meta.format = "png";
      project::ArrayData arr;
      arr.image = phantom::objectImage(Shape(128, 128), 91);
      n.arrays.push_back(project::EncodedArray::encode(arr));
      p.images().insert(healthy->id, n);
    }
    a = workflows::loadHealthyAudit(path_, run_);
    QCOMPARE(a->staleReasons.size(), size_t(1));
    QVERIFY(QString::fromStdString(a->staleReasons[0]).contains("dataset 'healthy' has changed"));

    // Training on (a resumed run) makes the stored audit older than the run's checkpoints.
    workflows::TrainParams more;
    more.projectPath = path_;
    more.resumeRun = run_;
    more.maxSteps = 6;
    more.threads = 2;
    more.workers = 1;
    more.device = "cpu";
    workflows::runTraining(more, none);
    a = workflows::loadHealthyAudit(path_, run_);
    QCOMPARE(a->staleReasons.size(), size_t(3));  // dataset, and each of the two folds
    QVERIFY(QString::fromStdString(a->staleReasons[0]).startsWith("fold 0 "));
  }
#endif
};

QTEST_GUILESS_MAIN(TestAuditWorkflow)
#include "test_audit_workflow.moc"
