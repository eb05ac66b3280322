#pragma once
// Ground-truth labels of a prediction on its working grid, one derivation for evaluation and the curves: each
// working voxel takes the label of the original voxel it maps to (nearest), or of the boxes covering that original
// pixel; voxels that map outside the original are normal.

#include <cstdint>
#include <optional>
#include <vector>

#include "lightbox/project/project.h"

namespace lightbox::workflows::detail {

/// nullopt when the image has neither mask nor boxes. Throws std::runtime_error naming the image when its working
/// array is gone or has no mapping to the original grid.
std::optional<std::vector<uint8_t>> predictionLabels(project::Project& proj, const project::PredictionInfo& prediction);

}  // namespace lightbox::workflows::detail
