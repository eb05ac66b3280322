#pragma once
// Builds any task by id, wiring the blend sources it needs.

#include <memory>

#include "lightbox/core/anomaly_task.h"
#include "lightbox/core/image_set.h"

namespace lightbox {

struct TaskSources {
  std::shared_ptr<const ImageSet> sameDataset;   ///< intra-dataset blending, cut-paste, patch interpolation
  std::shared_ptr<const ImageSet> otherDataset;  ///< inter-dataset blending
};

/// Throws std::invalid_argument naming the task if it needs sources that are missing.
std::shared_ptr<const AnomalyTask> makeTask(TaskId id, const TaskSettings& settings, const TaskSources& sources);

}  // namespace lightbox
