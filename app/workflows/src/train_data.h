#pragma once
// Training images out of the project file, at the preset's working size, split into the fold's training and
// validation partitions (SPEC §3.3; docs/method-decisions.md, "Training").

#include <memory>
#include <string>
#include <vector>

#include "lightbox/core/folds.h"
#include "lightbox/core/image_set.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows::detail {

/// The working-space arrays of one imported, non-excluded image: its "preprocessed" array or, for brain-slices-2d,
/// its "slice:NNNN" arrays in slice order.
struct SourceImage {
  std::string path;
  std::vector<std::shared_ptr<const ImageRecord>> arrays;
};

/// All usable images of the dataset, sorted by source path (chunk membership must not depend on import order,
/// SPEC §8.10), each array brought to `shape` (same size, or an integer factor larger: box-averaged, the mask
/// kept where at least half the box is object). Throws std::invalid_argument naming the first array that cannot be
/// brought to `shape` and when the dataset is missing or empty.
std::vector<SourceImage> loadDataset(project::Project& project, const std::string& dataset, const Shape& shape,
                                     int channels);

/// The partition is over source images (volumes), not slices, so no volume has slices on both sides; with fewer
/// than 5 source images it is over their arrays (slices) instead, and `bySlice` says so.
struct FoldData {
  std::shared_ptr<const ImageSet> training, validation;
  DataPartition partition;
  bool bySlice = false;
};
FoldData partitionFold(const std::vector<SourceImage>& images, const FoldTasks& fold);

/// Every array of every image (the blend source uses all of them).
std::shared_ptr<const ImageSet> allArrays(const std::vector<SourceImage>& images);

/// Box-average `image` (and majority-vote `mask`) down by an integer factor per axis.
ImageRecord downsampleTo(const Image& image, const Mask& mask, const Shape& shape);

}  // namespace lightbox::workflows::detail
