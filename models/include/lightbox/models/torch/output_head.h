#pragma once
// TORCH-INCLUDING HEADER: only for translation units that link Lightbox::models_torch (docs/models.md).
// The full-resolution head: a 1x1 convolution to one channel, no bias, no final non-linearity (SPEC §4.1).
// The reference also builds 1x1 heads for the coarser decoder levels; deep supervision is off, so they never see
// a gradient and are not built here.

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/any.h>
#include <torch/nn/pimpl.h>

namespace lightbox::models {

struct OutputHeadOptions {
  int dims = 2;
  int64_t inChannels = 0;
};

class OutputHeadImpl : public torch::nn::Module {
 public:
  explicit OutputHeadImpl(const OutputHeadOptions& options);
  torch::Tensor forward(const torch::Tensor& x);
  const OutputHeadOptions& options() const { return options_; }

 private:
  OutputHeadOptions options_;
  torch::nn::AnyModule conv_;
};
TORCH_MODULE(OutputHead);

}  // namespace lightbox::models
