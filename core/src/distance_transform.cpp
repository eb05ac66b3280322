// Exact Euclidean distance transform (Felzenszwalb & Huttenlocher 2012): squared distances are computed one axis at a
// time as lower envelopes of parabolas, which is exact because squared Euclidean distance separates over axes.
#include <algorithm>
#include <cmath>
#include <limits>
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

}  // namespace

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
