#pragma once
// ROC and precision-recall curves with scikit-learn's exact definitions, consistent with metrics.h: the same tie
// groups (one point per distinct score, -0 and +0 one value), so the trapezoid under rocPoints() is areaUnderRoc and
// the step sum over prPoints() is averagePrecision.
//
//   roc_curve(y, s, drop_intermediate=False): (FPR, TPR) from (0, 0) at threshold +inf (sklearn >= 1.3 writes np.inf
//     there), then one point per distinct score, highest first.
//   precision_recall_curve(y, s) (sklearn >= 1.1, drop_intermediate=False, the default): one point per distinct
//     score, lowest threshold first, then the extra point (recall 0, precision 1), which has no threshold in sklearn
//     and +inf here.
// A point at threshold t counts the items with score >= t as predicted positive.
//
// Undefined rates are never NaN (sklearn gives NaN): with no negatives FPR is 0 everywhere, with no positives TPR is
// 0 and recall 1 (sklearn's recall rule); `warning` says so, as MetricValue does for AP and AUROC.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lightbox/core/eval/metrics.h"
#include "lightbox/core/eval/pixel_metrics.h"

namespace lightbox::eval {

/// One operating point: what is predicted positive at `threshold` (score >= threshold).
struct CurvePoint {
  double threshold = 0.0;  ///< a score of the set (exact float value), or +inf for "nothing predicted positive"
  uint64_t truePositives = 0, falsePositives = 0;
};

struct Curves {
  uint64_t positives = 0, negatives = 0;
  /// Descending threshold: points[0] is (+inf, 0, 0), the last is the lowest score (everything positive). Every
  /// distinct score when `complete`, else the subset the streaming variant kept.
  std::vector<CurvePoint> points;
  bool complete = true;
  MetricValue averagePrecision, areaUnderRoc;  ///< exact, over every tie group, also when not `complete`
  std::optional<std::string> warning;          ///< a rate is undefined (see the header comment)
  StreamingStats stats;                        ///< passes over the source

  double falsePositiveRate(const CurvePoint& p) const;
  double truePositiveRate(const CurvePoint& p) const;  ///< = recall, except with no positives (then 0; recall 1)
  double recall(const CurvePoint& p) const;
  /// TP / (TP + FP); 1 where nothing is predicted positive (sklearn's final PR point).
  double precision(const CurvePoint& p) const;
  uint64_t falseNegatives(const CurvePoint& p) const { return positives - p.truePositives; }
  uint64_t trueNegatives(const CurvePoint& p) const { return negatives - p.falsePositives; }
  /// The operating point of `threshold`: the point with the lowest threshold >= it (points[0] when none), exact
  /// when `complete` or when the threshold was among CurveOptions::keepAt. NaN -> std::invalid_argument.
  size_t indexAt(double threshold) const;
};

struct RocPoint {
  double fpr = 0, tpr = 0, threshold = 0;
};
struct PrPoint {
  double recall = 0, precision = 0, threshold = 0;
};
/// In sklearn's order: roc_curve's (ascending FPR) and precision_recall_curve's (ascending threshold, the +inf point
/// last).
std::vector<RocPoint> rocPoints(const Curves& curves);
std::vector<PrPoint> prPoints(const Curves& curves);

/// Trapezoidal area under rocPoints and sklearn's AP sum over prPoints, -sum(diff(recall) * precision[:-1]): what
/// a plotted curve shows, equal to areaUnderRoc / averagePrecision for complete curves.
double trapezoidArea(const std::vector<RocPoint>& roc);
double stepAveragePrecision(const std::vector<PrPoint>& pr);

/// Every distinct score (sample level: hundreds of images). Throws std::invalid_argument for different lengths or a
/// NaN score.
Curves exactCurves(std::span<const float> scores, std::span<const uint8_t> labels);

struct CurveOptions {
  /// At most this many points (> 3), the thresholds of keepAt aside; 0 keeps every distinct score.
  size_t maxPoints = 512;
  /// Thresholds whose operating points are kept exactly whatever the thinning (e.g. the review threshold).
  std::vector<double> keepAt;
  StreamingOptions streaming;
};

/// The curves of every pixel the source delivers (pixel_metrics.h: the pixels are never held, only tie groups are
/// visited). Thinning keeps a point when FPR or TPR moved by at least 2 / (maxPoints - 2) since the last kept one,
/// plus the first, the last and keepAt's, so a plot of 10^8 voxels stays smooth at a few hundred points; every kept
/// point is an exact point of the full curve, and AP/AUROC are computed over all groups. Throws like
/// forEachTieGroupStreaming, and std::invalid_argument for maxPoints 1..3 or a NaN in keepAt.
Curves streamingCurves(const PixelSource& source, const CurveOptions& options = {});

}  // namespace lightbox::eval
