#include "lightbox/models/torch/conv_norm_act.h"

#include <stdexcept>

#include <ATen/ops/gelu.h>

#include "lightbox/models/torch/layers.h"

namespace lightbox::models {

ConvNormActImpl::ConvNormActImpl(const ConvNormActOptions& options)
    : options_(options),
      conv_(makeConv(options.dims, options.inChannels, options.outChannels, 3, options.stride, /*bias=*/true)),
      norm_(makeInstanceNorm(options.dims, options.outChannels)) {
  register_module("conv", conv_.ptr());
  register_module("norm", norm_.ptr());
}

torch::Tensor ConvNormActImpl::forward(const torch::Tensor& x) {
  return at::gelu(norm_.forward(conv_.forward(x)), "none");  // "none": the exact erf form, as torch's default
}

torch::nn::Sequential makeConvStack(int dims, int64_t inChannels, int64_t features, int64_t outChannels, int convs,
                                    int64_t stride) {
  if (convs < 2) throw std::invalid_argument("a U-Net stage needs at least two convolutions");
  torch::nn::Sequential stack;
  stack->push_back(ConvNormAct(
      ConvNormActOptions{.dims = dims, .inChannels = inChannels, .outChannels = features, .stride = stride}));
  for (int i = 1; i < convs - 1; ++i)
    stack->push_back(ConvNormAct(ConvNormActOptions{.dims = dims, .inChannels = features, .outChannels = features}));
  stack->push_back(ConvNormAct(ConvNormActOptions{.dims = dims, .inChannels = features, .outChannels = outChannels}));
  return stack;
}

}  // namespace lightbox::models
