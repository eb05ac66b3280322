#include "lightbox/models/torch/encoder_stage.h"

#include "lightbox/models/torch/conv_norm_act.h"

namespace lightbox::models {

EncoderStageImpl::EncoderStageImpl(const EncoderStageOptions& options)
    : options_(options),
      blocks_(makeConvStack(options.dims, options.inChannels, options.features,
                            options.outChannels ? options.outChannels : options.features, options.convs,
                            options.stride)) {
  register_module("blocks", blocks_);
}

torch::Tensor EncoderStageImpl::forward(const torch::Tensor& x) { return blocks_->forward(x); }

}  // namespace lightbox::models
