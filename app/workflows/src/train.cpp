#include "lightbox/workflows/train.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lightbox/core/memory_tuning.h"
#include "lightbox/models/trainer.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/task_settings_store.h"
#include "lightbox/project/transaction.h"
#include "device_choice.h"
#include "run_config.h"
#include "train_data.h"

namespace lightbox::workflows {

using nlohmann::json;

namespace {

struct FoldPlan {
  int fold = 0;
  FoldTasks tasks;
};

std::vector<FoldPlan> planFolds(const TrainParams& p) {
  std::vector<FoldPlan> out;
  if (!p.tasks.empty()) {
    std::vector<int> want = p.tasks;
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    const int t = int(want.size());
    if (t < 1 || t > 4 || want.front() < 0 || want.back() > 4)
      throw std::invalid_argument("--tasks takes 1 to 4 distinct task ids of 0..4");
    for (int f = 0; f < foldCount(t); ++f)
      if (foldTasks(t, f).training == want) out.push_back({f, foldTasks(t, f)});
    return out;
  }
  const int t = p.trainingTaskCount;
  if (t < 1 || t > 4) throw std::invalid_argument("give the training tasks (--tasks) or their number T (1 to 4)");
  if (p.fold >= foldCount(t))
    throw std::invalid_argument("T = " + std::to_string(t) + " has folds 0.." + std::to_string(foldCount(t) - 1));
  for (int f = 0; f < foldCount(t); ++f)
    if (p.fold < 0 || p.fold == f) out.push_back({f, foldTasks(t, f)});
  return out;
}

std::string stopWord(models::TrainingStop s) {
  switch (s) {
    case models::TrainingStop::MaxSteps: return "max-steps";
    case models::TrainingStop::TimeLimit: return "time-limit";
    case models::TrainingStop::EarlyStopped: return "early-stopped";
    case models::TrainingStop::Cancelled: return "cancelled";
    case models::TrainingStop::Failed: return "failed";
  }
  return "?";
}

/// Writes what the trainer produces into the project. Per-step values are buffered and written in one transaction
/// with the next validation or checkpoint (or every 200 steps), so logging costs one commit per interval.
class ProjectRecorder final : public models::TrainingObserver {
 public:
  ProjectRecorder(project::Project& p, int64_t run, int fold) : p_(p), run_(run), fold_(fold) {}

  void step(const models::StepReport& s) override {
    pending_.push_back({s.step, std::nullopt, "train_loss", s.loss});
    pending_.push_back({s.step, std::nullopt, "train_loss_avg", s.lossAverage});
    pending_.push_back({s.step, std::nullopt, "lr", s.lr});
    steps_ = s.step;
    if (pending_.size() >= 600) flush();
  }
  void validation(const models::ValidationReport& v) override {
    pending_.push_back({v.step, v.epoch, "val_loss", v.loss});
    for (const auto& [task, ap] : v.pixelAp)
      pending_.push_back({v.step, v.epoch, "val_pixel_ap/" + std::string(taskKey(TaskId(task))), ap});
    curve_.emplace_back(v.step, v.loss);
    if (v.best) {
      bestStep_ = v.step;
      bestLoss_ = v.loss;
      bestAp_.clear();
      for (const auto& [task, ap] : v.pixelAp) bestAp_.emplace_back(std::string(taskKey(TaskId(task))), ap);
    }
  }
  void checkpoint(const models::CheckpointBlob& c) override {
    project::Transaction tx(p_);  // the checkpoint, the metrics up to it and the fold's progress: all or nothing
    flush();
    p_.runs().storeCheckpoint(run_, fold_,
                              {c.best ? project::CheckpointKind::Best : project::CheckpointKind::Latest, c.step,
                               c.epoch, c.stateJson, c.bytes});
    updateFold(project::RunStatus::Running);
    tx.commit();
  }
  void flush() {
    p_.runs().appendMetrics(run_, fold_, pending_);
    pending_.clear();
  }
  void updateFold(project::RunStatus status, const std::string& error = {}) {
    p_.runs().updateFold(run_, fold_, status, steps_,
                         bestStep_ >= 0 ? std::optional<int64_t>(bestStep_) : std::nullopt,
                         bestStep_ >= 0 ? std::optional<double>(bestLoss_) : std::nullopt, error);
  }
  void startFrom(const project::RunFold& f) {
    steps_ = f.stepsDone;
    if (f.bestStep && f.bestValue) {
      bestStep_ = *f.bestStep;
      bestLoss_ = *f.bestValue;
    }
  }

  std::vector<std::pair<int64_t, double>> curve_;
  std::vector<std::pair<std::string, double>> bestAp_;

 private:
  project::Project& p_;
  int64_t run_;
  int fold_;
  std::vector<project::MetricPoint> pending_;
  int64_t steps_ = 0, bestStep_ = -1;
  double bestLoss_ = 0;
};

/// The per-task settings stored in the project (task preview), keyed by task key; tasks without a row are absent and
/// train with the preset's settings.
json storedTaskSettingsJson(const std::string& projectPath, const models::TrainingPreset& preset) {
  json out = json::object();
  for (const TaskId id : paperTasks()) {
    const StoredSettings s = loadTaskSettings(projectPath, id, preset.inputShape.ndim);
    if (s.stored) out[std::string(taskKey(id))] = json::parse(taskSettingsToJson(id, s.settings));
  }
  return out;
}

std::vector<std::pair<int, TaskSettings>> taskSettingsOf(const json& config, const models::TrainingPreset& preset) {
  std::vector<std::pair<int, TaskSettings>> out;
  const auto it = config.find("task_settings");
  if (it == config.end() || !it->is_object()) return out;
  for (const auto& [key, value] : it->items())
    if (const auto id = taskFromKey(key)) out.emplace_back(int(*id), taskSettingsFromJson(value.dump(), preset.tasks));
  return out;
}

/// A fold job joining a named run must mean the same run: same data, preset, seed and number of training tasks.
void checkJoinable(const project::Run& run, const TrainParams& p, const models::TrainingPreset& preset,
                   const std::vector<FoldPlan>& plan) {
  const json c = json::parse(run.configJson);
  const auto differs = [&](const char* what) {
    throw std::invalid_argument("run '" + run.name + "' (" + std::to_string(run.id) + ") exists with another " + what +
                                "; give a new --name or the same settings");
  };
  if (run.preset != preset.name) differs("preset");
  if (c.value("dataset", std::string()) != p.dataset) differs("dataset");
  if (c.value("blend_dataset", std::string()) != p.blendDataset) differs("blend dataset");
  if (c.value("seed", uint64_t(0)) != p.seed) differs("seed");
  if (c.value("training_task_count", 0) != int(plan.front().tasks.training.size())) differs("number of training tasks");
}

/// The stored configuration of a run, for --resume: the data, tasks and seed must be the run's own.
TrainParams paramsFromRun(const project::Run& run, const TrainParams& given) {
  const json c = json::parse(run.configJson);
  TrainParams p = given;
  p.dataset = c.at("dataset").get<std::string>();
  p.blendDataset = c.value("blend_dataset", std::string());
  p.preset = run.preset;
  p.seed = c.at("seed").get<uint64_t>();
  p.validateEvery = c.value("validate_every", int64_t(0));
  if (p.maxSteps <= 0) p.maxSteps = c.value("max_steps", int64_t(0));
  p.tasks.clear();
  p.trainingTaskCount = c.at("training_task_count").get<int>();
  p.fold = -1;
  return p;
}

/// LibTorch words an allocation failure as "[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't
/// allocate memory ..."; lead with what it means and what to do, keep the details after it.
std::string explainOutOfMemory(const std::string& message, const std::string& preset) {
  if (message.find("can't allocate memory") == std::string::npos && message.find("out of memory") == std::string::npos)
    return message;
  return "out of memory: preset '" + preset + "' needs more memory than this machine (or its limit) allows; use a " +
         "smaller preset (cpu-quick-2d), a GPU with more memory, or close other programs. Details: " + message;
}

}  // namespace

std::vector<std::string> trainingPresetNames() { return models::trainingPresetNames(); }

namespace {
TrainResult runTrainingUnguarded(const TrainParams& given, ProgressSink& progress);
}

TrainResult runTraining(const TrainParams& given, ProgressSink& progress) {
  try {
    return runTrainingUnguarded(given, progress);
  } catch (const std::invalid_argument&) {
    throw;
  } catch (const std::exception& e) {
    // Memory can also run out outside a training step (building the network, loading the validation set); then
    // LibTorch's error would reach the user with a 30-frame backtrace. Keep its first line, say what it means.
    const std::string what = e.what();
    const std::string first = what.substr(0, what.find('\n'));
    const std::string explained = explainOutOfMemory(first, given.preset.empty() ? "this" : given.preset);
    if (explained == first) throw;
    throw std::runtime_error(explained);
  }
}

namespace {
TrainResult runTrainingUnguarded(const TrainParams& given, ProgressSink& progress) {
  retainFreedMemory();  // sample buffers are reused instead of page-faulted in anew (memory_tuning.h)
  project::Project proj = project::Project::open(given.projectPath);
  TrainParams params = given;
  std::vector<FoldPlan> plan;
  std::optional<project::Run> resumed;
  if (given.resumeRun > 0) {
    resumed = proj.runs().get(given.resumeRun);
    if (!resumed) throw std::invalid_argument("the project has no training run " + std::to_string(given.resumeRun));
    params = paramsFromRun(*resumed, given);
    for (const auto& f : proj.runs().folds(resumed->id)) plan.push_back({f.fold, {f.trainTasks, f.heldoutTasks}});
  } else {
    plan = planFolds(params);
  }
  // A resumed run continues with the values it stored, not with what the preset of that name says today.
  const auto preset = resumed ? std::optional(detail::presetFromJson(json::parse(resumed->configJson).at("preset")))
                              : models::findTrainingPreset(params.preset);
  if (!preset) throw std::invalid_argument("unknown training preset '" + params.preset + "'");
  const models::DeviceKind device = detail::parseDevice(params.device);

  TrainResult result;
  result.device = models::describeDevice(device, params.threads);
  if (preset->meantForGpu && result.device.rfind("cpu", 0) == 0)
    result.warnings.push_back("preset '" + preset->name + "' is the paper's GPU setting: on this CPU one step takes " +
                              "minutes (use cpu-quick-2d to train here)");
  for (const auto& w : result.warnings) progress.warning(w);

  const bool needsBlend = std::any_of(plan.begin(), plan.end(), [](const FoldPlan& f) {
    const auto has1 = [](const std::vector<int>& v) { return std::find(v.begin(), v.end(), 1) != v.end(); };
    return has1(f.tasks.training) || has1(f.tasks.validation);
  });
  if (needsBlend && params.blendDataset.empty())
    throw std::invalid_argument("task 1 (inter-dataset blending) needs a blend-source dataset (--blend)");
  progress.progress(0, 0, "loading images");
  // A resumed run goes on with the images it began with (its recorded list), whatever was excluded since.
  const auto selection = resumed ? detail::selectionFromRunConfig(json::parse(resumed->configJson)) : std::nullopt;
  const std::vector<detail::ImageSelection> chosen = selection ? *selection : detail::selectDatasetImages(proj, params.dataset);
  const auto images = detail::loadSelection(proj, chosen, preset->inputShape, preset->imageChannels, params.dataset);
  std::shared_ptr<const ImageSet> blend;
  if (!params.blendDataset.empty())
    blend = detail::allArrays(detail::loadDataset(proj, params.blendDataset, preset->inputShape, preset->imageChannels));

  project::Transaction joinLock(proj);  // finding and creating a named run is one step for concurrent fold jobs
  std::optional<project::Run> joined;
  if (!resumed && !params.runName.empty()) {
    for (const auto& r : proj.runs().list())
      if (r.run.name == params.runName) joined = r.run;
    if (joined) checkJoinable(*joined, params, *preset, plan);
  }
  if (resumed || joined) {
    result.runId = resumed ? resumed->id : joined->id;
    proj.runs().setDevice(result.runId, result.device);
    if (joined)
      for (const auto& f : plan) proj.runs().addFold(result.runId, f.fold, f.tasks.training, f.tasks.validation);
  } else {
    json folds = json::array();
    for (const auto& f : plan) folds.push_back({{"fold", f.fold}, {"train", f.tasks.training}, {"heldout", f.tasks.validation}});
    const json config = {{"preset", detail::presetToJson(*preset)},
                         {"dataset", params.dataset},
                         {"blend_dataset", params.blendDataset},
                         {"training_task_count", int(plan.front().tasks.training.size())},
                         {"folds", folds},
                         {"seed", params.seed},
                         {"max_steps", params.maxSteps},
                         {"validate_every", params.validateEvery},
                         {"partition", "paper: chunk i of the images sorted by path tied to task i, lists swapped "
                                       "when validation is larger; by volume for slices"},
                         {"training_clean_images", false},
                         {"validation", "held-out tasks + clean images, reseeded per validation round"},
                         {"task_settings", storedTaskSettingsJson(params.projectPath, *preset)},
                         {"images", detail::selectionToJson(chosen)}};
    project::NewRun n;
    n.name = params.runName;
    n.preset = preset->name;
    n.configJson = config.dump();
    n.seed = int64_t(params.seed);
    n.device = result.device;
    n.datasetId = proj.datasets().findByName(params.dataset)->id;
    if (!params.blendDataset.empty()) n.blendDatasetId = proj.datasets().findByName(params.blendDataset)->id;
    result.runId = proj.runs().create(n);
    for (const auto& f : plan) proj.runs().addFold(result.runId, f.fold, f.tasks.training, f.tasks.validation);
  }
  joinLock.commit();
  proj.runs().setStatus(result.runId, project::RunStatus::Running);

  // The task parameters the user set in the preview, as this run stored them when it began.
  const auto taskOverrides = taskSettingsOf(json::parse(proj.runs().get(result.runId)->configJson), *preset);
  const auto start = std::chrono::steady_clock::now();
  for (const FoldPlan& f : plan) {
    TrainFoldResult fr;
    fr.fold = f.fold;
    fr.trainTasks = f.tasks.training;
    fr.heldoutTasks = f.tasks.validation;
    const project::RunFold stored = *proj.runs().fold(result.runId, f.fold);
    if (stored.status == project::RunStatus::Finished && (params.maxSteps <= 0 || stored.stepsDone >= params.maxSteps)) {
      fr.stop = "already-finished";
      fr.steps = stored.stepsDone;
      result.folds.push_back(fr);
      continue;
    }
    const detail::FoldData data = detail::partitionFold(images, f.tasks);
    if (data.bySlice && f.fold == plan.front().fold) {
      result.warnings.push_back("fewer than 5 images: the folds split their slices, so one volume's slices are on "
                                "both sides (fine for a demo, not for model selection)");
      progress.warning(result.warnings.back());
    }
    models::TrainerOptions o;
    o.preset = *preset;
    o.trainingTasks = f.tasks.training;
    o.validationTasks = f.tasks.validation;
    o.taskSettings = taskOverrides;
    o.seed = params.seed + uint64_t(f.fold) * 1000003u;  // folds differ in their streams and initial weights
    o.maxSteps = params.maxSteps;
    o.validateEvery = params.validateEvery;
    o.workers = params.workers;
    o.threads = params.threads;
    o.device = device;
    if (params.minutes > 0) {
      const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      o.maxSeconds = std::max(1.0, params.minutes * 60 - used);
    }
    ProjectRecorder recorder(proj, result.runId, f.fold);
    std::optional<project::CheckpointData> latest;
    models::CheckpointBlob resumeBlob;
    // A resumed run, or a fold job of a named run that the scheduler restarted, continues where it stopped.
    if (resumed || joined) latest = proj.runs().loadCheckpoint(result.runId, f.fold, project::CheckpointKind::Latest);
    if (latest) {
      // What was logged after the checkpoint (a killed run) is recomputed identically, so it is dropped first.
      proj.runs().removeMetricsAfter(result.runId, f.fold, latest->step);
      resumeBlob = {false, latest->step, latest->epoch.value_or(0), latest->stateJson, std::move(latest->bytes)};
      recorder.startFrom(stored);
    }
    proj.runs().updateFold(result.runId, f.fold, project::RunStatus::Running, stored.stepsDone, stored.bestStep,
                           stored.bestValue);
    const models::TrainingImages ti{data.training, data.validation, blend};
    const models::TrainingOutcome out = models::trainFold(o, ti, latest ? &resumeBlob : nullptr, recorder, progress);
    recorder.flush();
    fr.stop = stopWord(out.stop);
    fr.message = out.stop == models::TrainingStop::Failed ? explainOutOfMemory(out.message, preset->name) : out.message;
    fr.steps = out.steps;
    fr.bestStep = out.bestStep;
    fr.bestValidationLoss = out.bestValidationLoss;
    fr.bestPixelAp = recorder.bestAp_;
    fr.validationCurve = recorder.curve_;
    fr.stepsPerSecond = out.stepsPerSecond;
    fr.dataWaitFraction = out.dataWaitFraction;
    result.device = out.device;
    using S = project::RunStatus;
    const S status = out.stop == models::TrainingStop::Failed      ? S::Failed
                     : out.stop == models::TrainingStop::Cancelled ? S::Cancelled
                     : out.stop == models::TrainingStop::TimeLimit ? S::Paused
                                                                   : S::Finished;
    recorder.updateFold(status, out.message);
    result.folds.push_back(fr);
    if (status == S::Failed) result.failed = true;
    if (status == S::Cancelled) result.cancelled = true;
    if (status == S::Failed || status == S::Cancelled || status == S::Paused) break;
  }
  proj.runs().setDevice(result.runId, result.device);
  using S = project::RunStatus;
  const bool allDone = result.folds.size() == plan.size() &&
                       std::all_of(result.folds.begin(), result.folds.end(), [](const TrainFoldResult& f) {
                         return f.stop != "time-limit" && f.stop != "cancelled" && f.stop != "failed";
                       });
  // A named run is shared with other fold jobs: it is finished only when all of its folds are.
  const auto folds = proj.runs().folds(result.runId);
  const bool othersDone = std::all_of(folds.begin(), folds.end(), [](const auto& f) { return f.status == S::Finished; });
  proj.runs().setStatus(result.runId,
                        result.failed      ? S::Failed
                        : result.cancelled ? S::Cancelled
                        : allDone && othersDone ? S::Finished
                        : allDone               ? S::Running
                                                : S::Paused,
                        result.failed ? result.folds.back().message : std::string());
  return result;
}

}  // namespace

}  // namespace lightbox::workflows
