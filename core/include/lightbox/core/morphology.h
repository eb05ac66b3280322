#pragma once
// Binary and grey-level morphology, distance transforms and connected components on 2D/3D grids, with the
// border semantics of the scipy / scikit-image calls in the reference implementation (method/SPEC.md §9).

#include <vector>

#include "lightbox/core/grid.h"

namespace lightbox {

/// Exact Euclidean distance from every true element to the nearest false element of the grid, in index units
/// (scipy distance_transform_edt): false elements get 0 and the region outside the grid is NOT background.
/// If the grid holds no false element at all, distances are measured to the outside of the grid instead (scipy's
/// result is undefined there; this is our documented choice).
Grid<double> euclideanDistanceTransform(const Mask& mask);
/// min(euclideanDistanceTransform(mask), cap), exactly, for cap >= 1: each axis then only looks fewer than cap
/// elements either way, which for small caps is much cheaper (the intensity task needs distances up to its ramp).
Grid<double> cappedDistanceTransform(const Mask& mask, int64_t cap);

/// Binary erosion with the face-connected cross (4-neighbourhood in 2D, 6 in 3D); outside the grid is background
/// (scipy binary_erosion, border_value = 0).
Mask binaryErosionCross(const Mask& mask);

/// Face-connected components (scipy.ndimage.label default structure). Labels are 1..count in raster order of each
/// component's first element; background is 0.
struct Components {
  Grid<int32_t> labels;
  int32_t count = 0;
  std::vector<Box> boxes;  ///< bounding box of component k at boxes[k - 1] (scipy find_objects)
};
Components labelComponents(const Mask& mask);
/// Bounding boxes of the face-connected components of `mask` restricted to `region` (the mask outside it counts as
/// background), in label order, in the coordinates of the whole mask. The labeller needs only these.
std::vector<Box> componentBoxes(const Mask& mask, const Box& region);

/// Holes = false regions not face-connected to the grid border (scipy binary_fill_holes).
Mask fillHoles(const Mask& mask);

/// Flat "connectivity 2" neighbourhood: 3x3 in 2D; 3x3x3 without its 8 corners (19 elements) in 3D.
/// Grey closing (dilation, then erosion) with that footprint; the border is extended by half-sample reflection
/// (scipy 'reflect'), which for a 3-wide footprint equals edge replication.
Grid<double> greyClosing(const Grid<double>& image);

/// Grey reconstruction by erosion (skimage.morphology.reconstruction(seed, mask, method='erosion') with the
/// connectivity-2 footprint). Requires seed >= mask everywhere. Result: the smallest r >= mask such that every element
/// is max(mask, min of r over its neighbourhood), reached from the seed.
Grid<double> reconstructionByErosion(const Grid<double>& seed, const Grid<double>& mask);

/// Fills grey "holes": reconstruction by erosion seeded with the grid's own values on its outer shell and its
/// maximum inside (SPEC §2 step 3b). Grids at most 2 elements thick on some axis are returned unchanged.
Grid<double> fillGreyHoles(const Grid<double>& image);

/// For each box in turn, in place: grid[box] <- fillGreyHoles(greyClosing(grid[box])) (SPEC §2 steps 3a-3c; later
/// boxes see the results of earlier ones). Float, because the label map is float: min and max commute with the
/// (monotone) rounding from double, so this equals the double computation rounded.
void closeAndFillGreyHoles(Grid<float>& grid, const std::vector<Box>& boxes);

}  // namespace lightbox
