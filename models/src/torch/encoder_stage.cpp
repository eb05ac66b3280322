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

torch::Tensor EncoderStageImpl::forwardWithEncoding(const torch::Tensor& x, const torch::Tensor& encoding) {
  torch::Tensor h = blocks_->at<ConvNormActImpl>(0).forwardWithEncoding(x, encoding);
  for (size_t i = 1; i < blocks_->size(); ++i) h = blocks_->at<ConvNormActImpl>(i).forward(h);
  return h;
}

}  // namespace lightbox::models
