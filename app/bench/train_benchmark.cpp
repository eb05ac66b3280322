#include "train_benchmark.h"

#include "child_process.h"


#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/ops/mse_loss.h>
#include <c10/core/InferenceMode.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include "lightbox/core/phantoms.h"
#include "lightbox/core/positional_encoding.h"
#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/core/training_samples.h"
#include "lightbox/models/batch_pipeline.h"
#include "lightbox/models/torch/unet.h"
#include "lightbox/models/training_preset.h"

namespace lightbox::bench {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// The authors' figures (issue #4) and the targets relative to them.
struct Reference {
  double stepSeconds, peakRssGb, inferenceSeconds;
};
constexpr double kStepTarget = 0.9, kRssTarget = 0.5, kInferenceTarget = 0.8;

/// LibTorch errors carry a backtrace in what(); the report wants the message alone.
nlohmann::json inChild(const std::function<nlohmann::json()>& measure) {
  // The parent never touches LibTorch's thread pools, so the child starts with none (OpenMP does not survive a fork).
  return measureInChild([&]() -> nlohmann::json {
    try {
      return measure();
    } catch (const c10::Error& e) {
      return {{"error", e.what_without_backtrace()}};
    }
  });
}

void setUpTorch(const TrainBenchmarkOptions& o) {
  // Before any parallel work: the inter-op pool can only be sized before it starts.
  if (o.interopThreads > 0) at::set_num_interop_threads(o.interopThreads);
  torch::set_num_threads(o.threads);
  at::globalContext().setUserEnabledMkldnn(o.mkldnn);
}

nlohmann::json torchInfo() {
  return {{"threads", torch::get_num_threads()},
          {"interop_threads", at::get_num_interop_threads()},
          {"has_mkldnn", at::hasMKLDNN()},
          {"user_enabled_mkldnn", at::globalContext().userEnabledMkldnn()},
          {"has_mkl", at::hasMKL()},
          {"has_openmp", at::hasOpenMP()}};
}

std::vector<int64_t> sizes(int64_t n, int64_t channels, const Shape& spatial) {
  std::vector<int64_t> s{n, channels};
  for (int d = 0; d < spatial.ndim; ++d) s.push_back(spatial[d]);
  return s;
}

/// The positional encoding as a (1, E, spatial...) tensor over the shared cached image (no copy, the shared
/// pointer keeps it alive), or a copy of it when `clone` (what the trainer does today).
torch::Tensor encodingTensor(const std::shared_ptr<const Image>& encoding, bool clone) {
  const torch::Tensor t = torch::from_blob(const_cast<float*>(encoding->data()),
                                           sizes(1, encoding->channels(), encoding->shape()), torch::kFloat);
  return clone ? t.clone() : t;
}

std::shared_ptr<const TrainingSampleGenerator> phantomGenerator(const models::TrainingPreset& p, uint64_t seed) {
  // Chest X-rays fill the image (no object mask); blending from "another data set" uses phantoms of other seeds.
  const bool withMask = p.network.dims == 3;
  auto images = phantom::imageSet(p.inputShape, 16, seed, withMask);
  auto other = phantom::imageSet(p.inputShape, 16, seed + 1000, withMask);
  const TaskSources sources{images, other};
  std::vector<std::shared_ptr<const AnomalyTask>> tasks;
  for (int id = 0; id < kPaperTaskCount; ++id) tasks.push_back(makeTask(TaskId(id), p.tasks, sources));
  return std::make_shared<const TrainingSampleGenerator>(images, std::move(tasks), p.tasks, p.flipProbability);
}

void setGradsToNone(models::UNet& net) {
  for (torch::Tensor& p : net->parameters()) p.mutable_grad() = torch::Tensor();
}

nlohmann::json measureTraining(const models::TrainingPreset& p, const TrainBenchmarkOptions& o, bool usePipeline) {
  setUpTorch(o);
  torch::manual_seed(o.seed);
  models::UNet net(p.network);
  net->train();
  torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(p.schedule.baseLr).weight_decay(0.0));

  std::unique_ptr<models::BatchPipeline> pipeline;
  const int workers = o.workers > 0 ? o.workers : std::max(1, int(std::thread::hardware_concurrency()) - 1);
  if (usePipeline) {
    models::BatchPipelineOptions po;
    po.seed = o.seed;
    po.batchSize = p.batchSize;
    po.workers = workers;
    pipeline = std::make_unique<models::BatchPipeline>(phantomGenerator(p, o.seed), po);
  }
  // Random data: an image in [-1, 1) and a soft label in [0, 1).
  const torch::Tensor randomImage = torch::rand(sizes(p.batchSize, p.imageChannels, p.inputShape)) * 2 - 1;
  const torch::Tensor randomLabel = torch::rand(sizes(p.batchSize, 1, p.inputShape));
  const std::shared_ptr<const Image> encodingImage = cachedPositionalEncoding(p.inputShape);
  const torch::Tensor encoding = encodingTensor(encodingImage, o.cloneEncoding);

  models::Batch batch;
  std::vector<double> stepSeconds, waitSeconds, losses;
  for (int step = 0; step < 2; ++step) {
    const double waitBefore = pipeline ? pipeline->waitSeconds() : 0.0;
    torch::Tensor x = randomImage, y = randomLabel;
    if (pipeline) {
      pipeline->next(batch);
      x = torch::from_blob(batch.input.data(), sizes(batch.size, batch.imageChannels, batch.spatial), torch::kFloat);
      y = torch::from_blob(batch.target.data(), sizes(batch.size, 1, batch.spatial), torch::kFloat);
    }
    waitSeconds.push_back(pipeline ? pipeline->waitSeconds() - waitBefore : 0.0);
    const auto start = Clock::now();
    if (o.gradsToNone)
      setGradsToNone(net);
    else
      optimizer.zero_grad();
    {
      // The loss, and with it the whole graph, is gone before the optimiser step and the next forward.
      const torch::Tensor loss = at::mse_loss(net->forwardWithEncoding(x, encoding), y);
      losses.push_back(loss.item<double>());
      loss.backward();
    }
    optimizer.step();
    stepSeconds.push_back(since(start));
    std::fprintf(stderr, "    %s step %d: %.2f s (waited %.3f s for the batch)\n", p.name.c_str(), step,
                 stepSeconds.back(), waitSeconds.back());
  }
  nlohmann::json j{{"warmup_step_seconds", stepSeconds[0]},
                   {"step_seconds", stepSeconds[1]},
                   {"losses", losses},
                   {"data", pipeline ? "pipeline (phantoms, 5 paper tasks)" : "random"},
                   {"torch", torchInfo()}};
  if (pipeline) {
    j["pipeline"] = {{"workers", workers},
                     {"first_batch_wait_seconds", waitSeconds[0]},  // cold start: one batch generated from scratch
                     {"timed_step_wait_seconds", waitSeconds[1]},
                     {"wait_share_of_step", waitSeconds[1] / stepSeconds[1]},
                     {"target_share", 0.02}};
  }
  return j;
}

nlohmann::json measureInference(const models::TrainingPreset& p, const TrainBenchmarkOptions& o) {
  setUpTorch(o);
  torch::manual_seed(o.seed);
  models::UNet net(p.network);
  net->eval();
  const std::shared_ptr<const Image> encodingImage = cachedPositionalEncoding(p.inputShape);
  const torch::Tensor encoding = encodingTensor(encodingImage, o.cloneEncoding);
  const torch::Tensor image = torch::rand(sizes(1, p.imageChannels, p.inputShape)) * 2 - 1;
  std::vector<double> seconds;
  for (int i = 0; i < 2; ++i) {
    const auto start = Clock::now();
    if (o.inferenceMode) {
      c10::InferenceMode guard;
      (void)net->forwardWithEncoding(image, encoding).sum().item<double>();
    } else {
      torch::NoGradGuard guard;
      (void)net->forwardWithEncoding(image, encoding).sum().item<double>();
    }
    seconds.push_back(since(start));
    std::fprintf(stderr, "    %s inference %d: %.3f s\n", p.name.c_str(), i, seconds.back());
  }
  return {{"warmup_seconds", seconds[0]}, {"seconds", seconds[1]}, {"torch", torchInfo()}};
}

void addRatio(nlohmann::json& j, const char* key, const char* ratioKey, double reference, double target) {
  if (!j.contains(key)) return;
  const double ratio = j[key].get<double>() / reference;
  j[ratioKey] = ratio;
  j[std::string(ratioKey) + "_target"] = target;
  j[std::string(ratioKey) + "_met"] = ratio <= target;
}

nlohmann::json runConfiguration(const models::TrainingPreset& p, const Reference& ref, const TrainBenchmarkOptions& o,
                                bool usePipeline) {
  nlohmann::json r{{"preset", p.name},
                   {"batch_size", p.batchSize},
                   {"input_channels", p.network.inputChannels},
                   {"parameters", models::parameterCount(p.network)}};
  std::vector<int64_t> shape;
  for (int d = 0; d < p.inputShape.ndim; ++d) shape.push_back(p.inputShape[d]);
  r["shape"] = shape;
  if (o.train) {
    std::fprintf(stderr, "  %s: one warm-up and one timed training step ...\n", p.name.c_str());
    nlohmann::json t = inChild([&] { return measureTraining(p, o, usePipeline); });
    addRatio(t, "step_seconds", "step_ratio", ref.stepSeconds, kStepTarget);
    addRatio(t, "peak_rss_gb", "rss_ratio", ref.peakRssGb, kRssTarget);
    t["authors_step_seconds"] = ref.stepSeconds;
    t["authors_peak_rss_gb"] = ref.peakRssGb;
    r["training"] = t;
  }
  if (o.inference) {
    std::fprintf(stderr, "  %s: one warm-up and one timed inference (batch 1) ...\n", p.name.c_str());
    nlohmann::json t = inChild([&] { return measureInference(p, o); });
    addRatio(t, "seconds", "inference_ratio", ref.inferenceSeconds, kInferenceTarget);
    t["authors_seconds"] = ref.inferenceSeconds;
    r["inference"] = t;
  }
  return r;
}

}  // namespace

nlohmann::json runTrainBenchmark(const TrainBenchmarkOptions& o) {
  nlohmann::json results = nlohmann::json::array();
  if (o.run2d) results.push_back(runConfiguration(models::paperChestXray2DPreset(), {56.6, 13.2, 0.24}, o, o.pipeline2d));
  if (o.run3d) results.push_back(runConfiguration(models::paperBrain3DPreset(), {97.0, 17.2, 3.26}, o, false));
  return results;
}

}  // namespace lightbox::bench
