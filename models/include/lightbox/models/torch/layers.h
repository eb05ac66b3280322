#pragma once
// TORCH-INCLUDING HEADER: only for translation units that link Lightbox::models_torch (docs/models.md).
// Dimension-generic factories for the two layer types the network is made of, initialised as the reference's
// InitWeights_He does, so that every block gets the same initialisation from one place.

#include <cstdint>

#include <torch/nn/modules/container/any.h>

namespace lightbox::models {

/// Leaky-ReLU slope whose Kaiming gain the reference uses for every convolution (nnU-Net's InitWeights_He(1e-2)).
inline constexpr double kKaimingSlope = 0.01;

/// Conv2d/Conv3d, zero padding kernel / 2. Weight: Kaiming-normal, fan-in, leaky-ReLU gain with a = 0.01,
/// i.e. std = sqrt(2 / (1 + 0.01^2) / fan_in); bias (if any) 0.
torch::nn::AnyModule makeConv(int dims, int64_t inChannels, int64_t outChannels, int64_t kernel, int64_t stride,
                              bool bias);

/// InstanceNorm2d/3d, eps 1e-5, affine (gamma 1, beta 0), no running statistics: train and eval compute the same.
torch::nn::AnyModule makeInstanceNorm(int dims, int64_t channels);

}  // namespace lightbox::models
