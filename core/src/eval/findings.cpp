#include "lightbox/core/eval/findings.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "lightbox/core/eval/image_scores.h"

namespace lightbox::eval {

namespace {

// Neighbour offsets of one voxel under the connectivity, as index deltas (only the ndim first entries vary).
std::vector<Index> neighbourOffsets(int ndim, Connectivity connectivity) {
  std::vector<Index> offsets;
  const int64_t extent2 = ndim == 3 ? 1 : 0;
  for (int64_t a = -1; a <= 1; ++a)
    for (int64_t b = -1; b <= 1; ++b)
      for (int64_t c = -extent2; c <= extent2; ++c) {
        const int nonZero = (a != 0) + (b != 0) + (c != 0);
        if (nonZero == 0) continue;
        if (connectivity == Connectivity::Face && nonZero != 1) continue;
        offsets.push_back({a, b, c});
      }
  return offsets;
}

// numpy's round: half to even, independent of the floating-point rounding mode.
int64_t roundHalfEven(double x) {
  const double f = std::floor(x), diff = x - f;
  int64_t r = int64_t(f);
  if (diff > 0.5 || (diff == 0.5 && (r % 2 != 0))) ++r;
  return r;
}

struct Region {
  int64_t firstVoxel = 0, voxels = 0;
  Index boxMin{0, 0, 0}, boxMax{0, 0, 0};
  std::array<int64_t, 3> indexSum{0, 0, 0};  // exact: at most 2^31 voxels x 2^31 extent
  double scoreSum = 0.0, maxScore = 0.0;
};

}  // namespace

double voxelPhysicalSize(const Geometry& g, int ndim) {
  auto column = [&](int axis) {
    return std::array<double, 3>{g.direction[0 * 3 + axis] * g.spacing[axis],
                                 g.direction[1 * 3 + axis] * g.spacing[axis],
                                 g.direction[2 * 3 + axis] * g.spacing[axis]};
  };
  const auto u = column(0), v = column(1);
  const std::array<double, 3> cross{u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
  if (ndim == 2) return std::sqrt(cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]);
  const auto w = column(2);
  return std::abs(cross[0] * w[0] + cross[1] * w[1] + cross[2] * w[2]);
}

std::vector<Finding> findFindings(std::span<const float> map, const Shape& shape, const Geometry& geometry,
                                  const FindingOptions& options) {
  if (shape.ndim != 2 && shape.ndim != 3)
    throw std::invalid_argument("findFindings: only 2D and 3D maps, got " + shape.toString());
  if (int64_t(map.size()) != shape.count())
    throw std::invalid_argument("findFindings: " + std::to_string(map.size()) + " values for shape " +
                                shape.toString());
  if (!(options.threshold >= 0.0 && options.threshold <= 1.0))
    throw std::invalid_argument("findFindings: threshold " + std::to_string(options.threshold) +
                                " outside [0, 1]");
  if (options.minVoxels < 1)
    throw std::invalid_argument("findFindings: minVoxels must be at least 1, got " +
                                std::to_string(options.minVoxels));

  const int nd = shape.ndim;
  std::vector<float> clipped(map.size());
  std::vector<uint8_t> pending(map.size());  // above threshold and not yet in a region
  for (size_t i = 0; i < map.size(); ++i) {
    clipped[i] = clipToUnit(map[i]);
    pending[i] = double(clipped[i]) > options.threshold ? 1 : 0;
  }

  // Flood fill from each pending voxel in raster order, so a region is discovered at its first voxel.
  const std::vector<Index> offsets = neighbourOffsets(nd, options.connectivity);
  std::vector<Region> regions;
  std::vector<int64_t> stack;
  for (int64_t seed = 0; seed < int64_t(map.size()); ++seed) {
    if (!pending[size_t(seed)]) continue;
    Region r;
    r.firstVoxel = seed;
    r.boxMin = r.boxMax = shape.unravel(seed);
    pending[size_t(seed)] = 0;
    stack.assign(1, seed);
    while (!stack.empty()) {
      const int64_t at = stack.back();
      stack.pop_back();
      const Index i = shape.unravel(at);
      const double score = clipped[size_t(at)];
      ++r.voxels;
      r.scoreSum += score;
      r.maxScore = std::max(r.maxScore, score);
      for (int d = 0; d < nd; ++d) {
        r.indexSum[size_t(d)] += i[d];
        r.boxMin[d] = std::min(r.boxMin[d], i[d]);
        r.boxMax[d] = std::max(r.boxMax[d], i[d]);
      }
      for (const Index& o : offsets) {
        const Index j{i[0] + o[0], i[1] + o[1], i[2] + o[2]};
        if (!shape.contains(j)) continue;
        const int64_t next = shape.linear(j);
        if (pending[size_t(next)]) {
          pending[size_t(next)] = 0;
          stack.push_back(next);
        }
      }
    }
    if (r.voxels >= options.minVoxels) regions.push_back(r);
  }

  // Regions are in raster order of their first voxel; a stable sort by max score keeps that order among ties.
  std::stable_sort(regions.begin(), regions.end(),
                   [](const Region& a, const Region& b) { return a.maxScore > b.maxScore; });

  const double voxelSize = voxelPhysicalSize(geometry, nd);
  std::vector<Finding> findings;
  findings.reserve(regions.size());
  for (const Region& r : regions) {
    Finding f;
    f.id = int(findings.size()) + 1;
    f.ndim = nd;
    f.boxMin = r.boxMin;
    f.boxMax = r.boxMax;
    for (int d = 0; d < nd; ++d) f.centroidVoxel[size_t(d)] = double(r.indexSum[size_t(d)]) / double(r.voxels);
    f.centroidPatient = geometry.indexToPatient(f.centroidVoxel);
    f.voxels = r.voxels;
    f.physicalSize = double(r.voxels) * voxelSize;
    f.maxScore = r.maxScore;
    f.meanScore = r.scoreSum / double(r.voxels);
    if (nd == 3) f.slice = roundHalfEven(f.centroidVoxel[0]);
    findings.push_back(f);
  }
  return findings;
}

std::vector<Finding> findFindings(const Image& map, const FindingOptions& options) {
  if (map.channels() != 1)
    throw std::invalid_argument("findFindings: needs a one-channel map, got " + std::to_string(map.channels()) +
                                " channels");
  return findFindings(std::span<const float>(map.channel(0), size_t(map.voxelCount())), map.shape(), map.geometry(),
                      options);
}

}  // namespace lightbox::eval
