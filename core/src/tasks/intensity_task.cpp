#include "lightbox/core/tasks/intensity_task.h"

#include <algorithm>
#include <cmath>

#include "lightbox/core/morphology.h"
#include "lightbox/core/patch.h"

namespace lightbox {

void SmoothIntensityTask::insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
                                 ImageRangeTracker& ranges) const {
  const Mask& mask = shape.mask();
  if (countTrue(mask) == 0) return;  // (the reference finds max distance 0 and draws nothing)

  // s = min(min(S) * (0.02 + Gamma), max distance). The draw does not depend on the distances, so it comes first:
  // distances of at least ceil(draw) then only matter through the maximum, which caps the same way, and the weight
  // is 1 there either way. The capped transform is exact below the cap and much cheaper for small ramps.
  const double draw = double(image.shape().minSize()) *
                      (settings_.rampBase + rng.gamma(settings_.rampGammaShape, settings_.rampGammaScale));
  const double cap = std::ceil(std::max(draw, 1.0));
  const Grid<double> distance =
      cap < 1e9 ? cappedDistanceTransform(mask, int64_t(cap)) : euclideanDistanceTransform(mask);
  double maxDistance = 0.0;
  for (int64_t k = 0; k < distance.count(); ++k)
    if (mask[k]) maxDistance = std::max(maxDistance, distance[k]);
  const double ramp = std::min(draw, maxDistance);
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
