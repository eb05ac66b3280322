#include "lightbox/core/anomaly_task.h"

#include <algorithm>
#include <stdexcept>

#include "lightbox/core/labeller.h"

namespace lightbox {

namespace {

/// The placement rule needs the grid to fit in the image; a grid can exceed the 0.8 S bound by a voxel or two
/// (SPEC §8.8), which only matters for tiny images: redraw the shape then.
AnomalyShape sampleFittingShape(Rng& rng, const Shape& imageShape, const ShapeBounds& bounds) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    AnomalyShape shape = sampleAnomalyShape(rng, imageShape, bounds);
    bool fits = true;
    for (int d = 0; d < imageShape.ndim; ++d) fits &= shape.gridShape()[d] <= imageShape[d];
    if (fits) return shape;
  }
  throw std::invalid_argument("image " + imageShape.toString() + " is too small for synthetic anomalies");
}

void orInto(Mask& target, const Box& box, const Mask& source) {
  forEachRow(target.shape(), box, [&](int64_t o, int64_t i, int64_t n) {
    for (int64_t k = 0; k < n; ++k) target[o + k] |= source[i + k];
  });
}

Box unionBox(const Box& a, const Box& b) {
  Box u;
  u.size.ndim = a.size.ndim;
  for (int d = 0; d < a.size.ndim; ++d) {
    u.corner[d] = std::min(a.corner[d], b.corner[d]);
    const int64_t end = std::max(a.corner[d] + a.size[d], b.corner[d] + b.size[d]);
    u.size[d] = end - u.corner[d];
  }
  return u;
}

}  // namespace

SyntheticSample synthesise(const AnomalyTask& task, const Image& x, const Mask& objectMask,
                           const TaskSettings& settings, Rng& rng, const ImageExtremes* extremes) {
  if (!objectMask.empty() && !(objectMask.shape() == x.shape()))
    throw std::invalid_argument("object mask does not match the image");
  SyntheticSample out;
  out.task = task.id();
  out.augmented = x;
  out.anomalyMask = Mask(x.shape(), 0);
  ImageRangeTracker ranges(out.augmented, extremes ? *extremes : ImageExtremes::of(x));
  const ShapeBounds bounds = shapeBoundsFor(x.shape(), settings.minAnomalyProportion, settings.maxAnomalyProportion);

  for (int k = 0; k < settings.maxAnomalies; ++k) {
    AnomalyShape shape = sampleFittingShape(rng, x.shape(), bounds);
    const Placement where = placeAnomaly(rng, x.shape(), shape.mask(), objectMask, settings.minObjectOverlap,
                                         settings.maxPlacementAttempts);
    const Box box{where.corner, shape.gridShape()};
    task.insert(out.augmented, box, shape, rng, ranges);
    ranges.modified(box);
    orInto(out.anomalyMask, box, shape.mask());
    out.anomalies.push_back({box, shape.kind(), countTrue(shape.mask()), where.onObject});
    out.anomalyBounds = k == 0 ? box : unionBox(out.anomalyBounds, box);
    if (rng.uniform() > settings.continueProbability) break;
  }
  out.label = flippedGaussianLabel(out.augmented, x, out.anomalyMask, out.anomalyBounds, settings.labelSigma);
  return out;
}

}  // namespace lightbox
