#include "lightbox/core/grid.h"

#include <algorithm>
#include <sstream>

namespace lightbox {

Shape Shape::fromVector(const std::vector<int64_t>& sizes) {
  if (sizes.size() < 2 || sizes.size() > kMaxDims)
    throw std::invalid_argument("Shape: only 2D and 3D grids are supported, got " + std::to_string(sizes.size()) +
                                " axes");
  Shape s;
  s.ndim = static_cast<int>(sizes.size());
  for (int d = 0; d < s.ndim; ++d) {
    if (sizes[static_cast<size_t>(d)] <= 0) throw std::invalid_argument("Shape: axis sizes must be positive");
    s.size[d] = sizes[static_cast<size_t>(d)];
  }
  return s;
}

std::string Shape::toString() const {
  std::ostringstream out;
  for (int d = 0; d < ndim; ++d) out << (d ? "x" : "") << size[d];
  return out.str();
}

int64_t countTrue(const Mask& m) {
  return static_cast<int64_t>(std::count_if(m.values().begin(), m.values().end(), [](uint8_t v) { return v != 0; }));
}

}  // namespace lightbox
