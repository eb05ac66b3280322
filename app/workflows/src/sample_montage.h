#pragma once
// Montage of one synthetic sample: original | augmented | anomaly mask | soft label. 2D images give one row;
// 3D volumes give three orthogonal slices (axial, coronal, sagittal) through the centre of every anomaly.

#include <string>

#include "figure.h"
#include "lightbox/core/anomaly_task.h"

namespace lightbox::workflows {

struct MontageInput {
  const Image* original = nullptr;
  const Mask* objectMask = nullptr;  ///< may be empty: background is then shown as it is
  const SyntheticSample* sample = nullptr;
  std::string title;
};

Figure renderSampleMontage(const MontageInput& input);

/// Slice of channel 0 of a 3D grid at `position` along `fixedAxis`, rows flipped so that the higher index of the
/// slice's first axis is at the top (superior / anterior for volumes stored like NIfTI RAS). 2D grids are returned
/// as they are (row 0 at the top, as image files store them).
template <typename T>
Slice extractSlice(const T* values, const Shape& shape, int fixedAxis, int64_t position);

}  // namespace lightbox::workflows
