#include "lightbox/core/tasks/deformation_task.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "lightbox/core/bspline.h"
#include "lightbox/core/linalg.h"
#include "lightbox/core/morphology.h"
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

/// Mean distance from the centre to the inner boundary of the mask (mask XOR its erosion).
double meanEdgeDistance(const Mask& mask, const Index& centre) {
  const Mask eroded = binaryErosionCross(mask);
  const Shape& g = mask.shape();
  double sum = 0.0;
  int64_t n = 0;
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    if (mask[k] && !eroded[k]) {
      double d2 = 0.0;
      for (int d = 0; d < g.ndim; ++d) d2 += double(i[d] - centre[d]) * double(i[d] - centre[d]);
      sum += std::sqrt(d2);
      ++n;
    }
    ++k;
  } while (nextIndex(i, g));
  return n ? sum / double(n) : 0.0;
}

bool onShell(const Index& i, const Shape& s) {
  for (int d = 0; d < s.ndim; ++d)
    if (i[d] == 0 || i[d] == s[d] - 1) return true;
  return false;
}

}  // namespace

BendDeformationTask::BendDeformationTask(DeformationKind kind, const TaskSettings& settings,
                                         DeformationOverrides overrides)
    : kind_(kind), settings_(settings), overrides_(overrides) {}

void BendDeformationTask::insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
                       ImageRangeTracker& ranges) const {
  const Mask& mask = shape.mask();
  const Shape& g = mask.shape();
  const int nd = g.ndim;

  std::vector<int64_t> voxels;
  for (int64_t k = 0; k < mask.count(); ++k)
    if (mask[k]) voxels.push_back(k);
  if (voxels.empty()) return;
  const Index z = overrides_.centre ? *overrides_.centre : g.unravel(voxels[size_t(rng.randint(0, int64_t(voxels.size()) - 1))]);

  double factor = 1.0;
  if (overrides_.factor) {
    factor = *overrides_.factor;
  } else {
    const double a = meanEdgeDistance(mask, z);
    factor = bendFactor(samplePushDistance(rng, a, settings_.minPushDistance, settings_.maxPushDistance), a);
  }

  const Patch original = extractPatch(image, box);
  std::vector<CubicBSpline> splines;
  splines.reserve(size_t(original.channels));
  for (int c = 0; c < original.channels; ++c) splines.emplace_back(original.channel(c), g);

  Point centred{0, 0, 0}, half{0, 0, 0};
  for (int d = 0; d < nd; ++d) {
    half[d] = (double(g[d]) - 1.0) / 2.0;
    centred[d] = double(z[d]) - half[d];
  }

  // Voxels off the mask, on the box shell, and the centre itself keep their values exactly (the reference
  // resamples them at the identity, which reproduces them up to rounding).
  Patch deformed = original;
  for (const int64_t k : voxels) {
    const Index p = g.unravel(k);
    if (onShell(p, g) || p == z) continue;
    Point u{0, 0, 0};
    for (int d = 0; d < nd; ++d) u[d] = double(p[d] - z[d]);
    const double rho = norm(u, nd);
    for (int d = 0; d < nd; ++d) u[d] /= rho;
    const Point edge = shape.edgeIntersection(centred, u);
    Point fromCentre{0, 0, 0};
    for (int d = 0; d < nd; ++d) fromCentre[d] = edge[d] - centred[d];
    const double reach = norm(fromCentre, nd);
    const double sampled =
        kind_ == DeformationKind::Sink ? sinkRadius(rho, reach, factor) : sourceRadius(rho, reach, factor);
    Point at{0, 0, 0};
    for (int d = 0; d < nd; ++d) at[d] = double(z[d]) + sampled * u[d];
    for (int c = 0; c < original.channels; ++c) deformed.channel(c)[k] = splines[size_t(c)].atClamped(at);
  }
  writePatch(image, box, deformed, &mask);  // no clipping: cubic overshoot is kept (SPEC §8.6)
}

}  // namespace lightbox
