// The training monitor's reads (issue #7): preset values and a run's metrics, read-only. Compiles without the models
// library too; then there are no presets.
#include "lightbox/workflows/run_metrics.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "lightbox/project/project.h"
#include "lightbox/workflows/train.h"

#ifdef LIGHTBOX_HAS_TRAINING
#include "lightbox/models/trainer.h"
#include "lightbox/models/training_preset.h"
#endif

namespace lightbox::workflows {

bool trainingAvailable() {
#ifdef LIGHTBOX_HAS_TRAINING
  return true;
#else
  return false;
#endif
}

bool cudaTrainingAvailable() {
#ifdef LIGHTBOX_HAS_TRAINING
  return models::cudaAvailable();
#else
  return false;
#endif
}

std::vector<TrainingPresetInfo> trainingPresets() {
  std::vector<TrainingPresetInfo> out;
#ifdef LIGHTBOX_HAS_TRAINING
  for (const std::string& name : models::trainingPresetNames()) {
    const auto p = models::findTrainingPreset(name);
    if (!p) continue;
    TrainingPresetInfo i;
    i.name = p->name;
    i.description = p->description;
    i.dims = p->network.dims;
    for (int d = 0; d < p->inputShape.ndim; ++d) i.inputShape.push_back(p->inputShape[d]);
    i.imageChannels = p->imageChannels;
    i.inputChannels = p->network.inputChannels;
    i.levels = p->network.levels;
    i.baseFeatures = p->network.baseFeatures;
    i.featureCap = p->network.featureCap;
    i.convsPerStage = p->network.convsPerStage;
    i.batchSize = p->batchSize;
    i.baseLr = p->schedule.baseLr;
    i.warmupSteps = p->schedule.warmupSteps;
    i.decayPerStep = p->schedule.decayPerStep;
    i.floorFraction = p->schedule.floorFraction;
    i.maxEpochs = p->maxEpochs;
    i.patience = p->patience;
    i.emaDecay = p->emaDecay;
    i.flipProbability = p->flipProbability;
    i.meantForGpu = p->meantForGpu;
    out.push_back(std::move(i));
  }
#endif
  return out;
}

namespace {

bool perStep(const std::string& name) { return name == "train_loss" || name == "train_loss_avg" || name == "lr"; }

/// Keeps about `limit` evenly spaced points, always the first and the last.
void thin(std::vector<std::pair<int64_t, double>>& points, std::size_t limit) {
  if (limit < 2 || points.size() <= limit) return;
  std::vector<std::pair<int64_t, double>> kept;
  kept.reserve(limit);
  const double stride = double(points.size() - 1) / double(limit - 1);
  for (std::size_t k = 0; k < limit; ++k) kept.push_back(points[std::min(points.size() - 1, std::size_t(k * stride + 0.5))]);
  kept.back() = points.back();
  points = std::move(kept);
}

}  // namespace

RunMetrics readRunMetrics(const std::string& projectPath, int64_t runId, int64_t newerThan, std::size_t maxPoints) {
  project::Project p = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  RunMetrics out;
  std::optional<project::Run> run;
  if (runId > 0) {
    run = p.runs().get(runId);
  } else {
    for (const project::RunSummary& s : p.runs().list())  // newest first
      if (s.run.id > newerThan && (!run || s.run.id > run->id)) run = s.run;
  }
  if (!run) return out;
  out.runId = run->id;
  out.preset = run->preset;
  out.status = std::string(project::toString(run->status));
  out.device = run->device;
  out.error = run->error;
  try {
    out.maxSteps = nlohmann::json::parse(run->configJson).value("max_steps", int64_t(0));
  } catch (const std::exception&) {
    out.maxSteps = 0;
  }
  for (const project::RunFold& f : p.runs().folds(run->id)) {
    FoldMetrics fm;
    fm.fold = f.fold;
    fm.trainTasks = f.trainTasks;
    fm.heldoutTasks = f.heldoutTasks;
    fm.status = std::string(project::toString(f.status));
    fm.steps = f.stepsDone;
    fm.bestStep = f.bestStep.value_or(-1);
    fm.bestValidationLoss = f.bestValue.value_or(0);
    std::map<std::string, MetricSeries> byName;
    for (const project::MetricPoint& m : p.runs().metrics(run->id, f.fold)) {  // ordered by name, then step
      MetricSeries& s = byName[m.name];
      s.name = m.name;
      s.points.emplace_back(m.step, m.value);
    }
    for (auto& [name, s] : byName) {
      if (perStep(name)) thin(s.points, maxPoints);
      fm.series.push_back(std::move(s));
    }
    out.folds.push_back(std::move(fm));
  }
  return out;
}

int64_t newestRunId(const std::string& projectPath) {
  int64_t newest = 0;
  for (const RunOverview& r : listRuns(projectPath)) newest = std::max(newest, r.id);
  return newest;
}

}  // namespace lightbox::workflows
