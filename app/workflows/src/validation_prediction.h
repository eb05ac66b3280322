#pragma once
// What the threshold proposal and the healthy-set audit share: a fold's validation partition (the run's healthy
// images the fold never trained on) run through a predictor, image by image; which of several folds held each
// array out; and the mean of those folds' clipped maps, by which both judge an array. Built with the models only.

#include <functional>
#include <memory>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/core/progress.h"
#include "lightbox/models/predictor.h"
#include "train_data.h"

namespace lightbox::workflows::detail {

using ValidationMapUse = std::function<void(const ArrayRef& array, const models::Prediction& prediction)>;

/// Predicts every array of `data.validation` in partition order and hands each map to `use`. `done`/`total` count
/// progress across calls. Returns false, having stopped early, when the user cancelled.
bool predictValidation(const models::Predictor& predictor, const FoldData& data, ProgressSink& progress, int64_t& done,
                       int64_t total, const std::string& what, const ValidationMapUse& use);

/// One array that at least one of several folds held out, with the folds that did: positions in the partitions
/// given to heldOutArrays, ascending.
struct HeldOutArray {
  ArrayRef ref;
  std::shared_ptr<const ImageRecord> record;
  std::vector<size_t> folds;
};
/// Every array of some partition's validation set, once, in order of first appearance (fold by fold, partition
/// order). An array every fold trained on is in no validation set, so it is not listed.
std::vector<HeldOutArray> heldOutArrays(const std::vector<FoldData>& partitions);

/// The voxel-wise mean of several folds' maps of one array, each clipped to [0, 1] before averaging. The ensemble
/// averages the raw maps instead; judging an array by the folds that never trained on it needs each fold's own map,
/// and clipping first keeps one fold's out-of-range output from outweighing the others.
class ClippedMapMean {
 public:
  /// Throws std::invalid_argument when `map` has another voxel count than the maps added before.
  void add(const Image& map, int fold);
  bool empty() const { return folds_.empty(); }
  const std::vector<int>& folds() const { return folds_; }
  std::vector<float> mean() const;

 private:
  std::vector<double> sum_;
  std::vector<int> folds_;
};

}  // namespace lightbox::workflows::detail
