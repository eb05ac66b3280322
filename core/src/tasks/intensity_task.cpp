#include "lightbox/core/tasks/intensity_task.h"

#include <algorithm>

#include "lightbox/core/morphology.h"
#include "lightbox/core/patch.h"

namespace lightbox {

void SmoothIntensityTask::insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
                       ImageRangeTracker& ranges) const {
  const Mask& mask = shape.mask();
  const Grid<double> distance = euclideanDistanceTransform(mask);
  double maxDistance = 0.0;
  for (int64_t k = 0; k < distance.count(); ++k)
    if (mask[k]) maxDistance = std::max(maxDistance, distance[k]);
  if (maxDistance <= 0.0) return;  // empty mask

  const double ramp =
      std::min(double(image.shape().minSize()) *
                   (settings_.rampBase + rng.gamma(settings_.rampGammaShape, settings_.rampGammaScale)),
               maxDistance);
  const double tau = settings_.intensityScale;
  const double magnitude = tau / 2.0 + rng.gamma(3.0, tau);

  Patch patch = extractPatch(image, box);
  for (int c = 0; c < patch.channels; ++c) {
    const double sign = rng.uniform() < 0.5 ? -1.0 : 1.0;
    double* v = patch.channel(c);
    for (int64_t k = 0; k < patch.shape.count(); ++k)
      if (mask[k]) v[k] += std::min(distance[k] / ramp, 1.0) * magnitude * sign;
  }
  clampChannels(patch, ranges.ranges());
  writePatch(image, box, patch, &mask);
}

void CutoutTask::insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
                       ImageRangeTracker& ranges) const {
  Patch patch = extractPatch(image, box);
  const double value = rng.uniform();
  for (int c = 0; c < patch.channels; ++c)
    for (int64_t k = 0; k < patch.shape.count(); ++k)
      if (shape.mask()[k]) patch.channel(c)[k] = value;
  writePatch(image, box, patch, &shape.mask());
}

}  // namespace lightbox
