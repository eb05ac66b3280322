#pragma once
// What prediction and threshold proposal share: a run's model (its folds' best checkpoints and stored preset) and
// the conversion of a stored working array to the network's input size and of a map back to the array's grid.

#include <cstdint>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/models/training_preset.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows::detail {

struct RunModel {
  project::Run run;
  models::TrainingPreset preset;            ///< as the run stored it
  std::vector<int> folds;                   ///< sorted
  std::vector<std::vector<uint8_t>> checkpoints;  ///< best checkpoint of each fold, parallel to folds
  std::vector<project::RunFold> foldInfo;   ///< parallel to folds
};

/// Throws std::invalid_argument for an unknown run, an unknown fold, or a fold without a best checkpoint.
RunModel loadRunModel(project::Project& project, int64_t runId, const std::vector<int>& folds);

/// The array brought to the network's working size when it is an integer multiple of it (box average, as
/// training did); otherwise as it is (the predictor pads).
Image toModelInput(const Image& array, const Shape& presetShape);
/// A map of `modelShape` brought back to `arrayShape` by repeating each value over its block (the inverse layout
/// of the box average); the same map when the shapes agree.
Image toArrayGrid(const Image& map, const Shape& arrayShape, const Geometry& arrayGeometry);

std::string foldsText(const std::vector<int>& folds);

}  // namespace lightbox::workflows::detail
