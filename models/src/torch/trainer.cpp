#include "lightbox/models/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include <ATen/ops/mse_loss.h>
#include <torch/cuda.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/models/batch_pipeline.h"
#include "lightbox/models/torch/checkpoint.h"
#include "device.h"
#include "validation.h"

namespace lightbox::models {
namespace {

using Clock = std::chrono::steady_clock;

// SplitMix64 finaliser: the validation round at `step` gets its own stream, a pure function of (seed, step), so a
// resumed run validates on exactly the samples an uninterrupted one would have.
uint64_t validationSeed(uint64_t seed, int64_t step) {
  uint64_t z = seed ^ (0x9E3779B97F4A7C15ull * (uint64_t(step) + 0x5EEDull));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::shared_ptr<const TrainingSampleGenerator> makeGenerator(const TrainingPreset& preset,
                                                             const std::vector<std::pair<int, TaskSettings>>& overrides,
                                                             const std::vector<int>& taskIds,
                                                             std::shared_ptr<const ImageSet> images,
                                                             std::shared_ptr<const ImageSet> blend) {
  // Intra-dataset blending takes its patches from the same partition (SPEC §3.1), so validation blends validation
  // images with each other and never sees a training image.
  const TaskSources sources{images, std::move(blend)};
  std::vector<std::shared_ptr<const AnomalyTask>> tasks;
  std::vector<TaskSettings> settings;
  for (const int id : taskIds) {
    TaskSettings s = preset.tasks;
    for (const auto& [task, value] : overrides)
      if (task == id) s = value;
    tasks.push_back(makeTask(TaskId(id), s, sources));
    settings.push_back(s);
  }
  return std::make_shared<const TrainingSampleGenerator>(std::move(images), std::move(tasks), std::move(settings),
                                                         preset.flipProbability);
}

void requireImages(const char* what, const std::shared_ptr<const ImageSet>& set, const TrainingPreset& preset) {
  if (!set || set->empty()) throw std::invalid_argument(std::string("no ") + what + " images");
  for (const auto& r : *set) {
    if (!(r->image.shape() == preset.inputShape) || r->image.channels() != preset.imageChannels)
      throw std::invalid_argument(std::string("a ") + what + " image does not have the preset's working size");
  }
}

std::string stateJson(const TrainerState& s, int batchSize, int64_t epoch) {
  char text[320];
  std::snprintf(text, sizeof text,
                "{\"step\":%lld,\"epoch\":%lld,\"next_sample\":%lld,\"batch_size\":%d,\"train_loss_avg\":%.17g,"
                "\"best_step\":%lld,\"best_val_loss\":%.17g,\"validations\":%lld}",
                (long long)s.step, (long long)epoch, (long long)(s.step * batchSize), batchSize, s.lossAverage,
                (long long)s.bestStep, s.bestStep >= 0 ? s.bestLoss : 0.0, (long long)s.validations);
  return text;
}

std::string formatProgress(const TrainerState& s, int64_t maxSteps, int64_t epoch, double loss, double lr,
                           double lastVal) {
  char text[200];
  int n = std::snprintf(text, sizeof text, "step %lld/%lld epoch %lld loss %.4f (avg %.4f) lr %.2e",
                        (long long)s.step, (long long)maxSteps, (long long)epoch, loss, s.lossAverage, lr);
  if (lastVal >= 0 && n > 0 && n < int(sizeof text))
    std::snprintf(text + n, sizeof text - size_t(n), " val %.4f", lastVal);
  return text;
}

class FoldTrainer {
 public:
  FoldTrainer(const TrainerOptions& o, const TrainingImages& images, TrainingObserver& observer,
              ProgressSink& progress)
      : o_(o), observer_(observer), progress_(progress), device_(detail::chooseDevice(o.device)) {
    const TrainingPreset& p = o.preset;
    if (o.trainingTasks.empty()) throw std::invalid_argument("a fold needs at least one training task");
    if (o.validationTasks.empty()) throw std::invalid_argument("a fold needs at least one held-out task");
    requireImages("training", images.training, p);
    requireImages("validation", images.validation, p);
    if (o.threads > 0) torch::set_num_threads(o.threads);
    train_ = makeGenerator(p, o.taskSettings, o.trainingTasks, images.training, images.blendSource);
    val_ = makeGenerator(p, o.taskSettings, o.validationTasks, images.validation, images.blendSource);
    nTrain_ = int64_t(images.training->size());
    valSamples_ = o.validationSamples > 0 ? o.validationSamples : int64_t(images.validation->size());
    const int64_t stepsPerEpoch = (nTrain_ + p.batchSize - 1) / p.batchSize;
    validateEvery_ = o.validateEvery > 0 ? o.validateEvery : stepsPerEpoch;
    maxSteps_ = o.maxSteps > 0 ? o.maxSteps : int64_t(p.maxEpochs) * stepsPerEpoch;
    patience_ = o.patience >= 0 ? o.patience : p.patience;
    workers_ = o.workers > 0 ? o.workers : std::max(1, int(std::thread::hardware_concurrency()) - 1);
    // Initial weights are a function of the seed (the network draws them from LibTorch's global generator).
    torch::manual_seed(o.seed);
    net_ = UNet(p.network);
    net_->to(device_);
    optimizer_ = std::make_unique<torch::optim::AdamW>(
        net_->parameters(), torch::optim::AdamWOptions(p.schedule.at(0)).weight_decay(0.0));
  }

  TrainingOutcome run(const CheckpointBlob* resume) {
    if (resume) {
      state_ = restoreCheckpoint(resume->bytes, net_, optimizer_.get(), device_);
      lastCheckpointStep_ = state_.step;
    }
    out_.device = describe();
    const int64_t startStep = state_.step;
    const TrainingPreset& p = o_.preset;
    BatchPipelineOptions po;
    po.seed = o_.seed;
    po.firstSample = state_.step * p.batchSize;  // the stream continues where the checkpoint left it
    po.batchSize = p.batchSize;
    po.workers = workers_;
    BatchPipeline pipeline(train_, po);
    net_->train();
    const auto start = Clock::now();
    const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    const auto finish = [&](TrainingStop stop) {
      out_.stop = stop;
      out_.steps = state_.step;
      out_.bestStep = state_.bestStep;
      if (state_.bestStep >= 0) out_.bestValidationLoss = state_.bestLoss;
      const double t = elapsed();
      out_.stepsPerSecond = t > 0 ? double(state_.step - startStep) / t : 0;
      out_.dataWaitFraction = t > 0 ? pipeline.waitSeconds() / t : 0;
      return out_;
    };
    Batch batch;
    while (state_.step < maxSteps_) {
      if (progress_.cancelled()) {
        emitCheckpoint(false);
        return finish(TrainingStop::Cancelled);
      }
      if (o_.maxSeconds > 0 && elapsed() >= o_.maxSeconds) {
        emitCheckpoint(false);
        return finish(TrainingStop::TimeLimit);
      }
      pipeline.next(batch);
      if (!encoding_.defined()) encoding_ = detail::encodingTensor(*batch.positionalEncoding, device_);
      const int64_t epoch = batch.firstSample / nTrain_;
      const double lr = p.schedule.at(state_.step);
      for (auto& group : optimizer_->param_groups()) group.options().set_lr(lr);
      double lossValue = 0;
      try {
        const torch::Tensor x = detail::batchTensor(batch.input.data(), batch.size, batch.imageChannels,
                                                    batch.spatial, device_);
        const torch::Tensor y = detail::batchTensor(batch.target.data(), batch.size, 1, batch.spatial, device_);
        optimizer_->zero_grad();
        const torch::Tensor loss = at::mse_loss(net_->forwardWithEncoding(x, encoding_), y);
        lossValue = loss.item<double>();
        if (!std::isfinite(lossValue)) {
          out_.message = nanMessage(lr);
          return finish(TrainingStop::Failed);
        }
        loss.backward();
        optimizer_->step();
      } catch (const c10::Error& e) {
        // Out of memory (CUDA or host) and other LibTorch failures: the last checkpoint stays the good one.
        out_.message = "training stopped at step " + std::to_string(state_.step + 1) + ": " +
                       e.what_without_backtrace() + keptMessage();
        return finish(TrainingStop::Failed);
      }
      ++state_.step;
      state_.lossAverage = state_.averageStarted ? p.emaDecay * state_.lossAverage + (1 - p.emaDecay) * lossValue
                                                 : lossValue;
      state_.averageStarted = true;
      observer_.step({state_.step, epoch, lossValue, state_.lossAverage, lr});
      reportProgress(epoch, lossValue, lr, startStep, elapsed());
      if (state_.step % validateEvery_ == 0 || state_.step == maxSteps_) {
        validateNow();
        net_->train();
        emitCheckpoint(false);
        if (state_.bestStep >= 0 && state_.step > state_.bestStep + patience_) return finish(TrainingStop::EarlyStopped);
      }
    }
    return finish(TrainingStop::MaxSteps);
  }

 private:
  int64_t epochOfLastSample() const { return state_.step > 0 ? (state_.step * o_.preset.batchSize - 1) / nTrain_ : 0; }

  std::string describe() const {
    if (device_.is_cuda()) return "cuda:" + std::to_string(device_.index());
    return "cpu (" + std::to_string(torch::get_num_threads()) + " threads)";
  }

  std::string keptMessage() const {
    if (lastCheckpointStep_ < 0) return "; no checkpoint was written before it";
    return "; the last good checkpoint (step " + std::to_string(lastCheckpointStep_) + ") is kept";
  }

  std::string nanMessage(double lr) const {
    char text[160];
    std::snprintf(text, sizeof text, "the training loss became NaN or infinite at step %lld (learning rate %.3g)",
                  (long long)(state_.step + 1), lr);
    return std::string(text) + keptMessage() + "; try a smaller learning rate";
  }

  void reportProgress(int64_t epoch, double loss, double lr, int64_t startStep, double seconds) {
    double fraction = double(state_.step - startStep) / double(std::max<int64_t>(1, maxSteps_ - startStep));
    if (o_.maxSeconds > 0) fraction = std::max(fraction, seconds / o_.maxSeconds);
    progress_.progress(std::llround(std::min(1.0, fraction) * 1000), 1000,
                       formatProgress(state_, maxSteps_, epoch, loss, lr, lastVal_));
  }

  void validateNow() {
    detail::ValidationSettings vs;
    vs.seed = validationSeed(o_.seed, state_.step);
    vs.samples = valSamples_;
    vs.batchSize = o_.preset.batchSize;
    vs.workers = workers_;
    vs.device = device_;
    net_->eval();
    const detail::ValidationResult r = detail::validate(net_, val_, vs);
    ++state_.validations;
    lastVal_ = r.loss;
    const bool best = std::isfinite(r.loss) && (state_.bestStep < 0 || r.loss < state_.bestLoss);
    if (best) {
      state_.bestStep = state_.step;
      state_.bestLoss = r.loss;
    }
    observer_.validation({state_.step, epochOfLastSample(), r.loss, r.pixelAp, best});
    if (best) emitCheckpoint(true);
  }

  void emitCheckpoint(bool best) {
    CheckpointBlob blob;
    blob.best = best;
    blob.step = state_.step;
    blob.epoch = epochOfLastSample();
    blob.stateJson = stateJson(state_, o_.preset.batchSize, blob.epoch);
    blob.bytes = saveCheckpoint(net_, best ? nullptr : optimizer_.get(), state_);  // best: for prediction only
    observer_.checkpoint(blob);
    if (!best) lastCheckpointStep_ = state_.step;
  }

  const TrainerOptions& o_;
  TrainingObserver& observer_;
  ProgressSink& progress_;
  torch::Device device_;
  std::shared_ptr<const TrainingSampleGenerator> train_, val_;
  int64_t nTrain_ = 0, valSamples_ = 0, validateEvery_ = 0, maxSteps_ = 0, patience_ = 0;
  int workers_ = 1;
  UNet net_{nullptr};
  std::unique_ptr<torch::optim::AdamW> optimizer_;
  torch::Tensor encoding_;
  TrainerState state_;
  TrainingOutcome out_;
  double lastVal_ = -1;
  int64_t lastCheckpointStep_ = -1;
};

}  // namespace

TrainingOutcome trainFold(const TrainerOptions& options, const TrainingImages& images, const CheckpointBlob* resume,
                          TrainingObserver& observer, ProgressSink& progress) {
  if (resume && resume->best) throw std::invalid_argument("a run resumes from its latest checkpoint, not its best");
  FoldTrainer trainer(options, images, observer, progress);
  return trainer.run(resume);
}

bool cudaAvailable() { return torch::cuda::is_available(); }

std::string describeDevice(DeviceKind device, int threads) {
  if (device != DeviceKind::Cpu && torch::cuda::is_available()) return "cuda:0";
  if (device == DeviceKind::Cuda) return "cuda (not available)";
  return "cpu (" + std::to_string(threads > 0 ? threads : torch::get_num_threads()) + " threads)";
}

}  // namespace lightbox::models
