#pragma once
// The generic anomaly-insertion loop shared by every task (SPEC §1.1, §1.3).

#include <memory>
#include <vector>

#include "lightbox/core/anomaly_shape.h"
#include "lightbox/core/image.h"
#include "lightbox/core/random.h"
#include "lightbox/core/range_tracker.h"
#include "lightbox/core/task_settings.h"

namespace lightbox {

/// One synthetic task: changes the image inside one box under the shape's mask. Implementations are immutable and
/// safe to share between worker threads; all randomness comes from the Rng passed in.
class AnomalyTask {
 public:
  virtual ~AnomalyTask() = default;
  virtual TaskId id() const = 0;
  /// Inserts one anomaly into `image` at `box` (box.size == shape grid). May grow shape.mask(): the mask on return
  /// marks the voxels that belong to the anomaly. `ranges` tracks the image's current per-channel range.
  virtual void insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng, ImageRangeTracker& ranges) const = 0;
};

struct AnomalyRecord {
  Box box;
  ShapeKind kind = ShapeKind::Rectangle;
  int64_t voxels = 0;          ///< voxels of this anomaly's final mask
  bool onObject = true;        ///< false if placement fell back (no position met the object-overlap rule)
};

struct SyntheticSample {
  Image augmented;
  Mask anomalyMask;            ///< union of all anomaly masks (U in SPEC §1.1)
  Grid<float> label;           ///< soft label, spatial shape only (SPEC §2)
  Box anomalyBounds;           ///< bounding box of all anomaly boxes
  std::vector<AnomalyRecord> anomalies;
  TaskId task = TaskId::IntraPoisson;
};

struct Placement {
  Index corner{0, 0, 0};
  bool onObject = true;
};

/// Uniform corner such that >= minOverlap of the shape's voxels lie on the object mask (any corner if the mask is
/// empty). After `maxAttempts` rejected draws, the best corner seen is used and onObject is false.
Placement placeAnomaly(Rng& rng, const Shape& imageShape, const Mask& shapeMask, const Mask& objectMask,
                       double minOverlap, int maxAttempts);

/// Runs the 1-4 anomaly loop of `task` on a copy of `x` and labels the result. `extremes` of x may be passed when
/// known (they are cached per training image); otherwise they are computed.
SyntheticSample synthesise(const AnomalyTask& task, const Image& x, const Mask& objectMask,
                           const TaskSettings& settings, Rng& rng, const ImageExtremes* extremes = nullptr);

}  // namespace lightbox
