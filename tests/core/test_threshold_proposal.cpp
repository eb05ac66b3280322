// Threshold proposal without ground truth: best pixel F1 on synthetic-task samples, target false-positive rate on
// healthy images, and the larger of the two. Score distributions are built so the answers are known exactly
// (values exactly representable in float, so the float/grid comparisons are unambiguous).
#include <QtTest>

#include <stdexcept>
#include <vector>

#include "lightbox/core/eval/threshold_proposal.h"

using namespace lightbox::eval;

namespace {

void addPixels(std::vector<float>& scores, std::vector<uint8_t>& labels, int count, float score, uint8_t label) {
  scores.insert(scores.end(), size_t(count), score);
  labels.insert(labels.end(), size_t(count), label);
}

// Positives: 60 at 0.875, 40 at 0.5; negatives: 20 at 0.5, 500 at 0.125.
//   t in [0.5, 0.875): TP 60, FP 0, FN 40 -> F1 120/160 = 0.75
//   t in [0.125, 0.5): TP 100, FP 20, FN 0 -> F1 200/220 (best)
//   t < 0.125:         TP 100, FP 520      -> F1 200/720
F1CurveAccumulator overlappingSynthetic() {
  std::vector<float> scores;
  std::vector<uint8_t> labels;
  addPixels(scores, labels, 60, 0.875f, 1);
  addPixels(scores, labels, 40, 0.5f, 1);
  addPixels(scores, labels, 20, 0.5f, 0);
  addPixels(scores, labels, 500, 0.125f, 0);
  F1CurveAccumulator acc;
  // Fed in two chunks: the accumulator only sums.
  const std::span<const float> s(scores);
  const std::span<const uint8_t> l(labels);
  acc.add(s.first(300), l.first(300));
  acc.add(s.subspan(300), l.subspan(300));
  return acc;
}

// 9990 healthy pixels at 0.25, 10 at 0.625: rate 1e-3 for t in [0.25, 0.625), 0 above, 1 below.
FalsePositiveRateAccumulator healthy() {
  std::vector<float> scores(9990, 0.25f);
  scores.insert(scores.end(), 10, 0.625f);
  FalsePositiveRateAccumulator acc;
  acc.add(scores);
  return acc;
}

}  // namespace

class TestThresholdProposal : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Separable classes: F1 = 1 on the whole plateau [0.25, 0.75); the proposal is its middle.
  void separableClassesGiveThePlateauMiddle() {
    std::vector<float> scores;
    std::vector<uint8_t> labels;
    addPixels(scores, labels, 30, 0.75f, 1);
    addPixels(scores, labels, 70, 0.25f, 0);
    F1CurveAccumulator acc;
    acc.add(scores, labels);
    const F1Curve c = acc.curve();
    QCOMPARE(c.points.size(), size_t(1001));
    QCOMPARE(c.points[249].f1, 60.0 / 130);  // t = 0.249: all 100 predicted
    QCOMPARE(c.points[250].f1, 1.0);
    QCOMPARE(c.points[749].f1, 1.0);
    QCOMPARE(c.points[750].f1, 0.0);  // t = 0.75: the positives are not > t
    QCOMPARE(c.points[750].precision, 1.0);
    QCOMPARE(c.best, size_t(500));
    QCOMPARE(c.points[c.best].threshold, 0.5);
    QCOMPARE(c.positiveWeight, 30.0);
    QCOMPARE(c.pixels, uint64_t(100));
  }

  void overlappingClassesGiveTheBestF1() {
    const F1Curve c = overlappingSynthetic().curve();
    QCOMPARE(c.points[c.best].f1, 200.0 / 220);
    QCOMPARE(c.best, size_t((125 + 499 + 1) / 2));  // middle of the plateau [0.125, 0.5)
    QCOMPARE(c.points[600].f1, 0.75);
    QCOMPARE(c.points[600].precision, 1.0);
    QCOMPARE(c.points[600].recall, 0.6);
    QCOMPARE(c.points[100].f1, 200.0 / 720);
    QCOMPARE(c.points[0].recall, 1.0);
  }

  // Soft labels count label as positive and 1 - label as negative.
  void softLabels() {
    const std::vector<float> scores(100, 0.75f), labels(100, 0.5f);
    F1CurveAccumulator acc(100);
    acc.add(scores, labels);
    const F1Curve c = acc.curve();
    QCOMPARE(c.positiveWeight, 50.0);
    QCOMPARE(c.negativeWeight, 50.0);
    QCOMPARE(c.points[10].precision, 0.5);
    QCOMPARE(c.points[10].f1, 100.0 / 150);
  }

  void falsePositiveRateTarget() {
    const FalsePositiveRateCurve c = healthy().curve();
    QCOMPARE(c.points[249].rate, 1.0);
    QCOMPARE(c.points[250].rate, 1e-3);
    QCOMPARE(c.points[625].rate, 0.0);
    QCOMPARE(thresholdForFalsePositiveRate(c, 1e-3), size_t(250));
    QCOMPARE(thresholdForFalsePositiveRate(c, 5e-4), size_t(625));
    QCOMPARE(thresholdForFalsePositiveRate(c, 0.0), size_t(625));
    // A float just under a grid value: 0.9f = 0.89999998 is not > 0.9 but is > 0.899.
    FalsePositiveRateAccumulator acc;
    acc.add(std::vector<float>{0.9f, 0.0f, 0.0f, 0.0f});
    const FalsePositiveRateCurve d = acc.curve();
    QCOMPARE(d.points[899].rate, 0.25);
    QCOMPARE(d.points[900].rate, 0.0);
  }

  void combinedRuleTakesTheLarger() {
    const ThresholdProposal byF1 = proposeThreshold(overlappingSynthetic(), healthy(), 1e-3);
    QCOMPARE(byF1.decidedBy, ThresholdProposal::Rule::BestSyntheticF1);
    QCOMPARE(byF1.threshold, 0.312);
    QCOMPARE(byF1.f1Threshold, 0.312);
    QCOMPARE(byF1.fprThreshold, 0.25);
    QCOMPARE(byF1.bestF1, 200.0 / 220);
    QCOMPARE(byF1.falsePositiveRateAtThreshold, 1e-3);

    const ThresholdProposal byRate = proposeThreshold(overlappingSynthetic(), healthy(), 5e-4);
    QCOMPARE(byRate.decidedBy, ThresholdProposal::Rule::HealthyFalsePositiveRate);
    QCOMPARE(byRate.threshold, 0.625);
    QCOMPARE(byRate.f1AtThreshold, 0.75);  // the quieter threshold still finds the strong synthetic anomalies
    QCOMPARE(byRate.falsePositiveRateAtThreshold, 0.0);
    QCOMPARE(byRate.targetFalsePositiveRate, 5e-4);
    QCOMPARE(byRate.fprCurve.pixels, uint64_t(10000));
    QCOMPARE(byRate.f1Curve.pixels, uint64_t(620));
  }

  void badInputIsRejected() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, F1CurveAccumulator(0));
    F1CurveAccumulator acc;
    const std::vector<float> scores{0.5f, 0.6f}, badLabels{0.5f, 1.5f};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, acc.add(scores, badLabels));
    const std::vector<uint8_t> one{1};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, acc.add(scores, one));
    acc.add(scores, std::vector<uint8_t>{0, 0});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, acc.curve());  // no positives
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, FalsePositiveRateAccumulator().curve());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, proposeThreshold(overlappingSynthetic(), healthy(), 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             proposeThreshold(overlappingSynthetic(), FalsePositiveRateAccumulator(500)));
  }
};

QTEST_GUILESS_MAIN(TestThresholdProposal)
#include "test_threshold_proposal.moc"
