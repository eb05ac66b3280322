#include "lightbox/core/eval/metrics.h"

#include <cmath>

#include "tie_groups.h"

namespace lightbox::eval {

namespace {

// Neumaier summation: for 1e8 tie groups a plain sum could drift by ~1e-8, more than the tests allow.
struct CompensatedSum {
  double sum = 0.0, compensation = 0.0;
  void add(double x) {
    const double t = sum + x;
    compensation += std::abs(sum) >= std::abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  double value() const { return sum + compensation; }
};

}  // namespace

// sklearn: AP = sum over distinct thresholds (descending) of (R_k - R_{k-1}) * P_k with P_k = TP_k / (TP_k + FP_k).
// A group without positives adds nothing (its recall step is 0), so only groups with positives are summed.
MetricValue averagePrecision(std::span<const float> scores, std::span<const uint8_t> labels) {
  const detail::LabelCounts counts = detail::countLabels(scores, labels);
  if (counts.positives == 0)
    return {0.0, "no positive labels: average precision is undefined; 0 reported (as scikit-learn)"};
  CompensatedSum ap;
  uint64_t tp = 0, fp = 0;
  const double positives = double(counts.positives);
  detail::forEachTieGroupDescending(scores, labels, [&](uint32_t pos, uint32_t neg) {
    tp += pos;
    fp += neg;
    if (pos) ap.add(double(pos) / positives * (double(tp) / double(tp + fp)));
  });
  return {ap.value(), std::nullopt};
}

// sklearn: trapezoidal area under (FPR, TPR) over distinct thresholds. Summed exactly in integers: each tie group adds
// neg * (2 * tp_before + pos), and the total is at most 2 * P * N <= n^2 / 2 (5e15 for n = 1e8), well inside uint64.
MetricValue areaUnderRoc(std::span<const float> scores, std::span<const uint8_t> labels) {
  const detail::LabelCounts counts = detail::countLabels(scores, labels);
  if (counts.positives == 0 || counts.negatives == 0)
    return {0.5, "only one class present in the labels: AUROC is undefined; 0.5 reported"};
  uint64_t twiceArea = 0, tp = 0;
  detail::forEachTieGroupDescending(scores, labels, [&](uint32_t pos, uint32_t neg) {
    twiceArea += uint64_t(neg) * (2 * tp + pos);
    tp += pos;
  });
  return {double(twiceArea) / (2.0 * double(counts.positives) * double(counts.negatives)), std::nullopt};
}

}  // namespace lightbox::eval
