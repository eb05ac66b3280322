// ROC / PR curves of a model on the synthetic review project, and the images behind the errors at a threshold.
// One image's mask is emptied (a healthy test image, so the sample curve has negatives) and another's removed (left
// out). The figures must equal runEvaluation's for the same model; the error lists are checked against counts made
// independently from loadReviewImage's truth and map.
#include <QtTest>

#include <algorithm>
#include <filesystem>

#include "lightbox/core/eval/image_scores.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/curves.h"
#include "lightbox/workflows/evaluate.h"
#include "lightbox/workflows/review.h"

using namespace lightbox;
namespace fs = std::filesystem;

namespace {

/// Cancels once it has been asked `after` times for progress.
class CancelAfter final : public ProgressSink {
 public:
  explicit CancelAfter(int after) : left_(after) {}
  void progress(long long, long long, const std::string&) override { --left_; }
  void warning(const std::string&) override {}
  bool cancelled() const override { return left_ <= 0; }

 private:
  int left_;
};

}  // namespace

class TestCurvesWorkflow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0, dataset_ = 0, healthyImage_ = 0, unlabelledImage_ = 0;
  const std::vector<int> model_{0, 1};
  workflows::ModelCurves curves_;

  workflows::CurvesParams params() const {
    workflows::CurvesParams p;
    p.projectPath = path_;
    p.runId = run_;
    p.folds = {1, 0};  // any order
    p.datasetId = dataset_;
    p.keepThresholds = {0.5, 0.3};
    p.maxPixelPoints = 64;
    return p;
  }

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "c.lightbox").string();
    run_ = workflows::writeSyntheticReviewProject(path_, 5, true);
    const auto c = workflows::loadReviewCatalogue(path_);
    dataset_ = c.datasets.at(0).id;
    const auto images = workflows::listReviewImages(path_, run_, model_, dataset_);
    QCOMPARE(images.size(), size_t(6));
    // The second-highest scoring image becomes healthy (a false positive at most thresholds), the lowest unlabelled.
    healthyImage_ = images[1].imageId;
    unlabelledImage_ = images.back().imageId;
    project::Project proj = project::Project::open(path_);
    const auto row = proj.images().get(healthyImage_);
    proj.groundTruth().storeMask(healthyImage_, Mask(row->meta.shape, 0), "emptied by the test");
    proj.groundTruth().remove(unlabelledImage_);
  }

  void figuresEqualRunEvaluation() {
    NullProgress none;
    curves_ = workflows::computeCurves(params(), none);
    QVERIFY(!curves_.cancelled);
    QCOMPARE(curves_.images.size(), size_t(5));
    QCOMPARE(curves_.imagesWithoutGroundTruth, 1);
    QCOMPARE(curves_.sample.positives, uint64_t(4));
    QCOMPARE(curves_.sample.negatives, uint64_t(1));
    for (size_t i = 1; i < curves_.images.size(); ++i) QVERIFY(curves_.images[i - 1].imageId < curves_.images[i].imageId);

    workflows::EvaluateParams ep;
    ep.projectPath = path_;
    ep.runId = run_;
    ep.dataset = "review-demo";
    const auto ev = workflows::runEvaluation(ep, none);
    const auto& model = ev.datasets.at(0).models.at(0);
    QCOMPARE(model.folds, model_);
    for (const auto& s : model.scales) {
      if (s.scale == "sample") {
        QCOMPARE(curves_.sample.averagePrecision.value, s.ap);
        QCOMPARE(curves_.sample.areaUnderRoc.value, s.auroc);
      } else if (s.scale == "pixel") {
        QCOMPARE(curves_.pixel.averagePrecision.value, s.ap);
        QCOMPARE(curves_.pixel.areaUnderRoc.value, s.auroc);
        QCOMPARE(int64_t(curves_.pixel.positives), s.positives);
        QCOMPARE(int64_t(curves_.pixel.positives + curves_.pixel.negatives), s.items);
      }
    }
    QVERIFY(curves_.sample.complete);
    QCOMPARE(curves_.sample.points.size(), size_t(6));  // +inf and five distinct scores
    QVERIFY(!curves_.pixel.complete);
    QVERIFY(curves_.pixel.points.size() <= 64 + 2);
    QVERIFY(curves_.pixel.points.size() > 10);
  }

  void sampleErrorsFollowTheThreshold() {
    // At the healthy image's own score: it is the only false positive; lesions scoring lower are false negatives.
    double healthyScore = 0;
    for (const auto& im : curves_.images)
      if (im.imageId == healthyImage_) healthyScore = double(float(im.score));
    const auto e = workflows::sampleErrorsAt(curves_, healthyScore);
    QCOMPARE(e.falsePositives.size(), size_t(1));
    QCOMPARE(e.falsePositives[0].imageId, healthyImage_);
    size_t lower = 0;
    for (const auto& im : curves_.images) lower += im.lesion && float(im.score) < float(healthyScore);
    QCOMPARE(e.falseNegatives.size(), lower);
    QVERIFY(lower >= 2);
    for (size_t i = 1; i < e.falseNegatives.size(); ++i)
      QVERIFY(e.falseNegatives[i - 1].score <= e.falseNegatives[i].score);  // the worst miss first
    // The counts agree with the curve's point at that threshold.
    const auto& p = curves_.sample.points[curves_.sample.indexAt(healthyScore)];
    QCOMPARE(p.falsePositives, uint64_t(e.falsePositives.size()));
    QCOMPARE(curves_.sample.falseNegatives(p), uint64_t(e.falseNegatives.size()));
    // Above every score nothing is positive; at 0 everything is.
    QCOMPARE(workflows::sampleErrorsAt(curves_, 2.0).falseNegatives.size(), size_t(4));
    QCOMPARE(workflows::sampleErrorsAt(curves_, 0.0).falsePositives.size(), size_t(1));
    QVERIFY(workflows::sampleErrorsAt(curves_, 0.0).falseNegatives.empty());
  }

  void pixelErrorsPerImage() {
    NullProgress none;
    workflows::PixelErrorsParams pp{path_, run_, model_, dataset_, 0.5};
    const auto e = workflows::pixelErrorsAt(pp, none);
    QVERIFY(!e.cancelled);
    // The curve kept 0.5 exactly: its counts are the totals.
    const auto& point = curves_.pixel.points[curves_.pixel.indexAt(0.5)];
    QCOMPARE(e.totalFalsePositives, point.falsePositives);
    QCOMPARE(e.totalFalseNegatives, curves_.pixel.falseNegatives(point));
    QVERIFY(e.totalFalsePositives > 0 && e.totalFalseNegatives > 0);
    for (size_t i = 1; i < e.falsePositives.size(); ++i)
      QVERIFY(e.falsePositives[i - 1].falsePositives >= e.falsePositives[i].falsePositives);
    for (size_t i = 1; i < e.falseNegatives.size(); ++i)
      QVERIFY(e.falseNegatives[i - 1].falseNegatives >= e.falseNegatives[i].falseNegatives);
    // Independently, image by image, from what the review shows (its truth on the working grid and its map).
    const auto images = workflows::listReviewImages(path_, run_, model_, dataset_);
    size_t withFp = 0;
    for (const auto& im : images) {
      const auto data = workflows::loadReviewImage(path_, im.predictionId);
      const auto fp = std::find_if(e.falsePositives.begin(), e.falsePositives.end(),
                                   [&](const auto& x) { return x.imageId == im.imageId; });
      const auto fn = std::find_if(e.falseNegatives.begin(), e.falseNegatives.end(),
                                   [&](const auto& x) { return x.imageId == im.imageId; });
      if (!data.truth) {  // the unlabelled image is in neither list
        QCOMPARE(im.imageId, unlabelledImage_);
        QVERIFY(fp == e.falsePositives.end() && fn == e.falseNegatives.end());
        continue;
      }
      int64_t fpCount = 0, fnCount = 0;
      const auto v = data.map.values();
      for (size_t k = 0; k < v.size(); ++k) {
        const bool predicted = eval::clipToUnit(v[k]) >= 0.5f, truth = data.truth->values()[k] != 0;
        fpCount += predicted && !truth;
        fnCount += !predicted && truth;
      }
      QCOMPARE(fp != e.falsePositives.end() ? fp->falsePositives : 0, fpCount);
      QCOMPARE(fn != e.falseNegatives.end() ? fn->falseNegatives : 0, fnCount);
      if (fp != e.falsePositives.end()) {
        ++withFp;
        QCOMPARE(fp->sourcePath, im.sourcePath);
      }
    }
    QCOMPARE(withFp, e.falsePositives.size());
    // The healthy image's lesion blobs are all false positives: it leads the list.
    QCOMPARE(e.falsePositives.at(0).imageId, healthyImage_);
    QCOMPARE(e.falsePositives.at(0).truthVoxels, int64_t(0));
  }

  void cancelStopsEarly() {
    for (int after : {1, 3, 8}) {
      CancelAfter cancel(after);
      QVERIFY(workflows::computeCurves(params(), cancel).cancelled);
    }
    CancelAfter cancel(2);
    QVERIFY(workflows::pixelErrorsAt({path_, run_, model_, dataset_, 0.5}, cancel).cancelled);
  }

  void badRequestsAreRefused() {
    NullProgress none;
    auto p = params();
    p.runId = 999;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::computeCurves(p, none));
    p = params();
    p.datasetId = 999;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::computeCurves(p, none));
    p = params();
    p.folds = {0};  // a model that predicted nothing
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::computeCurves(p, none));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             workflows::pixelErrorsAt({path_, run_, model_, dataset_, std::nan("")}, none));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::sampleErrorsAt(curves_, std::nan("")));
  }

  void noGroundTruthIsAClearError() {
    const std::string other = (fs::path(dir_.path().toStdString()) / "n.lightbox").string();
    const int64_t run = workflows::writeSyntheticReviewProject(other, 2, false);
    const auto c = workflows::loadReviewCatalogue(other);
    {
      project::Project proj = project::Project::open(other);
      for (const auto& im : workflows::listReviewImages(other, run, model_, c.datasets.at(0).id))
        proj.groundTruth().remove(im.imageId);
    }
    NullProgress none;
    workflows::CurvesParams p{other, run, model_, c.datasets.at(0).id, {}, 512};
    try {
      workflows::computeCurves(p, none);
      QFAIL("no error");
    } catch (const std::invalid_argument& e) {
      QVERIFY(std::string(e.what()).find("ground truth") != std::string::npos);
    }
  }
};

QTEST_GUILESS_MAIN(TestCurvesWorkflow)
#include "test_curves_workflow.moc"
