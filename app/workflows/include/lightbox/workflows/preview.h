#pragma once
// Preview use case: run synthetic tasks on a user's own image and write what they do (montages + statistics).

#include <cstdint>
#include <string>
#include <vector>

#include "lightbox/core/progress.h"
#include "lightbox/core/task_settings.h"

namespace lightbox::workflows {

/// How the input is brought to the working space before the tasks run.
enum class PreviewPreset {
  Automatic,  ///< 3D volumes: brain 3D (80x112x80, 2 mm); 2D images: 256x256 in [-1, 1]
  Brain3D,
  Image2D,
  AsIs,       ///< no preprocessing
};

struct PreviewParams {
  std::string imagePath;
  std::vector<TaskId> tasks;                 ///< empty: the five paper tasks
  uint64_t seed = 0;
  int samplesPerTask = 3;
  std::string outputDirectory;
  PreviewPreset preset = PreviewPreset::Automatic;
  std::vector<std::string> sameDatasetPaths;  ///< extra healthy images for intra-dataset blending (the input is one)
  std::vector<std::string> blendSourcePaths;  ///< the "other dataset" for inter-dataset blending
};

struct PreviewSample {
  TaskId task;
  int index = 0;             ///< sample k of the task; its generator is Rng::forItem(seed, k)
  std::string montagePath;
};

struct PreviewResult {
  std::vector<PreviewSample> samples;
  std::string statisticsPath;           ///< JSON with per-sample statistics
  std::string inputDescription;         ///< what was read and how it was preprocessed
  std::vector<std::string> warnings;    ///< tasks skipped and why, reader warnings
};

/// Throws InputFileError (errors.h) when the input cannot be read or used, std::invalid_argument for unusable
/// parameters, std::runtime_error when outputs cannot be written.
PreviewResult runPreview(const PreviewParams& params, ProgressSink& progress);

}  // namespace lightbox::workflows
