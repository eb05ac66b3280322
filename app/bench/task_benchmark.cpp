#include "task_benchmark.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>

#include "lightbox/core/phantoms.h"
#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/core/training_samples.h"

namespace lightbox::bench {

namespace {

// Rates of the authors' Python code on this kind of machine, one core (issue #2).
const std::map<std::pair<int, TaskId>, double> kReferenceTaskAndLabel = {
    {{2, TaskId::IntraPoisson}, 88},   {{2, TaskId::InterPoisson}, 133}, {{2, TaskId::Sink}, 144},
    {{2, TaskId::Source}, 143},        {{2, TaskId::Intensity}, 226},    {{3, TaskId::IntraPoisson}, 13.7},
    {{3, TaskId::InterPoisson}, 12.7}, {{3, TaskId::Sink}, 23.2},        {{3, TaskId::Source}, 24.0},
    {{3, TaskId::Intensity}, 37.3}};
const std::map<std::pair<int, TaskId>, double> kReferenceFullSample = {{{2, TaskId::IntraPoisson}, 123},
                                                                       {{3, TaskId::IntraPoisson}, 15.6}};

double medianRate(int repeats, int samples, const std::function<void(int)>& one) {
  std::vector<double> rates;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < samples; ++i) one(r * samples + i);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rates.push_back(samples / seconds);
  }
  std::sort(rates.begin(), rates.end());
  return rates[rates.size() / 2];
}

nlohmann::json rateEntry(double rate, const std::map<std::pair<int, TaskId>, double>& reference, int nd, TaskId id) {
  nlohmann::json j{{"samples_per_second", rate}};
  if (auto it = reference.find({nd, id}); it != reference.end()) {
    j["reference_samples_per_second"] = it->second;
    j["speedup"] = rate / it->second;
  }
  return j;
}

}  // namespace

nlohmann::json runTaskBenchmark(const TaskBenchmarkOptions& options) {
  nlohmann::json out = nlohmann::json::array();
  for (int nd : {2, 3}) {
    if ((nd == 2 && !options.run2d) || (nd == 3 && !options.run3d)) continue;
    const Shape shape = nd == 2 ? Shape(256, 256) : Shape(80, 112, 80);
    // As in the paper: brain volumes carry an object mask and are flipped; chest X-rays have neither.
    const bool brainLike = nd == 3;
    const auto images = phantom::imageSet(shape, 4, 100, brainLike);
    const auto other = phantom::imageSet(nd == 2 ? Shape(256, 256) : Shape(96, 96, 96), 4, 200, false);
    const TaskSettings settings = nd == 2 ? TaskSettings::paperChestXray2D() : TaskSettings::paperBrain3D();
    const int samples = nd == 2 ? options.samples2d : options.samples3d;

    for (TaskId id : paperTasks()) {
      const auto task = makeTask(id, settings, {images, other});
      std::fprintf(stderr, "  %dD %-14s ...", nd, std::string(taskKey(id)).c_str());
      const double taskRate = medianRate(options.repeats, samples, [&](int i) {
        Rng rng = Rng::forItem(1, uint64_t(i));
        const ImageRecord& rec = *(*images)[size_t(i) % images->size()];
        (void)synthesise(*task, rec.image, rec.objectMask, settings, rng, &rec.extremes);
      });
      const TrainingSampleGenerator generator(images, {task}, settings, brainLike ? 0.5 : 0.0);
      (void)generator.generate(0, 0);  // computes and caches the positional encoding
      const double fullRate =
          medianRate(options.repeats, samples, [&](int i) { (void)generator.generate(2, uint64_t(i)); });
      std::fprintf(stderr, " %.1f / %.1f samples/s\n", taskRate, fullRate);
      out.push_back({{"dims", nd},
                     {"shape", shape.toString()},
                     {"task", taskKey(id)},
                     {"task_and_label", rateEntry(taskRate, kReferenceTaskAndLabel, nd, id)},
                     {"full_sample", rateEntry(fullRate, kReferenceFullSample, nd, id)}});
    }
  }
  return out;
}

}  // namespace lightbox::bench
