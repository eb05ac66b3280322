#include "lightbox/models/torch/layers.h"

#include <stdexcept>

// LibTorch 1.13's modules/instancenorm.h uses F::detail::instance_norm without including it.
#include <torch/nn/functional/instancenorm.h>
#include <torch/nn/init.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/instancenorm.h>
#include <torch/utils.h>

namespace lightbox::models {
namespace {

// nnU-Net's InitWeights_He: kaiming_normal_(weight, a = 0.01) with PyTorch's defaults fan_in / leaky_relu.
template <typename Conv>
void initialise(Conv& conv) {
  torch::NoGradGuard noGrad;
  torch::nn::init::kaiming_normal_(conv->weight, kKaimingSlope, torch::kFanIn, torch::kLeakyReLU);
  if (conv->bias.defined()) torch::nn::init::zeros_(conv->bias);
}

template <typename Conv, typename Options>
torch::nn::AnyModule buildConv(Options options) {
  Conv conv(options);
  initialise(conv);
  return torch::nn::AnyModule(conv);
}

void requireDims(int dims) {
  if (dims != 2 && dims != 3) throw std::invalid_argument("layer dims must be 2 or 3");
}

}  // namespace

torch::nn::AnyModule makeConv(int dims, int64_t inChannels, int64_t outChannels, int64_t kernel, int64_t stride,
                              bool bias) {
  requireDims(dims);
  if (dims == 2)
    return buildConv<torch::nn::Conv2d>(
        torch::nn::Conv2dOptions(inChannels, outChannels, kernel).stride(stride).padding(kernel / 2).bias(bias));
  return buildConv<torch::nn::Conv3d>(
      torch::nn::Conv3dOptions(inChannels, outChannels, kernel).stride(stride).padding(kernel / 2).bias(bias));
}

torch::nn::AnyModule makeInstanceNorm(int dims, int64_t channels) {
  requireDims(dims);
  // The stock modules already start with gamma = 1, beta = 0 (reset_parameters), as the reference's do.
  const auto options = torch::nn::InstanceNormOptions(channels).eps(1e-5).affine(true).track_running_stats(false);
  if (dims == 2) return torch::nn::AnyModule(torch::nn::InstanceNorm2d(options));
  return torch::nn::AnyModule(torch::nn::InstanceNorm3d(options));
}

}  // namespace lightbox::models
