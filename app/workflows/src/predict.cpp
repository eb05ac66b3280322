#include "lightbox/workflows/predict.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "lightbox/core/eval/findings.h"
#include "lightbox/core/eval/image_scores.h"
#include "lightbox/models/predictor.h"
#include "lightbox/project/project.h"
#include "lightbox/project/transaction.h"
#include "device_choice.h"
#include "model_inputs.h"
#include "original_slices.h"

namespace lightbox::workflows {

namespace {

project::ReviewedFindings reviewedHandling(const std::string& word) {
  if (word == "refuse") return project::ReviewedFindings::Refuse;
  if (word == "keep") return project::ReviewedFindings::Keep;
  if (word == "discard") return project::ReviewedFindings::Discard;
  throw std::invalid_argument("reviewed findings are refused, kept or discarded, not '" + word + "'");
}

project::PredictionScores scoresOf(const Image& map) {
  project::PredictionScores s;
  const auto whole = eval::imageScores(map.values());
  s.image = {whole.mean, whole.percentile75, whole.topQuarterMean};
  if (map.ndim() == 3)
    for (const auto& slice : eval::sliceScores(map.values(), map.shape()))
      s.perSlice.push_back({slice.mean, slice.percentile75, slice.topQuarterMean});
  return s;
}

/// The one working array a model looks at: "preprocessed", or an image's only slice.
std::optional<std::string> modelArrayKind(project::Project& proj, int64_t imageId, std::string& why) {
  const std::vector<std::string> kinds = proj.arrays().kinds(imageId);
  if (std::find(kinds.begin(), kinds.end(), "preprocessed") != kinds.end()) return "preprocessed";
  const auto slices = std::count_if(kinds.begin(), kinds.end(), [](const auto& k) { return k.rfind("slice:", 0) == 0; });
  if (slices == 1) return *std::find_if(kinds.begin(), kinds.end(), [](const auto& k) { return k.rfind("slice:", 0) == 0; });
  why = slices > 1 ? "holds " + std::to_string(slices) +
                         " slices; predicting a stack of slices is not implemented yet (import test volumes with a "
                         "3D preset for a 3D model)"
                   : "has no preprocessed array";
  return std::nullopt;
}

}  // namespace

PredictResult runPrediction(const PredictParams& params, ProgressSink& progress) {
  project::Project proj = project::Project::open(params.projectPath);
  const project::ReviewedFindings reviewed = reviewedHandling(params.reviewedFindings);
  detail::RunModel model = detail::loadRunModel(proj, params.runId, params.folds);
  const auto dataset = proj.datasets().findByName(params.dataset);
  if (!dataset) throw std::invalid_argument("the project has no dataset named '" + params.dataset + "'");
  std::vector<std::span<const uint8_t>> bytes(model.checkpoints.begin(), model.checkpoints.end());
  const models::Predictor predictor(bytes, detail::parseDevice(params.device), params.threads);

  PredictResult result;
  result.folds = model.folds;
  result.device = predictor.device();
  if (params.threshold >= 0) result.threshold = params.threshold;
  else if (const auto t = proj.thresholds().current(params.runId, model.folds)) result.threshold = t->value;
  const auto warn = [&](const char* code, std::string text) {
    result.warningCodes.emplace_back(code);
    result.warnings.push_back(std::move(text));
  };
  if (result.threshold < 0)
    warn(kPredictWarningNoThreshold, "no threshold for this model yet: maps and scores are stored, findings are not "
                                     "(run `lightbox-cli threshold` first, or give --threshold)");
  if (model.preset.meantForGpu && predictor.device() == "cpu")
    warn(kPredictWarningGpuPresetOnCpu,
         "preset '" + model.preset.name + "' is the paper's GPU network: expect seconds per image");
  for (const auto& w : result.warnings) progress.warning(w);

  std::vector<project::ImageRecord> rows = proj.images().list(dataset->id);
  std::erase_if(rows, [](const auto& r) { return r.status != project::ImportStatus::Imported; });
  if (params.onlyUnpredicted) {
    const auto before = rows.size();
    std::erase_if(rows, [&](const auto& r) { return proj.predictions().find({params.runId, model.folds, r.id}).has_value(); });
    result.skipped = int(before - rows.size());
  }
  const auto start = std::chrono::steady_clock::now();
  for (size_t k = 0; k < rows.size(); ++k) {
    if (progress.cancelled()) {
      result.cancelled = true;
      break;
    }
    const project::ImageRecord& row = rows[k];
    progress.progress(int64_t(k), int64_t(rows.size()), "predicting " + row.meta.sourcePath);
    try {
      std::string why;
      const auto kind = modelArrayKind(proj, row.id, why);
      if (!kind) throw std::invalid_argument(why);
      const auto array = proj.arrays().load(row.id, *kind);
      const auto arrayId = proj.arrays().id(row.id, *kind);
      if (!array || !arrayId) throw std::invalid_argument("its working array is missing");
      const models::Prediction p = predictor.predict(detail::toModelInput(array->image, model.preset.inputShape));

      std::vector<std::pair<std::vector<int>, Image>> maps;
      maps.emplace_back(model.folds, detail::toArrayGrid(p.ensemble, array->image.shape(), array->image.geometry()));
      if (params.storeEachFold && model.folds.size() > 1)
        for (size_t f = 0; f < model.folds.size(); ++f)
          maps.emplace_back(std::vector<int>{model.folds[f]},
                            detail::toArrayGrid(p.perModel[f], array->image.shape(), array->image.geometry()));

      const detail::OriginalSlices slices(proj, row, array->mapping);
      project::Transaction tx(proj);  // an image's maps and findings together
      for (const auto& [folds, map] : maps) {
        const int64_t predictionId =
            proj.predictions().put({params.runId, folds, row.id}, *arrayId, map, scoresOf(map), reviewed);
        ++result.predictions;
        if (folds != model.folds || result.threshold < 0) continue;  // findings of the model in use only
        eval::FindingOptions fo;
        fo.threshold = result.threshold;
        fo.minVoxels = params.minFindingVoxels;
        const auto found = detail::findingsOf(map, array->image.geometry(), row, slices, fo);
        proj.findings().replaceAutomatic(predictionId, result.threshold, found, reviewed);
        result.findings += int64_t(found.size());
      }
      tx.commit();
      ++result.images;
    } catch (const std::exception& e) {
      result.failures.push_back({row.meta.sourcePath, e.what()});
      progress.warning(row.meta.sourcePath + ": " + e.what());
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.secondsPerImage = result.images ? seconds / result.images : 0;
  progress.progress(int64_t(rows.size()), int64_t(rows.size()), "predicted");
  return result;
}

}  // namespace lightbox::workflows
