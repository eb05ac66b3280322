#include "lightbox/core/labeller.h"

#include <cmath>

#include "lightbox/core/morphology.h"

namespace lightbox {

double flippedGaussian(double delta, double sigma) { return 1.0 - std::exp(-(delta * delta) / (2.0 * sigma * sigma)); }

// The map is built in place in the (float) output: step 1-2 writes the flipped Gaussian on the mask, then every
// component box is closed and hole-filled in turn. Doing steps 3a-3c in float gives exactly the rounding of the
// double computation (see closeAndFillGreyHoles), and spares region-sized double copies.
Grid<float> flippedGaussianLabel(const Image& augmented, const Image& original, const Mask& anomalyMask,
                                 const Box& region, double sigma) {
  Grid<float> label(augmented.shape(), 0.0f);
  if (region.size.ndim == 0 || region.size.count() == 0) return label;

  const int channels = augmented.channels();
  forEachRow(augmented.shape(), region, [&](int64_t o, int64_t, int64_t n) {
    for (int64_t k = o; k < o + n; ++k) {
      if (!anomalyMask[k]) continue;
      double delta = 0.0;
      for (int c = 0; c < channels; ++c)
        delta += std::abs(double(augmented.channel(c)[k]) - double(original.channel(c)[k]));
      // No change gives exactly 0 (1 - exp(-0)); skipping exp there is a large share of the voxels.
      label[k] = delta == 0.0 ? 0.0f : static_cast<float>(flippedGaussian(delta / channels, sigma));
    }
  });

  // Components in label order; their boxes may overlap and later ones overwrite, as in the reference.
  closeAndFillGreyHoles(label, componentBoxes(anomalyMask, region));
  return label;
}

}  // namespace lightbox
