#pragma once
// Anomaly shapes (SPEC §1.2): a randomly sheared and rotated hyper-rectangle or hyper-ellipse, rasterised into the
// smallest grid that holds it, with the ray/boundary intersection that the deformation tasks need.

#include <algorithm>
#include <cmath>
#include <limits>

#include "lightbox/core/bspline.h"
#include "lightbox/core/grid.h"
#include "lightbox/core/linalg.h"
#include "lightbox/core/random.h"

namespace lightbox {

enum class ShapeKind { Rectangle, Ellipse };

class AnomalyShape {
 public:
  /// Builds the shape for given axis lengths and linear map (aligned shape -> grid coordinates). `upperBound` caps
  /// the grid size once (SPEC §1.2 step 5); pass an empty Index (all zero) for no cap.
  AnomalyShape(ShapeKind kind, int ndim, const Point& axisLengths, const Matrix& alignedToGrid,
               const Index& upperBound);

  ShapeKind kind() const { return kind_; }
  int ndim() const { return ndim_; }
  /// Rasterised shape; voxel i of the grid is the point lo + i in grid coordinates, centred so that lo = -hi.
  Mask& mask() { return mask_; }
  const Mask& mask() const { return mask_; }
  const Shape& gridShape() const { return mask_.shape(); }
  const Point& axisLengths() const { return lengths_; }
  const Matrix& alignedToGrid() const { return map_; }

  /// Point where the ray origin + t * direction (t >= 0) leaves the continuous shape, in centred grid coordinates
  /// (index i <-> i - (G - 1) / 2). `direction` need not be normalised. The origin must lie inside the shape.
  Point edgeIntersection(const Point& origin, const Point& direction) const;

  /// True if the point (aligned coordinates) lies in the continuous aligned shape of half-widths L / 2.
  bool containsAligned(const Point& p) const;

 private:
  friend class ShapeRayCaster;
  void rasterise(const Index& gridLow);

  ShapeKind kind_;
  int ndim_;
  Point lengths_;
  Matrix map_;
  Matrix inverse_;
  Mask mask_;
};

/// AnomalyShape::edgeIntersection for one fixed origin and many directions (the deformation's per-voxel loop): what
/// depends on the origin alone is computed once, with exactly the same operations, so the results are identical.
class ShapeRayCaster {
 public:
  ShapeRayCaster(const AnomalyShape& shape, const Point& origin);
  /// Where origin + t * direction (t >= 0) leaves the shape, in centred grid coordinates.
  Point exit(const Point& direction) const;
  /// The same for a shape of known dimension D (inline, for the per-voxel loops).
  template <int D>
  Point exit(const Point& direction) const;

 private:
  [[noreturn]] static void throwZeroDirection();
  [[noreturn]] static void throwNoExit();

  const AnomalyShape* shape_;
  Matrix inverse_;
  Point o_;            // origin in aligned coordinates
  Point faceHigh_{};   // rectangle: w_d - o_d and -w_d - o_d
  Point faceLow_{};
  Point twoO_{};       // ellipse: 2 o_d, r_d^2 and the constant term of the quadratic
  Point radius2_{};
  double c_ = -1.0;
};

template <int D>
Point ShapeRayCaster::exit(const Point& direction) const {
  Point v = apply(inverse_, direction, D);
  const double len = norm(v, D);
  if (!(len > 0.0)) throwZeroDirection();
  for (int d = 0; d < D; ++d) v[d] /= len;

  // Candidates are folded in without branches (their signs are random per voxel): negative (behind the origin)
  // and NaN (origin on a face, v[d] = 0) candidates never count.
  double t = std::numeric_limits<double>::infinity();
  if (shape_->kind() == ShapeKind::Rectangle) {
    for (int d = 0; d < D; ++d)
      for (const double face : {faceHigh_[d], faceLow_[d]}) {
        const double candidate = face / v[d];
        t = ((candidate >= 0.0) & (candidate < t)) ? candidate : t;
      }
  } else {
    double a = 0.0, b = 0.0;
    for (int d = 0; d < D; ++d) {
      a += v[d] * v[d] / radius2_[d];
      b += twoO_[d] * v[d] / radius2_[d];
    }
    const double disc = std::max(0.0, b * b - 4.0 * a * c_);  // >= 0 for an origin inside; clamp rounding
    const double sq = std::sqrt(disc);
    for (const double root : {(-b - sq) / (2.0 * a), (-b + sq) / (2.0 * a)})
      t = ((root >= 0.0) & (root < t)) ? root : t;
  }
  if (!std::isfinite(t)) throwNoExit();
  Point aligned{0, 0, 0};
  for (int d = 0; d < D; ++d) aligned[d] = o_[d] + t * v[d];
  return apply(shape_->alignedToGrid(), aligned, D);
}

/// Per-axis bounds [lo, hi] for the sampled axis lengths (SPEC §1.1): round(minProp * S), round(maxProp * S).
struct ShapeBounds {
  Index lo{0, 0, 0};
  Index hi{0, 0, 0};
};
ShapeBounds shapeBoundsFor(const Shape& imageShape, double minProportion = 0.06, double maxProportion = 0.8);

/// One random shape as the reference's "either" shape maker with the NSA-style size sampler (SPEC §1.2).
AnomalyShape sampleAnomalyShape(Rng& rng, const Shape& imageShape, const ShapeBounds& bounds);

}  // namespace lightbox
