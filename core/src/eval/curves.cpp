#include "lightbox/core/eval/curves.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

#include "curve_accumulators.h"
#include "tie_groups.h"

namespace lightbox::eval {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double rate(uint64_t count, uint64_t total) { return total ? double(count) / double(total) : 0.0; }

}  // namespace

double Curves::falsePositiveRate(const CurvePoint& p) const { return rate(p.falsePositives, negatives); }
double Curves::truePositiveRate(const CurvePoint& p) const { return rate(p.truePositives, positives); }
double Curves::recall(const CurvePoint& p) const { return positives ? rate(p.truePositives, positives) : 1.0; }
double Curves::precision(const CurvePoint& p) const {
  const uint64_t predicted = p.truePositives + p.falsePositives;
  return predicted ? double(p.truePositives) / double(predicted) : 1.0;
}

size_t Curves::indexAt(double threshold) const {
  if (std::isnan(threshold)) throw std::invalid_argument("curves: NaN threshold");
  // Thresholds descend, so the wanted point is the last one whose threshold is still >= `threshold`.
  const auto it = std::partition_point(points.begin(), points.end(),
                                       [&](const CurvePoint& p) { return p.threshold >= threshold; });
  return it == points.begin() ? 0 : size_t(it - points.begin()) - 1;
}

std::vector<RocPoint> rocPoints(const Curves& c) {
  std::vector<RocPoint> out;
  out.reserve(c.points.size());
  for (const CurvePoint& p : c.points) out.push_back({c.falsePositiveRate(p), c.truePositiveRate(p), p.threshold});
  return out;
}

std::vector<PrPoint> prPoints(const Curves& c) {
  std::vector<PrPoint> out;
  if (c.points.empty()) return out;
  out.reserve(c.points.size());
  // sklearn has no point for +inf in the PR curve until the appended (recall 0, precision 1).
  for (size_t i = c.points.size(); i-- > 1;) {
    const CurvePoint& p = c.points[i];
    out.push_back({c.recall(p), c.precision(p), p.threshold});
  }
  out.push_back({0.0, 1.0, kInf});
  return out;
}

double trapezoidArea(const std::vector<RocPoint>& roc) {
  double area = 0.0;
  for (size_t i = 1; i < roc.size(); ++i) area += (roc[i].fpr - roc[i - 1].fpr) * (roc[i].tpr + roc[i - 1].tpr) / 2.0;
  return area;
}

double stepAveragePrecision(const std::vector<PrPoint>& pr) {
  double ap = 0.0;
  for (size_t i = 0; i + 1 < pr.size(); ++i) ap += (pr[i].recall - pr[i + 1].recall) * pr[i].precision;
  return ap;
}

Curves streamingCurves(const PixelSource& source, const CurveOptions& options) {
  if (options.maxPoints > 0 && options.maxPoints < 4)
    throw std::invalid_argument("curves: at least 4 points, got " + std::to_string(options.maxPoints));
  std::vector<double> marks = options.keepAt;
  for (double m : marks)
    if (std::isnan(m)) throw std::invalid_argument("curves: NaN threshold to keep");
  std::sort(marks.begin(), marks.end(), std::greater<>());
  // Each kept point (first and last aside) advances FPR + TPR (at most 2 in all) by at least `step`.
  const double step = options.maxPoints ? 2.0 / double(options.maxPoints - 2) : 0.0;

  Curves c;
  c.complete = options.maxPoints == 0;
  std::optional<detail::AveragePrecisionAccumulator> ap;
  std::optional<detail::AurocAccumulator> auroc;
  CurvePoint current{kInf, 0, 0}, previous = current;
  bool previousKept = true;
  size_t nextMark = 0;
  uint64_t seen = 0;

  auto keep = [&](const CurvePoint& p) { c.points.push_back(p); };
  auto farEnough = [&](const CurvePoint& p) {
    const CurvePoint& last = c.points.back();
    return std::max(c.falsePositiveRate(p) - c.falsePositiveRate(last),
                    c.truePositiveRate(p) - c.truePositiveRate(last)) >= step;
  };

  TieGroupVisitor visitor;
  visitor.totals = [&](uint64_t positives, uint64_t negatives) {
    c.positives = positives;
    c.negatives = negatives;
    ap.emplace(positives);
    auroc.emplace(positives, negatives);
    keep(current);
  };
  visitor.group = [&](float score, uint64_t pos, uint64_t neg) {
    ap->add(pos, neg);
    auroc->add(pos, neg);
    // A mark between the previous group's score and this one is answered by the previous point.
    for (; nextMark < marks.size() && double(score) < marks[nextMark]; ++nextMark)
      if (!previousKept) {
        keep(previous);
        previousKept = true;
      }
    current = {double(score), previous.truePositives + pos, previous.falsePositives + neg};
    seen += pos + neg;
    const bool last = seen == c.positives + c.negatives;
    previousKept = c.complete || last || farEnough(current);
    if (previousKept) keep(current);
    previous = current;
  };
  c.stats = forEachTieGroupStreaming(source, options.streaming, visitor);
  c.averagePrecision = ap->result();
  c.areaUnderRoc = auroc->result();
  if (c.negatives == 0)
    c.warning = "no negative labels: the false-positive rate is undefined; 0 reported";
  else if (c.positives == 0)
    c.warning = "no positive labels: the true-positive rate is undefined; 0 reported (recall 1, as scikit-learn)";
  return c;
}

Curves exactCurves(std::span<const float> scores, std::span<const uint8_t> labels) {
  detail::countLabels(scores, labels);  // lengths and NaN, with the element named
  CurveOptions options;
  options.maxPoints = 0;
  return streamingCurves(pixelSourceOf(scores, labels), options);
}

}  // namespace lightbox::eval
