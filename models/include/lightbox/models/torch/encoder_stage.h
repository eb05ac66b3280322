#pragma once
// TORCH-INCLUDING HEADER: only for translation units that link Lightbox::models_torch (docs/models.md).
// One encoder level, or the bottleneck: convsPerStage ConvNormAct blocks, the first strided when the level
// down-samples (every level after the first, and the bottleneck; SPEC §4.1).

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

namespace lightbox::models {

struct EncoderStageOptions {
  int dims = 2;
  int64_t inChannels = 0;
  int64_t features = 0;     ///< width of the stage
  int64_t outChannels = 0;  ///< 0: same as features. The bottleneck returns to the deepest skip's width.
  int convs = 2;
  int64_t stride = 1;  ///< 1 at full resolution, 2 elsewhere
};

class EncoderStageImpl : public torch::nn::Module {
 public:
  explicit EncoderStageImpl(const EncoderStageOptions& options);
  torch::Tensor forward(const torch::Tensor& x);
  /// First block with the split convolution (ConvNormActImpl::forwardWithEncoding), the rest as usual. (Not an
  /// overload of forward: Sequential and AnyModule need a single forward.)
  torch::Tensor forwardWithEncoding(const torch::Tensor& x, const torch::Tensor& encoding);
  const EncoderStageOptions& options() const { return options_; }
  /// Recompute the whole stage in backward, keeping only its inputs (recomputeInBackward, docs/models.md).
  void setRecomputeActivations(bool on) { recompute_ = on; }

 private:
  EncoderStageOptions options_;
  bool recompute_ = false;
  torch::nn::Sequential blocks_;
};
TORCH_MODULE(EncoderStage);

}  // namespace lightbox::models
