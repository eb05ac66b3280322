#include "lightbox/core/anomaly_task.h"

#include <stdexcept>

namespace lightbox {

Placement placeAnomaly(Rng& rng, const Shape& imageShape, const Mask& shapeMask, const Mask& objectMask,
                       double minOverlap, int maxAttempts) {
  const Shape& g = shapeMask.shape();
  const int nd = imageShape.ndim;
  for (int d = 0; d < nd; ++d)
    if (g[d] > imageShape[d])
      throw std::invalid_argument("anomaly grid " + g.toString() + " does not fit in image " + imageShape.toString());

  auto drawCorner = [&] {
    Index c{0, 0, 0};
    for (int d = 0; d < nd; ++d) c[d] = rng.randint(0, imageShape[d] - g[d]);
    return c;
  };
  if (objectMask.empty()) return {drawCorner(), true};

  // Offsets of the shape's voxels relative to the corner, computed once for all attempts.
  std::vector<int64_t> offsets;
  {
    Index i{0, 0, 0};
    int64_t k = 0;
    do {
      if (shapeMask[k++]) offsets.push_back(imageShape.linear(i));
    } while (nextIndex(i, g));
  }
  if (offsets.empty()) return {drawCorner(), true};

  Placement best;
  int64_t bestHits = -1;
  for (int attempt = 0; attempt < maxAttempts; ++attempt) {
    const Index c = drawCorner();
    const int64_t base = imageShape.linear(c);
    int64_t hits = 0;
    for (const int64_t o : offsets) hits += objectMask[base + o] ? 1 : 0;
    if (double(hits) >= minOverlap * double(offsets.size())) return {c, true};
    if (hits > bestHits) {
      bestHits = hits;
      best.corner = c;
    }
  }
  best.onObject = false;
  return best;
}

}  // namespace lightbox
