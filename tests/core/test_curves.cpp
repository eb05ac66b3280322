// ROC and PR points against scikit-learn's roc_curve(drop_intermediate=False) and precision_recall_curve, worked out
// by hand below, and against the AP / AUROC of metrics.h on the fixtures scikit-learn computed
// (fixtures/metrics_cases.txt); the streaming variant against the exact curve.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/core/eval/curves.h"
#include "lightbox/core/eval/metrics.h"
#include "lightbox/core/random.h"

using namespace lightbox;
using namespace lightbox::eval;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Case {
  std::string name;
  std::vector<float> scores;
  std::vector<uint8_t> labels;
};

std::vector<Case> readCases() {
  std::ifstream in(LIGHTBOX_EVAL_FIXTURES "/metrics_cases.txt");
  if (!in) throw std::runtime_error("cannot open " LIGHTBOX_EVAL_FIXTURES "/metrics_cases.txt");
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "case") {
      cases.emplace_back();
      fields >> cases.back().name;
    } else if (key == "scores") {
      for (std::string v; fields >> v;) cases.back().scores.push_back(std::stof(v));
    } else if (key == "labels") {
      for (int v; fields >> v;) cases.back().labels.push_back(uint8_t(v));
    }
  }
  return cases;
}

/// Positives / negatives with score >= t, counted directly.
std::pair<uint64_t, uint64_t> countAt(const std::vector<float>& s, const std::vector<uint8_t>& l, double t) {
  uint64_t tp = 0, fp = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (double(s[i]) >= t) ++(l[i] ? tp : fp);
  return {tp, fp};
}

}  // namespace

class TestCurves : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // sklearn's documented example. roc_curve([0,0,1,1], [.1,.4,.35,.8], drop_intermediate=False):
  //   thresholds [inf, .8, .4, .35, .1], fpr [0, 0, .5, .5, 1], tpr [0, .5, .5, 1, 1];
  // precision_recall_curve: thresholds [.1, .35, .4, .8], precision [.5, 2/3, .5, 1, 1], recall [1, 1, .5, .5, 0];
  // AP = .5 * 2/3 + .5 * 1 = 5/6, AUROC = .75.
  void sklearnExample() {
    const std::vector<float> s{0.1f, 0.4f, 0.35f, 0.8f};
    const std::vector<uint8_t> l{0, 0, 1, 1};
    const Curves c = exactCurves(s, l);
    QVERIFY(c.complete);
    QCOMPARE(c.positives, uint64_t(2));
    QCOMPARE(c.negatives, uint64_t(2));
    const auto roc = rocPoints(c);
    QCOMPARE(roc.size(), size_t(5));
    const double thr[] = {kInf, double(0.8f), double(0.4f), double(0.35f), double(0.1f)};
    const double fpr[] = {0, 0, 0.5, 0.5, 1}, tpr[] = {0, 0.5, 0.5, 1, 1};
    for (size_t i = 0; i < 5; ++i) {
      QCOMPARE(roc[i].threshold, thr[i]);
      QCOMPARE(roc[i].fpr, fpr[i]);
      QCOMPARE(roc[i].tpr, tpr[i]);
    }
    const auto pr = prPoints(c);
    QCOMPARE(pr.size(), size_t(5));
    const double prThr[] = {double(0.1f), double(0.35f), double(0.4f), double(0.8f), kInf};
    const double precision[] = {0.5, 2.0 / 3.0, 0.5, 1, 1}, recall[] = {1, 1, 0.5, 0.5, 0};
    for (size_t i = 0; i < 5; ++i) {
      QCOMPARE(pr[i].threshold, prThr[i]);
      QCOMPARE(pr[i].precision, precision[i]);
      QCOMPARE(pr[i].recall, recall[i]);
    }
    QCOMPARE(trapezoidArea(roc), 0.75);
    QVERIFY(std::abs(stepAveragePrecision(pr) - 5.0 / 6.0) < 1e-15);
    QCOMPARE(c.areaUnderRoc.value, 0.75);
    QVERIFY(std::abs(c.averagePrecision.value - 5.0 / 6.0) < 1e-15);
    QVERIFY(!c.warning);
  }

  // Ties: scores [.5,.5,.5,.2,.9,.2], labels [1,0,1,0,0,1]; groups .9 (0+, 1-), .5 (2+, 1-), .2 (1+, 1-).
  // roc_curve: thresholds [inf, .9, .5, .2], fpr [0, 1/3, 2/3, 1], tpr [0, 0, 2/3, 1], area 7/18;
  // precision_recall_curve: thresholds [.2, .5, .9], precision [.5, .5, 0, 1], recall [1, 2/3, 0, 0], AP 1/2.
  void tiesAreOnePoint() {
    const std::vector<float> s{0.5f, 0.5f, 0.5f, 0.2f, 0.9f, 0.2f};
    const std::vector<uint8_t> l{1, 0, 1, 0, 0, 1};
    const Curves c = exactCurves(s, l);
    const auto roc = rocPoints(c);
    QCOMPARE(roc.size(), size_t(4));
    const double fpr[] = {0, 1.0 / 3, 2.0 / 3, 1}, tpr[] = {0, 0, 2.0 / 3, 1};
    for (size_t i = 0; i < 4; ++i) {
      QCOMPARE(roc[i].fpr, fpr[i]);
      QCOMPARE(roc[i].tpr, tpr[i]);
    }
    QVERIFY(std::abs(trapezoidArea(roc) - 7.0 / 18.0) < 1e-15);
    const auto pr = prPoints(c);
    QCOMPARE(pr.size(), size_t(4));
    const double precision[] = {0.5, 0.5, 0, 1}, recall[] = {1, 2.0 / 3, 0, 0};
    for (size_t i = 0; i < 4; ++i) {
      QCOMPARE(pr[i].precision, precision[i]);
      QCOMPARE(pr[i].recall, recall[i]);
    }
    QVERIFY(std::abs(stepAveragePrecision(pr) - 0.5) < 1e-15);
    // The operating point of any threshold: scores >= t.
    QCOMPARE(c.points[c.indexAt(0.6)].threshold, double(0.9f));
    QCOMPARE(c.points[c.indexAt(0.5)].threshold, double(0.5f));
    QCOMPARE(c.points[c.indexAt(0.3)].threshold, double(0.5f));
    QCOMPARE(c.points[c.indexAt(0.0)].threshold, double(0.2f));
    QCOMPARE(c.points[c.indexAt(0.95)].threshold, kInf);
    QCOMPARE(c.falseNegatives(c.points[c.indexAt(0.3)]), uint64_t(1));
    QCOMPARE(c.trueNegatives(c.points[c.indexAt(0.3)]), uint64_t(1));
  }

  void negativeZeroTiesWithZero() {
    const std::vector<float> s{-0.0f, 0.0f, 1.0f};
    const std::vector<uint8_t> l{1, 0, 1};
    const Curves c = exactCurves(s, l);
    QCOMPARE(c.points.size(), size_t(3));  // +inf, 1, 0
    QCOMPARE(c.points[2].truePositives, uint64_t(2));
    QCOMPARE(c.points[2].falsePositives, uint64_t(1));
  }

  // The curves agree with metrics.h (whose values the fixtures hold from scikit-learn) on every fixture case.
  void consistentWithMetricsOnFixtures() {
    const auto cases = readCases();
    QVERIFY(cases.size() >= 4);
    for (const Case& k : cases) {
      const Curves c = exactCurves(k.scores, k.labels);
      const MetricValue ap = averagePrecision(k.scores, k.labels), auc = areaUnderRoc(k.scores, k.labels);
      QVERIFY2(c.averagePrecision.value == ap.value, k.name.c_str());
      QVERIFY2(c.areaUnderRoc.value == auc.value, k.name.c_str());
      if (!auc.warning) QVERIFY2(std::abs(trapezoidArea(rocPoints(c)) - auc.value) < 1e-12, k.name.c_str());
      if (!ap.warning) QVERIFY2(std::abs(stepAveragePrecision(prPoints(c)) - ap.value) < 1e-12, k.name.c_str());
      for (const CurvePoint& p : c.points) {
        const auto [tp, fp] = countAt(k.scores, k.labels, p.threshold);
        QVERIFY2(tp == p.truePositives && fp == p.falsePositives, k.name.c_str());
      }
    }
  }

  void undefinedRatesAreNotNan() {
    const std::vector<float> s{0.2f, 0.7f};
    const std::vector<uint8_t> allPositive{1, 1}, allNegative{0, 0};
    const Curves p = exactCurves(s, allPositive);
    QVERIFY(p.warning);
    for (const auto& r : rocPoints(p)) QCOMPARE(r.fpr, 0.0);
    const Curves n = exactCurves(s, allNegative);
    QVERIFY(n.warning);
    for (const auto& r : rocPoints(n)) QCOMPARE(r.tpr, 0.0);
    const auto pr = prPoints(n);
    for (size_t i = 0; i + 1 < pr.size(); ++i) QCOMPARE(pr[i].recall, 1.0);  // sklearn: recall set to one
    QVERIFY(n.averagePrecision.warning);
    const Curves none = exactCurves({}, {});
    QCOMPARE(none.points.size(), size_t(1));
  }

  void badInputIsRefused() {
    const std::vector<float> s{0.2f, std::nanf("")};
    const std::vector<uint8_t> l{0, 1};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exactCurves(s, l));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exactCurves(std::vector<float>{0.1f}, l));
    CurveOptions o;
    o.maxPoints = 3;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, streamingCurves(pixelSourceOf({}, {}), o));
    o.maxPoints = 10;
    o.keepAt = {std::nan("")};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, streamingCurves(pixelSourceOf({}, {}), o));
    const Curves c = exactCurves(std::vector<float>{0.1f}, std::vector<uint8_t>{1});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, c.indexAt(std::nan("")));
  }

  // 600k pixels, most of them distinct: at most maxPoints points (+ the kept thresholds), each an exact point of the
  // full curve, the kept thresholds exact, AP / AUROC exact; a small budget (several passes) gives the same curve.
  void streamingThinsToExactPoints() {
    Rng rng(7);
    const size_t n = 600000;  // 2.4 MB of entries: more than one pass at the 4 MiB budget
    std::vector<float> s(n);
    std::vector<uint8_t> l(n);
    for (size_t i = 0; i < n; ++i) {
      l[i] = rng.uniform() < 0.05 ? 1 : 0;
      const double base = l[i] ? rng.uniform(0.2, 1.0) : rng.uniform(0.0, 0.8);
      s[i] = i % 10 == 0 ? 0.0f : float(base);  // a crowded bucket at 0, like clipped background
    }
    const Curves exact = exactCurves(s, l);
    QVERIFY(exact.points.size() > 100000);
    CurveOptions o;
    o.maxPoints = 200;
    o.keepAt = {0.5, 0.3125, 2.0, -1.0};
    const Curves thin = streamingCurves(pixelSourceOf(s, l), o);
    QVERIFY(!thin.complete);
    QVERIFY(thin.points.size() <= o.maxPoints + o.keepAt.size());
    QVERIFY(thin.points.size() >= 100);  // it does not throw the curve away either
    QCOMPARE(thin.averagePrecision.value, exact.averagePrecision.value);
    QCOMPARE(thin.areaUnderRoc.value, exact.areaUnderRoc.value);
    QCOMPARE(thin.points.front().threshold, kInf);
    QCOMPARE(thin.points.back().threshold, 0.0);
    for (size_t i = 0; i < thin.points.size(); ++i) {
      const CurvePoint& p = thin.points[i];
      if (i) QVERIFY(p.threshold < thin.points[i - 1].threshold);
      const CurvePoint& e = exact.points[exact.indexAt(p.threshold)];
      QCOMPARE(e.threshold, p.threshold);
      QCOMPARE(e.truePositives, p.truePositives);
      QCOMPARE(e.falsePositives, p.falsePositives);
    }
    for (double t : o.keepAt) {
      const CurvePoint& p = thin.points[thin.indexAt(t)];
      const auto [tp, fp] = countAt(s, l, t);
      QCOMPARE(p.truePositives, tp);
      QCOMPARE(p.falsePositives, fp);
    }
    // The thinned curve still draws the same area and AP to within its resolution.
    QVERIFY(std::abs(trapezoidArea(rocPoints(thin)) - exact.areaUnderRoc.value) < 1e-3);
    QVERIFY(std::abs(stepAveragePrecision(prPoints(thin)) - exact.averagePrecision.value) < 2e-2);

    CurveOptions small = o;
    small.streaming.memoryBudgetBytes = size_t(4) << 20;
    const Curves passes = streamingCurves(pixelSourceOf(s, l), small);
    QVERIFY(passes.stats.passes > thin.stats.passes);
    QCOMPARE(passes.points.size(), thin.points.size());
    for (size_t i = 0; i < passes.points.size(); ++i) {
      QCOMPARE(passes.points[i].threshold, thin.points[i].threshold);
      QCOMPARE(passes.points[i].truePositives, thin.points[i].truePositives);
    }
  }
};

QTEST_APPLESS_MAIN(TestCurves)
#include "test_curves.moc"
