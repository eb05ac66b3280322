#pragma once
// Training images out of the project file, at the preset's working size, split into the fold's training and
// validation partitions (SPEC §3.3; docs/method-decisions.md, "Training").

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/folds.h"
#include "lightbox/core/image_set.h"
#include "lightbox/project/project.h"

namespace lightbox::workflows::detail {

/// One working array of the project: an image and the kind of its array ("preprocessed" or "slice:NNNN").
struct ArrayRef {
  int64_t imageId = 0;
  std::string kind;
  bool operator==(const ArrayRef&) const = default;
};

/// Which arrays of which images a run trains on: the imported, non-excluded images of the dataset, sorted by source
/// path (chunk membership must not depend on import order, SPEC §8.10), each with its "preprocessed" array or, for
/// brain-slices-2d, its "slice:NNNN" arrays in slice order, less slices held out as simulated lesions or excluded
/// by a user (held_out_slices.h). A run
/// records this list (its configuration's "images") so that an audit or a threshold proposal made after an image
/// was excluded or added still sees the partition the run trained on.
struct ImageSelection {
  int64_t imageId = 0;
  std::string path;
  std::vector<std::string> kinds;
};
std::vector<ImageSelection> selectDatasetImages(project::Project& project, const std::string& dataset);
nlohmann::json selectionToJson(const std::vector<ImageSelection>& selection);
/// nullopt when the run's configuration has no "images" (runs made before it was recorded).
std::optional<std::vector<ImageSelection>> selectionFromRunConfig(const nlohmann::json& config);

/// The working-space arrays of one selected image, parallel to `kinds`.
struct SourceImage {
  std::string path;
  std::vector<std::shared_ptr<const ImageRecord>> arrays;
  int64_t imageId = 0;
  std::vector<std::string> kinds;
};

/// The selected arrays, each brought to `shape` (same size, or an integer factor larger: box-averaged, the mask
/// kept where at least half the box is object). Throws std::invalid_argument naming the first array that cannot be
/// brought to `shape` or is missing, and when nothing is left.
std::vector<SourceImage> loadSelection(project::Project& project, const std::vector<ImageSelection>& selection,
                                       const Shape& shape, int channels, const std::string& dataset);
/// loadSelection(selectDatasetImages(dataset)). Throws std::invalid_argument when the dataset is missing or empty.
std::vector<SourceImage> loadDataset(project::Project& project, const std::string& dataset, const Shape& shape,
                                     int channels);

/// A run's healthy images as it trained on them: its recorded selection, or, for a run that recorded none, the
/// dataset as it is now (`recorded` false: images excluded or added since may shift the partition).
struct RunImages {
  std::vector<SourceImage> images;
  bool recorded = false;
};
RunImages loadRunImages(project::Project& project, const nlohmann::json& runConfig, const Shape& shape, int channels);

/// The partition is over source images (volumes), not slices, so no volume has slices on both sides; with fewer
/// than 5 source images it is over their arrays (slices) instead, and `bySlice` says so.
struct FoldData {
  std::shared_ptr<const ImageSet> training, validation;
  std::vector<ArrayRef> trainingRefs, validationRefs;  ///< which array each record is, parallel to the sets
  DataPartition partition;
  bool bySlice = false;
};
FoldData partitionFold(const std::vector<SourceImage>& images, const FoldTasks& fold);

/// Takes the slices a user excluded (slice_exclusion.h), and every array of an image excluded as a whole, out of
/// each fold's validation set, after partitioning, so that what each fold held out stays the run's while an excluded
/// array no longer counts as healthy (the threshold proposal). Throws std::invalid_argument naming the fold when that
/// leaves it none.
void dropUserExcludedSlices(project::Project& project, std::vector<FoldData>& partitions, const std::vector<int>& folds);

/// Every array of every image (the blend source uses all of them).
std::shared_ptr<const ImageSet> allArrays(const std::vector<SourceImage>& images);

/// Box-average `image` (and majority-vote `mask`) down by an integer factor per axis.
ImageRecord downsampleTo(const Image& image, const Mask& mask, const Shape& shape);

}  // namespace lightbox::workflows::detail
