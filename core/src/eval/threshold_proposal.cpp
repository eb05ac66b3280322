#include "lightbox/core/eval/threshold_proposal.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "lightbox/core/eval/image_scores.h"

namespace lightbox::eval {

namespace {

int checkedSteps(int steps) {
  if (steps < 1 || steps > 1000000)
    throw std::invalid_argument("threshold grid: steps must lie in [1, 1000000], got " + std::to_string(steps));
  return steps;
}

double gridThreshold(int j, int steps) { return double(j) / double(steps); }

// Number of grid thresholds t_j (j = 0 .. steps) strictly below the clipped score: the pixel is predicted
// anomalous at t_j iff j < bin. Starts from ceil(s * steps) and corrects with the same double comparison
// findFindings makes, so rounding in s * steps cannot misplace a score that sits on a grid value.
int binOf(float score, int steps) {
  const double s = clipToUnit(score);
  int b = int(std::ceil(s * double(steps)));
  b = b < 0 ? 0 : b > steps + 1 ? steps + 1 : b;
  while (b > 0 && !(gridThreshold(b - 1, steps) < s)) --b;
  while (b <= steps && gridThreshold(b, steps) < s) ++b;
  return b;
}

void checkLengths(size_t scores, size_t labels) {
  if (scores != labels)
    throw std::invalid_argument("threshold proposal: " + std::to_string(scores) + " scores but " +
                                std::to_string(labels) + " labels");
}

// The whole chunk is checked before anything is added, so a rejected chunk leaves the sums as they were.
void checkScores(std::span<const float> scores) {
  for (float s : scores)
    if (std::isnan(s)) throw std::invalid_argument("threshold proposal: NaN score");
}

}  // namespace

F1CurveAccumulator::F1CurveAccumulator(int steps)
    : steps_(checkedSteps(steps)), positive_(size_t(steps) + 2, 0.0), negative_(size_t(steps) + 2, 0.0) {}

void F1CurveAccumulator::add(std::span<const float> scores, std::span<const float> labels) {
  checkLengths(scores.size(), labels.size());
  checkScores(scores);
  for (float w : labels)
    if (!(w >= 0.0f && w <= 1.0f))
      throw std::invalid_argument("threshold proposal: label " + std::to_string(w) + " outside [0, 1]");
  for (size_t i = 0; i < scores.size(); ++i) {
    const size_t b = size_t(binOf(scores[i], steps_));
    positive_[b] += labels[i];
    negative_[b] += 1.0 - double(labels[i]);
  }
  pixels_ += scores.size();
}

void F1CurveAccumulator::add(std::span<const float> scores, std::span<const uint8_t> labels) {
  checkLengths(scores.size(), labels.size());
  checkScores(scores);
  for (size_t i = 0; i < scores.size(); ++i) (labels[i] ? positive_ : negative_)[size_t(binOf(scores[i], steps_))] += 1.0;
  pixels_ += scores.size();
}

F1Curve F1CurveAccumulator::curve() const {
  F1Curve c;
  c.pixels = pixels_;
  for (size_t b = 0; b < positive_.size(); ++b) c.positiveWeight += positive_[b], c.negativeWeight += negative_[b];
  if (!(c.positiveWeight > 0.0))
    throw std::invalid_argument("threshold proposal: the synthetic samples hold no positive label");
  // Predicted anomalous at t_j: bins j+1 .. steps+1. Sweep j downwards, adding bin j+1 each time.
  c.points.resize(size_t(steps_) + 1);
  double tp = 0.0, fp = 0.0;
  for (int j = steps_; j >= 0; --j) {
    tp += positive_[size_t(j) + 1];
    fp += negative_[size_t(j) + 1];
    F1CurvePoint& p = c.points[size_t(j)];
    p.threshold = gridThreshold(j, steps_);
    p.precision = tp + fp > 0.0 ? tp / (tp + fp) : 1.0;
    p.recall = tp / c.positiveWeight;
    const double denominator = 2.0 * tp + fp + (c.positiveWeight - tp);
    p.f1 = denominator > 0.0 ? 2.0 * tp / denominator : 0.0;
  }
  size_t high = 0;
  for (size_t j = 0; j < c.points.size(); ++j)
    if (c.points[j].f1 >= c.points[high].f1) high = j;
  size_t low = high;
  while (low > 0 && c.points[low - 1].f1 == c.points[high].f1) --low;
  c.best = (low + high + 1) / 2;
  return c;
}

FalsePositiveRateAccumulator::FalsePositiveRateAccumulator(int steps)
    : steps_(checkedSteps(steps)), count_(size_t(steps) + 2, 0) {}

void FalsePositiveRateAccumulator::add(std::span<const float> healthyScores) {
  checkScores(healthyScores);
  for (float s : healthyScores) ++count_[size_t(binOf(s, steps_))];
  pixels_ += healthyScores.size();
}

FalsePositiveRateCurve FalsePositiveRateAccumulator::curve() const {
  if (pixels_ == 0) throw std::invalid_argument("threshold proposal: no healthy pixels");
  FalsePositiveRateCurve c;
  c.pixels = pixels_;
  c.points.resize(size_t(steps_) + 1);
  uint64_t above = 0;
  for (int j = steps_; j >= 0; --j) {
    above += count_[size_t(j) + 1];
    c.points[size_t(j)] = {gridThreshold(j, steps_), double(above) / double(pixels_)};
  }
  return c;
}

size_t thresholdForFalsePositiveRate(const FalsePositiveRateCurve& curve, double target) {
  if (!(target >= 0.0 && target < 1.0))
    throw std::invalid_argument("threshold proposal: target false-positive rate " + std::to_string(target) +
                                " outside [0, 1)");
  if (curve.points.empty()) throw std::invalid_argument("threshold proposal: empty false-positive curve");
  // The rate never rises with the threshold: the first point at or under the target.
  for (size_t j = 0; j < curve.points.size(); ++j)
    if (curve.points[j].rate <= target) return j;
  return curve.points.size() - 1;  // unreachable: the last point (t = 1) has rate 0
}

ThresholdProposal proposeThreshold(const F1CurveAccumulator& synthetic, const FalsePositiveRateAccumulator& healthy,
                                   double targetFalsePositiveRate) {
  if (synthetic.steps() != healthy.steps())
    throw std::invalid_argument("threshold proposal: synthetic grid has " + std::to_string(synthetic.steps()) +
                                " steps, healthy grid " + std::to_string(healthy.steps()));
  ThresholdProposal p;
  p.f1Curve = synthetic.curve();
  p.fprCurve = healthy.curve();
  p.targetFalsePositiveRate = targetFalsePositiveRate;
  const size_t f1Index = p.f1Curve.best;
  const size_t fprIndex = thresholdForFalsePositiveRate(p.fprCurve, targetFalsePositiveRate);
  p.f1Threshold = p.f1Curve.points[f1Index].threshold;
  p.bestF1 = p.f1Curve.points[f1Index].f1;
  p.fprThreshold = p.fprCurve.points[fprIndex].threshold;
  // Same grid, so the larger threshold is the larger index.
  const size_t chosen = f1Index >= fprIndex ? f1Index : fprIndex;
  p.decidedBy = f1Index >= fprIndex ? ThresholdProposal::Rule::BestSyntheticF1
                                    : ThresholdProposal::Rule::HealthyFalsePositiveRate;
  p.threshold = p.f1Curve.points[chosen].threshold;
  p.f1AtThreshold = p.f1Curve.points[chosen].f1;
  p.falsePositiveRateAtThreshold = p.fprCurve.points[chosen].rate;
  return p;
}

}  // namespace lightbox::eval
