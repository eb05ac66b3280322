#pragma once
// Smooth intensity change (SPEC §1.7, task 4) and cutout (SPEC §1.8, an extra).

#include "lightbox/core/anomaly_task.h"

namespace lightbox {

class SmoothIntensityTask final : public AnomalyTask {
 public:
  explicit SmoothIntensityTask(const TaskSettings& settings) : settings_(settings) {}
  TaskId id() const override { return TaskId::Intensity; }
  /// Adds w * a * sign_c, w rising from 0 at the mask border to 1 over a random ramp width, then clips each channel
  /// to the image's current range.
  void insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
              ImageRangeTracker& ranges) const override;

 private:
  TaskSettings settings_;
};

class CutoutTask final : public AnomalyTask {
 public:
  TaskId id() const override { return TaskId::Cutout; }
  /// Every channel of every mask voxel becomes one value drawn from U[0, 1); no clipping.
  void insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
              ImageRangeTracker& ranges) const override;
};

}  // namespace lightbox
