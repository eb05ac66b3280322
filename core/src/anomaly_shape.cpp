#include "lightbox/core/anomaly_shape.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "lightbox/core/linalg.h"

namespace lightbox {

namespace {

/// numpy's round (half to even) for the non-negative proportions used here.
int64_t roundHalfEven(double x) { return static_cast<int64_t>(std::nearbyint(x)); }

IntegerBounds halfExtentBounds(const Matrix& map, const Point& lengths, int ndim) {
  Point hi{0, 0, 0}, lo{0, 0, 0};
  for (int d = 0; d < ndim; ++d) {
    hi[d] = (lengths[d] - 1.0) / 2.0;
    lo[d] = -hi[d];
  }
  return transformedCornerBounds(map, lo, hi, ndim);
}

}  // namespace

AnomalyShape::AnomalyShape(ShapeKind kind, int ndim, const Point& axisLengths, const Matrix& alignedToGrid,
                           const Index& upperBound)
    : kind_(kind), ndim_(ndim), lengths_(axisLengths), map_(alignedToGrid) {
  IntegerBounds b = halfExtentBounds(map_, lengths_, ndim_);
  double worst = 0.0;
  for (int d = 0; d < ndim_; ++d)
    if (upperBound[d] > 0) worst = std::max(worst, double(b.hi[d] - b.lo[d] + 1) / double(upperBound[d]));
  if (worst > 1.0) {
    // Applied once, like the reference: floor/ceil may still leave the grid a voxel above the bound (SPEC §8.8).
    map_ = scaled(map_, 1.0 / worst, ndim_);
    b = halfExtentBounds(map_, lengths_, ndim_);
  }
  inverse_ = inverse(map_, ndim_);

  Shape grid;
  grid.ndim = ndim_;
  for (int d = 0; d < ndim_; ++d) grid.size[d] = b.hi[d] - b.lo[d] + 1;
  mask_ = Mask(grid, 0);
  rasterise(b.lo);
}

void AnomalyShape::rasterise(const Index& gridLow) {
  // p = A^-1 (lo + i), stepped along the fastest axis; this is the hot loop of shape sampling.
  const Shape& grid = mask_.shape();
  const int last = ndim_ - 1;
  Point column{0, 0, 0};
  for (int d = 0; d < ndim_; ++d) column[d] = inverse_[d][last];
  Point half{0, 0, 0};  // L / 2 is exact; comparing against it (not multiplying by 2 / L) keeps boundary points exact
  for (int d = 0; d < ndim_; ++d) half[d] = lengths_[d] / 2.0;

  Shape rows = grid;
  rows.size[last] = 1;
  Index i{0, 0, 0};
  uint8_t* out = mask_.data();
  do {
    Point q{0, 0, 0};
    for (int d = 0; d < ndim_; ++d) q[d] = double(gridLow[d] + i[d]);
    const Point start = apply(inverse_, q, ndim_);
    for (int64_t j = 0; j < grid[last]; ++j) {
      bool inside;
      if (kind_ == ShapeKind::Rectangle) {
        inside = true;
        for (int d = 0; d < ndim_; ++d) inside &= std::abs(start[d] + double(j) * column[d]) <= half[d];
      } else {
        double sum = 0.0;
        for (int d = 0; d < ndim_; ++d) {
          const double r = (start[d] + double(j) * column[d]) / half[d];
          sum += r * r;
        }
        inside = sum <= 1.0;
      }
      *out++ = inside ? 1 : 0;
    }
  } while (nextIndex(i, rows));
}

bool AnomalyShape::containsAligned(const Point& p) const {
  if (kind_ == ShapeKind::Rectangle) {
    for (int d = 0; d < ndim_; ++d)
      if (std::abs(p[d]) > lengths_[d] / 2.0) return false;
    return true;
  }
  double s = 0.0;
  for (int d = 0; d < ndim_; ++d) {
    const double r = p[d] / (lengths_[d] / 2.0);
    s += r * r;
  }
  return s <= 1.0;
}

Point AnomalyShape::edgeIntersection(const Point& origin, const Point& direction) const {
  const Point o = apply(inverse_, origin, ndim_);
  Point v = apply(inverse_, direction, ndim_);
  const double len = norm(v, ndim_);
  if (!(len > 0.0)) throw std::invalid_argument("edgeIntersection: zero direction");
  for (int d = 0; d < ndim_; ++d) v[d] /= len;

  constexpr double inf = std::numeric_limits<double>::infinity();
  double t = inf;
  if (kind_ == ShapeKind::Rectangle) {
    for (int d = 0; d < ndim_; ++d) {
      const double w = lengths_[d] / 2.0;
      for (const double face : {w, -w}) {
        const double candidate = (face - o[d]) / v[d];
        // Negative (behind the origin) and NaN (origin on a face, v[d] = 0) candidates never count.
        if (candidate >= 0.0 && candidate < t) t = candidate;
      }
    }
  } else {
    double a = 0.0, b = 0.0, c = -1.0;
    for (int d = 0; d < ndim_; ++d) {
      const double r2 = (lengths_[d] / 2.0) * (lengths_[d] / 2.0);
      a += v[d] * v[d] / r2;
      b += 2.0 * o[d] * v[d] / r2;
      c += o[d] * o[d] / r2;
    }
    const double disc = std::max(0.0, b * b - 4.0 * a * c);  // >= 0 for an origin inside; clamp rounding
    const double sq = std::sqrt(disc);
    for (const double root : {(-b - sq) / (2.0 * a), (-b + sq) / (2.0 * a)})
      if (root >= 0.0 && root < t) t = root;
  }
  if (!std::isfinite(t)) throw std::domain_error("edgeIntersection: the ray never leaves the shape");
  Point aligned{0, 0, 0};
  for (int d = 0; d < ndim_; ++d) aligned[d] = o[d] + t * v[d];
  return apply(map_, aligned, ndim_);
}

ShapeBounds shapeBoundsFor(const Shape& imageShape, double minProportion, double maxProportion) {
  ShapeBounds b;
  for (int d = 0; d < imageShape.ndim; ++d) {
    b.lo[d] = std::max<int64_t>(1, roundHalfEven(minProportion * double(imageShape[d])));
    b.hi[d] = std::max<int64_t>(b.lo[d], roundHalfEven(maxProportion * double(imageShape[d])));
  }
  return b;
}

AnomalyShape sampleAnomalyShape(Rng& rng, const Shape& imageShape, const ShapeBounds& bounds) {
  const int ndim = imageShape.ndim;
  const ShapeKind kind = rng.uniform() < 0.5 ? ShapeKind::Rectangle : ShapeKind::Ellipse;

  Point lengths{1, 1, 1};
  for (int d = 0; d < ndim; ++d) {
    const double relative = 0.03 + rng.gamma(2.0, 0.1);
    const double clipped = std::clamp(relative * double(imageShape[d]), double(bounds.lo[d]), double(bounds.hi[d]));
    lengths[d] = std::trunc(clipped);
  }

  Matrix map = identityMatrix();
  for (int row = 0; row < ndim; ++row) {
    int other = static_cast<int>(rng.randint(0, ndim - 2));
    if (other >= row) ++other;  // uniform over the axes other than `row`
    map[row][other] = rng.normal(0.0, 0.2);
  }
  for (int a = 0; a < ndim; ++a)
    for (int b = a + 1; b < ndim; ++b) {
      const double angle = rng.uniform(-std::numbers::pi / 2.0, std::numbers::pi / 2.0);
      map = multiply(planeRotation(a, b, angle), map, ndim);
    }
  return AnomalyShape(kind, ndim, lengths, map, bounds.hi);
}

}  // namespace lightbox
