#pragma once
// Internal to the metrics: the arithmetic of average precision and AUROC over tie groups visited from the highest
// score down. One definition shared by the in-memory functions (metrics.cpp) and the bounded-memory ones
// (pixel_metrics.cpp), so both give bit-identical results for the same groups.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "lightbox/core/eval/metrics.h"

namespace lightbox::eval::detail {

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

// sklearn: AP = sum over distinct thresholds (descending) of (R_k - R_{k-1}) * P_k with P_k = TP_k / (TP_k + FP_k).
// A group without positives adds nothing (its recall step is 0), so only groups with positives are summed.
class AveragePrecisionAccumulator {
 public:
  explicit AveragePrecisionAccumulator(uint64_t positives) : positives_(positives) {}
  void add(uint64_t pos, uint64_t neg) {
    tp_ += pos;
    fp_ += neg;
    if (pos) ap_.add(double(pos) / double(positives_) * (double(tp_) / double(tp_ + fp_)));
  }
  MetricValue result() const {
    if (positives_ == 0)
      return {0.0, std::string("no positive labels: average precision is undefined; 0 reported (as scikit-learn)")};
    return {ap_.value(), std::nullopt};
  }

 private:
  uint64_t positives_, tp_ = 0, fp_ = 0;
  CompensatedSum ap_;
};

// sklearn: trapezoidal area under (FPR, TPR) over distinct thresholds. Summed exactly in integers: each tie group adds
// neg * (2 * tp_before + pos), and the total is at most 2 * P * N <= n^2 / 2 (5e15 for n = 1e8), well inside uint64.
class AurocAccumulator {
 public:
  AurocAccumulator(uint64_t positives, uint64_t negatives) : positives_(positives), negatives_(negatives) {}
  void add(uint64_t pos, uint64_t neg) {
    twiceArea_ += neg * (2 * tp_ + pos);
    tp_ += pos;
  }
  MetricValue result() const {
    if (positives_ == 0 || negatives_ == 0)
      return {0.5, std::string("only one class present in the labels: AUROC is undefined; 0.5 reported")};
    return {double(twiceArea_) / (2.0 * double(positives_) * double(negatives_)), std::nullopt};
  }

 private:
  uint64_t positives_, negatives_, tp_ = 0, twiceArea_ = 0;
};

}  // namespace lightbox::eval::detail
