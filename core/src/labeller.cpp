#include "lightbox/core/labeller.h"

#include <algorithm>
#include <cmath>

#include "lightbox/core/morphology.h"

namespace lightbox {

namespace {

template <typename T>
Grid<T> crop(const Grid<T>& g, const Box& box) {
  Grid<T> out(box.size);
  forEachRow(g.shape(), box, [&](int64_t o, int64_t i, int64_t n) { std::copy_n(g.data() + o, n, out.data() + i); });
  return out;
}

template <typename T, typename U>
void paste(Grid<T>& g, const Box& box, const Grid<U>& values) {
  forEachRow(g.shape(), box, [&](int64_t o, int64_t i, int64_t n) {
    for (int64_t k = 0; k < n; ++k) g[o + k] = static_cast<T>(values[i + k]);
  });
}

}  // namespace

double flippedGaussian(double delta, double sigma) { return 1.0 - std::exp(-(delta * delta) / (2.0 * sigma * sigma)); }

Grid<float> flippedGaussianLabel(const Image& augmented, const Image& original, const Mask& anomalyMask,
                                 const Box& region, double sigma) {
  Grid<float> label(augmented.shape(), 0.0f);
  if (region.size.ndim == 0 || region.size.count() == 0) return label;

  const Mask mask = crop(anomalyMask, region);
  Grid<double> local(region.size, 0.0);
  const int channels = augmented.channels();
  forEachRow(augmented.shape(), region, [&](int64_t o, int64_t i, int64_t n) {
    for (int64_t k = 0; k < n; ++k) {
      if (!mask[i + k]) continue;
      double delta = 0.0;
      for (int c = 0; c < channels; ++c)
        delta += std::abs(double(augmented.channel(c)[o + k]) - double(original.channel(c)[o + k]));
      local[i + k] = flippedGaussian(delta / channels, sigma);
    }
  });

  // Components in label order; their boxes may overlap and later ones overwrite, as in the reference.
  const Components components = labelComponents(mask);
  for (const Box& box : components.boxes) {
    const Grid<double> filled = fillGreyHoles(greyClosing(crop(local, box)));
    paste(local, box, filled);
  }

  paste(label, region, local);
  return label;
}

}  // namespace lightbox
