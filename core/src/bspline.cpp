#include "lightbox/core/bspline.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "bspline_detail.h"

namespace lightbox {

namespace {

using namespace detail;

// Positions this close outside [0, n-1] still count as inside (rounding of matrix * o + offset).
constexpr double kInsideTolerance = 1e-9;

void prefilterAxis(Grid<double>& grid, int axis) {
  const Shape& shape = grid.shape();
  const int64_t n = shape[axis];
  if (n < 2) return;  // a length-1 axis is a constant: its coefficient is the sample itself
  const int64_t inner = shape.stride(axis);
  const int64_t outer = shape.count() / (n * inner);
  if (inner > 1) {
    std::vector<double> init(static_cast<size_t>(inner));
    for (int64_t o = 0; o < outer; ++o)
      prefilterLines<true>({grid.data() + o * n * inner, n, inner, 1, inner}, init.data());
    return;
  }
  constexpr int64_t kGroup = 32;
  double init[kGroup];
  for (int64_t first = 0; first < outer; first += kGroup)
    prefilterLines<false>({grid.data() + first * n, n, 1, n, std::min(kGroup, outer - first)}, init);
}

template <int D>
inline double evaluateAt(const Grid<double>& coefficients, const Point& position) {
  const Shape& shape = coefficients.shape();
  Taps taps[D];
  for (int d = 0; d < D; ++d) computeTaps(position[d], shape[d], shape.stride(d), taps[d]);
  return evaluate<D>(coefficients.data(), taps);
}

inline bool insideAxis(double x, int64_t n) {
  // Written so that NaN counts as outside.
  return x >= -kInsideTolerance && x <= static_cast<double>(n - 1) + kInsideTolerance;
}

void checkDims(const Shape& shape, const char* what) {
  if (shape.ndim != 2 && shape.ndim != 3) throw std::invalid_argument(std::string(what) + ": only 2D and 3D grids");
}

// The resampling loops compute each position as (sum_l matrix[d][l] * o[l]) + offset[d], in scipy's order, so
// positions (and hence the inside/outside decision at the edges) match affine_transform bit for bit; the part of
// the sum that does not depend on the fastest output axis is hoisted out of the inner loop.

void resample2D(const Grid<double>& coefficients, const Matrix& m, const Point& offset, Grid<double>& out,
                const Mask* where) {
  if (where && !(where->shape() == out.shape())) throw std::invalid_argument("affineResampleCubic: bad mask shape");
  const Shape& in = coefficients.shape();
  const Shape& os = out.shape();
  const int64_t stride0 = in.stride(0);
  double* o = out.data();
  PairedEvaluator<2> eval(coefficients.data());
  for (int64_t i = 0; i < os[0]; ++i) {
    const double row0 = m[0][0] * static_cast<double>(i);
    const double row1 = m[1][0] * static_cast<double>(i);
    for (int64_t j = 0; j < os[1]; ++j, ++o) {
      if (where && !(*where)[o - out.data()]) continue;
      const double jd = static_cast<double>(j);
      const double p0 = (row0 + m[0][1] * jd) + offset[0];
      const double p1 = (row1 + m[1][1] * jd) + offset[1];
      if (!insideAxis(p0, in[0]) || !insideAxis(p1, in[1])) continue;  // output is zero-initialised
      Taps* taps = eval.next();
      computeTaps(p0, in[0], stride0, taps[0]);
      computeTaps(p1, in[1], 1, taps[1]);
      eval.add(o);
    }
  }
  eval.finish();
}

void resample3D(const Grid<double>& coefficients, const Matrix& m, const Point& offset, Grid<double>& out,
                const Mask* where) {
  const Shape& in = coefficients.shape();
  const Shape& os = out.shape();
  const int64_t stride0 = in.stride(0);
  const int64_t stride1 = in.stride(1);
  if (where && !(where->shape() == out.shape())) throw std::invalid_argument("affineResampleCubic: bad mask shape");
  double* o = out.data();
  PairedEvaluator<3> eval(coefficients.data());
  for (int64_t i = 0; i < os[0]; ++i) {
    const double id = static_cast<double>(i);
    for (int64_t j = 0; j < os[1]; ++j) {
      const double jd = static_cast<double>(j);
      double partial[3];
      for (int d = 0; d < 3; ++d) partial[d] = m[d][0] * id + m[d][1] * jd;
      for (int64_t k = 0; k < os[2]; ++k, ++o) {
        if (where && !(*where)[o - out.data()]) continue;
        const double kd = static_cast<double>(k);
        const double p0 = (partial[0] + m[0][2] * kd) + offset[0];
        const double p1 = (partial[1] + m[1][2] * kd) + offset[1];
        const double p2 = (partial[2] + m[2][2] * kd) + offset[2];
        if (!insideAxis(p0, in[0]) || !insideAxis(p1, in[1]) || !insideAxis(p2, in[2])) continue;
        Taps* taps = eval.next();
        computeTaps(p0, in[0], stride0, taps[0]);
        computeTaps(p1, in[1], stride1, taps[1]);
        computeTaps(p2, in[2], 1, taps[2]);
        eval.add(o);
      }
    }
  }
  eval.finish();
}

}  // namespace

CubicBSpline::CubicBSpline(const double* samples, const Shape& shape) : coefficients_(shape) {
  checkDims(shape, "CubicBSpline");
  std::copy(samples, samples + shape.count(), coefficients_.data());
  for (int d = 0; d < shape.ndim; ++d) prefilterAxis(coefficients_, d);
}

// Positions must be finite (|x| < 2^62): the tap index is the integer part of the coordinate.
double CubicBSpline::at(const Point& position) const {
  return shape().ndim == 2 ? evaluateAt<2>(coefficients_, position) : evaluateAt<3>(coefficients_, position);
}

double CubicBSpline::atOrZero(const Point& position) const {
  const Shape& s = shape();
  for (int d = 0; d < s.ndim; ++d)
    if (!insideAxis(position[d], s[d])) return 0.0;
  return at(position);
}

double CubicBSpline::atClamped(const Point& position) const {
  const Shape& s = shape();
  Point clamped = position;
  for (int d = 0; d < s.ndim; ++d) {
    const double hi = static_cast<double>(s[d] - 1);
    // Also maps NaN to 0, so evaluation always stays on the grid.
    clamped[d] = position[d] > 0.0 ? (position[d] < hi ? position[d] : hi) : 0.0;
  }
  return at(clamped);
}

Grid<double> affineResampleCubic(const Grid<double>& input, const Matrix& matrix, const Point& offset,
                                 const Shape& outputShape, const Mask* where) {
  checkDims(input.shape(), "affineResampleCubic");
  if (outputShape.ndim != input.ndim())
    throw std::invalid_argument("affineResampleCubic: output and input must have the same number of axes");
  Grid<double> out(outputShape, 0.0);
  if (out.empty()) return out;
  const CubicBSpline spline(input);
  if (input.ndim() == 2)
    resample2D(spline.coefficients(), matrix, offset, out, where);
  else
    resample3D(spline.coefficients(), matrix, offset, out, where);
  return out;
}

}  // namespace lightbox
