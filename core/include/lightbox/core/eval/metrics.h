#pragma once
// Ranking metrics with scikit-learn's exact definitions (SPEC §5.2, §9): average precision as
// average_precision_score (step-wise sum of (R_n - R_{n-1}) P_n over distinct thresholds, ties grouped) and AUROC as
// roc_auc_score (trapezoidal area with ties).

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace lightbox::eval {

struct MetricValue {
  double value = 0.0;
  /// Set when the metric is undefined for these labels (no positives, or for AUROC no negatives); `value` then
  /// holds the documented substitute (AP: 0 like scikit-learn with no positives; AUROC: 0.5) — never NaN.
  std::optional<std::string> warning;
};

/// labels: 0 = negative, anything else = positive. scores and labels have the same length.
MetricValue averagePrecision(std::span<const float> scores, std::span<const uint8_t> labels);
MetricValue areaUnderRoc(std::span<const float> scores, std::span<const uint8_t> labels);

}  // namespace lightbox::eval
