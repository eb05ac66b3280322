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

torch::Tensor EncoderStageImpl::forward(const torch::Tensor& x) {
  if (!recompute_) return blocks_->forward(x);
  auto blocks = blocks_;  // the closure keeps the blocks alive until backward
  return recomputeInBackward([blocks](const std::vector<torch::Tensor>& in) mutable { return blocks->forward(in[0]); }, {x},
                             parameters());
}

torch::Tensor EncoderStageImpl::forwardWithEncoding(const torch::Tensor& x, const torch::Tensor& encoding) {
  if (recompute_) {
    auto blocks = blocks_;
    return recomputeInBackward(
        [blocks](const std::vector<torch::Tensor>& in) mutable {
          torch::Tensor h = blocks->at<ConvNormActImpl>(0).forwardWithEncoding(in[0], in[1]);
          for (size_t i = 1; i < blocks->size(); ++i) h = blocks->at<ConvNormActImpl>(i).forward(h);
          return h;
        },
        {x, encoding}, parameters());
  }
  torch::Tensor h = blocks_->at<ConvNormActImpl>(0).forwardWithEncoding(x, encoding);
  for (size_t i = 1; i < blocks_->size(); ++i) h = blocks_->at<ConvNormActImpl>(i).forward(h);
  return h;
}

}  // namespace lightbox::models
