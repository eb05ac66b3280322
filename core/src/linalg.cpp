#include "lightbox/core/linalg.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace lightbox {

Matrix identityMatrix() {
  Matrix m{};
  for (int d = 0; d < kMaxDims; ++d) m[d][d] = 1.0;
  return m;
}

Matrix multiply(const Matrix& a, const Matrix& b, int ndim) {
  Matrix r = identityMatrix();
  for (int i = 0; i < ndim; ++i)
    for (int j = 0; j < ndim; ++j) {
      double s = 0.0;
      for (int k = 0; k < ndim; ++k) s += a[i][k] * b[k][j];
      r[i][j] = s;
    }
  return r;
}

Matrix scaled(const Matrix& a, double factor, int ndim) {
  Matrix r = a;
  for (int i = 0; i < ndim; ++i)
    for (int j = 0; j < ndim; ++j) r[i][j] *= factor;
  return r;
}

Matrix inverse(const Matrix& a, int ndim) {
  Matrix r = identityMatrix();
  if (ndim == 2) {
    const double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    if (det == 0.0) throw std::domain_error("inverse: singular matrix");
    r[0][0] = a[1][1] / det;
    r[0][1] = -a[0][1] / det;
    r[1][0] = -a[1][0] / det;
    r[1][1] = a[0][0] / det;
    return r;
  }
  const double c00 = a[1][1] * a[2][2] - a[1][2] * a[2][1];
  const double c01 = a[1][2] * a[2][0] - a[1][0] * a[2][2];
  const double c02 = a[1][0] * a[2][1] - a[1][1] * a[2][0];
  const double det = a[0][0] * c00 + a[0][1] * c01 + a[0][2] * c02;
  if (det == 0.0) throw std::domain_error("inverse: singular matrix");
  r[0][0] = c00 / det;
  r[1][0] = c01 / det;
  r[2][0] = c02 / det;
  r[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
  r[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
  r[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
  r[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
  r[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
  r[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
  return r;
}

Matrix planeRotation(int a, int b, double angle) {
  Matrix r = identityMatrix();
  const double c = std::cos(angle), s = std::sin(angle);
  r[a][a] = c;
  r[b][b] = c;
  r[a][b] = -s;
  r[b][a] = s;
  return r;
}

IntegerBounds transformedCornerBounds(const Matrix& a, const Point& lowCorner, const Point& highCorner, int ndim) {
  Point mn, mx;
  mn.fill(std::numeric_limits<double>::infinity());
  mx.fill(-std::numeric_limits<double>::infinity());
  for (int corner = 0; corner < (1 << ndim); ++corner) {
    Point p{0.0, 0.0, 0.0};
    for (int d = 0; d < ndim; ++d) p[d] = (corner >> d) & 1 ? highCorner[d] : lowCorner[d];
    const Point q = apply(a, p, ndim);
    for (int d = 0; d < ndim; ++d) {
      mn[d] = std::min(mn[d], q[d]);
      mx[d] = std::max(mx[d], q[d]);
    }
  }
  IntegerBounds b;
  for (int d = 0; d < ndim; ++d) {
    b.lo[d] = static_cast<int64_t>(std::floor(mn[d]));
    b.hi[d] = static_cast<int64_t>(std::ceil(mx[d]));
  }
  return b;
}

}  // namespace lightbox
