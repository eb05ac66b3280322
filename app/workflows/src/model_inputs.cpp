#include "model_inputs.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "run_config.h"
#include "train_data.h"

namespace lightbox::workflows::detail {

std::string foldsText(const std::vector<int>& folds) {
  std::string s;
  for (size_t i = 0; i < folds.size(); ++i) s += (i ? "," : "") + std::to_string(folds[i]);
  return s;
}

RunModel loadRunModel(project::Project& project, int64_t runId, const std::vector<int>& folds) {
  const auto run = project.runs().get(runId);
  if (!run) throw std::invalid_argument("the project has no training run " + std::to_string(runId));
  RunModel m{*run, presetFromJson(nlohmann::json::parse(run->configJson).at("preset")), {}, {}, {}};
  std::vector<int> wanted = folds;
  if (wanted.empty())
    for (const auto& f : project.runs().folds(runId))
      if (project.runs().loadCheckpoint(runId, f.fold, project::CheckpointKind::Best)) wanted.push_back(f.fold);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (wanted.empty()) throw std::invalid_argument("run " + std::to_string(runId) + " has no trained fold yet");
  for (const int f : wanted) {
    const auto info = project.runs().fold(runId, f);
    if (!info) throw std::invalid_argument("run " + std::to_string(runId) + " has no fold " + std::to_string(f));
    auto best = project.runs().loadCheckpoint(runId, f, project::CheckpointKind::Best);
    if (!best)
      throw std::invalid_argument("fold " + std::to_string(f) + " of run " + std::to_string(runId) +
                                  " has no best checkpoint yet (it has not validated)");
    m.folds.push_back(f);
    m.checkpoints.push_back(std::move(best->bytes));
    m.foldInfo.push_back(*info);
  }
  return m;
}

Image toModelInput(const Image& array, const Shape& presetShape) {
  if (array.shape() == presetShape || array.ndim() != presetShape.ndim) return array;
  for (int d = 0; d < presetShape.ndim; ++d)
    if (array.shape()[d] % presetShape[d] != 0 || array.shape()[d] < presetShape[d]) return array;
  return downsampleTo(array, Mask(), presetShape).image;
}

Image toArrayGrid(const Image& map, const Shape& arrayShape, const Geometry& arrayGeometry) {
  Image out(1, arrayShape);
  out.geometry() = arrayGeometry;
  if (map.shape() == arrayShape) {
    std::copy_n(map.data(), map.voxelCount(), out.data());
    return out;
  }
  Index factor{1, 1, 1};
  for (int d = 0; d < arrayShape.ndim; ++d) factor[d] = arrayShape[d] / map.shape()[d];
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    Index m{0, 0, 0};
    for (int d = 0; d < arrayShape.ndim; ++d) m[d] = i[d] / factor[d];
    out.data()[k++] = map.data()[map.shape().linear(m)];
  } while (nextIndex(i, arrayShape));
  return out;
}

}  // namespace lightbox::workflows::detail
