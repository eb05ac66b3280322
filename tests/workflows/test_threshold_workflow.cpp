// The threshold proposal judges each healthy image, and each held-out-task sample, only by the folds that never
// trained on it (issue #7): which arrays each fold judges (against the partition itself, including folds whose
// held-out images overlap), a single fold's proposal unchanged from the rule before, and an ensemble of two folds
// whose healthy false-positive rate is exactly that of each fold on its own held-out images, where judging by the
// whole ensemble gives another one.
#include <QtTest>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "lightbox/core/folds.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/train.h"
#include "phantom_project.h"
#include "threshold_judging.h"
#include "validation_prediction.h"

using namespace lightbox;
namespace fs = std::filesystem;

namespace {

constexpr int kImages = 10;

bool contains(const std::vector<workflows::detail::ArrayRef>& refs, const workflows::detail::ArrayRef& r) {
  return std::find(refs.begin(), refs.end(), r) != refs.end();
}

/// `count` tiny one-array images (the partition only looks at how many there are and in which order).
std::vector<workflows::detail::SourceImage> tinyImages(int count) {
  std::vector<workflows::detail::SourceImage> out;
  for (int i = 0; i < count; ++i) {
    workflows::detail::SourceImage s;
    s.path = "/data/h" + std::to_string(i) + ".png";
    s.imageId = 100 + i;
    s.kinds = {"preprocessed"};
    s.arrays = {std::make_shared<const ImageRecord>(Image(1, Shape(4, 4)))};
    out.push_back(std::move(s));
  }
  return out;
}

void compareResults(const workflows::ThresholdResult& a, const workflows::ThresholdResult& b) {
  QCOMPARE(a.threshold, b.threshold);
  QCOMPARE(a.decidedBy, b.decidedBy);
  QCOMPARE(a.f1Threshold, b.f1Threshold);
  QCOMPARE(a.bestF1, b.bestF1);
  QCOMPARE(a.fprThreshold, b.fprThreshold);
  QCOMPARE(a.f1AtThreshold, b.f1AtThreshold);
  QCOMPARE(a.falsePositiveRateAtThreshold, b.falsePositiveRateAtThreshold);
  QCOMPARE(a.syntheticPixels, b.syntheticPixels);
  QCOMPARE(a.healthyPixels, b.healthyPixels);
  QCOMPARE(a.heldOutTasks, b.heldOutTasks);
  QCOMPARE(a.curve.size(), b.curve.size());
  for (size_t i = 0; i < a.curve.size(); ++i) {
    QCOMPARE(a.curve[i].threshold, b.curve[i].threshold);
    QCOMPARE(a.curve[i].precision, b.curve[i].precision);
    QCOMPARE(a.curve[i].recall, b.curve[i].recall);
    QCOMPARE(a.curve[i].f1, b.curve[i].f1);
    QCOMPARE(a.curve[i].falsePositiveRate, b.curve[i].falsePositiveRate);
  }
}

}  // namespace

class TestThresholdWorkflow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0;

  workflows::ThresholdParams params(std::vector<int> folds) const {
    workflows::ThresholdParams t;
    t.projectPath = path_;
    t.runId = run_;
    t.folds = std::move(folds);
    t.samplesPerFold = 3;
    t.targetFalsePositiveRate = 0.05;
    t.seed = 11;
    t.device = "cpu";
    t.threads = 2;
    t.store = false;
    return t;
  }

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "t.lightbox").string();
    project::Project p = project::Project::create(path_);
    test::addPhantomImages(p, "healthy", project::DatasetRole::Healthy, kImages, 10);
    test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
  }

  void eachArrayIsJudgedOnlyByTheFoldsThatHeldItOut() {
    // Three training tasks of five: ten folds, each holding out two tasks and their two chunks, so that one image
    // is held out by four folds and trained on by the six others.
    const auto images = tinyImages(kImages);
    std::vector<workflows::detail::FoldData> parts;
    for (int f = 0; f < foldCount(3); ++f) parts.push_back(workflows::detail::partitionFold(images, foldTasks(3, f)));
    const auto arrays = workflows::detail::heldOutArrays(parts);
    QCOMPARE(arrays.size(), size_t(kImages));  // every chunk is held out by some fold
    for (const auto& a : arrays) {
      QCOMPARE(a.folds.size(), size_t(4));
      for (size_t g = 0; g < parts.size(); ++g) {
        const bool judges = std::find(a.folds.begin(), a.folds.end(), g) != a.folds.end();
        QCOMPARE(judges, contains(parts[g].validationRefs, a.ref));
        if (judges) QVERIFY(!contains(parts[g].trainingRefs, a.ref));
      }
    }
    // Folds 0 and 9 ({0,1,2} and {2,3,4} train) share no held-out image: only each fold's own arrays are judged,
    // and the images both trained on (chunk 2) not at all.
    const std::vector<workflows::detail::FoldData> two = {parts[0], parts[9]};
    const auto some = workflows::detail::heldOutArrays(two);
    QCOMPARE(some.size(), size_t(8));
    for (const auto& a : some) {
      QCOMPARE(a.folds.size(), size_t(1));
      QVERIFY(contains(two[a.folds[0]].validationRefs, a.ref));
      QVERIFY(!contains(two[a.folds[0]].trainingRefs, a.ref));
      QVERIFY(!contains(two[1 - a.folds[0]].validationRefs, a.ref));
    }
    // A sample made from a fold's validation images may mix in any of them: only folds holding out them all judge.
    for (size_t f = 0; f < parts.size(); ++f) {
      const auto judges = workflows::detail::foldsHoldingOutPartitionOf(parts, f);
      QCOMPARE(judges, std::vector<size_t>{f});  // two folds never hold out the same two chunks
    }
    const std::vector<workflows::detail::FoldData> same = {parts[0], parts[0], parts[9]};
    QCOMPARE(workflows::detail::foldsHoldingOutPartitionOf(same, 1), (std::vector<size_t>{0, 1}));
  }

  void clippedMeanAveragesClippedMaps() {
    Image a(1, Shape(1, 3)), b(1, Shape(1, 3));
    const float av[] = {-1.0f, 0.5f, 2.0f}, bv[] = {0.5f, 0.25f, 0.5f};
    std::copy(av, av + 3, a.data());
    std::copy(bv, bv + 3, b.data());
    workflows::detail::ClippedMapMean m;
    m.add(a, 3);
    m.add(b, 4);
    QCOMPARE(m.folds(), (std::vector<int>{3, 4}));
    QCOMPARE(m.mean(), (std::vector<float>{0.25f, 0.375f, 0.75f}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m.add(Image(1, Shape(2, 2)), 5));
  }

  void trainTwoFolds() {
    NullProgress none;
    for (const int fold : {0, 1}) {
      workflows::TrainParams t;
      t.projectPath = path_;
      t.dataset = "healthy";
      t.blendDataset = "blend";
      t.trainingTaskCount = 4;  // fold 0 holds out task 4 and chunk 4, fold 1 task 3 and chunk 3; each trains on the other's
      t.fold = fold;
      t.runName = "leak";
      t.seed = 5;
      t.maxSteps = 4;
      t.validateEvery = 2;
      t.threads = 2;
      t.workers = 1;
      t.device = "cpu";
      const auto r = workflows::runTraining(t, none);
      QVERIFY(r.folds.at(0).bestStep > 0);
      run_ = r.runId;
    }
  }

  void singleFoldProposalIsUnchanged() {
    NullProgress none;
    for (const int fold : {0, 1}) {
      const auto now = workflows::proposeModelThreshold(params({fold}), none);
      const auto before =
          workflows::detail::proposeThreshold(params({fold}), none, workflows::detail::ThresholdJudges::WholeEnsemble);
      compareResults(now, before);
      QCOMPARE(now.healthyArrays, int64_t(2));         // its own chunk
      QCOMPARE(now.healthyArraysUnused, int64_t(8));   // the four chunks it trained on
      QCOMPARE(now.syntheticSamples, int64_t(3));
      const auto d = nlohmann::json::parse(now.detailsJson);
      QCOMPARE(d.at("healthy_arrays_judged_by_fold").at(std::to_string(fold)).get<int64_t>(), int64_t(2));
      QCOMPARE(d.at("synthetic_samples_judged_by_fold").at(std::to_string(fold)).get<int64_t>(), int64_t(3));
    }
  }

  void ensembleJudgesEachImageByTheFoldThatHeldItOut() {
    NullProgress none;
    const auto f0 = workflows::proposeModelThreshold(params({0}), none);
    const auto f1 = workflows::proposeModelThreshold(params({1}), none);
    auto stored = params({0, 1});
    stored.store = true;
    const auto both = workflows::proposeModelThreshold(stored, none);
    const auto leaky =
        workflows::detail::proposeThreshold(params({0, 1}), none, workflows::detail::ThresholdJudges::WholeEnsemble);
    QCOMPARE(both.folds, (std::vector<int>{0, 1}));
    QCOMPARE(both.healthyArrays, int64_t(4));
    QCOMPARE(both.healthyArraysUnused, int64_t(6));  // chunks 0-2, which both folds trained on
    QCOMPARE(both.syntheticSamples, int64_t(6));
    QCOMPARE(both.healthyPixels, f0.healthyPixels + f1.healthyPixels);
    QCOMPARE(both.syntheticPixels, f0.syntheticPixels + f1.syntheticPixels);
    const auto d = nlohmann::json::parse(both.detailsJson);
    QCOMPARE(d.at("healthy_arrays").get<int64_t>(), int64_t(4));
    QCOMPARE(d.at("healthy_arrays_trained_on_by_every_fold").get<int64_t>(), int64_t(6));
    // Each fold held out only its own chunk, and the other fold did not hold out its samples' images.
    QCOMPARE(d.at("healthy_arrays_judged_by_fold"), (nlohmann::json{{"0", 2}, {"1", 2}}));
    QCOMPARE(d.at("synthetic_samples_judged_by_fold"), (nlohmann::json{{"0", 3}, {"1", 3}}));
    const auto status = workflows::loadThresholdStatus(path_, run_, {0, 1});  // the counts read back with the rest
    QVERIFY(status.proposal.has_value());
    QCOMPARE(status.proposal->healthyArrays, int64_t(4));
    QCOMPARE(status.proposal->healthyArraysUnused, int64_t(6));
    QCOMPARE(status.proposal->syntheticSamples, int64_t(6));
    QCOMPARE(status.proposal->threshold, both.threshold);

    // Every healthy array judged by exactly the one fold that never trained on it: the ensemble's healthy
    // false-positive rate at each threshold is the pixel-weighted mean of the two folds' own rates.
    QCOMPARE(both.curve.size(), f0.curve.size());
    const double w0 = double(f0.healthyPixels), w1 = double(f1.healthyPixels);
    bool leakShows = false;
    for (size_t i = 0; i < both.curve.size(); ++i) {
      const double expected = (f0.curve[i].falsePositiveRate * w0 + f1.curve[i].falsePositiveRate * w1) / (w0 + w1);
      QVERIFY2(std::abs(both.curve[i].falsePositiveRate - expected) < 1e-9, qPrintable(QString::number(i)));
      if (std::abs(leaky.curve[i].falsePositiveRate - expected) > 1e-9 ||
          std::abs(leaky.curve[i].f1 - both.curve[i].f1) > 1e-9)
        leakShows = true;
    }
    // Judged by the whole ensemble, each image also gets the map of the fold that trained on it: another proposal.
    QVERIFY(leakShows);
    QCOMPARE(leaky.healthyPixels, both.healthyPixels);
  }
};

QTEST_GUILESS_MAIN(TestThresholdWorkflow)
#include "test_threshold_workflow.moc"
