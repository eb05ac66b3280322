#pragma once
// The one way a preview draws sample k of seed s, shared by the CLI preview (preview.cpp) and the desktop's
// interactive preview (task_preview.cpp), so that both show the same anomalies for the same seed.

#include <cstdint>

#include "lightbox/core/anomaly_task.h"
#include "lightbox/core/image_set.h"

namespace lightbox::workflows::detail {

/// The same (seed, k) draws the same first anomaly shape for every task, so tasks can be compared.
inline SyntheticSample previewSample(const AnomalyTask& task, const ImageRecord& record, const TaskSettings& settings,
                                     uint64_t seed, uint64_t k) {
  Rng rng = Rng::forItem(seed, k);
  return synthesise(task, record.image, record.objectMask, settings, rng, &record.extremes);
}

}  // namespace lightbox::workflows::detail
