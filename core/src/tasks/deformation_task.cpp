#include "lightbox/core/tasks/deformation_task.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "lightbox/core/bspline.h"
#include "lightbox/core/linalg.h"
#include "lightbox/core/patch.h"

namespace lightbox {

double sinkRadius(double rho, double edge, double factor) {
  if (edge <= 0.0) return rho;
  const double inside = std::max(0.0, 1.0 - rho / edge);  // floating error can put rho a hair beyond the edge
  return edge * (1.0 - std::pow(inside, factor));
}

double sourceRadius(double rho, double edge, double factor) {
  if (edge <= 0.0) return rho;
  return edge * std::pow(std::max(0.0, rho / edge), factor);
}

double bendFactor(double push, double meanEdgeDistance) {
  if (!(meanEdgeDistance > 0.0)) return 1.0;
  const double q = push / (std::sqrt(2.0) * meanEdgeDistance);
  return std::log(0.5 - q) / std::log(0.5 + q);
}

double samplePushDistance(Rng& rng, double meanEdgeDistance, double minPush, double maxPush) {
  const double maxAllowed = meanEdgeDistance / std::sqrt(2.0);
  const double lo = 0.1 * maxAllowed, hi = 0.9 * maxAllowed;
  if (minPush >= hi) return hi;
  if (maxPush <= lo) return lo;
  return rng.uniform(std::max(lo, minPush), std::min(hi, maxPush));
}

namespace {

/// Mean distance from the centre to the inner boundary of the mask (mask XOR its erosion by the face cross, the
/// outside of the box counting as background), summed in raster order like the reference.
double meanEdgeDistance(const Mask& mask, const Index& centre) {
  const PlaneView v(mask.shape());
  const int64_t plane = v.rows * v.columns;
  double sum = 0.0;
  int64_t n = 0;
  for (int64_t a = 0; a < v.planes; ++a)
    for (int64_t b = 0; b < v.rows; ++b) {
      const uint8_t* m = mask.data() + a * plane + b * v.columns;
      const bool borderRow = b == 0 || b == v.rows - 1 || (v.ndim == 3 && (a == 0 || a == v.planes - 1));
      for (int64_t c = 0; c < v.columns; ++c) {
        if (!m[c]) continue;
        const bool interior = !borderRow && c > 0 && c < v.columns - 1 && m[c - 1] && m[c + 1] && m[c - v.columns] &&
                              m[c + v.columns] && (v.ndim == 2 || (m[c - plane] && m[c + plane]));
        if (interior) continue;
        const Index i = v.index(a, b, c);
        double d2 = 0.0;
        for (int d = 0; d < v.ndim; ++d) d2 += double(i[d] - centre[d]) * double(i[d] - centre[d]);
        sum += std::sqrt(d2);
        ++n;
      }
    }
  return n ? sum / double(n) : 0.0;
}

/// Linear index of the k-th (0-based) true element of the mask.
int64_t nthTrue(const Mask& mask, int64_t k) {
  for (int64_t p = 0; p < mask.count(); ++p)
    if (mask[p] && k-- == 0) return p;
  return -1;
}

/// Resamples mask voxels along their rays from the centre z (SPEC §1.6). Each voxel is a long chain of dependent
/// divisions, square roots, a pow and the spline, so batches of voxels go through the chain stage by stage: the
/// independent voxels of a stage then overlap in the pipeline (this doubled the deformation speed). Every voxel
/// still gets the same operations in the same order as one at a time. D is a template parameter so the small
/// per-axis loops unroll.
template <int D>
class RadialResampler {
 public:
  RadialResampler(const AnomalyShape& shape, const Index& z, DeformationKind kind, double factor)
      : z_(z), kind_(kind), factor_(factor), centred_(centredOf(shape, z)), rays_(shape, centred_) {}

  /// Voxels `voxels` (box indices, linear offsets `offsets`), at most kBatch of them.
  void run(const Index* voxels, const int64_t* offsets, int count, const std::vector<NearestCubicBSpline>& splines,
           Patch& deformed) {
    for (int i = 0; i < count; ++i) {
      Point& u = direction_[i];
      for (int d = 0; d < D; ++d) u[d] = double(voxels[i][d] - z_[d]);
      rho_[i] = norm(u, D);
      for (int d = 0; d < D; ++d) u[d] /= rho_[i];
    }
    for (int i = 0; i < count; ++i) {
      const Point edge = rays_.exit<D>(direction_[i]);
      Point fromCentre{0, 0, 0};
      for (int d = 0; d < D; ++d) fromCentre[d] = edge[d] - centred_[d];
      reach_[i] = norm(fromCentre, D);
    }
    for (int i = 0; i < count; ++i)
      sampled_[i] = kind_ == DeformationKind::Sink ? sinkRadius(rho_[i], reach_[i], factor_)
                                                   : sourceRadius(rho_[i], reach_[i], factor_);
    for (int i = 0; i < count; ++i)
      for (int d = 0; d < D; ++d) at_[i][d] = double(z_[d]) + sampled_[i] * direction_[i][d];
    for (size_t ch = 0; ch < splines.size(); ++ch) {
      splines[ch].at(at_, count, value_);
      double* out = deformed.channel(int(ch));
      for (int i = 0; i < count; ++i) out[offsets[i]] = value_[i];
    }
  }

  static constexpr int kBatch = 64;

 private:
  static Point centredOf(const AnomalyShape& shape, const Index& z) {
    Point c{0, 0, 0};
    for (int d = 0; d < D; ++d) c[d] = double(z[d]) - (double(shape.gridShape()[d]) - 1.0) / 2.0;
    return c;
  }

  Index z_;
  DeformationKind kind_;
  double factor_;
  Point centred_;
  ShapeRayCaster rays_;
  Point direction_[kBatch], at_[kBatch];
  double rho_[kBatch], reach_[kBatch], sampled_[kBatch], value_[kBatch];
};

template <int D>
void deformVoxels(const AnomalyShape& shape, const Index& z, DeformationKind kind, double factor,
                  const std::vector<NearestCubicBSpline>& splines, Patch& deformed) {
  const Mask& mask = shape.mask();
  const PlaneView v(mask.shape());
  RadialResampler<D> resampler(shape, z, kind, factor);
  constexpr int kBatch = RadialResampler<D>::kBatch;
  Index voxels[kBatch];
  int64_t offsets[kBatch];
  int count = 0;
  const int64_t plane = v.rows * v.columns;
  for (int64_t a = D == 3 ? 1 : 0; a < (D == 3 ? v.planes - 1 : 1); ++a)
    for (int64_t b = 1; b < v.rows - 1; ++b)
      for (int64_t c = 1; c < v.columns - 1; ++c) {
        const int64_t k = a * plane + b * v.columns + c;
        const Index p = v.index(a, b, c);
        if (!mask[k] || p == z) continue;
        voxels[count] = p;
        offsets[count] = k;
        if (++count == kBatch) {
          resampler.run(voxels, offsets, count, splines, deformed);
          count = 0;
        }
      }
  if (count > 0) resampler.run(voxels, offsets, count, splines, deformed);
}

}  // namespace

BendDeformationTask::BendDeformationTask(DeformationKind kind, const TaskSettings& settings,
                                         DeformationOverrides overrides)
    : kind_(kind), settings_(settings), overrides_(overrides) {}

void BendDeformationTask::insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
                                 ImageRangeTracker& ranges) const {
  const Mask& mask = shape.mask();
  const Shape& g = mask.shape();
  const int64_t voxels = countTrue(mask);
  if (voxels == 0) return;
  const Index z = overrides_.centre ? *overrides_.centre : g.unravel(nthTrue(mask, rng.randint(0, voxels - 1)));

  double factor = 1.0;
  if (overrides_.factor) {
    factor = *overrides_.factor;
  } else {
    const double a = meanEdgeDistance(mask, z);
    factor = bendFactor(samplePushDistance(rng, a, settings_.minPushDistance, settings_.maxPushDistance), a);
  }

  const Patch original = extractPatch(image, box);
  // scipy map_coordinates(order=3, mode='nearest') of the box: edge-padded spline (SPEC §1.6).
  std::vector<NearestCubicBSpline> splines;
  splines.reserve(size_t(original.channels));
  for (int c = 0; c < original.channels; ++c) splines.emplace_back(original.channel(c), g);

  // Voxels off the mask, on the box shell, and the centre itself keep their values exactly (the reference
  // resamples them at the identity, which reproduces them up to rounding).
  Patch deformed = original;
  if (g.ndim == 2)
    deformVoxels<2>(shape, z, kind_, factor, splines, deformed);
  else
    deformVoxels<3>(shape, z, kind_, factor, splines, deformed);
  writePatch(image, box, deformed, &mask);  // no clipping: cubic overshoot is kept (SPEC §8.6)
}

}  // namespace lightbox
