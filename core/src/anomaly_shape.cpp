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
  return ShapeRayCaster(*this, origin).exit(direction);
}

ShapeRayCaster::ShapeRayCaster(const AnomalyShape& shape, const Point& origin)
    : shape_(&shape), inverse_(shape.inverse_), o_(apply(shape.inverse_, origin, shape.ndim_)) {
  for (int d = 0; d < shape.ndim_; ++d) {
    const double w = shape.lengths_[d] / 2.0;
    faceHigh_[d] = w - o_[d];
    faceLow_[d] = -w - o_[d];
    radius2_[d] = (shape.lengths_[d] / 2.0) * (shape.lengths_[d] / 2.0);
    twoO_[d] = 2.0 * o_[d];
    c_ += o_[d] * o_[d] / radius2_[d];
  }
}

Point ShapeRayCaster::exit(const Point& direction) const {
  return shape_->ndim_ == 2 ? exit<2>(direction) : exit<3>(direction);
}

void ShapeRayCaster::throwZeroDirection() { throw std::invalid_argument("edgeIntersection: zero direction"); }
void ShapeRayCaster::throwNoExit() { throw std::domain_error("edgeIntersection: the ray never leaves the shape"); }

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
