#include "lightbox/core/poisson.h"

#include <fftw3.h>

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <numbers>
#include <stdexcept>

namespace lightbox {

namespace {

// FFTW's planner is not thread-safe, execution is: plans are created and destroyed under one mutex and shared
// between threads through shared_ptr while they execute.
std::mutex& plannerMutex() {
  static std::mutex m;
  return m;
}

struct DstPlan {
  fftw_plan plan = nullptr;
  ~DstPlan() {
    std::lock_guard lock(plannerMutex());
    fftw_destroy_plan(plan);
  }
};

class DstPlanCache {
 public:
  /// In-place, unnormalised multi-dimensional DST-I (RODFT00) over `shape`.
  std::shared_ptr<DstPlan> planFor(const Shape& shape) {
    const auto key = std::make_tuple(shape.ndim, shape.size[0], shape.size[1], shape.size[2]);
    decltype(plans_) evicted;  // destroyed after the lock is released: ~DstPlan takes the planner mutex
    std::lock_guard lock(plannerMutex());
    if (auto it = plans_.find(key); it != plans_.end()) return it->second;
    if (plans_.size() >= kMaxPlans) evicted.swap(plans_);  // shapes are random: bound the cache

    int n[kMaxDims];
    fftw_r2r_kind kinds[kMaxDims];
    for (int d = 0; d < shape.ndim; ++d) {
      n[d] = static_cast<int>(shape.size[d]);
      kinds[d] = FFTW_RODFT00;
    }
    double* scratch = fftw_alloc_real(static_cast<size_t>(shape.count()));
    // ESTIMATE: planning must be cheap (new shapes all the time) and must not overwrite the buffer.
    fftw_plan raw = fftw_plan_r2r(shape.ndim, n, scratch, scratch, kinds, FFTW_ESTIMATE);
    fftw_free(scratch);
    if (!raw) throw std::runtime_error("FFTW could not plan a DST-I of shape " + shape.toString());
    auto plan = std::make_shared<DstPlan>();
    plan->plan = raw;
    plans_.emplace(key, plan);
    return plan;
  }

 private:
  static constexpr size_t kMaxPlans = 2048;
  std::map<std::tuple<int, int64_t, int64_t, int64_t>, std::shared_ptr<DstPlan>> plans_;
};

DstPlanCache& planCache() {
  static DstPlanCache cache;
  return cache;
}

struct AlignedBuffer {
  explicit AlignedBuffer(size_t n) : data(fftw_alloc_real(n)) {
    if (!data) throw std::bad_alloc();
  }
  ~AlignedBuffer() { fftw_free(data); }
  AlignedBuffer(const AlignedBuffer&) = delete;
  AlignedBuffer& operator=(const AlignedBuffer&) = delete;
  double* data;
};

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

  const auto plan = planCache().planFor(interior);
  AlignedBuffer rhs{size_t(interiorCount)};
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
        rhs.data[r++] = value;
      } while (nextIndex(i, interior));
    }

    fftw_execute_r2r(plan->plan, rhs.data, rhs.data);
    {
      Index i{0, 0, 0};
      int64_t r = 0;
      do {
        double lambda = 0.0;
        for (int d = 0; d < nd; ++d) lambda += axisEigen[d][size_t(i[d])];
        rhs.data[r++] /= lambda;  // always negative: never zero
      } while (nextIndex(i, interior));
    }
    fftw_execute_r2r(plan->plan, rhs.data, rhs.data);

    double* out = result.channel(c);
    Index i{0, 0, 0};
    int64_t r = 0;
    do {
      int64_t k = 0;
      for (int d = 0; d < nd; ++d) k += (i[d] + 1) * stride[d];
      out[k] = rhs.data[r++] * normalisation;
    } while (nextIndex(i, interior));
  }
  return result;
}

}  // namespace lightbox
