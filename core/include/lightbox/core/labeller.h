#pragma once
// The paper's continuous label (SPEC §2): a flipped Gaussian of the mean absolute change inside the anomaly mask,
// then per connected component a grey closing and grey hole filling over its bounding box.

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"

namespace lightbox {

/// 1 - exp(-delta^2 / (2 sigma^2)).
double flippedGaussian(double delta, double sigma);

/// Label map of spatial shape. `region` bounds the anomaly mask (everything outside it is 0 and is skipped).
Grid<float> flippedGaussianLabel(const Image& augmented, const Image& original, const Mask& anomalyMask,
                                 const Box& region, double sigma);

}  // namespace lightbox
