#include "validation_prediction.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "lightbox/core/eval/image_scores.h"

namespace lightbox::workflows::detail {

bool predictValidation(const models::Predictor& predictor, const FoldData& data, ProgressSink& progress, int64_t& done,
                       int64_t total, const std::string& what, const ValidationMapUse& use) {
  for (size_t i = 0; i < data.validation->size(); ++i) {
    if (progress.cancelled()) return false;
    progress.progress(done++, total, what);
    const ArrayRef ref = i < data.validationRefs.size() ? data.validationRefs[i] : ArrayRef{};
    use(ref, predictor.predict((*data.validation)[i]->image));
  }
  return true;
}

std::vector<HeldOutArray> heldOutArrays(const std::vector<FoldData>& partitions) {
  std::vector<HeldOutArray> out;
  std::map<std::pair<int64_t, std::string>, size_t> at;
  for (size_t f = 0; f < partitions.size(); ++f) {
    const FoldData& data = partitions[f];
    for (size_t i = 0; i < data.validation->size(); ++i) {
      const ArrayRef ref = i < data.validationRefs.size() ? data.validationRefs[i] : ArrayRef{};
      const auto [it, added] = at.try_emplace({ref.imageId, ref.kind}, out.size());
      if (added) out.push_back({ref, (*data.validation)[i], {}});
      std::vector<size_t>& folds = out[it->second].folds;
      if (folds.empty() || folds.back() != f) folds.push_back(f);
    }
  }
  return out;
}

void ClippedMapMean::add(const Image& map, int fold) {
  if (folds_.empty()) sum_.assign(size_t(map.voxelCount()), 0.0);
  if (int64_t(sum_.size()) != map.voxelCount())
    throw std::invalid_argument("fold " + std::to_string(fold) + "'s map has another size than the other folds' maps");
  for (int64_t v = 0; v < map.voxelCount(); ++v) sum_[size_t(v)] += eval::clipToUnit(map.data()[v]);
  folds_.push_back(fold);
}

std::vector<float> ClippedMapMean::mean() const {
  std::vector<float> out(sum_.size());
  const double n = double(std::max<size_t>(1, folds_.size()));
  for (size_t v = 0; v < out.size(); ++v) out[v] = float(sum_[v] / n);
  return out;
}

}  // namespace lightbox::workflows::detail
