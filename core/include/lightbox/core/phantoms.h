#pragma once
// Deterministic phantom images for tests and benchmarks: smooth, textured, with an object mask, so that every task
// has gradients to blend and structure to deform. Not anatomy: real brains are used wherever the data is fetched.

#include <cmath>

#include "lightbox/core/image.h"
#include "lightbox/core/image_set.h"
#include "lightbox/core/random.h"

namespace lightbox::phantom {

/// Smooth texture in roughly [-1, 1] with a little seeded noise.
inline Image texturedImage(const Shape& shape, uint64_t seed = 1, int channels = 1) {
  Image img(channels, shape);
  Rng rng(seed);
  for (int c = 0; c < channels; ++c) {
    Index i{0, 0, 0};
    int64_t k = 0;
    do {
      double v = 0.0;
      for (int d = 0; d < shape.ndim; ++d) v += std::sin(0.11 * double(i[d]) * (d + 1) + 0.7 * c + double(seed));
      v = v / shape.ndim * 0.8 + 0.1 * (rng.uniform() - 0.5);
      img.channel(c)[k++] = float(v);
    } while (nextIndex(i, shape));
  }
  return img;
}

/// An ellipsoidal "object" filling most of the grid (like a brain in its padded volume).
inline Mask ellipsoidMask(const Shape& shape, double fill = 0.85) {
  Mask m(shape, 0);
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    double r = 0.0;
    for (int d = 0; d < shape.ndim; ++d) {
      const double x = (double(i[d]) - (double(shape[d]) - 1) / 2) / (fill * double(shape[d]) / 2);
      r += x * x;
    }
    m[k++] = r <= 1.0 ? 1 : 0;
  } while (nextIndex(i, shape));
  return m;
}

/// Textured image that is zero outside the ellipsoid object.
inline Image objectImage(const Shape& shape, uint64_t seed = 1) {
  Image img = texturedImage(shape, seed);
  const Mask m = ellipsoidMask(shape);
  for (int64_t k = 0; k < m.count(); ++k)
    if (!m[k]) img.data()[k] = 0.0f;
  return img;
}

inline std::shared_ptr<const ImageSet> imageSet(const Shape& shape, int count, uint64_t seed, bool withMask) {
  auto set = std::make_shared<ImageSet>();
  for (int n = 0; n < count; ++n) {
    if (withMask)
      set->push_back(makeRecord(objectImage(shape, seed + uint64_t(n)), ellipsoidMask(shape)));
    else
      set->push_back(makeRecord(texturedImage(shape, seed + uint64_t(n))));
  }
  return set;
}

}  // namespace lightbox::phantom
