// Exact Euclidean distance transform (Felzenszwalb & Huttenlocher 2012): squared distances are computed one axis at a
// time as lower envelopes of parabolas, which is exact because squared Euclidean distance separates over axes.
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "lightbox/core/morphology.h"

namespace lightbox {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct EnvelopeScratch {
  std::vector<int64_t> vertex;   // positions of the parabolas on the lower envelope
  std::vector<double> boundary;  // boundary[k]..boundary[k+1] is where parabola k is lowest
  std::vector<double> line;      // one gathered input line
  std::vector<double> result;    // its transform
  explicit EnvelopeScratch(int64_t n)
      : vertex(static_cast<size_t>(n)),
        boundary(static_cast<size_t>(n) + 1),
        line(static_cast<size_t>(n)),
        result(static_cast<size_t>(n)) {}
};

/// d[q] = min_p (q - p)^2 + f[p]. Infinite f[p] (no background seen yet) never enters the envelope, so the arithmetic
/// stays on exact small integers; a line without any finite value stays infinite.
void squaredDistance1D(const double* f, int64_t n, double* d, EnvelopeScratch& s) {
  int64_t k = -1;
  for (int64_t q = 0; q < n; ++q) {
    if (f[q] == kInf) continue;
    const double qd = static_cast<double>(q);
    double cross = -kInf;
    while (k >= 0) {
      const double v = static_cast<double>(s.vertex[static_cast<size_t>(k)]);
      cross = ((f[q] + qd * qd) - (f[s.vertex[static_cast<size_t>(k)]] + v * v)) / (2.0 * qd - 2.0 * v);
      if (cross > s.boundary[static_cast<size_t>(k)]) break;
      --k;  // parabola k is nowhere lowest any more
      cross = -kInf;
    }
    ++k;
    s.vertex[static_cast<size_t>(k)] = q;
    s.boundary[static_cast<size_t>(k)] = cross;
    s.boundary[static_cast<size_t>(k) + 1] = kInf;
  }
  if (k < 0) {
    for (int64_t q = 0; q < n; ++q) d[q] = kInf;
    return;
  }
  int64_t j = 0;
  for (int64_t q = 0; q < n; ++q) {
    const double qd = static_cast<double>(q);
    while (s.boundary[static_cast<size_t>(j) + 1] < qd) ++j;
    const int64_t v = s.vertex[static_cast<size_t>(j)];
    const double diff = qd - static_cast<double>(v);
    d[q] = diff * diff + f[v];
  }
}

void transformAxis(Grid<double>& g, int axis) {
  const Shape& shape = g.shape();
  const int64_t n = shape[axis];
  const int64_t inner = shape.stride(axis);
  const int64_t outer = shape.count() / (n * inner);
  EnvelopeScratch s(n);
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t j = 0; j < inner; ++j) {
      double* start = g.data() + o * n * inner + j;
      for (int64_t q = 0; q < n; ++q) s.line[static_cast<size_t>(q)] = start[q * inner];
      squaredDistance1D(s.line.data(), n, s.result.data(), s);
      for (int64_t q = 0; q < n; ++q) start[q * inner] = s.result[static_cast<size_t>(q)];
    }
  }
}

/// Our choice for a grid without background: distance to the nearest element just outside the grid, which is reached
/// by leaving along a single axis.
Grid<double> distanceToOutside(const Shape& shape) {
  Grid<double> out(shape);
  Index i{0, 0, 0};
  int64_t p = 0;
  do {
    int64_t best = std::numeric_limits<int64_t>::max();
    for (int d = 0; d < shape.ndim; ++d) best = std::min({best, i[d] + 1, shape[d] - i[d]});
    out[p++] = static_cast<double>(best);
  } while (nextIndex(i, shape));
  return out;
}

/// Squared distance along the rows (fastest axis) to the nearest false element, capped at cap^2: two sweeps.
void cappedRowPass(const Mask& mask, int64_t cap, std::vector<float>& f) {
  const int64_t n = mask.shape()[mask.ndim() - 1];
  const float capF = float(cap);
  for (int64_t start = 0; start < mask.count(); start += n) {
    const uint8_t* m = mask.data() + start;
    float* row = f.data() + start;
    float d = capF;
    for (int64_t k = 0; k < n; ++k) row[k] = d = m[k] ? std::min(d + 1.0f, capF) : 0.0f;
    d = capF;
    for (int64_t k = n - 1; k >= 0; --k) {
      d = m[k] ? std::min(d + 1.0f, capF) : 0.0f;
      row[k] = std::min(row[k], d);
    }
    for (int64_t k = 0; k < n; ++k) row[k] *= row[k];
  }
}

/// f <- min over |t| < cap of (t^2 + f shifted by t along `axis`) (taps outside the grid do not count), for a
/// slower axis: whole lines side by side, contiguous and vectorised.
void cappedSlowPass(std::vector<float>& f, std::vector<float>& scratch, const Shape& shape, int axis, int64_t cap) {
  const int64_t n = shape[axis];
  const int64_t line = shape.stride(axis);
  const int64_t outer = shape.count() / (n * line);
  scratch.assign(f.begin(), f.end());
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t k = 0; k < n; ++k) {
      float* dst = f.data() + (o * n + k) * line;
      for (int64_t t = 1; t < cap; ++t) {
        const float t2 = float(t * t);
        for (const int64_t q : {k - t, k + t}) {
          if (q < 0 || q >= n) continue;
          const float* src = scratch.data() + (o * n + q) * line;
          for (int64_t j = 0; j < line; ++j) dst[j] = std::min(dst[j], t2 + src[j]);
        }
      }
    }
}

}  // namespace

// Squared Euclidean distance separates over the axes; restricted to offsets below the cap on every axis it is still
// exact wherever it is below cap^2, and at least cap^2 elsewhere. The values are small integers, exact in float.
Grid<double> cappedDistanceTransform(const Mask& mask, int64_t cap) {
  if (mask.empty()) return {};
  if (cap < 1) throw std::invalid_argument("cappedDistanceTransform: cap must be at least 1");
  const Shape& shape = mask.shape();
  int64_t longest = 0;
  for (int d = 0; d < shape.ndim; ++d) longest = std::max(longest, shape[d]);
  const double capD = static_cast<double>(cap);
  if (cap >= longest || countTrue(mask) == mask.count()) {  // the window would not save anything
    Grid<double> g = euclideanDistanceTransform(mask);
    for (double& v : g.values()) v = std::min(v, capD);
    return g;
  }
  std::vector<float> f(static_cast<size_t>(mask.count())), scratch;
  cappedRowPass(mask, cap, f);
  for (int d = shape.ndim - 2; d >= 0; --d) cappedSlowPass(f, scratch, shape, d, cap);
  Grid<double> out(shape);
  const float cap2 = float(cap * cap);
  for (int64_t p = 0; p < mask.count(); ++p) out[p] = f[size_t(p)] >= cap2 ? capD : std::sqrt(double(f[size_t(p)]));
  return out;
}

Grid<double> euclideanDistanceTransform(const Mask& mask) {
  if (mask.empty()) return {};
  const Shape& shape = mask.shape();
  if (countTrue(mask) == mask.count()) return distanceToOutside(shape);
  Grid<double> g(shape);
  for (int64_t p = 0; p < mask.count(); ++p) g[p] = mask[p] ? kInf : 0.0;
  for (int d = shape.ndim - 1; d >= 0; --d) transformAxis(g, d);
  for (double& v : g.values()) v = std::sqrt(v);
  return g;
}

}  // namespace lightbox
