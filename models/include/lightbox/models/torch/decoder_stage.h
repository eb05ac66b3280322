#pragma once
// TORCH-INCLUDING HEADER: only for translation units that link Lightbox::models_torch (docs/models.md).
// One decoder level: parameter-free up-sampling x2 (bilinear/trilinear, align_corners = false), concatenation
// [upsampled, skip] in that order, then 2 C_skip -> C_skip -> ... -> C_out convolutions (SPEC §4.1).

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

namespace lightbox::models {

struct DecoderStageOptions {
  int dims = 2;
  int64_t inChannels = 0;    ///< channels arriving from the coarser level (equal to skipChannels in the U-Net)
  int64_t skipChannels = 0;  ///< channels of the encoder skip at this level; also the stage's width
  int64_t outChannels = 0;   ///< the next-shallower skip's width (the full-resolution stage keeps its width)
  int convs = 2;
};

class DecoderStageImpl : public torch::nn::Module {
 public:
  explicit DecoderStageImpl(const DecoderStageOptions& options);
  /// `below`: (N, inChannels, s/2...) from the coarser level; `skip`: (N, skipChannels, s...).
  torch::Tensor forward(const torch::Tensor& below, const torch::Tensor& skip);
  const DecoderStageOptions& options() const { return options_; }
  /// Recompute the whole stage (up-sampling and concatenation included) in backward, keeping only its inputs.
  void setRecomputeActivations(bool on) { recompute_ = on; }

 private:
  torch::Tensor forwardPlain(const torch::Tensor& below, const torch::Tensor& skip);

  DecoderStageOptions options_;
  bool recompute_ = false;
  torch::nn::Sequential blocks_;
};
TORCH_MODULE(DecoderStage);

/// The decoder's parameter-free up-sampling: x2 along every spatial axis, bilinear for (N, C, H, W), trilinear for
/// (N, C, D, H, W), align_corners = false (the reference's nn.Upsample(scale_factor=2)).
torch::Tensor upsample2x(const torch::Tensor& x);

}  // namespace lightbox::models
