#pragma once
// Single-thread throughput of the synthetic tasks: "task + label" (the anomaly loop and the soft label) and "full
// sample" (flip, task, label and the cached positional encoding, as the data pipeline produces it).

#include <nlohmann/json.hpp>

namespace lightbox::bench {

struct TaskBenchmarkOptions {
  int repeats = 5;
  int samples2d = 200;
  int samples3d = 30;
  bool run2d = true;
  bool run3d = true;
};

/// Runs every paper task in 2D 256x256 and 3D 80x112x80 on phantom images and returns the median rates with the
/// reference implementation's rates (issue #2) beside them.
nlohmann::json runTaskBenchmark(const TaskBenchmarkOptions& options);

}  // namespace lightbox::bench
