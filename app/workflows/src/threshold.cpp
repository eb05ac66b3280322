#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lightbox/core/eval/threshold_proposal.h"
#include "lightbox/core/task_settings.h"
#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/core/training_samples.h"
#include "lightbox/models/predictor.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/predict.h"
#include "device_choice.h"
#include "model_inputs.h"
#include "train_data.h"
#include "validation_prediction.h"

namespace lightbox::workflows {

using nlohmann::json;

namespace {

std::vector<float> clippedCopy(const Image& map) { return std::vector<float>(map.data(), map.data() + map.voxelCount()); }

}  // namespace

ThresholdResult proposeModelThreshold(const ThresholdParams& params, ProgressSink& progress) {
  if (params.samplesPerFold < 1) throw std::invalid_argument("give at least one held-out sample per fold");
  project::Project proj = project::Project::open(params.projectPath);
  detail::RunModel model = detail::loadRunModel(proj, params.runId, params.folds);
  ThresholdResult result;
  result.folds = model.folds;
  if (params.userThreshold >= 0) {
    if (params.userThreshold > 1) throw std::invalid_argument("a threshold lies in [0, 1]");
    const json details = {{"rule", "user"}, {"note", "set by the user"}};
    proj.thresholds().setUser(params.runId, model.folds, params.userThreshold, details.dump());
    result.threshold = params.userThreshold;
    result.decidedBy = "user";
    result.detailsJson = details.dump();
    return result;
  }

  // The run's own data and partition: each fold's held-out tasks on that fold's validation images, which the fold
  // never trained on; and those images as they are, for the healthy false-positive rate.
  const json config = json::parse(model.run.configJson);
  const std::string blendName = config.value("blend_dataset", std::string());
  progress.progress(0, 0, "loading the run's healthy images");
  const detail::RunImages runImages =
      detail::loadRunImages(proj, config, model.preset.inputShape, model.preset.imageChannels);
  const auto& images = runImages.images;
  std::shared_ptr<const ImageSet> blend;
  if (!blendName.empty())
    blend = detail::allArrays(detail::loadDataset(proj, blendName, model.preset.inputShape, model.preset.imageChannels));
  std::vector<std::span<const uint8_t>> bytes(model.checkpoints.begin(), model.checkpoints.end());
  const models::Predictor predictor(bytes, detail::parseDevice(params.device), params.threads);

  eval::F1CurveAccumulator synthetic;
  eval::FalsePositiveRateAccumulator healthy;
  std::vector<std::string> heldOutKeys;
  int64_t total = int64_t(model.folds.size()) * params.samplesPerFold, done = 0;
  for (size_t f = 0; f < model.folds.size(); ++f) {
    const FoldTasks tasks{model.foldInfo[f].trainTasks, model.foldInfo[f].heldoutTasks};
    const detail::FoldData data = detail::partitionFold(images, tasks);
    total += int64_t(data.validation->size());
    std::vector<std::shared_ptr<const AnomalyTask>> taskObjects;
    for (const int id : tasks.validation) {
      taskObjects.push_back(makeTask(TaskId(id), model.preset.tasks, TaskSources{data.validation, blend}));
      const std::string key(taskKey(TaskId(id)));
      if (std::find(heldOutKeys.begin(), heldOutKeys.end(), key) == heldOutKeys.end()) heldOutKeys.push_back(key);
    }
    const TrainingSampleGenerator generator(data.validation, taskObjects, model.preset.tasks, 0.0);
    for (int k = 0; k < params.samplesPerFold; ++k) {
      if (progress.cancelled()) throw std::runtime_error("cancelled: no threshold was recorded");
      progress.progress(done++, total, "held-out-task samples");
      const TrainingSample s = generator.generate(params.seed + uint64_t(model.folds[f]), uint64_t(k));
      const Image map = predictor.predict(s.synthetic.augmented).ensemble;
      synthetic.add(clippedCopy(map), std::span<const uint8_t>(s.synthetic.anomalyMask.data(),
                                                               size_t(s.synthetic.anomalyMask.count())));
    }
    const bool finished = detail::predictValidation(predictor, data, progress, done, total, "healthy validation images",
                                                    [&](const detail::ArrayRef&, const models::Prediction& p) {
                                                      healthy.add(clippedCopy(p.ensemble));
                                                    });
    if (!finished) throw std::runtime_error("cancelled: no threshold was recorded");
  }
  const eval::ThresholdProposal p = eval::proposeThreshold(synthetic, healthy, params.targetFalsePositiveRate);
  result.threshold = p.threshold;
  result.decidedBy = p.decidedBy == eval::ThresholdProposal::Rule::BestSyntheticF1 ? "best-synthetic-f1"
                                                                                   : "healthy-false-positive-rate";
  result.f1Threshold = p.f1Threshold;
  result.bestF1 = p.bestF1;
  result.fprThreshold = p.fprThreshold;
  result.targetFalsePositiveRate = p.targetFalsePositiveRate;
  result.f1AtThreshold = p.f1AtThreshold;
  result.falsePositiveRateAtThreshold = p.falsePositiveRateAtThreshold;
  result.syntheticPixels = int64_t(synthetic.pixels());
  result.healthyPixels = int64_t(healthy.pixels());
  result.heldOutTasks = heldOutKeys;
  const size_t every = std::max<size_t>(1, p.f1Curve.points.size() / 100);
  json curve = json::array();
  for (size_t i = 0; i < p.f1Curve.points.size(); i += every) {
    const auto& a = p.f1Curve.points[i];
    const double fpr = p.fprCurve.points[i].rate;
    result.curve.push_back({a.threshold, a.precision, a.recall, a.f1, fpr});
    curve.push_back({a.threshold, a.precision, a.recall, a.f1, fpr});
  }
  const json details = {
      {"rule", "max(threshold of best pixel F1 on held-out synthetic tasks, lowest threshold with healthy pixel "
               "false-positive rate <= target)"},
      {"decided_by", result.decidedBy},
      {"held_out_tasks", heldOutKeys},
      {"samples_per_fold", params.samplesPerFold},
      {"seed", params.seed},
      {"synthetic_pixels", result.syntheticPixels},
      {"healthy_pixels", result.healthyPixels},
      {"f1_threshold", p.f1Threshold},
      {"best_f1", p.bestF1},
      {"target_false_positive_rate", p.targetFalsePositiveRate},
      {"fpr_threshold", p.fprThreshold},
      {"f1_at_threshold", p.f1AtThreshold},
      {"false_positive_rate_at_threshold", p.falsePositiveRateAtThreshold},
      {"curve_columns", {"threshold", "precision", "recall", "f1", "healthy_false_positive_rate"}},
      {"curve", curve}};
  result.detailsJson = details.dump();
  if (params.store) proj.thresholds().propose(params.runId, model.folds, p.threshold, result.detailsJson);
  return result;
}

ThresholdStatus loadThresholdStatus(const std::string& projectPath, int64_t runId, std::vector<int> folds) {
  std::sort(folds.begin(), folds.end());
  folds.erase(std::unique(folds.begin(), folds.end()), folds.end());
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  ThresholdStatus out;
  if (const auto u = proj.thresholds().latest(runId, folds, project::ThresholdSource::User)) out.user = u->value;
  const auto p = proj.thresholds().latest(runId, folds, project::ThresholdSource::Proposed);
  if (!p) return out;
  ThresholdResult r;
  r.folds = folds;
  r.threshold = p->value;
  r.detailsJson = p->detailsJson;
  // Details written by older builds or by the synthetic demo lack some figures: they stay 0 and decidedBy empty.
  const json d = json::parse(p->detailsJson, nullptr, /*allow_exceptions=*/false);
  if (d.is_object()) {
    r.decidedBy = d.value("decided_by", std::string());
    r.f1Threshold = d.value("f1_threshold", 0.0);
    r.bestF1 = d.value("best_f1", 0.0);
    r.fprThreshold = d.value("fpr_threshold", 0.0);
    r.targetFalsePositiveRate = d.value("target_false_positive_rate", 0.0);
    r.f1AtThreshold = d.value("f1_at_threshold", 0.0);
    r.falsePositiveRateAtThreshold = d.value("false_positive_rate_at_threshold", 0.0);
    r.syntheticPixels = d.value("synthetic_pixels", int64_t(0));
    r.healthyPixels = d.value("healthy_pixels", int64_t(0));
    if (d.contains("held_out_tasks") && d["held_out_tasks"].is_array())
      for (const auto& t : d["held_out_tasks"])
        if (t.is_string()) r.heldOutTasks.push_back(t.get<std::string>());
  }
  out.proposal = std::move(r);
  return out;
}

}  // namespace lightbox::workflows
