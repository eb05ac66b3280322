#pragma once
// The image/volume type shared by every layer: float32, channels-first, 2D or 3D, with patient geometry.

#include <array>
#include <utility>
#include <vector>

#include "lightbox/core/grid.h"

namespace lightbox {

/// Maps array indices to patient coordinates (mm): p = origin + sum_d direction[:,d] * spacing[d] * index[d].
/// Column d of `direction` is the unit patient-space vector of array axis d (3x3, row-major, always 3D so that a
/// 2D slice keeps its place in the patient).
struct Geometry {
  std::array<double, 3> spacing{1.0, 1.0, 1.0};
  std::array<double, 3> origin{0.0, 0.0, 0.0};
  std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};

  std::array<double, 3> indexToPatient(const std::array<double, 3>& index) const;
};

class Image {
 public:
  Image() = default;
  Image(int channels, const Shape& shape, float fill = 0.0f);

  int channels() const { return channels_; }
  const Shape& shape() const { return shape_; }
  int ndim() const { return shape_.ndim; }
  int64_t voxelCount() const { return shape_.count(); }
  bool empty() const { return data_.empty(); }

  float* channel(int c) { return data_.data() + static_cast<size_t>(c) * static_cast<size_t>(voxelCount()); }
  const float* channel(int c) const {
    return data_.data() + static_cast<size_t>(c) * static_cast<size_t>(voxelCount());
  }
  float* data() { return data_.data(); }
  const float* data() const { return data_.data(); }
  std::vector<float>& values() { return data_; }
  const std::vector<float>& values() const { return data_; }

  Geometry& geometry() { return geometry_; }
  const Geometry& geometry() const { return geometry_; }

  /// Per-channel [min, max].
  std::pair<float, float> range(int c) const;

 private:
  int channels_ = 0;
  Shape shape_;
  std::vector<float> data_;
  Geometry geometry_;
};

}  // namespace lightbox
