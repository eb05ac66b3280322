#include "lightbox/core/poisson.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "sine_transform.h"

namespace lightbox {

namespace {

void clearShell(Mask& mask) {
  const PlaneView v(mask.shape());
  for (int64_t a = 0; a < v.planes; ++a)
    for (int64_t b = 0; b < v.rows; ++b) {
      uint8_t* row = mask.data() + (a * v.rows + b) * v.columns;
      if (b == 0 || b == v.rows - 1 || (v.ndim == 3 && (a == 0 || a == v.planes - 1))) {
        std::fill_n(row, v.columns, uint8_t(0));
      } else {
        row[0] = 0;
        row[v.columns - 1] = 0;
      }
    }
}

/// Guidance field on the edge k -> k + step (SPEC §1.5 steps 3-5): the target gradient off the mask; on it the
/// source gradient, or with mixing the target gradient where it is at least as large.
inline double guidance(const double* t, const double* s, const uint8_t* m, int64_t k, int64_t step, bool mix) {
  const double gt = t[k + step] - t[k];
  if (!m[k]) return gt;
  const double gs = s[k + step] - s[k];
  return (mix && std::abs(gt) >= std::abs(gs)) ? gt : gs;
}

/// Right-hand side on the interior (I = G - 2 per axis): divergence of the guidance field minus the known shell
/// neighbours (SPEC §1.5 steps 6-8), one interior row at a time.
void rightHandSide(const double* t, const double* s, const uint8_t* m, const Shape& g, bool mix, double* rhs) {
  const PlaneView v(g);
  const int64_t strides[3] = {v.rows * v.columns, v.columns, 1};
  const int firstAxis = v.ndim == 3 ? 0 : 1;  // axes of the 3D view that exist
  const int64_t lo0 = v.ndim == 3 ? 1 : 0, hi0 = v.ndim == 3 ? v.planes - 1 : 1;
  int64_t r = 0;
  for (int64_t a = lo0; a < hi0; ++a)
    for (int64_t b = 1; b < v.rows - 1; ++b) {
      const int64_t rowStart = a * strides[0] + b * strides[1];
      for (int64_t c = 1; c < v.columns - 1; ++c) {
        const int64_t k = rowStart + c;
        const int64_t index[3] = {a, b, c};
        const int64_t size[3] = {v.planes, v.rows, v.columns};
        double value = 0.0;
        for (int axis = firstAxis; axis < 3; ++axis) {
          const int64_t step = strides[axis];
          value += guidance(t, s, m, k, step, mix) - guidance(t, s, m, k - step, step, mix);
          if (index[axis] == 1) value -= t[k - step];
          if (index[axis] == size[axis] - 2) value -= t[k + step];
        }
        rhs[r++] = value;
      }
    }
}

/// Eigenvalues 2 cos(pi (k + 1) / (I + 1)) - 2 of the 1D Dirichlet Laplacian of an interior axis of length I.
std::vector<double> laplacianEigenvalues(int64_t interior) {
  std::vector<double> e(static_cast<size_t>(interior));
  for (int64_t k = 0; k < interior; ++k)
    e[size_t(k)] = 2.0 * std::cos(std::numbers::pi * double(k + 1) / double(interior + 1)) - 2.0;
  return e;
}

/// Solves sum_a D_a f = rhs (D_a: second difference along axis a, zero outside the interior) in place. The sine
/// transform diagonalises every axis but the first; along the first, each transformed line is then a tridiagonal
/// system (1, mu - 2, 1), mu = sum of the other axes' eigenvalues < 0, so strictly diagonally dominant and solved
/// stably by elimination, all lines of a slab side by side. Mathematically the same solution as transforming all
/// axes (pie-torch), with a third (3D) or half (2D) less transform work.
void solvePoisson(double* f, const Shape& interior, detail::SineScratch& scratch, std::vector<double>& pivots) {
  const int nd = interior.ndim;
  for (int axis = 1; axis < nd; ++axis) detail::sineTransformAxis(f, interior, axis, scratch);

  const int64_t n0 = interior[0], slab = interior.count() / n0;
  std::vector<double> mu(static_cast<size_t>(slab), 0.0);
  {
    const std::vector<double> e1 = laplacianEigenvalues(interior[1]);
    const std::vector<double> e2 = nd == 3 ? laplacianEigenvalues(interior[2]) : std::vector<double>{0.0};
    const int64_t n2 = nd == 3 ? interior[2] : 1;
    for (int64_t p = 0; p < slab; ++p) mu[size_t(p)] = e1[size_t(p / n2)] + e2[size_t(p % n2)];
  }
  // Forward elimination: pivots[k][p] = 1 / (diagonal after elimination), f[k] <- (f[k] - f[k-1]) * pivot.
  pivots.resize(size_t(interior.count()));
  for (int64_t k = 0; k < n0; ++k) {
    double* row = f + k * slab;
    double* piv = pivots.data() + k * slab;
    const double* prevRow = row - slab;
    const double* prevPiv = piv - slab;
    for (int64_t p = 0; p < slab; ++p) {
      const double diagonal = mu[size_t(p)] - 2.0 - (k > 0 ? prevPiv[p] : 0.0);
      piv[p] = 1.0 / diagonal;
      row[p] = (row[p] - (k > 0 ? prevRow[p] : 0.0)) * piv[p];
    }
  }
  for (int64_t k = n0 - 2; k >= 0; --k) {
    double* row = f + k * slab;
    const double* next = row + slab;
    const double* piv = pivots.data() + k * slab;
    for (int64_t p = 0; p < slab; ++p) row[p] -= piv[p] * next[p];
  }

  double normalisation = 1.0;
  for (int axis = 1; axis < nd; ++axis) {
    detail::sineTransformAxis(f, interior, axis, scratch);
    normalisation /= 2.0 * double(interior[axis] + 1);
  }
  for (int64_t p = 0; p < interior.count(); ++p) f[p] *= normalisation;
}

}  // namespace

Patch poissonBlend(const Patch& target, const Patch& source, Mask& mask, bool mixGradients) {
  const Shape& g = target.shape;
  if (!(source.shape == g) || !(mask.shape() == g) || source.channels != target.channels)
    throw std::invalid_argument("poissonBlend: target, source and mask shapes differ");
  clearShell(mask);

  Patch result = target;
  Shape interior;
  interior.ndim = g.ndim;
  for (int d = 0; d < g.ndim; ++d) {
    interior.size[d] = g.size[d] - 2;
    if (interior.size[d] <= 0) return result;  // no interior: nothing to solve
  }

  std::vector<double> f(static_cast<size_t>(interior.count())), pivots;
  detail::SineScratch scratch;
  const PlaneView v(g), vi(interior);
  for (int c = 0; c < target.channels; ++c) {
    rightHandSide(target.channel(c), source.channel(c), mask.data(), g, mixGradients, f.data());
    solvePoisson(f.data(), interior, scratch, pivots);
    // Write back the whole interior; the shell keeps the target.
    double* out = result.channel(c);
    const double* solved = f.data();
    for (int64_t a = 0; a < vi.planes; ++a)
      for (int64_t b = 0; b < vi.rows; ++b, solved += vi.columns) {
        const int64_t rowStart = ((a + (v.ndim == 3 ? 1 : 0)) * v.rows + b + 1) * v.columns + 1;
        std::copy_n(solved, vi.columns, out + rowStart);
      }
  }
  return result;
}

}  // namespace lightbox
