#pragma once
// Small D x D matrix helpers (D = 2 or 3) for the shape and patch geometry of the synthetic tasks.

#include <cmath>

#include "lightbox/core/bspline.h"  // Matrix, Point

namespace lightbox {

Matrix identityMatrix();
/// a * b over the top-left D x D block.
Matrix multiply(const Matrix& a, const Matrix& b, int ndim);
Matrix scaled(const Matrix& a, double factor, int ndim);
/// Inverse of the top-left D x D block; throws std::domain_error if singular.
Matrix inverse(const Matrix& a, int ndim);
/// a * p. Inline: it sits in the per-voxel loops of the shape and deformation code.
inline Point apply(const Matrix& a, const Point& p, int ndim) {
  Point r{0.0, 0.0, 0.0};
  for (int i = 0; i < ndim; ++i) {
    double s = 0.0;
    for (int k = 0; k < ndim; ++k) s += a[i][k] * p[k];
    r[i] = s;
  }
  return r;
}
/// Plane rotation in axes (a, b): R[a][a] = R[b][b] = cos t, R[a][b] = -sin t, R[b][a] = sin t.
Matrix planeRotation(int a, int b, double angle);
inline double norm(const Point& p, int ndim) {
  double s = 0.0;
  for (int d = 0; d < ndim; ++d) s += p[d] * p[d];
  return std::sqrt(s);
}

/// Axis-aligned integer bounds of A applied to the corners of a box (corner coordinates given per axis).
struct IntegerBounds {
  Index lo{0, 0, 0};
  Index hi{0, 0, 0};
};
/// Maps every corner (each axis takes lowCorner[d] or highCorner[d]) through `a` and returns floor(min), ceil(max).
IntegerBounds transformedCornerBounds(const Matrix& a, const Point& lowCorner, const Point& highCorner, int ndim);

}  // namespace lightbox
