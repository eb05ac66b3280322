#pragma once
// TORCH-INCLUDING HEADER: only for translation units that link Lightbox::models_torch (docs/models.md).
// The bytes of a training checkpoint: one torch::save archive holding the network configuration ("config"), the
// weights ("model"), the AdamW state ("optimizer") and the trainer's scalars ("state.*"). Self-describing, so a
// predictor rebuilds the network from the bytes alone.

#include <cstdint>
#include <span>
#include <vector>

#include <torch/optim/optimizer.h>

#include "lightbox/models/torch/unet.h"

namespace lightbox::models {

/// What resuming needs besides weights and optimiser: the position in the sample stream is step * batchSize.
struct TrainerState {
  int64_t step = 0;          ///< optimiser steps done
  double lossAverage = 0;    ///< the train-loss moving average
  bool averageStarted = false;
  int64_t bestStep = -1;     ///< step of the lowest validation loss (-1: none yet)
  double bestLoss = 0;       ///< valid when bestStep >= 0
  int64_t validations = 0;
};

std::vector<uint8_t> saveCheckpoint(UNet& net, torch::optim::Optimizer* optimizer, const TrainerState& state);
/// The network configuration stored in a checkpoint. Throws std::runtime_error for bytes that are no checkpoint.
UNetConfig checkpointNetwork(std::span<const uint8_t> bytes);
/// Loads weights (and, when given, the optimiser state) into modules built from checkpointNetwork(bytes).
TrainerState restoreCheckpoint(std::span<const uint8_t> bytes, UNet& net, torch::optim::Optimizer* optimizer,
                               const torch::Device& device);
/// A network rebuilt from a checkpoint, in eval mode, on `device`.
UNet loadNetwork(std::span<const uint8_t> bytes, const torch::Device& device = torch::kCPU);

}  // namespace lightbox::models
