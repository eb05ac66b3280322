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
#include "threshold_judging.h"
#include "validation_prediction.h"

namespace lightbox::workflows {

using nlohmann::json;

namespace {

std::vector<float> copyOf(const Image& map) { return std::vector<float>(map.data(), map.data() + map.voxelCount()); }

bool holds(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

json countsByFold(const std::vector<int>& folds, const std::vector<int64_t>& counts) {
  json out = json::object();
  for (size_t f = 0; f < folds.size(); ++f) out[std::to_string(folds[f])] = counts[f];
  return out;
}

}  // namespace

std::vector<size_t> detail::foldsHoldingOutPartitionOf(const std::vector<FoldData>& partitions, size_t f) {
  std::vector<size_t> out;
  for (size_t g = 0; g < partitions.size(); ++g) {
    const auto& mine = partitions[f].validationRefs;
    const auto& theirs = partitions[g].validationRefs;
    if (g == f || std::all_of(mine.begin(), mine.end(), [&](const ArrayRef& r) {
          return std::find(theirs.begin(), theirs.end(), r) != theirs.end();
        }))
      out.push_back(g);
  }
  return out;
}

ThresholdResult proposeModelThreshold(const ThresholdParams& params, ProgressSink& progress) {
  return detail::proposeThreshold(params, progress, detail::ThresholdJudges::HeldOutFolds);
}

ThresholdResult detail::proposeThreshold(const ThresholdParams& params, ProgressSink& progress,
                                         ThresholdJudges judges) {
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
  const bool heldOut = judges == ThresholdJudges::HeldOutFolds;

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
  std::vector<detail::FoldData> partitions;
  for (const auto& info : model.foldInfo)
    partitions.push_back(detail::partitionFold(images, FoldTasks{info.trainTasks, info.heldoutTasks}));
  // A slice a user excluded after the run is not healthy: it judges nothing, though the partition stays the run's.
  detail::dropUserExcludedSlices(proj, partitions, model.folds);
  const std::vector<detail::HeldOutArray> healthyArrays = detail::heldOutArrays(partitions);
  if (healthyArrays.empty())
    throw std::invalid_argument("no fold of " + detail::foldsText(model.folds) +
                                " held out any of the run's healthy images: there is nothing to judge a threshold on");
  int64_t runArrays = 0;
  for (const auto& i : images) runArrays += int64_t(i.arrays.size());
  // Every fold's model, so that each sample and image is predicted once; the maps of the folds that may judge it
  // are taken from its per-model maps.
  std::vector<std::span<const uint8_t>> bytes(model.checkpoints.begin(), model.checkpoints.end());
  const models::Predictor predictor(bytes, detail::parseDevice(params.device), params.threads);

  eval::F1CurveAccumulator synthetic;
  eval::FalsePositiveRateAccumulator healthy;
  std::vector<std::string> heldOutKeys;
  std::vector<int64_t> samplesJudgedBy(model.folds.size(), 0), arraysJudgedBy(model.folds.size(), 0);
  int64_t total = int64_t(model.folds.size()) * params.samplesPerFold, done = 0;
  if (heldOut) total += int64_t(healthyArrays.size());
  for (size_t f = 0; f < model.folds.size(); ++f) {
    const FoldTasks tasks{model.foldInfo[f].trainTasks, model.foldInfo[f].heldoutTasks};
    const detail::FoldData& data = partitions[f];
    if (!heldOut) total += int64_t(data.validation->size());
    std::vector<std::shared_ptr<const AnomalyTask>> taskObjects;
    for (const int id : tasks.validation) {
      taskObjects.push_back(makeTask(TaskId(id), model.preset.tasks, TaskSources{data.validation, blend}));
      const std::string key(taskKey(TaskId(id)));
      if (std::find(heldOutKeys.begin(), heldOutKeys.end(), key) == heldOutKeys.end()) heldOutKeys.push_back(key);
    }
    const std::vector<size_t> poolJudges = detail::foldsHoldingOutPartitionOf(partitions, f);
    const TrainingSampleGenerator generator(data.validation, taskObjects, model.preset.tasks, 0.0);
    for (int k = 0; k < params.samplesPerFold; ++k) {
      if (progress.cancelled()) throw std::runtime_error("cancelled: no threshold was recorded");
      progress.progress(done++, total, "held-out-task samples");
      const TrainingSample s = generator.generate(params.seed + uint64_t(model.folds[f]), uint64_t(k));
      const models::Prediction p = predictor.predict(s.synthetic.augmented);
      const std::span<const uint8_t> mask(s.synthetic.anomalyMask.data(), size_t(s.synthetic.anomalyMask.count()));
      if (!heldOut) {
        synthetic.add(copyOf(p.ensemble), mask);
        continue;
      }
      // Fold f itself always qualifies: the task is one it held out and the images are its validation partition.
      detail::ClippedMapMean mean;
      for (const size_t g : poolJudges)
        if (holds(model.foldInfo[g].heldoutTasks, int(s.synthetic.task))) {
          mean.add(p.perModel[g], model.folds[g]);
          ++samplesJudgedBy[g];
        }
      synthetic.add(mean.mean(), mask);
    }
    if (heldOut) continue;
    const bool finished = detail::predictValidation(predictor, data, progress, done, total, "healthy validation images",
                                                    [&](const detail::ArrayRef&, const models::Prediction& p) {
                                                      healthy.add(copyOf(p.ensemble));
                                                    });
    if (!finished) throw std::runtime_error("cancelled: no threshold was recorded");
  }
  if (heldOut)
    for (const detail::HeldOutArray& a : healthyArrays) {
      if (progress.cancelled()) throw std::runtime_error("cancelled: no threshold was recorded");
      progress.progress(done++, total, "healthy validation images");
      const models::Prediction p = predictor.predict(a.record->image);
      detail::ClippedMapMean mean;
      for (const size_t g : a.folds) {
        mean.add(p.perModel[g], model.folds[g]);
        ++arraysJudgedBy[g];
      }
      healthy.add(mean.mean());
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
  result.syntheticSamples = int64_t(model.folds.size()) * params.samplesPerFold;
  result.healthyArrays = heldOut ? int64_t(healthyArrays.size()) : 0;
  for (const auto& part : partitions)
    if (!heldOut) result.healthyArrays += int64_t(part.validation->size());
  result.healthyArraysUnused = runArrays - int64_t(healthyArrays.size());
  result.heldOutTasks = heldOutKeys;
  const size_t every = std::max<size_t>(1, p.f1Curve.points.size() / 100);
  json curve = json::array();
  for (size_t i = 0; i < p.f1Curve.points.size(); i += every) {
    const auto& a = p.f1Curve.points[i];
    const double fpr = p.fprCurve.points[i].rate;
    result.curve.push_back({a.threshold, a.precision, a.recall, a.f1, fpr});
    curve.push_back({a.threshold, a.precision, a.recall, a.f1, fpr});
  }
  json details = {
      {"rule", "max(threshold of best pixel F1 on held-out synthetic tasks, lowest threshold with healthy pixel "
               "false-positive rate <= target)"},
      {"decided_by", result.decidedBy},
      {"held_out_tasks", heldOutKeys},
      {"samples_per_fold", params.samplesPerFold},
      {"seed", params.seed},
      {"synthetic_samples", result.syntheticSamples},
      {"synthetic_pixels", result.syntheticPixels},
      {"healthy_arrays", result.healthyArrays},
      {"healthy_arrays_trained_on_by_every_fold", result.healthyArraysUnused},
      {"healthy_pixels", result.healthyPixels},
      {"f1_threshold", p.f1Threshold},
      {"best_f1", p.bestF1},
      {"target_false_positive_rate", p.targetFalsePositiveRate},
      {"fpr_threshold", p.fprThreshold},
      {"f1_at_threshold", p.f1AtThreshold},
      {"false_positive_rate_at_threshold", p.falsePositiveRateAtThreshold},
      {"curve_columns", {"threshold", "precision", "recall", "f1", "healthy_false_positive_rate"}},
      {"curve", curve}};
  if (heldOut) {
    details["judged_by"] = "each healthy array and each held-out-task sample by the mean of the clipped maps of the "
                           "folds that held its images (and its task) out";
    details["synthetic_samples_judged_by_fold"] = countsByFold(model.folds, samplesJudgedBy);
    details["healthy_arrays_judged_by_fold"] = countsByFold(model.folds, arraysJudgedBy);
  } else {
    details["judged_by"] = "the whole ensemble (the rule before issue #7: folds judge images they trained on)";
  }
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
    r.syntheticSamples = d.value("synthetic_samples", int64_t(0));
    r.healthyArrays = d.value("healthy_arrays", int64_t(0));
    r.healthyArraysUnused = d.value("healthy_arrays_trained_on_by_every_fold", int64_t(0));
    if (d.contains("held_out_tasks") && d["held_out_tasks"].is_array())
      for (const auto& t : d["held_out_tasks"])
        if (t.is_string()) r.heldOutTasks.push_back(t.get<std::string>());
  }
  out.proposal = std::move(r);
  return out;
}

}  // namespace lightbox::workflows
