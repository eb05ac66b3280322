#pragma once
// Anomaly shapes (SPEC §1.2): a randomly sheared and rotated hyper-rectangle or hyper-ellipse, rasterised into the
// smallest grid that holds it, with the ray/boundary intersection that the deformation tasks need.

#include "lightbox/core/bspline.h"
#include "lightbox/core/grid.h"
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
  void rasterise(const Index& gridLow);

  ShapeKind kind_;
  int ndim_;
  Point lengths_;
  Matrix map_;
  Matrix inverse_;
  Mask mask_;
};

/// Per-axis bounds [lo, hi] for the sampled axis lengths (SPEC §1.1): round(minProp * S), round(maxProp * S).
struct ShapeBounds {
  Index lo{0, 0, 0};
  Index hi{0, 0, 0};
};
ShapeBounds shapeBoundsFor(const Shape& imageShape, double minProportion = 0.06, double maxProportion = 0.8);

/// One random shape as the reference's "either" shape maker with the NSA-style size sampler (SPEC §1.2).
AnomalyShape sampleAnomalyShape(Rng& rng, const Shape& imageShape, const ShapeBounds& bounds);

}  // namespace lightbox
