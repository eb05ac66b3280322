// Direct DST-I over many lines at once. The symmetry sin(pi (n - j)(k + 1) / (n + 1)) = (-1)^k sin(pi (j + 1)(k + 1)
// / (n + 1)) splits every line into its symmetric and antisymmetric halves: even outputs only see the symmetric
// half, odd outputs the antisymmetric one, which halves the n^2 products. The lines of a block lie side by side
// (element j of every line contiguous), so each product is a contiguous, vectorised multiply-add over the block.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "sine_transform.h"

namespace lightbox::detail {

namespace {

/// coefficients[k * h + j] = 2 sin(pi (j + 1)(k + 1) / (n + 1)) for j < h = n / 2, then (odd n) the weight of the
/// middle element for every k at n * h + k. Angles are reduced exactly, modulo 2 (n + 1), before std::sin.
void buildCoefficients(int64_t n, std::vector<double>& c) {
  const int64_t h = n / 2, period = 2 * (n + 1);
  c.resize(size_t(n * h + n));
  std::vector<double> twoSin(static_cast<size_t>(period));
  for (int64_t m = 0; m < period; ++m) twoSin[size_t(m)] = 2.0 * std::sin(std::numbers::pi * double(m) / double(n + 1));
  for (int64_t k = 0; k < n; ++k) {
    int64_t m = 0;
    for (int64_t j = 0; j < h; ++j) {
      m += k + 1;
      if (m >= period) m -= period;
      c[size_t(k * h + j)] = twoSin[size_t(m)];
    }
    c[size_t(n * h + k)] = (n % 2 == 1 && k % 2 == 0) ? twoSin[size_t(((n + 1) / 2 * (k + 1)) % period)] : 0.0;
  }
}

/// out[c] += sum_j weight[j] * rows[j][c] over h rows of width w, adding in row order.
void accumulateRows(double* out, const double* rows, const double* weight, int64_t h, int64_t w) {
  int64_t j = 0;
  for (; j + 4 <= h; j += 4) {
    const double w0 = weight[j], w1 = weight[j + 1], w2 = weight[j + 2], w3 = weight[j + 3];
    const double* r0 = rows + j * w;
    const double* r1 = r0 + w;
    const double* r2 = r1 + w;
    const double* r3 = r2 + w;
    for (int64_t c = 0; c < w; ++c) out[c] = (((out[c] + w0 * r0[c]) + w1 * r1[c]) + w2 * r2[c]) + w3 * r3[c];
  }
  for (; j < h; ++j) {
    const double wj = weight[j];
    const double* r = rows + j * w;
    for (int64_t c = 0; c < w; ++c) out[c] += wj * r[c];
  }
}

/// out[k][0..w) = DST-I over the n rows of `in` (each w wide, contiguous).
void transformBlock(const double* in, double* out, int64_t n, int64_t w, const double* coef,
                    std::vector<double>& halves) {
  const int64_t h = n / 2;
  halves.resize(size_t(2 * h * w));
  double* sym = halves.data();
  double* anti = sym + h * w;
  for (int64_t j = 0; j < h; ++j) {
    const double* a = in + j * w;
    const double* b = in + (n - 1 - j) * w;
    for (int64_t c = 0; c < w; ++c) {
      sym[j * w + c] = a[c] + b[c];
      anti[j * w + c] = a[c] - b[c];
    }
  }
  const double* middle = in + h * w;
  const double* middleWeight = coef + n * h;
  // Outputs k (even, symmetric half) and k + 1 (odd, antisymmetric half) share one pass over the rows; rows are
  // taken four at a time, adding them in row order, so each output element is loaded and stored once per four.
  for (int64_t k = 0; k < n; k += 2) {
    double* even = out + k * w;
    std::fill_n(even, w, 0.0);
    accumulateRows(even, sym, coef + k * h, h, w);
    if (k + 1 < n) {
      double* odd = even + w;
      std::fill_n(odd, w, 0.0);
      accumulateRows(odd, anti, coef + (k + 1) * h, h, w);
    }
    if (n % 2 == 1)
      for (int64_t c = 0; c < w; ++c) even[c] += middleWeight[k] * middle[c];
  }
}

}  // namespace

void sineTransformAxis(double* data, const Shape& shape, int axis, SineScratch& s) {
  const int64_t n = shape[axis];
  const int64_t inner = shape.stride(axis);
  const int64_t outer = shape.count() / (n * inner);
  buildCoefficients(n, s.coefficients);
  if (inner > 1) {
    // A slower axis: each slab already holds its lines side by side.
    s.block.resize(size_t(n * inner));
    for (int64_t o = 0; o < outer; ++o) {
      double* slab = data + o * n * inner;
      transformBlock(slab, s.block.data(), n, inner, s.coefficients.data(), s.halves);
      std::copy(s.block.begin(), s.block.end(), slab);
    }
    return;
  }
  // The fastest axis: transpose groups of lines into blocks.
  constexpr int64_t kGroup = 64;
  s.block.resize(size_t(n * kGroup));
  s.transposed.resize(size_t(n * kGroup));
  for (int64_t first = 0; first < outer; first += kGroup) {
    const int64_t w = std::min(kGroup, outer - first);
    for (int64_t l = 0; l < w; ++l)
      for (int64_t k = 0; k < n; ++k) s.transposed[size_t(k * w + l)] = data[(first + l) * n + k];
    transformBlock(s.transposed.data(), s.block.data(), n, w, s.coefficients.data(), s.halves);
    for (int64_t l = 0; l < w; ++l)
      for (int64_t k = 0; k < n; ++k) data[(first + l) * n + k] = s.block[size_t(k * w + l)];
  }
}

}  // namespace lightbox::detail
