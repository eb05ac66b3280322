#pragma once
// Patch-blending tasks (SPEC §1.4): a rotated, rescaled patch of a source image is resampled onto the anomaly grid
// and blended in. Tasks 0 and 1 use Poisson blending with mixed gradients; cut-paste and patch interpolation are
// extras.

#include <memory>

#include "lightbox/core/anomaly_task.h"
#include "lightbox/core/image_set.h"
#include "lightbox/core/patch.h"

namespace lightbox {

enum class BlendMode { PoissonMixedGradients, PoissonSourceGradients, CutPaste, Interpolation };

class PatchBlendingTask final : public AnomalyTask {
 public:
  PatchBlendingTask(TaskId id, BlendMode mode, std::shared_ptr<const ImageSet> sources, const TaskSettings& settings);

  TaskId id() const override { return id_; }
  void insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
              ImageRangeTracker& ranges) const override;

  /// The source patch for a grid of shape `grid`: random rotation and scale, random location (centre on the
  /// source's object mask when it has one), cubic resampling, clipped to the source's range. With `needed`, only
  /// those voxels are resampled (the blend reads the patch only there); the rest are 0.
  Patch sampleSourcePatch(const ImageRecord& source, const Shape& grid, Rng& rng, const Mask* needed = nullptr) const;

 private:
  TaskId id_;
  BlendMode mode_;
  std::shared_ptr<const ImageSet> sources_;
  TaskSettings settings_;
};

}  // namespace lightbox
