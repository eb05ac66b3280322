#pragma once
// `lightbox-bench eval`: pixel-level AP/AUROC over a large set (issue #5: 10^8 pixels must not need 16 bytes each),
// streamed with a memory budget and, for the baseline, in memory; each in its own process for its peak RSS.

#include <cstdint>
#include <nlohmann/json.hpp>

namespace lightbox::bench {

struct EvalBenchmarkOptions {
  int64_t pixels = 100'000'000;
  int64_t chunk = 1 << 20;      ///< pixels per generated chunk ("image")
  int budgetMib = 256;
  bool inMemoryBaseline = true;
};

nlohmann::json runEvalBenchmark(const EvalBenchmarkOptions& options);

}  // namespace lightbox::bench
