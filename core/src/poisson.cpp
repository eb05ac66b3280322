#include "lightbox/core/poisson.h"

#include <fftw3.h>

#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <stdexcept>

namespace lightbox {

namespace {

// A multi-dimensional DST-I is done as 1-D transforms along each axis, with plans keyed by length alone: anomaly
// boxes come in thousands of shapes but few lengths, and planning per shape took a third of the sample time.
// FFTW's planner is not thread-safe (execution is): plans are made under a mutex and live for the process.
class DstPlans {
 public:
  fftw_plan forLength(int64_t n) {
    std::lock_guard lock(mutex_);
    auto& plan = plans_[n];
    if (!plan) {
      double* scratch = fftw_alloc_real(static_cast<size_t>(n));
      // ESTIMATE: cheap, leaves the buffer alone. UNALIGNED: executed on arbitrary lines of caller buffers.
      plan = fftw_plan_r2r_1d(static_cast<int>(n), scratch, scratch, FFTW_RODFT00, FFTW_ESTIMATE | FFTW_UNALIGNED);
      fftw_free(scratch);
      if (!plan) throw std::runtime_error("FFTW could not plan a DST-I of length " + std::to_string(n));
    }
    return plan;
  }

 private:
  std::mutex mutex_;
  std::map<int64_t, fftw_plan> plans_;
};

DstPlans& dstPlans() {
  static DstPlans plans;
  return plans;
}

/// Unnormalised DST-I (RODFT00) along every axis of `data` (shape `shape`), in place.
void dstAllAxes(double* data, const Shape& shape, std::vector<double>& line) {
  for (int axis = 0; axis < shape.ndim; ++axis) {
    const int64_t n = shape[axis];
    const int64_t inner = shape.stride(axis);
    const int64_t outer = shape.count() / (n * inner);
    const fftw_plan plan = dstPlans().forLength(n);
    line.resize(size_t(n));
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i) {
        double* start = data + o * n * inner + i;
        if (inner == 1) {
          fftw_execute_r2r(plan, start, start);
          continue;
        }
        for (int64_t k = 0; k < n; ++k) line[size_t(k)] = start[k * inner];
        fftw_execute_r2r(plan, line.data(), line.data());
        for (int64_t k = 0; k < n; ++k) start[k * inner] = line[size_t(k)];
      }
  }
}

bool onShell(const Index& i, const Shape& s) {
  for (int d = 0; d < s.ndim; ++d)
    if (i[d] == 0 || i[d] == s.size[d] - 1) return true;
  return false;
}

}  // namespace

Patch poissonBlend(const Patch& target, const Patch& source, Mask& mask, bool mixGradients) {
  const Shape& g = target.shape;
  if (!(source.shape == g) || !(mask.shape() == g) || source.channels != target.channels)
    throw std::invalid_argument("poissonBlend: target, source and mask shapes differ");
  const int nd = g.ndim;
  const int64_t count = g.count();

  {
    Index i{0, 0, 0};
    int64_t k = 0;
    do {
      if (onShell(i, g)) mask[k] = 0;
      ++k;
    } while (nextIndex(i, g));
  }

  Patch result = target;
  Shape interior;
  interior.ndim = nd;
  for (int d = 0; d < nd; ++d) {
    interior.size[d] = g.size[d] - 2;
    if (interior.size[d] <= 0) return result;  // no interior: nothing to solve
  }
  const int64_t interiorCount = interior.count();

  int64_t stride[kMaxDims];
  for (int d = 0; d < nd; ++d) stride[d] = g.stride(d);

  // Eigenvalues of the interior Laplacian with zero Dirichlet boundary, per axis.
  std::vector<double> axisEigen[kMaxDims];
  for (int d = 0; d < nd; ++d) {
    axisEigen[d].resize(size_t(interior.size[d]));
    for (int64_t k = 0; k < interior.size[d]; ++k)
      axisEigen[d][size_t(k)] = 2.0 * std::cos(std::numbers::pi * double(k + 1) / double(g.size[d] - 1)) - 2.0;
  }
  double normalisation = 1.0;
  for (int d = 0; d < nd; ++d) normalisation *= 1.0 / (2.0 * double(interior.size[d] + 1));

  std::vector<double> rhs(static_cast<size_t>(interiorCount)), line;
  std::vector<double> guidance(size_t(count) * size_t(nd));

  for (int c = 0; c < target.channels; ++c) {
    const double* t = target.channel(c);
    const double* s = source.channel(c);

    // Guidance field v_a(p): forward differences; the edge p -> p + e_a is governed by the mask at p. The last
    // index on each axis only feeds shell voxels, which are never solved, so it is left at 0.
    for (int d = 0; d < nd; ++d) {
      double* v = guidance.data() + size_t(d) * size_t(count);
      Index i{0, 0, 0};
      int64_t k = 0;
      do {
        double value = 0.0;
        if (i[d] + 1 < g.size[d]) {
          const double gt = t[k + stride[d]] - t[k];
          if (mask[k]) {
            const double gs = s[k + stride[d]] - s[k];
            value = (mixGradients && std::abs(gt) >= std::abs(gs)) ? gt : gs;
          } else {
            value = gt;
          }
        }
        v[k] = value;
        ++k;
      } while (nextIndex(i, g));
    }

    // Right-hand side on the interior: divergence of v minus the known shell neighbours.
    {
      Index i{0, 0, 0};
      int64_t r = 0;
      do {
        int64_t k = 0;
        for (int d = 0; d < nd; ++d) k += (i[d] + 1) * stride[d];
        double value = 0.0;
        for (int d = 0; d < nd; ++d) {
          const double* v = guidance.data() + size_t(d) * size_t(count);
          value += v[k] - v[k - stride[d]];
          if (i[d] == 0) value -= t[k - stride[d]];
          if (i[d] == interior.size[d] - 1) value -= t[k + stride[d]];
        }
        rhs[r++] = value;
      } while (nextIndex(i, interior));
    }

    dstAllAxes(rhs.data(), interior, line);
    {
      Index i{0, 0, 0};
      int64_t r = 0;
      do {
        double lambda = 0.0;
        for (int d = 0; d < nd; ++d) lambda += axisEigen[d][size_t(i[d])];
        rhs[r++] /= lambda;  // always negative: never zero
      } while (nextIndex(i, interior));
    }
    dstAllAxes(rhs.data(), interior, line);

    double* out = result.channel(c);
    Index i{0, 0, 0};
    int64_t r = 0;
    do {
      int64_t k = 0;
      for (int d = 0; d < nd; ++d) k += (i[d] + 1) * stride[d];
      out[k] = rhs[r++] * normalisation;
    } while (nextIndex(i, interior));
  }
  return result;
}

}  // namespace lightbox
