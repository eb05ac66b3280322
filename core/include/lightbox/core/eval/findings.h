#pragma once
// Findings: the connected regions of an anomaly map above a threshold, each described in voxels and in patient
// coordinates (mm), so that a reviewer can be shown "a 140 mm^3 region at (x, y, z) mm, slice 41, max score 0.93".

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"

namespace lightbox::eval {

enum class Connectivity {
  Face,  ///< 4 neighbours in 2D, 6 in 3D (scipy.ndimage.label's default structure)
  Full,  ///< 8 neighbours in 2D, 26 in 3D (faces, edges and corners)
};

struct FindingOptions {
  /// A voxel belongs to a finding iff its clipped score is strictly greater than this. Strict, so that threshold 0
  /// excludes the zero background and threshold 1 yields nothing. Must lie in [0, 1].
  double threshold = 0.5;
  /// Regions with fewer voxels are dropped (noise specks). At least 1.
  int64_t minVoxels = 1;
  Connectivity connectivity = Connectivity::Face;
};

struct Finding {
  /// 1 .. count: the rank by max score, highest first; equal max scores keep raster order of the region's first
  /// voxel. So the same map and options always give the same ids.
  int id = 0;
  int ndim = 0;
  /// Bounding box, inclusive min and max index per axis, numpy axis order (entries >= ndim are 0).
  Index boxMin{0, 0, 0}, boxMax{0, 0, 0};
  /// Mean index of the region's voxels, numpy axis order (entries >= ndim are 0).
  std::array<double, 3> centroidVoxel{0.0, 0.0, 0.0};
  /// centroidVoxel through the image geometry: origin + direction * (spacing . index), in mm.
  std::array<double, 3> centroidPatient{0.0, 0.0, 0.0};
  int64_t voxels = 0;
  /// voxels * the area (2D, mm^2) or volume (3D, mm^3) of one voxel: |det| of the direction columns of the image
  /// axes scaled by the spacing (the product of the spacings for an orthonormal direction).
  double physicalSize = 0.0;
  /// Max and mean of the clipped scores over the region.
  double maxScore = 0.0, meanScore = 0.0;
  /// 3D only: the axis-0 slice holding the centroid, round-half-to-even(centroidVoxel[0]) (numpy's round).
  std::optional<int64_t> slice;
};

/// Findings of a single-channel map of `shape` (row-major, numpy order) with the given geometry, scores clipped to
/// [0, 1] first. Ordered by id. Throws std::invalid_argument for a size/shape mismatch, a NaN score, a threshold
/// outside [0, 1] or minVoxels < 1.
std::vector<Finding> findFindings(std::span<const float> map, const Shape& shape, const Geometry& geometry,
                                  const FindingOptions& options = {});
/// The same for channel 0 of a one-channel image, with the image's own geometry.
std::vector<Finding> findFindings(const Image& map, const FindingOptions& options = {});

/// Area (2D) or volume (3D) of one voxel in mm^2 / mm^3 under `geometry`.
double voxelPhysicalSize(const Geometry& geometry, int ndim);

}  // namespace lightbox::eval
