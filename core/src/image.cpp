#include "lightbox/core/image.h"

#include <algorithm>
#include <stdexcept>

namespace lightbox {

std::array<double, 3> Geometry::indexToPatient(const std::array<double, 3>& index) const {
  std::array<double, 3> p = origin;
  for (int row = 0; row < 3; ++row)
    for (int axis = 0; axis < 3; ++axis) p[row] += direction[row * 3 + axis] * spacing[axis] * index[axis];
  return p;
}

Image::Image(int channels, const Shape& shape, float fill) : channels_(channels), shape_(shape) {
  if (channels <= 0) throw std::invalid_argument("Image: channel count must be positive");
  if (shape.ndim != 2 && shape.ndim != 3) throw std::invalid_argument("Image: only 2D and 3D images are supported");
  data_.assign(static_cast<size_t>(channels) * static_cast<size_t>(shape.count()), fill);
}

std::pair<float, float> Image::range(int c) const {
  const float* p = channel(c);
  const auto [lo, hi] = std::minmax_element(p, p + voxelCount());
  return {*lo, *hi};
}

}  // namespace lightbox
