#pragma once
// One training (or validation) sample as the data pipeline needs it (SPEC §3.4): an image of the partition,
// randomly flipped, with anomalies from one randomly chosen task, its soft label and the positional encoding.

#include <memory>
#include <vector>

#include "lightbox/core/anomaly_task.h"
#include "lightbox/core/image_set.h"

namespace lightbox {

struct TrainingSample {
  int imageIndex = 0;
  bool flipped = false;
  /// The healthy image (after the flip). Unflipped, it is the image set's own image, shared rather than copied.
  std::shared_ptr<const Image> normal;
  SyntheticSample synthetic;                       ///< augmented image, mask, soft label, anomaly records
  std::shared_ptr<const Image> positionalEncoding; ///< shared between all samples of one shape
};

class TrainingSampleGenerator {
 public:
  /// `flipProbability`: flip along the last spatial axis (0.5 for brain, 0 for chest X-ray in the paper).
  TrainingSampleGenerator(std::shared_ptr<const ImageSet> images, std::vector<std::shared_ptr<const AnomalyTask>> tasks,
                          const TaskSettings& settings, double flipProbability);
  /// With each task's own loop settings (anomaly count and proportions, label), parallel to `tasks`: the parameters
  /// a user set for a task in the preview apply whenever that task makes a sample.
  TrainingSampleGenerator(std::shared_ptr<const ImageSet> images, std::vector<std::shared_ptr<const AnomalyTask>> tasks,
                          std::vector<TaskSettings> perTaskSettings, double flipProbability);

  size_t imageCount() const { return images_->size(); }
  /// Sample `index` of the stream `seed`: the same (seed, index) always gives the same sample, whatever the thread.
  /// The image is images[index % count]; the task is drawn uniformly.
  TrainingSample generate(uint64_t seed, uint64_t index) const;
  /// Like generate(seed, index) but from images[imageIndex], so that a pipeline can shuffle the image order per epoch;
  /// flip and anomalies still come from Rng::forItem(seed, index). Throws std::out_of_range for a bad imageIndex.
  TrainingSample generate(uint64_t seed, uint64_t index, size_t imageIndex) const;

 private:
  std::shared_ptr<const ImageSet> images_;
  std::vector<std::shared_ptr<const AnomalyTask>> tasks_;
  std::vector<TaskSettings> settings_;  ///< one per task
  double flipProbability_;
};

/// Reverses the last spatial axis.
Image flipLastAxis(const Image& image);
Mask flipLastAxis(const Mask& mask);

}  // namespace lightbox
