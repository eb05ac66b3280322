// scipy's mode='nearest' cubic B-spline: prefilter of edge-padded lines, cropped to a small margin.
#include <algorithm>
#include <stdexcept>
#include <vector>

#include "bspline_detail.h"
#include "lightbox/core/bspline.h"

namespace lightbox {

namespace {

using namespace detail;

/// Prefilters `in` along `axis` as if every line were first extended by `pad` copies of its end samples (with the
/// whole-sample mirror boundary beyond them), and keeps `margin` extension elements per side: the axis grows from n
/// to n + 2 margin. Padding axis by axis is exact: the edge copies along the other axes are copies of filtered lines.
Grid<double> prefilterAxisEdgePadded(const Grid<double>& in, int axis, int64_t pad, int64_t margin) {
  const Shape& s = in.shape();
  const int64_t n = s[axis];
  const int64_t inner = s.stride(axis);
  const int64_t outer = s.count() / (n * inner);
  const int64_t padded = n + 2 * pad, kept = n + 2 * margin, skip = pad - margin;
  Shape outShape = s;
  outShape[axis] = kept;
  Grid<double> out(outShape);
  auto source = [&](int64_t k) { return std::clamp<int64_t>(k - pad, 0, n - 1); };

  if (inner > 1) {
    // Slower axes: one slab of `inner` contiguous lines at a time.
    std::vector<double> buffer(static_cast<size_t>(padded * inner)), init(static_cast<size_t>(inner));
    for (int64_t o = 0; o < outer; ++o) {
      const double* src = in.data() + o * n * inner;
      for (int64_t k = 0; k < padded; ++k) std::copy_n(src + source(k) * inner, inner, &buffer[size_t(k * inner)]);
      prefilterLines<true>({buffer.data(), padded, inner, 1, inner}, init.data());
      std::copy_n(&buffer[size_t(skip * inner)], kept * inner, out.data() + o * kept * inner);
    }
    return out;
  }
  // Fastest axis: groups of lines side by side, so the serial recursions interleave.
  constexpr int64_t kGroup = 32;
  std::vector<double> buffer(size_t(kGroup * padded));
  double init[kGroup];
  for (int64_t first = 0; first < outer; first += kGroup) {
    const int64_t count = std::min(kGroup, outer - first);
    for (int64_t j = 0; j < count; ++j) {
      const double* src = in.data() + (first + j) * n;
      for (int64_t k = 0; k < padded; ++k) buffer[size_t(j * padded + k)] = src[source(k)];
    }
    prefilterLines<false>({buffer.data(), padded, 1, padded, count}, init);
    for (int64_t j = 0; j < count; ++j)
      std::copy_n(&buffer[size_t(j * padded + skip)], kept, out.data() + (first + j) * kept);
  }
  return out;
}

/// The taps of `position`, clamped so that all four per axis lie on the stored coefficients (NaN goes to the low end).
template <int D>
void marginTaps(const Point& position, const Shape& samples, const Shape& coefficients, int64_t margin, Taps* taps) {
  for (int d = 0; d < D; ++d) {
    const double lo = -double(margin - 1), hi = double(samples[d] - 3 + margin);
    const double x = position[d] > lo ? (position[d] < hi ? position[d] : hi) : lo;
    computeTaps(x + double(margin), coefficients[d], coefficients.stride(d), taps[d]);
  }
}

}  // namespace

NearestCubicBSpline::NearestCubicBSpline(const double* samples, const Shape& shape, int64_t pad) : shape_(shape) {
  if (shape.ndim != 2 && shape.ndim != 3) throw std::invalid_argument("NearestCubicBSpline: only 2D and 3D grids");
  if (pad < kMargin) throw std::invalid_argument("NearestCubicBSpline: pad must be at least " + std::to_string(kMargin));
  Grid<double> g(shape);
  std::copy(samples, samples + shape.count(), g.data());
  for (int d = 0; d < shape.ndim; ++d) g = prefilterAxisEdgePadded(g, d, pad, kMargin);
  coefficients_ = std::move(g);
}

double NearestCubicBSpline::at(const Point& position) const {
  double value = 0.0;
  at(&position, 1, &value);
  return value;
}

void NearestCubicBSpline::at(const Point* positions, int64_t count, double* values) const {
  if (shape_.ndim == 2)
    atMany<2>(positions, count, values);
  else
    atMany<3>(positions, count, values);
}

template <int D>
void NearestCubicBSpline::atMany(const Point* positions, int64_t count, double* values) const {
  PairedEvaluator<D> eval(coefficients_.data());
  for (int64_t i = 0; i < count; ++i) {
    marginTaps<D>(positions[i], shape_, coefficients_.shape(), kMargin, eval.next());
    eval.add(values + i);
  }
  eval.finish();
}

}  // namespace lightbox
