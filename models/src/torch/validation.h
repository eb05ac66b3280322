#pragma once
// TORCH-INCLUDING (internal to lightbox_models). One validation pass of SPEC §4.3 on the held-out tasks.

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <torch/types.h>

#include "lightbox/core/training_samples.h"
#include "lightbox/models/torch/unet.h"

namespace lightbox::models::detail {

struct ValidationSettings {
  uint64_t seed = 0;           ///< the validation round's own seed (reproducible, fresh anomalies every round)
  int64_t samples = 0;
  int batchSize = 8;
  int workers = 1;
  torch::Device device = torch::kCPU;
};

struct ValidationResult {
  double loss = 0;
  std::vector<std::pair<int, double>> pixelAp;  ///< task id, AP
};

/// Mean over batches of MSE(net(normal), 0) + MSE(net(aug), label); AP per task of clip(net(aug), 0, 1) against
/// the anomaly masks, pooled over the round's samples of that task.
ValidationResult validate(UNet& net, std::shared_ptr<const TrainingSampleGenerator> generator,
                          const ValidationSettings& settings);

/// A (1, E, spatial...) tensor of the shared positional encoding on `device`.
torch::Tensor encodingTensor(const Image& encoding, const torch::Device& device);
/// Wraps (copies to `device` when it is not the CPU) a batch buffer laid out as (n, channels, spatial...).
torch::Tensor batchTensor(const float* data, int64_t n, int64_t channels, const Shape& spatial,
                          const torch::Device& device);

}  // namespace lightbox::models::detail
