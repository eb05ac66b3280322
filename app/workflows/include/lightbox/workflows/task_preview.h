#pragma once
// Interactive task preview (the desktop's task preview panel): the synthetic tasks run on an image of a project in
// its working space (the stored preprocessed array the training uses), one sample at a time, any task, any seed,
// any settings. The CLI's `preview` use case (preview.h) writes the same samples to files: both draw sample k of
// seed s with Rng::forItem(s, k) through the same code (src/task_sampling.h).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lightbox/core/anomaly_task.h"
#include "lightbox/core/image_set.h"
#include "lightbox/core/task_settings.h"

namespace lightbox::workflows {

/// One generated sample with everything a viewer shows. Geometry is LPS+ (image_view.h).
struct TaskPreviewSample {
  TaskId task = TaskId::IntraPoisson;
  uint64_t seed = 0;
  int index = 0;                         ///< sample k of the seed; gallery samples use k = 0, 1, ...
  std::shared_ptr<const ImageRecord> source;  ///< the healthy working image (and its object mask)
  std::string sourceName;                ///< which image of the dataset, for captions
  SyntheticSample sample;                ///< augmented image, anomaly mask, soft label, anomaly records
};

class TaskPreviewSession {
 public:
  /// Loads, read-only: the working array of `imageId`, up to `maxGalleryImages` working arrays of its dataset's
  /// other images of the same shape (intra-dataset blending, cut-paste, the gallery) and up to as many of the
  /// project's blend datasets (inter-dataset blending). Throws std::runtime_error naming the project or the image.
  static std::shared_ptr<const TaskPreviewSession> open(const std::string& projectPath, int64_t imageId,
                                                        int maxGalleryImages = 16);

  int ndim() const;
  const std::string& projectPath() const { return projectPath_; }
  int64_t imageId() const { return imageId_; }
  const std::string& imageName() const { return imageName_; }
  const std::string& datasetName() const { return datasetName_; }
  /// The images of the dataset the gallery cycles through (the selected one first).
  size_t galleryImageCount() const { return same_->size(); }
  /// The selected image's working array (and object mask).
  std::shared_ptr<const ImageRecord> selectedImage() const { return same_->front(); }
  bool hasBlendSource() const { return !other_->empty(); }
  /// E.g. "textures (12 images)"; empty when the project has no usable blend dataset.
  const std::string& blendSourceName() const { return blendName_; }
  /// Whether `id` can run here (inter-dataset blending needs a blend dataset).
  bool canRun(TaskId id) const { return id != TaskId::InterPoisson || hasBlendSource(); }

  /// Sample 0 of `seed` on the selected image. Const and thread-safe: the same arguments give the same sample.
  /// Throws std::invalid_argument naming the task when it cannot run (no blend source).
  TaskPreviewSample generate(TaskId id, const TaskSettings& settings, uint64_t seed) const;
  /// Gallery sample k of `seed`: on image k mod galleryImageCount(), drawn with Rng::forItem(seed, k).
  TaskPreviewSample generateGallery(TaskId id, const TaskSettings& settings, uint64_t seed, int k) const;

 private:
  TaskPreviewSession() = default;
  TaskPreviewSample run(TaskId id, const TaskSettings& settings, uint64_t seed, int k, size_t imageIndex) const;

  std::string projectPath_;
  int64_t imageId_ = 0;
  std::string imageName_, datasetName_, blendName_;
  std::shared_ptr<const ImageSet> same_, other_;
  std::vector<std::string> names_;
};

}  // namespace lightbox::workflows
