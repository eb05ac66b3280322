// Excluding one slice of a volume after the healthy-set audit (issue #7): the next run's image list leaves exactly
// that slice out, the audit keeps and marks it (reason, time), the threshold proposal no longer counts it as healthy,
// including it brings it back, the slices held out as simulated lesions are never touched, and bad input is named.
#include <QtTest>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "held_out_slices.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/audit.h"
#include "lightbox/workflows/browse.h"
#include "lightbox/workflows/simulated_lesions.h"
#include "lightbox/workflows/slice_exclusion.h"
#include "phantom_project.h"
#include "train_data.h"
#ifdef LIGHTBOX_HAS_TRAINING
#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/train.h"
#endif

using namespace lightbox;
namespace fs = std::filesystem;

namespace {

constexpr int kSlices = 10;

int64_t addSliceVolume(project::Project& p, const char* dataset, uint64_t seed) {
  return test::addPhantomSliceVolume(p, dataset, kSlices, seed);
}

/// The slices of the (one) healthy volume that the next training run would take.
std::vector<std::string> selectedKinds(const std::string& path) {
  project::Project p = project::Project::open(path, project::OpenMode::ReadOnly);
#ifdef LIGHTBOX_HAS_TRAINING
  const auto sel = workflows::detail::selectDatasetImages(p, "healthy");
  return sel.empty() ? std::vector<std::string>{} : sel.front().kinds;
#else
  // train_data.cpp is in the models build only; without it, what it is built on: the image's slices less those
  // held_out_slices.h leaves out.
  const auto image = p.images().list(p.datasets().findByName("healthy")->id).front();
  if (image.excluded) return {};
  std::vector<std::string> kinds = p.arrays().kinds(image.id);
  const auto left = workflows::detail::kindsLeftOutOfTraining(p, image.id);
  std::erase_if(kinds, [&](const std::string& k) { return std::find(left.begin(), left.end(), k) != left.end(); });
  return kinds;
#endif
}

std::vector<std::string> allSlicesBut(std::initializer_list<int> left) {
  std::vector<std::string> out;
  for (int s = 0; s < kSlices; ++s)
    if (std::find(left.begin(), left.end(), s) == left.end()) out.push_back(workflows::sliceKind(s));
  return out;
}

QString errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class TestSliceExclusion : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t volume_ = 0, flat_ = 0;

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "slices.lightbox").string();
    project::Project p = project::Project::create(path_);
    volume_ = addSliceVolume(p, "healthy", 20);
    test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
    flat_ = p.images().list(p.datasets().findByName("blend")->id).front().id;
    // Slice 0 became a simulated-lesion test slice: held out under its own key.
    workflows::detail::setHeldOutKinds(p, volume_, {workflows::sliceKind(0)});
  }

  void sliceKindIsWhatImportStores() {
    QCOMPARE(workflows::sliceKind(61), std::string("slice:0061"));
    QCOMPARE(workflows::sliceKind(12345), std::string("slice:12345"));
    QVERIFY(errorOf([] { workflows::sliceKind(-1); }).contains("-1"));
  }

  void excludingASliceLeavesExactlyItOut() {
    QCOMPARE(selectedKinds(path_), allSlicesBut({0}));
    workflows::setSliceExcluded(path_, volume_, workflows::sliceKind(4), true, "ring artefact");
    QCOMPARE(selectedKinds(path_), allSlicesBut({0, 4}));
    const auto list = workflows::listSliceExclusions(path_, volume_);
    QCOMPARE(list.size(), size_t(1));
    QCOMPARE(list[0].arrayKind, std::string("slice:0004"));
    QCOMPARE(list[0].reason, std::string("ring artefact"));
    QVERIFY(QDateTime::fromString(QString::fromStdString(list[0].excludedAt), Qt::ISODate).isValid());

    // The Data area's listing counts it.
    const auto contents = workflows::loadProjectContents(path_);
    const auto listed = std::find_if(contents.images.begin(), contents.images.end(),
                                     [&](const auto& i) { return i.id == volume_; });
    QVERIFY(listed != contents.images.end() && !listed->excluded);
    QCOMPARE(listed->slicesExcluded, int64_t(1));

    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    QVERIFY(!p.images().get(volume_)->excluded);  // the volume itself stays in
    QCOMPARE(workflows::detail::heldOutKinds(p, volume_), std::vector<std::string>{"slice:0000"});  // untouched
    // Stored apart from the lesion hold-outs, under a key of its own.
    const auto stored = p.settings().get("training/excluded_slices/" + std::to_string(volume_));
    QVERIFY(stored.has_value());
    QCOMPARE(nlohmann::json::parse(*stored).at("slice:0004").at("reason").get<std::string>(),
             std::string("ring artefact"));
  }

  void includingBringsItBackAndLeavesHoldOutsAlone() {
    QVERIFY(workflows::setSliceExcluded(path_, volume_, workflows::sliceKind(7), true));
    QCOMPARE(selectedKinds(path_), allSlicesBut({0, 4, 7}));
    QVERIFY(workflows::setSliceExcluded(path_, volume_, workflows::sliceKind(7), false));
    QCOMPARE(selectedKinds(path_), allSlicesBut({0, 4}));
    QVERIFY(!workflows::setSliceExcluded(path_, volume_, workflows::sliceKind(7), false));  // nothing to undo
    // A lesion hold-out is not the user's to include: it stays held out, and the refusal says why.
    const QString refused = errorOf([&] { workflows::setSliceExcluded(path_, volume_, workflows::sliceKind(0), false); });
    QVERIFY2(refused.contains("simulated-lesion") && refused.contains("brain.nii.gz"), qPrintable(refused));
    // Excluding a held-out slice and including it again leaves the hold-out in place.
    workflows::setSliceExcluded(path_, volume_, workflows::sliceKind(0), true, "odd");
    workflows::setSliceExcluded(path_, volume_, workflows::sliceKind(0), false);
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    QCOMPARE(workflows::detail::heldOutKinds(p, volume_), std::vector<std::string>{"slice:0000"});
    QCOMPARE(selectedKinds(path_), allSlicesBut({0, 4}));
  }

  void wholeImageExclusionStillTakesEverySlice() {
    workflows::setImageExcluded(path_, volume_, true, "whole volume");
    QVERIFY(selectedKinds(path_).empty());
    workflows::setImageExcluded(path_, volume_, false);
    QCOMPARE(selectedKinds(path_), allSlicesBut({0, 4}));  // the slice exclusion outlives it
  }

  void badInputIsNamed() {
    const QString unknown = errorOf([&] { workflows::setSliceExcluded(path_, 99999, "slice:0001", true); });
    QVERIFY2(unknown.contains("no image 99999"), qPrintable(unknown));
    const QString noSuchSlice = errorOf([&] { workflows::setSliceExcluded(path_, volume_, "slice:0042", true); });
    QVERIFY2(noSuchSlice.contains("slice:0042") && noSuchSlice.contains("brain.nii.gz") &&
                 noSuchSlice.contains("slice:0000 to slice:0009"),
             qPrintable(noSuchSlice));
    const QString notASlice = errorOf([&] { workflows::setSliceExcluded(path_, volume_, "preprocessed", true); });
    QVERIFY2(notASlice.contains("'preprocessed'"), qPrintable(notASlice));
    const QString flat = errorOf([&] { workflows::setSliceExcluded(path_, flat_, "slice:0000", true); });
    QVERIFY2(flat.contains("no slices") && flat.contains("blend0.png"), qPrintable(flat));
    QVERIFY(!errorOf([&] { workflows::setSliceExcluded(path_, volume_, "slice:0001", true, std::string(5000, 'x')); })
                 .isEmpty());
    QVERIFY(errorOf([&] { workflows::listSliceExclusions(path_, 99999); }).contains("no image 99999"));
    // A hand-edited value is reported with its key, not read as "nothing excluded".
    const std::string other = (fs::path(dir_.path().toStdString()) / "bad.lightbox").string();
    int64_t id = 0;
    {
      project::Project p = project::Project::create(other);
      id = addSliceVolume(p, "healthy", 30);
      p.settings().set("training/excluded_slices/" + std::to_string(id), "[1,2]");
    }
    try {
      workflows::listSliceExclusions(other, id);
      QFAIL("a malformed setting should be refused");
    } catch (const std::runtime_error& e) {
      QVERIFY(QString(e.what()).contains("training/excluded_slices/"));
    }
    QVERIFY(selectedKinds(path_) == allSlicesBut({0, 4}));  // nothing above changed the real project
  }

  void removingTheImageForgetsItsSlices() {
    // SQLite may give a removed image's id to the next one imported: it must not inherit the exclusions.
    const std::string path = (fs::path(dir_.path().toStdString()) / "removed.lightbox").string();
    int64_t id = 0;
    {
      project::Project p = project::Project::create(path);
      id = addSliceVolume(p, "healthy", 70);
      workflows::detail::setHeldOutKinds(p, id, {"slice:0000"});
    }
    workflows::setSliceExcluded(path, id, "slice:0002", true);
    QCOMPARE(workflows::removeImages(path, {id}), int64_t(1));
    project::Project p = project::Project::open(path, project::OpenMode::ReadOnly);
    QVERIFY(p.settings().list("training/").empty());
  }

  void anExcludedSliceIsNoSimulatedLesionBackground() {
    // The user judged it not healthy: a lesion pasted on it would be scored against a background that is not.
    const std::string path = (fs::path(dir_.path().toStdString()) / "lesions.lightbox").string();
    int64_t id = 0;
    {
      project::Project p = project::Project::create(path);
      id = addSliceVolume(p, "healthy", 80);
    }
    // Every 2nd usable slice: 0, 2, 4, 6, 8 without the exclusion; with slice 2 excluded the usable ones are 0, 1,
    // 3, 4, ..., 9, so the picks are 0, 3, 5, 7, 9 and slice 2 is never a background.
    QVERIFY(workflows::setSliceExcluded(path, id, workflows::sliceKind(2), true, "motion"));
    workflows::SimulatedLesionParams params;
    params.projectPath = path;
    params.sourceDataset = "healthy";
    params.holdOutEvery = 2;
    NullProgress none;
    const auto result = workflows::createSimulatedLesionTestSet(params, none);
    QCOMPARE(result.heldOutSlices, kSlices / 2);
    project::Project p = project::Project::open(path, project::OpenMode::ReadOnly);
    const auto heldOut = workflows::detail::heldOutKinds(p, id);
    QCOMPARE(heldOut, (std::vector<std::string>{workflows::sliceKind(0), workflows::sliceKind(3),
                                                workflows::sliceKind(5), workflows::sliceKind(7),
                                                workflows::sliceKind(9)}));
  }

  void storedAuditMarksTheSliceAlone() {
    // A stored audit, as any build lists it: the excluded slice's row is marked with reason and time, its
    // neighbours are not.
    const std::string path = (fs::path(dir_.path().toStdString()) / "stored.lightbox").string();
    int64_t run = 0, id = 0;
    {
      project::Project p = project::Project::create(path);
      id = addSliceVolume(p, "healthy", 40);
      const auto d = p.datasets().findByName("healthy");
      project::NewRun n;
      n.preset = "cpu-quick-2d";
      n.configJson = R"({"dataset":"healthy"})";
      n.datasetId = d->id;
      run = p.runs().create(n);
      const nlohmann::json stored = {
          {"version", 1}, {"run", run}, {"folds", {0}}, {"checkpoints", nlohmann::json::array()},
          {"dataset", "healthy"}, {"dataset_id", d->id}, {"dataset_fingerprint", "x"},
          {"created_at", "2026-01-01T00:00:00Z"}, {"device", "cpu"}, {"threshold", nullptr},
          {"threshold_source", ""}, {"image_list_recorded", true},
          {"rows", {{id, "slice:0003", {0}, 0.5, 0.5, 0.6, nullptr, 4096},
                    {id, "slice:0008", {0}, 0.25, 0.3, 0.4, nullptr, 4096},
                    {id, "slice:0001", nlohmann::json::array(), "every audited fold (0) trained on it"}}}};
      p.settings().set("audit/run/" + std::to_string(run), stored.dump());
    }
    workflows::setSliceExcluded(path, id, "slice:0003", true, "not healthy");
    auto a = workflows::loadHealthyAudit(path, run);
    QCOMPARE(a->images.size(), size_t(3));
    QCOMPARE(a->images[0].arrayKind, std::string("slice:0003"));  // kept, in its place
    QVERIFY(a->images[0].excluded && a->images[0].sliceExcluded && !a->images[0].imageExcluded);
    QCOMPARE(a->images[0].excludedReason, std::string("not healthy"));
    QVERIFY(!a->images[0].excludedAt.empty());
    QVERIFY(!a->images[1].excluded && !a->images[2].excluded);
    QCOMPARE(a->excluded(), int64_t(1));

    // The whole volume excluded too: every row says so, and the slice's own exclusion is still known.
    workflows::setImageExcluded(path, id, true, "whole");
    a = workflows::loadHealthyAudit(path, run);
    QCOMPARE(a->excluded(), int64_t(3));
    QVERIFY(a->images[0].imageExcluded && a->images[0].sliceExcluded);
    QCOMPARE(a->images[0].excludedReason, std::string("whole"));
    workflows::setImageExcluded(path, id, false);
    workflows::setSliceExcluded(path, id, "slice:0003", false);
    a = workflows::loadHealthyAudit(path, run);
    QCOMPARE(a->excluded(), int64_t(0));
    QVERIFY(a->images[0].excludedReason.empty() && a->images[0].excludedAt.empty());
  }

#ifdef LIGHTBOX_HAS_TRAINING
  void trainedRunAuditAndThresholdHonourIt() {
    NullProgress none;
    const std::string path = (fs::path(dir_.path().toStdString()) / "trained.lightbox").string();
    int64_t id = 0;
    {
      project::Project p = project::Project::create(path);
      id = addSliceVolume(p, "healthy", 60);
      test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
    }
    workflows::TrainParams t;
    t.projectPath = path;
    t.dataset = "healthy";
    t.blendDataset = "blend";
    t.trainingTaskCount = 4;  // fold 0 holds out task 4: one chunk of the interleaved slices (5 and 0 mod 5 ...)
    t.fold = 0;
    t.seed = 5;
    t.maxSteps = 2;
    t.validateEvery = 2;
    t.threads = 2;
    t.workers = 1;
    t.device = "cpu";
    const int64_t run = workflows::runTraining(t, none).runId;
    workflows::AuditParams ap;
    ap.projectPath = path;
    ap.runId = run;
    ap.device = "cpu";
    ap.threads = 2;
    const auto before = workflows::runHealthyAudit(ap, none);
    QVERIFY(before.audited() > 1);
    const workflows::AuditImage top = before.images.front();
    QVERIFY(top.audited);

    workflows::ThresholdParams tp;
    tp.projectPath = path;
    tp.runId = run;
    tp.samplesPerFold = 2;
    tp.device = "cpu";
    tp.threads = 2;
    tp.store = false;
    const auto thresholdBefore = workflows::proposeModelThreshold(tp, none);

    workflows::setSliceExcluded(path, id, top.arrayKind, true, "bright spot");
    const auto after = workflows::runHealthyAudit(ap, none);
    QCOMPARE(after.audited(), before.audited());  // the run's partition is its own: the slice is still scored
    const auto row = std::find_if(after.images.begin(), after.images.end(),
                                  [&](const auto& i) { return i.arrayKind == top.arrayKind; });
    QVERIFY(row != after.images.end() && row->audited && row->sliceExcluded);
    QCOMPARE(row->excludedReason, std::string("bright spot"));
    QCOMPARE(after.excluded(), int64_t(1));
    // The threshold proposal no longer counts it among the healthy images.
    const auto thresholdAfter = workflows::proposeModelThreshold(tp, none);
    QCOMPARE(thresholdAfter.healthyArrays, thresholdBefore.healthyArrays - 1);

    // The next run's image list leaves exactly that slice out; the audited run's list is unchanged.
    t.fold = 1;
    const int64_t next = workflows::runTraining(t, none).runId;
    {
      project::Project p = project::Project::open(path, project::OpenMode::ReadOnly);
      const auto arrays = [&](int64_t r) {
        return nlohmann::json::parse(p.runs().get(r)->configJson).at("images").at(0).at("arrays")
            .get<std::vector<std::string>>();
      };
      QCOMPARE(int(arrays(run).size()), kSlices);
      std::vector<std::string> expected = arrays(run);
      std::erase(expected, top.arrayKind);
      QCOMPARE(arrays(next), expected);
    }
    // Its audit shows the slice it never saw, marked, as not audited.
    ap.runId = next;
    const auto nextAudit = workflows::runHealthyAudit(ap, none);
    const auto missing = std::find_if(nextAudit.images.begin(), nextAudit.images.end(),
                                      [&](const auto& i) { return i.arrayKind == top.arrayKind; });
    QVERIFY(missing != nextAudit.images.end() && !missing->audited && missing->sliceExcluded);
    QVERIFY(QString::fromStdString(missing->reason).contains("slice excluded"));

    workflows::setSliceExcluded(path, id, top.arrayKind, false);
    ap.runId = run;
    QCOMPARE(workflows::runHealthyAudit(ap, none).excluded(), int64_t(0));
    QCOMPARE(workflows::proposeModelThreshold(tp, none).healthyArrays, thresholdBefore.healthyArrays);

    // The whole volume excluded since the run: none of its slices counts as healthy any more, which leaves the
    // proposal nothing to judge the false-positive rate on — said, not proposed from images the user rejected.
    workflows::setImageExcluded(path, id, true, "not healthy after all");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::proposeModelThreshold(tp, none));
    workflows::setImageExcluded(path, id, false, {});
    QCOMPARE(workflows::proposeModelThreshold(tp, none).healthyArrays, thresholdBefore.healthyArrays);
  }
#endif
};

QTEST_GUILESS_MAIN(TestSliceExclusion)
#include "test_slice_exclusion.moc"
