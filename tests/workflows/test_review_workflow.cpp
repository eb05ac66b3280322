// The review workspace's use cases on a synthetic project (made-up maps with known lesions): catalogue, ranking
// with review progress, an image's map with ground truth on the working grid, colour scale, findings, append-only
// reviews with undo, thresholds, re-finding at a new threshold (reviewed findings kept) and the CSV export.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "lightbox/workflows/evaluate.h"
#include "lightbox/workflows/review.h"

using namespace lightbox;
namespace fs = std::filesystem;

class TestReviewWorkflow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0;
  int64_t dataset_ = 0;
  const std::vector<int> model_{0, 1};

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "r.lightbox").string();
    run_ = workflows::writeSyntheticReviewProject(path_, 4, true);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::writeSyntheticReviewProject(path_));
  }

  void catalogueListsModelsAndDatasets() {
    const auto c = workflows::loadReviewCatalogue(path_);
    QCOMPARE(c.runs.size(), size_t(1));
    QCOMPARE(c.runs[0].id, run_);
    QVERIFY(c.runs[0].foldsWithCheckpoint.empty());  // made up: no checkpoints
    QCOMPARE(c.runs[0].models.size(), size_t(1));
    QCOMPARE(c.runs[0].models[0].folds, model_);
    QVERIFY(c.runs[0].models[0].ensemble());
    QCOMPARE(c.datasets.size(), size_t(1));  // the healthy dataset has no images
    QCOMPARE(c.datasets[0].name, std::string("review-demo"));
    QCOMPARE(c.datasets[0].role, std::string("test"));
    QCOMPARE(c.datasets[0].groundTruthMasks, int64_t(5));
    dataset_ = c.datasets[0].id;
    QCOMPARE(c.runs[0].models[0].predictions(dataset_), int64_t(5));
#ifdef LIGHTBOX_HAS_TRAINING
    QVERIFY(c.canPredict);
#else
    QVERIFY(!c.canPredict);
#endif
  }

  void imagesAreRankedByScore() {
    const auto images = workflows::listReviewImages(path_, run_, {1, 0}, dataset_);  // fold order does not matter
    QCOMPARE(images.size(), size_t(5));
    for (size_t i = 1; i < images.size(); ++i) QVERIFY(images[i - 1].score >= images[i].score);
    for (const auto& im : images) {
      QVERIFY(im.findings >= 2);  // a lesion and the false positive at least
      QCOMPARE(im.reviewed(), int64_t(0));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::listReviewImages(path_, 999, model_, dataset_));
  }

  void imageDataShareTheWorkingGrid() {
    const auto images = workflows::listReviewImages(path_, run_, model_, dataset_);
    for (const auto& im : images) {
      const auto d = workflows::loadReviewImage(path_, im.predictionId);
      QCOMPARE(d.imageId, im.imageId);
      QVERIFY(d.working.source == workflows::ViewSource::WorkingArray);
      QVERIFY(d.map.shape() == d.working.image.shape());
      QVERIFY(d.truth.has_value());
      QCOMPARE(d.truthKind, std::string("mask"));
      QVERIFY(d.truth->shape() == d.map.shape());
      // The made-up map peaks inside the lesions: the truth's voxels score high there.
      double inside = 0;
      int64_t n = 0;
      for (int64_t k = 0; k < d.truth->count(); ++k)
        if (d.truth->values()[size_t(k)]) inside += d.map.values()[size_t(k)], ++n;
      QVERIFY(n > 0);
      QVERIFY(inside / double(n) > 0.4);
      QCOMPARE(d.score, im.score);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::loadReviewImage(path_, 12345));
  }

  void colourScaleDefaultsToTheScoreRange() {
    auto s = workflows::loadColourScale(path_, run_);
    QVERIFY(!s.stored);
    QCOMPARE(s.min, 0.0);
    QCOMPARE(s.max, 1.0);
    NullProgress none;
    const auto suggested = workflows::suggestColourScale(path_, run_, model_, dataset_, none);
    QVERIFY(suggested.max > 0.05 && suggested.max < 1.0);  // the blobs are small: the 99th percentile is below 1
    s.max = 0.8;
    s.colormap = "viridis";
    workflows::storeColourScale(path_, run_, s);
    const auto back = workflows::loadColourScale(path_, run_);
    QVERIFY(back.stored);
    QCOMPARE(back.max, 0.8);
    QCOMPARE(back.colormap, std::string("viridis"));
    s.min = 0.9;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::storeColourScale(path_, run_, s));
  }

  void reviewsAreAppendedAndUndone() {
    const auto images = workflows::listReviewImages(path_, run_, model_, dataset_);
    const auto findings = workflows::listReviewFindings(path_, images[0].predictionId);
    QVERIFY(findings.size() >= 2);
    for (size_t i = 1; i < findings.size(); ++i) QVERIFY(*findings[i - 1].maxScore >= *findings[i].maxScore);
    QVERIFY(findings[0].sizeMm > 0);
    QVERIFY(findings[0].threshold && *findings[0].threshold == 0.5);
    const int64_t f = findings[0].id;
    auto s = workflows::recordReview(path_, f, workflows::ReviewDecision::Accepted, "", "tester");
    QVERIFY(s.decision == workflows::ReviewDecision::Accepted);
    QCOMPARE(s.reviewer, std::string("tester"));
    QVERIFY(!s.reviewedAt.empty());
    s = workflows::recordReview(path_, f, workflows::ReviewDecision::Accepted, "looks real", "tester");
    QCOMPARE(s.note, std::string("looks real"));
    auto u = workflows::undoLatestReview(path_, f);
    QVERIFY(u && u->decision == workflows::ReviewDecision::Accepted && u->note.empty());
    u = workflows::undoLatestReview(path_, f);  // undo of the undo: the note is back
    QCOMPARE(u->note, std::string("looks real"));
    workflows::recordReview(path_, findings[1].id, workflows::ReviewDecision::Rejected, "", "tester");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             workflows::recordReview(path_, 999999, workflows::ReviewDecision::Accepted, ""));
    QVERIFY(workflows::currentReview(path_, findings[1].id).decision == workflows::ReviewDecision::Rejected);

    const auto again = workflows::listReviewImages(path_, run_, model_, dataset_);
    const auto it = std::find_if(again.begin(), again.end(), [&](const auto& r) { return r.imageId == images[0].imageId; });
    QCOMPARE(it->accepted, int64_t(1));
    QCOMPARE(it->rejected, int64_t(1));
    QCOMPARE(it->noted, int64_t(1));
  }

  void thresholdsAndRefinding() {
    auto t = workflows::loadThreshold(path_, run_, model_);
    QCOMPARE(*t.value, 0.5);
    QCOMPARE(t.source, std::string("proposed"));
    const auto images = workflows::listReviewImages(path_, run_, model_, dataset_);
    const int64_t reviewedBefore = [&] {
      int64_t n = 0;
      for (const auto& im : images) n += im.reviewed();
      return n;
    }();
    QCOMPARE(reviewedBefore, int64_t(2));

    NullProgress none;
    workflows::RefindParams rp;
    rp.projectPath = path_;
    rp.runId = run_;
    rp.folds = model_;
    rp.datasetId = dataset_;
    rp.threshold = 0.7;  // above the false positives' peaks: only lesions remain (plus the kept reviewed ones)
    const auto r = workflows::refindFindings(rp, none);
    QCOMPARE(r.predictions, int64_t(5));
    QCOMPARE(r.keptReviewed, int64_t(2));
    t = workflows::loadThreshold(path_, run_, model_);
    QCOMPARE(*t.value, 0.7);
    QCOMPARE(t.source, std::string("user"));
    QCOMPARE(*t.proposed, 0.5);
    const auto after = workflows::listReviewImages(path_, run_, model_, dataset_);
    int64_t reviewedAfter = 0;
    for (const auto& im : after) reviewedAfter += im.reviewed();
    QCOMPARE(reviewedAfter, int64_t(2));  // nothing reviewed is lost
    const auto top = workflows::listReviewFindings(path_, images[0].predictionId);
    QVERIFY(std::any_of(top.begin(), top.end(), [](const auto& f) { return f.threshold && *f.threshold == 0.5; }));
    QVERIFY(std::any_of(top.begin(), top.end(), [](const auto& f) { return f.threshold && *f.threshold == 0.7; }));

    QCOMPARE(workflows::clearUserThreshold(path_, run_, model_), int64_t(1));
    QCOMPARE(*workflows::loadThreshold(path_, run_, model_).value, 0.5);
    workflows::storeUserThreshold(path_, run_, model_, 0.6);
    QCOMPARE(*workflows::loadThreshold(path_, run_, model_).value, 0.6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::storeUserThreshold(path_, run_, model_, 1.5));
    rp.threshold = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::refindFindings(rp, none));
  }

  void exportWritesReviewedRows() {
    workflows::ExportParams xp;
    xp.projectPath = path_;
    xp.runId = run_;
    xp.folds = model_;
    xp.only = "reviewed";
    xp.output = (fs::path(dir_.path().toStdString()) / "reviewed.csv").string();
    QCOMPARE(workflows::exportFindings(xp).rows, int64_t(2));
    std::ifstream in(xp.output);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    QVERIFY(text.find("accepted") != std::string::npos);
    QVERIFY(text.find("rejected") != std::string::npos);
    QVERIFY(text.find("looks real") != std::string::npos);
  }

  void categories() {
    const auto cats = workflows::loadFindingCategories(path_);
    const auto images = workflows::listReviewImages(path_, run_, model_, dataset_);
    const auto f = workflows::listReviewFindings(path_, images[0].predictionId).at(0);
    if (!cats.empty()) {
      workflows::setFindingCategory(path_, f.id, cats[0].id);
      const auto back = workflows::listReviewFindings(path_, images[0].predictionId);
      const auto it = std::find_if(back.begin(), back.end(), [&](const auto& g) { return g.id == f.id; });
      QCOMPARE(it->category, cats[0].name);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::setFindingCategory(path_, f.id, 424242));
  }
};

QTEST_GUILESS_MAIN(TestReviewWorkflow)
#include "test_review_workflow.moc"
