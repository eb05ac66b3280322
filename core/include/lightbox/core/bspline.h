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
  /// Positions clamped to [0, n-1] on every axis before evaluation. (Not scipy's mode='nearest', which also pads
  /// the samples: see NearestCubicBSpline.)
  double atClamped(const Point& position) const;

 private:
  Grid<double> coefficients_;
};

/// Cubic B-spline with scipy's mode='nearest' (map_coordinates / affine_transform, scipy >= 1.6): the samples are
/// extended by `pad` copies of the edge sample on every side (scipy pads 12), the extended grid is prefiltered, and
/// positions are evaluated on it as they are, including positions outside [0, n-1].
///
/// Only the first kMargin extension elements per side are kept (the prefilter of an extended line is computed in
/// full, then cropped), which serves positions in [-(kMargin - 1), n - 3 + kMargin]; positions further out are
/// clamped to that range. scipy evaluates those on the padded spline, which is there within about 0.27^3 of the
/// edge variation from the edge sample; the deformation tasks never sample more than about a voxel outside the box.
/// With the default pad the values agree with scipy to about 1e-13 (scipy starts the recursion on the padded line
/// with half-sample symmetry, we with whole-sample symmetry; the difference decays as 0.27^pad).
class NearestCubicBSpline {
 public:
  static constexpr int64_t kScipyPad = 12;
  static constexpr int64_t kMargin = 4;

  /// `pad` >= kMargin.
  NearestCubicBSpline(const double* samples, const Shape& shape, int64_t pad = kScipyPad);

  const Shape& shape() const { return shape_; }
  double at(const Point& position) const;
  /// values[i] = at(positions[i]) for `count` positions (faster than one at a time).
  void at(const Point* positions, int64_t count, double* values) const;

 private:
  template <int D>
  void atMany(const Point* positions, int64_t count, double* values) const;

  Shape shape_;
  Grid<double> coefficients_;  ///< shape + 2 kMargin per axis; sample i sits at coefficient i + kMargin
};

/// scipy.ndimage.affine_transform(input, matrix, offset, output_shape, order=3, mode='constant', cval=0):
/// out[o] = spline(input) at (matrix * o + offset), 0 outside [0, n-1]. `matrix` is D x D (backward map).
/// With `where`, only the output voxels where it is true are computed (the others stay 0).
Grid<double> affineResampleCubic(const Grid<double>& input, const Matrix& matrix, const Point& offset,
                                 const Shape& outputShape, const Mask* where = nullptr);

}  // namespace lightbox
