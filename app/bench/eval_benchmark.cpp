#include "eval_benchmark.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "child_process.h"
#include "lightbox/core/eval/metrics.h"
#include "lightbox/core/eval/pixel_metrics.h"
#include "lightbox/core/random.h"

namespace lightbox::bench {

namespace {

/// Chunk k of a synthetic prediction set, the same on every call: about 2 % anomalous pixels scoring higher on
/// average, scores quantised to 1/4096 as a float32 map often is after clipping, so there are many ties.
void fillChunk(int64_t k, int64_t n, std::vector<float>& scores, std::vector<uint8_t>& labels) {
  Rng rng = Rng::forItem(77, uint64_t(k));
  scores.resize(size_t(n));
  labels.resize(size_t(n));
  for (int64_t i = 0; i < n; ++i) {
    const bool positive = rng.uniform() < 0.02;
    const double s = positive ? rng.normal(0.6, 0.2) : rng.normal(0.2, 0.15);
    scores[size_t(i)] = float(std::round(std::clamp(s, 0.0, 1.0) * 4096.0) / 4096.0);
    labels[size_t(i)] = positive ? 1 : 0;
  }
}

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

nlohmann::json runEvalBenchmark(const EvalBenchmarkOptions& o) {
  const int64_t chunks = (o.pixels + o.chunk - 1) / o.chunk;
  const auto chunkSize = [&](int64_t k) { return std::min(o.chunk, o.pixels - k * o.chunk); };
  nlohmann::json out = {{"pixels", o.pixels}, {"chunk_pixels", o.chunk}, {"budget_mib", o.budgetMib}};

  out["generation_only"] = measureInChild([&] {
    std::vector<float> s;
    std::vector<uint8_t> l;
    const auto t = std::chrono::steady_clock::now();
    for (int64_t k = 0; k < chunks; ++k) fillChunk(k, chunkSize(k), s, l);
    return nlohmann::json{{"seconds_per_pass", seconds(t)}};
  });
  out["streaming"] = measureInChild([&] {
    const eval::PixelSource source = [&](const eval::PixelChunkSink& sink) {
      std::vector<float> s;
      std::vector<uint8_t> l;
      for (int64_t k = 0; k < chunks; ++k) {
        fillChunk(k, chunkSize(k), s, l);
        sink(s, l);
      }
    };
    const auto t = std::chrono::steady_clock::now();
    const eval::PixelMetrics m = eval::streamingPixelMetrics(source, {size_t(o.budgetMib) << 20});
    const double total = seconds(t);
    return nlohmann::json{{"seconds", total},
                          {"passes", m.stats.passes},
                          {"peak_scratch_mib", double(m.stats.peakScratchBytes) / (1 << 20)},
                          {"ap", m.averagePrecision.value},
                          {"auroc", m.areaUnderRoc.value},
                          {"positives", m.positives}};
  });
  if (o.inMemoryBaseline)
    out["in_memory"] = measureInChild([&] {
      std::vector<float> scores;
      std::vector<uint8_t> labels;
      scores.reserve(size_t(o.pixels));
      labels.reserve(size_t(o.pixels));
      std::vector<float> s;
      std::vector<uint8_t> l;
      for (int64_t k = 0; k < chunks; ++k) {
        fillChunk(k, chunkSize(k), s, l);
        scores.insert(scores.end(), s.begin(), s.end());
        labels.insert(labels.end(), l.begin(), l.end());
      }
      const auto t = std::chrono::steady_clock::now();
      const double ap = eval::averagePrecision(scores, labels).value;
      const double auroc = eval::areaUnderRoc(scores, labels).value;
      return nlohmann::json{{"seconds", seconds(t)}, {"ap", ap}, {"auroc", auroc}};
    });
  // Throughput of the metric itself: the streaming time less the time its passes spent generating pixels.
  if (out["streaming"].contains("seconds") && out["generation_only"].contains("seconds_per_pass")) {
    const double gen = out["generation_only"]["seconds_per_pass"].get<double>() * out["streaming"]["passes"].get<int>();
    const double metric = std::max(1e-9, out["streaming"]["seconds"].get<double>() - gen);
    out["streaming"]["metric_seconds_excluding_generation"] = metric;
    out["streaming"]["pixels_per_second_excluding_generation"] = double(o.pixels) / metric;
    out["streaming"]["bytes_per_pixel_peak_rss"] = out["streaming"]["peak_rss_mib"].get<double>() * (1 << 20) / double(o.pixels);
  }
  return out;
}

}  // namespace lightbox::bench
