// The demo screenshots pick what they show from the project: the top-ranked finding over a lesion, and a lesion no
// finding touches (for the manual box). On the synthetic review project (every image has a finding at its lesion
// and a false positive), then with every automatic finding removed by re-finding at a threshold nothing reaches.
#include <QTemporaryDir>
#include <QtTest>

#include "demo_screenshot_picks.h"
#include "lightbox/core/progress.h"
#include "lightbox/workflows/review.h"

using namespace lightbox;

namespace {

bool boxHoldsTruth(const Mask& truth, const workflows::ReviewFinding& f) {
  for (int64_t o = 0; o < truth.shape().count(); ++o) {
    if (!truth[o]) continue;
    const Index i = truth.shape().unravel(o);
    bool inside = true;
    for (int d = 0; d < truth.ndim(); ++d)
      inside = inside && i[size_t(d)] >= f.bboxMin[size_t(d)] && i[size_t(d)] < f.bboxMax[size_t(d)];
    if (inside) return true;
  }
  return false;
}

}  // namespace

class TestDemoScreenshotPicks : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0, dataset_ = 0;
  std::vector<int> folds_;

  std::vector<workflows::ReviewImage> ranking() const {
    return workflows::listReviewImages(path_, run_, folds_, dataset_);
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath(QStringLiteral("picks.lightbox")).toStdString();
    run_ = workflows::writeSyntheticReviewProject(path_, 3, true);
    const auto catalogue = workflows::loadReviewCatalogue(path_);
    for (const auto& d : catalogue.datasets)
      if (d.role == "test") dataset_ = d.id;
    for (const auto& r : catalogue.runs)
      if (r.id == run_) folds_ = r.models.front().folds;
    QVERIFY(dataset_ > 0 && !folds_.empty());
  }

  void topFindingIsOnALesion() {
    const auto images = ranking();
    QCOMPARE(images.size(), size_t(4));  // three slices and a volume
    const auto pick = desktop::topFindingOnLesion(path_, images);
    QVERIFY(pick.has_value());
    QCOMPARE(pick->rank, 1);  // every image has a finding at its lesion, so the top image has one
    QCOMPARE(pick->imageId, images.front().imageId);
    const auto data = workflows::loadReviewImage(path_, images.front().predictionId);
    QVERIFY(data.truth.has_value());
    const auto findings = workflows::listReviewFindings(path_, images.front().predictionId);
    QVERIFY(findings.size() >= 2);  // the lesion's and the false positive
    bool seen = false;
    for (const auto& f : findings) {
      if (f.id == pick->findingId) {
        QVERIFY(boxHoldsTruth(*data.truth, f));
        seen = true;
        break;
      }
      QVERIFY2(!boxHoldsTruth(*data.truth, f), "a higher-scoring finding over the lesion was passed over");
    }
    QVERIFY(seen);
  }

  void noLesionIsMissedWhileFound() { QVERIFY(!desktop::missedLesion(path_, ranking()).has_value()); }

  // Runs last: it removes the automatic findings.
  void missedLesionIsTheTruthsBox() {
    workflows::RefindParams p;
    p.projectPath = path_;
    p.runId = run_;
    p.folds = folds_;
    p.datasetId = dataset_;
    p.threshold = 1.0;
    p.storeAsUserThreshold = false;
    NullProgress progress;
    workflows::refindFindings(p, progress);
    const auto images = ranking();
    QVERIFY(!desktop::topFindingOnLesion(path_, images).has_value());
    const auto missed = desktop::missedLesion(path_, images);
    QVERIFY(missed.has_value());
    QCOMPARE(missed->imageId, images.front().imageId);
    const auto data = workflows::loadReviewImage(path_, images.front().predictionId);
    const Mask& t = *data.truth;
    for (int d = 0; d < t.ndim(); ++d) {
      int64_t lo = t.shape()[d], hi = -1;
      for (int64_t o = 0; o < t.shape().count(); ++o)
        if (t[o]) {
          lo = std::min(lo, t.shape().unravel(o)[size_t(d)]);
          hi = std::max(hi, t.shape().unravel(o)[size_t(d)]);
        }
      QVERIFY(hi >= 0);
      QCOMPARE(missed->min[size_t(d)], lo);
      QCOMPARE(missed->max[size_t(d)], hi);
    }
  }
};

QTEST_GUILESS_MAIN(TestDemoScreenshotPicks)
#include "test_demo_screenshot_picks.moc"
