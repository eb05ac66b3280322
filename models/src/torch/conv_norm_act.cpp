#include "lightbox/models/torch/conv_norm_act.h"

#include <stdexcept>

#include <ATen/ops/conv2d.h>
#include <ATen/ops/conv3d.h>
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

torch::Tensor ConvNormActImpl::forwardWithEncoding(const torch::Tensor& x, const torch::Tensor& encoding) {
  const int64_t imageChannels = x.size(1);
  if (encoding.size(0) != 1 || imageChannels + encoding.size(1) != options_.inChannels)
    throw std::invalid_argument("the image and encoding channels do not add up to the block's input channels");
  const auto params = conv_.ptr()->named_parameters(/*recurse=*/false);
  const torch::Tensor& weight = params["weight"];
  const torch::Tensor& bias = params["bias"];
  const torch::Tensor wImage = weight.narrow(1, 0, imageChannels);
  const torch::Tensor wEncoding = weight.narrow(1, imageChannels, encoding.size(1));
  const auto conv = [this](const torch::Tensor& in, const torch::Tensor& w, const torch::Tensor& b) {
    return options_.dims == 2 ? at::conv2d(in, w, b, options_.stride, 1) : at::conv3d(in, w, b, options_.stride, 1);
  };
  // (N, C, ...) + (1, C, ...): the bias goes with the image part, which has the batch's size.
  const torch::Tensor z = conv(x, wImage, bias) + conv(encoding, wEncoding, {});
  return at::gelu(norm_.forward(z), "none");
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
