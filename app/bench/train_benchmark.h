#pragma once
// Training-step and inference speed and peak memory of the paper networks (issue #4 "Speed and memory"): one
// training step (forward, MSE against a soft label, backward, AdamW step) timed after one warm-up step, and one
// inference (batch 1) timed after a warm-up, each configuration in a child process of its own so that its peak
// RSS is that configuration's alone. The only translation unit of lightbox-bench that includes LibTorch.

#include <nlohmann/json.hpp>

namespace lightbox::bench {

struct TrainBenchmarkOptions {
  bool run2d = true;             ///< paper-cxr-2d: batch 50, 256 x 256
  bool run3d = true;             ///< paper-brain-3d: batch 8, 80 x 112 x 80
  bool train = true;             ///< the training-step measurement
  bool inference = true;         ///< the inference measurement
  int threads = 2;               ///< torch::set_num_threads
  int interopThreads = 0;        ///< at::set_num_interop_threads (0: leave LibTorch's default)
  bool pipeline2d = true;        ///< 2D: batches from the real generator through BatchPipeline (else random data)
  int workers = 0;               ///< pipeline workers (0: cores - 1, at least 1, as the trainer)
  bool cloneEncoding = false;    ///< copy the positional encoding into its own tensor, as the trainer does
  bool mkldnn = true;            ///< at::globalContext().setUserEnabledMkldnn
  bool gradsToNone = true;       ///< free the gradients between steps instead of zeroing them
  bool inferenceMode = true;     ///< inference under c10::InferenceMode (else NoGradGuard)
  uint64_t seed = 1;
};

nlohmann::json runTrainBenchmark(const TrainBenchmarkOptions& options);

}  // namespace lightbox::bench
