#include "lightbox/core/tasks/patch_blending_task.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "lightbox/core/bspline.h"
#include "lightbox/core/linalg.h"
#include "lightbox/core/poisson.h"

namespace lightbox {

namespace {

IntegerBounds gridCornerBounds(const Matrix& b, const Shape& grid) {
  Point lo{0, 0, 0}, hi{0, 0, 0};
  for (int d = 0; d < grid.ndim; ++d) hi[d] = double(grid[d]);  // corners {0, G}, not G - 1, as the reference
  return transformedCornerBounds(b, lo, hi, grid.ndim);
}

/// Corner of the source box: its centre voxel must be on the source's object mask. The reference retries forever;
/// after maxAttempts we centre the box on a random object voxel instead (clamped into the image).
Index sourceCorner(const ImageRecord& source, const Shape& extent, int maxAttempts, Rng& rng) {
  const Shape& s = source.image.shape();
  auto centreOf = [&](const Index& c) {
    Index m{0, 0, 0};
    for (int d = 0; d < s.ndim; ++d) m[d] = c[d] + extent[d] / 2;
    return m;
  };
  Index corner{0, 0, 0};
  for (int attempt = 0; attempt < maxAttempts; ++attempt) {
    for (int d = 0; d < s.ndim; ++d) corner[d] = rng.randint(0, s[d] - extent[d]);
    if (!source.hasObjectMask() || source.objectMask.at(centreOf(corner))) return corner;
  }
  std::vector<int64_t> onObject;
  for (int64_t k = 0; k < source.objectMask.count(); ++k)
    if (source.objectMask[k]) onObject.push_back(k);
  if (onObject.empty()) return corner;
  const Index centre = s.unravel(onObject[size_t(rng.randint(0, int64_t(onObject.size()) - 1))]);
  for (int d = 0; d < s.ndim; ++d) corner[d] = std::clamp<int64_t>(centre[d] - extent[d] / 2, 0, s[d] - extent[d]);
  return corner;
}

/// Voxels whose patch value the blend reads: the mask and, for the forward differences, each mask voxel's
/// successor along every axis. Resampling only these halves the cost of the cubic interpolation.
Mask voxelsReadByBlend(const Mask& mask) {
  const Shape& g = mask.shape();
  const int nd = g.ndim;
  const int64_t rowLength = g[nd - 1];
  Mask needed = mask;
  for (int64_t start = 0; start < mask.count(); start += rowLength) {
    const uint8_t* m = mask.data() + start;
    uint8_t* n = needed.data() + start;
    for (int64_t c = 0; c + 1 < rowLength; ++c) n[c + 1] |= m[c];  // successor along the row
    for (int d = 0; d < nd - 1; ++d) {                             // successor along a slower axis
      const int64_t stride = g.stride(d);
      if ((start / stride) % g[d] + 1 >= g[d]) continue;           // last index on axis d: no successor
      for (int64_t c = 0; c < rowLength; ++c) n[c + stride] |= m[c];
    }
  }
  return needed;
}

}  // namespace

PatchBlendingTask::PatchBlendingTask(TaskId id, BlendMode mode, std::shared_ptr<const ImageSet> sources,
                                     const TaskSettings& settings)
    : id_(id), mode_(mode), sources_(std::move(sources)), settings_(settings) {
  if (!sources_ || sources_->empty())
    throw std::invalid_argument(std::string(taskDisplayName(id)) + " needs at least one source image");
}

Patch PatchBlendingTask::sampleSourcePatch(const ImageRecord& source, const Shape& grid, Rng& rng,
                                           const Mask* needed) const {
  const int nd = grid.ndim;
  const Shape& s = source.image.shape();
  if (s.ndim != nd)
    throw std::invalid_argument("blend source is " + std::to_string(s.ndim) + "D but the image is " +
                                std::to_string(nd) + "D");

  Matrix b = identityMatrix();
  for (int a = 0; a < nd; ++a)
    for (int c = a + 1; c < nd; ++c)
      b = multiply(planeRotation(a, c, rng.uniform(-settings_.blendMaxRotation, settings_.blendMaxRotation)), b, nd);

  const IntegerBounds unscaled = gridCornerBounds(b, grid);
  double maxScale = std::numeric_limits<double>::infinity();
  for (int d = 0; d < nd; ++d)
    maxScale = std::min(maxScale, settings_.maxSourceFraction * double(s[d]) / double(unscaled.hi[d] - unscaled.lo[d]));
  const double r = 1.0 + rng.exponential(settings_.blendScaleExponentialMean);
  double scale = std::min(rng.uniform() < 0.5 ? r : 1.0 / r, maxScale);

  // floor/ceil can push the box a voxel past the source on tiny sources; shrink until it fits.
  IntegerBounds bounds;
  Shape extent;
  extent.ndim = nd;
  for (int attempt = 0;; ++attempt) {
    bounds = gridCornerBounds(scaled(b, scale, nd), grid);
    bool fits = true;
    for (int d = 0; d < nd; ++d) {
      extent[d] = bounds.hi[d] - bounds.lo[d];
      fits &= extent[d] >= 1 && extent[d] <= s[d];
    }
    if (fits) break;
    if (attempt == 50) throw std::invalid_argument("blend source " + s.toString() + " is too small");
    scale *= 0.9;
  }
  b = scaled(b, scale, nd);

  const Index corner = sourceCorner(source, extent, settings_.maxSourceAttempts, rng);
  const Patch region = extractPatch(source.image, Box{corner, extent});

  Point offset{0, 0, 0};
  for (int d = 0; d < nd; ++d) offset[d] = -double(bounds.lo[d]);
  Patch out(region.channels, grid);
  for (int c = 0; c < region.channels; ++c) {
    Grid<double> channel(extent);
    std::copy_n(region.channel(c), extent.count(), channel.data());
    const Grid<double> resampled = affineResampleCubic(channel, b, offset, grid, needed);
    std::copy_n(resampled.data(), grid.count(), out.channel(c));
  }
  clampChannels(out, source.extremes.ranges);
  return out;
}

void PatchBlendingTask::insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
                       ImageRangeTracker& ranges) const {
  const ImageRecord& source = pickRandom(*sources_, rng);
  if (source.image.channels() != image.channels())
    throw std::invalid_argument("blend source has " + std::to_string(source.image.channels()) +
                                " channels but the image has " + std::to_string(image.channels()));
  const Patch target = extractPatch(image, box);
  Mask& mask = shape.mask();
  const Mask needed = voxelsReadByBlend(mask);
  const Patch patch = sampleSourcePatch(source, box.size, rng, &needed);

  Patch blended = target;
  switch (mode_) {
    case BlendMode::PoissonMixedGradients:
    case BlendMode::PoissonSourceGradients: {
      const auto before = ranges.ranges();  // the image as it was before this blend
      blended = poissonBlend(target, patch, mask, mode_ == BlendMode::PoissonMixedGradients);
      clampChannels(blended, before);
      break;
    }
    case BlendMode::CutPaste:
    case BlendMode::Interpolation: {
      const double alpha = mode_ == BlendMode::CutPaste
                               ? 1.0
                               : rng.uniform(settings_.interpolationMinAlpha, settings_.interpolationMaxAlpha);
      for (int c = 0; c < blended.channels; ++c) {
        double* out = blended.channel(c);
        const double* p = patch.channel(c);
        for (int64_t k = 0; k < box.size.count(); ++k)
          if (mask[k]) out[k] = (1.0 - alpha) * out[k] + alpha * p[k];
      }
      break;
    }
  }

  // Everything the blend changed noticeably belongs to the anomaly (Poisson also moves voxels outside the mask).
  const int64_t n = box.size.count();
  for (int64_t k = 0; k < n; ++k) {
    double change = 0.0;
    for (int c = 0; c < blended.channels; ++c) change += std::abs(blended.channel(c)[k] - target.channel(c)[k]);
    if (change / blended.channels > settings_.maskGrowthThreshold) mask[k] = 1;
  }
  writePatch(image, box, blended);
}

}  // namespace lightbox
