#include "lightbox/core/labeller.h"

#include <cmath>

#include "lightbox/core/morphology.h"

namespace lightbox {

namespace {

template <typename T>
Grid<T> crop(const Grid<T>& g, const Box& box) {
  Grid<T> out(box.size);
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    Index at{0, 0, 0};
    for (int d = 0; d < box.size.ndim; ++d) at[d] = box.corner[d] + i[d];
    out[k++] = g.at(at);
  } while (nextIndex(i, box.size));
  return out;
}

template <typename T>
void paste(Grid<T>& g, const Box& box, const Grid<T>& values) {
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    Index at{0, 0, 0};
    for (int d = 0; d < box.size.ndim; ++d) at[d] = box.corner[d] + i[d];
    g.at(at) = values[k++];
  } while (nextIndex(i, box.size));
}

}  // namespace

double flippedGaussian(double delta, double sigma) { return 1.0 - std::exp(-(delta * delta) / (2.0 * sigma * sigma)); }

Grid<float> flippedGaussianLabel(const Image& augmented, const Image& original, const Mask& anomalyMask,
                                 const Box& region, double sigma) {
  Grid<float> label(augmented.shape(), 0.0f);
  if (region.size.ndim == 0 || region.size.count() == 0) return label;

  const Shape& image = augmented.shape();
  const Mask mask = crop(anomalyMask, region);
  Grid<double> local(region.size, 0.0);
  {
    Index i{0, 0, 0};
    int64_t k = 0;
    do {
      if (mask[k]) {
        Index at{0, 0, 0};
        for (int d = 0; d < image.ndim; ++d) at[d] = region.corner[d] + i[d];
        const int64_t v = image.linear(at);
        double delta = 0.0;
        for (int c = 0; c < augmented.channels(); ++c)
          delta += std::abs(double(augmented.channel(c)[v]) - double(original.channel(c)[v]));
        local[k] = flippedGaussian(delta / augmented.channels(), sigma);
      }
      ++k;
    } while (nextIndex(i, region.size));
  }

  // Components in label order; their boxes may overlap and later ones overwrite, as in the reference.
  const Components components = labelComponents(mask);
  for (const Box& box : components.boxes) {
    const Grid<double> filled = fillGreyHoles(greyClosing(crop(local, box)));
    paste(local, box, filled);
  }

  Grid<float> localFloat(region.size);
  for (int64_t k = 0; k < local.count(); ++k) localFloat[k] = static_cast<float>(local[k]);
  paste(label, region, localFloat);
  return label;
}

}  // namespace lightbox
