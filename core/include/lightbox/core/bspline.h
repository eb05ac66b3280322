#pragma once
// Cubic B-spline interpolation with prefiltering: the numerics behind scipy.ndimage.affine_transform(order=3) and
// map_coordinates(order=3), which the reference implementation uses for patch resampling and deformations.

#include <array>

#include "lightbox/core/grid.h"

namespace lightbox {

using Point = std::array<double, kMaxDims>;
/// D x D matrix, row-major in a fixed 3x3 block (only the top-left D x D part is used).
using Matrix = std::array<std::array<double, kMaxDims>, kMaxDims>;

/// Interpolating cubic B-spline over a 2D/3D grid of samples. The constructor computes the spline coefficients
/// (Unser's recursive prefilter, pole sqrt(3) - 2) with whole-sample mirror boundaries (scipy's 'mirror':
/// x[-k] = x[k], x[n-1+k] = x[n-1-k]); evaluation taps outside the grid are mirrored the same way.
class CubicBSpline {
 public:
  CubicBSpline(const double* samples, const Shape& shape);
  explicit CubicBSpline(const Grid<double>& samples) : CubicBSpline(samples.data(), samples.shape()) {}

  const Shape& shape() const { return coefficients_.shape(); }
  const Grid<double>& coefficients() const { return coefficients_; }

  /// Value at a continuous position in index units. Any position is accepted; taps are mirrored.
  double at(const Point& position) const;
  /// scipy mode='constant' (cval 0): positions outside [0, n-1] on any axis (beyond a 1e-9 tolerance) give 0.
  double atOrZero(const Point& position) const;
  /// scipy mode='nearest' for positions: clamped to [0, n-1] on every axis before evaluation.
  double atClamped(const Point& position) const;

 private:
  Grid<double> coefficients_;
};

/// scipy.ndimage.affine_transform(input, matrix, offset, output_shape, order=3, mode='constant', cval=0):
/// out[o] = spline(input) at (matrix * o + offset), 0 outside [0, n-1]. `matrix` is D x D (backward map).
/// With `where`, only the output voxels where it is true are computed (the others stay 0).
Grid<double> affineResampleCubic(const Grid<double>& input, const Matrix& matrix, const Point& offset,
                                 const Shape& outputShape, const Mask* where = nullptr);

}  // namespace lightbox
