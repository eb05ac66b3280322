#pragma once
// TORCH-INCLUDING HEADER: only for translation units that link Lightbox::models_torch (docs/models.md).
// conv (3^D kernel, padding 1, bias) -> InstanceNorm (affine, eps 1e-5, no running statistics) -> exact GELU:
// the basic block of every stage (SPEC §4.1, nnU-Net's ConvDropoutNormNonlin with dropout p = 0 left out).

#include <cstdint>
#include <functional>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/any.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

namespace lightbox::models {

struct ConvNormActOptions {
  int dims = 2;  ///< 2 or 3
  int64_t inChannels = 0;
  int64_t outChannels = 0;
  int64_t stride = 1;  ///< 2 down-samples (SPEC §4.1: strided convolution, no pooling)
};

class ConvNormActImpl : public torch::nn::Module {
 public:
  explicit ConvNormActImpl(const ConvNormActOptions& options);
  torch::Tensor forward(const torch::Tensor& x);
  /// The same function of concat([x, broadcast(encoding)], channels) without building that tensor: the weight is
  /// split into its image and encoding columns and the encoding's part is convolved once, for a batch of one, and
  /// broadcast over the batch (docs/models.md, "Positional encoding"). `encoding` is (1, E, spatial...).
  torch::Tensor forwardWithEncoding(const torch::Tensor& x, const torch::Tensor& encoding);
  const ConvNormActOptions& options() const { return options_; }
  /// Activation recomputation (gradient checkpointing, docs/models.md): when on and a graph is being recorded,
  /// forward keeps only its inputs for backward (not the conv, norm and GELU outputs) and backward re-runs the
  /// block. The same function and the same gradients; one extra forward per training step.
  void setRecomputeActivations(bool on) { recompute_ = on; }
  bool recomputeActivations() const { return recompute_; }

 private:
  torch::Tensor forwardPlain(const torch::Tensor& x);
  torch::Tensor forwardWithEncodingPlain(const torch::Tensor& x, const torch::Tensor& encoding);

  ConvNormActOptions options_;
  bool recompute_ = false;
  // AnyModule lets one class serve 2D and 3D with the stock Conv2d/Conv3d and InstanceNorm2d/3d modules, so the
  // parameter names and initialisation match LibTorch's (and PyTorch's) own.
  torch::nn::AnyModule conv_;
  torch::nn::AnyModule norm_;
};
TORCH_MODULE(ConvNormAct);

/// fn(inputs) computed without keeping its intermediates for backward: only `inputs` are saved, and backward
/// re-runs fn with grad enabled and differentiates it with respect to the inputs and `params` (the parameters fn
/// uses), whose gradients flow to them through the autograd graph as usual (a torch::autograd::Function).
/// Without a graph to record (grad mode off, nothing requiring grad) it is just fn(inputs).
torch::Tensor recomputeInBackward(std::function<torch::Tensor(const std::vector<torch::Tensor>&)> fn,
                                  const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& params);

/// A stage's convolutions: in -> features (with `stride`), features -> features, ..., features -> out.
/// `convs` >= 2; with out == features this is an encoder stage, otherwise the last conv changes the width.
torch::nn::Sequential makeConvStack(int dims, int64_t inChannels, int64_t features, int64_t outChannels, int convs,
                                    int64_t stride);

}  // namespace lightbox::models
