#include "lightbox/models/torch/decoder_stage.h"

#include <stdexcept>
#include <vector>

#include <ATen/ops/cat.h>
#include <torch/nn/functional/upsampling.h>

#include "lightbox/models/torch/conv_norm_act.h"

namespace lightbox::models {

DecoderStageImpl::DecoderStageImpl(const DecoderStageOptions& options)
    : options_(options),
      blocks_(makeConvStack(options.dims, options.inChannels + options.skipChannels, options.skipChannels,
                            options.outChannels, options.convs, 1)) {
  register_module("blocks", blocks_);
}

torch::Tensor DecoderStageImpl::forward(const torch::Tensor& below, const torch::Tensor& skip) {
  if (!recompute_) return forwardPlain(below, skip);
  auto self = std::static_pointer_cast<DecoderStageImpl>(shared_from_this());
  return recomputeInBackward(
      [self](const std::vector<torch::Tensor>& in) { return self->forwardPlain(in[0], in[1]); }, {below, skip},
      parameters());
}

torch::Tensor DecoderStageImpl::forwardPlain(const torch::Tensor& below, const torch::Tensor& skip) {
  return blocks_->forward(at::cat({upsample2x(below), skip}, 1));  // upsampled first, as the reference
}

torch::Tensor upsample2x(const torch::Tensor& x) {
  namespace F = torch::nn::functional;
  const int64_t spatial = x.dim() - 2;
  if (spatial != 2 && spatial != 3) throw std::invalid_argument("upsample2x: expected a 4-D or 5-D tensor");
  const auto mode = spatial == 3 ? F::InterpolateFuncOptions::mode_t(torch::kTrilinear)
                                 : F::InterpolateFuncOptions::mode_t(torch::kBilinear);
  // A fixed factor of 2, not the skip's size, as nn.Upsample(scale_factor=2) does; the U-Net's input check makes
  // the result match the skip exactly.
  return F::interpolate(x, F::InterpolateFuncOptions()
                               .scale_factor(std::vector<double>(size_t(spatial), 2.0))
                               .mode(mode)
                               .align_corners(false));
}

}  // namespace lightbox::models
