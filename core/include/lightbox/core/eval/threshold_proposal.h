#pragma once
// Proposing a findings threshold without real lesions. Two sources of evidence, both available from healthy data:
//   (a) held-out synthetic-task samples (the tasks a fold did not train on, with their labels): the threshold that
//       maximises pixel F1 on them;
//   (b) healthy validation images: the lowest threshold whose pixel false-positive rate stays under a target;
// and (c) the combined rule: the larger of the two, so that the threshold that finds synthetic anomalies best is
// raised where it would light up healthy tissue.
//
// Candidate thresholds are the grid t_j = j / steps, j = 0 .. steps (default 1000: 0.001 apart); a pixel is
// predicted anomalous at t iff its clipped score is > t, the rule findings.h uses, so a proposed threshold gives
// exactly the counted pixels when handed to findFindings. Both accumulators take pixels in chunks and keep only
// per-grid-bin sums (memory O(steps)), so any number of samples can be fed.

#include <cstdint>
#include <span>
#include <vector>

namespace lightbox::eval {

struct F1CurvePoint {
  double threshold = 0.0;
  double precision = 1.0;  ///< 1 where nothing is predicted anomalous (no false positives)
  double recall = 0.0;
  double f1 = 0.0;         ///< 2 TP / (2 TP + FP + FN); 0 where that is 0 / 0
};

struct F1Curve {
  std::vector<F1CurvePoint> points;  ///< one per grid threshold, ascending
  double positiveWeight = 0.0;       ///< sum of label values (voxel count for binary labels)
  double negativeWeight = 0.0;       ///< sum of (1 - label)
  uint64_t pixels = 0;
  /// Index of the proposed point: among the grid thresholds with the maximal F1, the contiguous run that contains
  /// the highest one, and within it the middle (upper middle for an even run), away from both plateau edges.
  size_t best = 0;
};

/// Sums of held-out synthetic-task pixels per grid bin. Labels may be soft (the labeller's values in [0, 1], each
/// pixel then counts `label` as positive and `1 - label` as negative: F1 with fractional truth) or binary.
class F1CurveAccumulator {
 public:
  /// steps in [1, 1000000], else std::invalid_argument.
  explicit F1CurveAccumulator(int steps = 1000);
  /// Scores are clipped to [0, 1]; labels must lie in [0, 1]. Throws std::invalid_argument for different lengths,
  /// a NaN score or a label outside [0, 1]; a rejected chunk adds nothing.
  void add(std::span<const float> scores, std::span<const float> labels);
  /// Binary labels: 0 = normal, else anomalous.
  void add(std::span<const float> scores, std::span<const uint8_t> labels);
  int steps() const { return steps_; }
  uint64_t pixels() const { return pixels_; }
  /// The curve and its best point. Throws std::invalid_argument if no positive label weight was added.
  F1Curve curve() const;

 private:
  int steps_;
  uint64_t pixels_ = 0;
  std::vector<double> positive_, negative_;  // bin b = number of grid thresholds below the score, 0 .. steps
};

struct FalsePositiveRatePoint {
  double threshold = 0.0;
  double rate = 0.0;  ///< fraction of healthy pixels with score > threshold
};
struct FalsePositiveRateCurve {
  std::vector<FalsePositiveRatePoint> points;  ///< one per grid threshold, ascending
  uint64_t pixels = 0;
};

/// Counts of healthy validation pixels per grid bin.
class FalsePositiveRateAccumulator {
 public:
  explicit FalsePositiveRateAccumulator(int steps = 1000);
  /// Scores are clipped to [0, 1]; NaN -> std::invalid_argument.
  void add(std::span<const float> healthyScores);
  int steps() const { return steps_; }
  uint64_t pixels() const { return pixels_; }
  /// Throws std::invalid_argument if no pixel was added.
  FalsePositiveRateCurve curve() const;

 private:
  int steps_;
  uint64_t pixels_ = 0;
  std::vector<uint64_t> count_;
};

/// Default target: 1e-3 of healthy pixels above the threshold (about 65 pixels of a 256x256 radiograph, 700 voxels
/// of an 80x112x80 volume, before the findings' minimum size removes isolated specks).
inline constexpr double kDefaultTargetFalsePositiveRate = 1e-3;

/// Index into curve.points of the lowest threshold with rate <= target (exists: t = 1 has rate 0).
/// target in [0, 1), else std::invalid_argument.
size_t thresholdForFalsePositiveRate(const FalsePositiveRateCurve& curve, double target);

struct ThresholdProposal {
  enum class Rule { BestSyntheticF1, HealthyFalsePositiveRate };
  double threshold = 0.0;  ///< max(f1Threshold, fprThreshold)
  Rule decidedBy = Rule::BestSyntheticF1;

  // (a) synthetic-task evidence
  F1Curve f1Curve;
  double f1Threshold = 0.0;
  double bestF1 = 0.0;
  // (b) healthy evidence
  FalsePositiveRateCurve fprCurve;
  double targetFalsePositiveRate = kDefaultTargetFalsePositiveRate;
  double fprThreshold = 0.0;
  // What the chosen threshold gives on each: F1 on the synthetic samples and rate on the healthy images.
  double f1AtThreshold = 0.0;
  double falsePositiveRateAtThreshold = 0.0;
};

/// The combined rule (c). Both accumulators must hold pixels and the same number of steps, else
/// std::invalid_argument.
ThresholdProposal proposeThreshold(const F1CurveAccumulator& synthetic, const FalsePositiveRateAccumulator& healthy,
                                   double targetFalsePositiveRate = kDefaultTargetFalsePositiveRate);

}  // namespace lightbox::eval
