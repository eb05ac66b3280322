#include "lightbox/core/eval/metrics.h"

#include "curve_accumulators.h"
#include "tie_groups.h"

namespace lightbox::eval {

MetricValue averagePrecision(std::span<const float> scores, std::span<const uint8_t> labels) {
  const detail::LabelCounts counts = detail::countLabels(scores, labels);
  detail::AveragePrecisionAccumulator ap(counts.positives);
  if (counts.positives == 0) return ap.result();
  detail::forEachTieGroupDescending(scores, labels, [&](uint32_t pos, uint32_t neg) { ap.add(pos, neg); });
  return ap.result();
}

MetricValue areaUnderRoc(std::span<const float> scores, std::span<const uint8_t> labels) {
  const detail::LabelCounts counts = detail::countLabels(scores, labels);
  detail::AurocAccumulator auroc(counts.positives, counts.negatives);
  if (counts.positives == 0 || counts.negatives == 0) return auroc.result();
  detail::forEachTieGroupDescending(scores, labels, [&](uint32_t pos, uint32_t neg) { auroc.add(pos, neg); });
  return auroc.result();
}

}  // namespace lightbox::eval
