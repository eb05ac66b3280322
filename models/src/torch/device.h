#pragma once
// TORCH-INCLUDING (internal to lightbox_models). The one place that turns a DeviceKind into a torch::Device, so
// training and prediction choose (and refuse) devices alike.

#include <torch/types.h>

#include "lightbox/models/trainer.h"

namespace lightbox::models::detail {

/// CUDA device 0 for Auto when the linked LibTorch sees a GPU, else the CPU. Throws std::invalid_argument for Cuda
/// without CUDA.
torch::Device chooseDevice(DeviceKind kind);

}  // namespace lightbox::models::detail
