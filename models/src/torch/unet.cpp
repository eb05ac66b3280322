#include "lightbox/models/torch/unet.h"

#include <span>

namespace lightbox::models {

UNetImpl::UNetImpl(const UNetConfig& config) : config_(config) {
  const std::vector<int> f = levelFeatures(config);  // validates
  const int deepest = config.levels - 1;
  const int dims = config.dims;
  const int convs = config.convsPerStage;
  int64_t in = config.inputChannels;
  for (int level = 0; level < deepest; ++level) {
    encoderStages_.emplace_back(EncoderStageOptions{
        .dims = dims, .inChannels = in, .features = f[level], .convs = convs, .stride = level == 0 ? 1 : 2});
    encoder_->push_back(encoderStages_.back());
    in = f[level];
  }
  bottleneck_ = EncoderStage(EncoderStageOptions{.dims = dims,
                                                 .inChannels = in,
                                                 .features = f[deepest],
                                                 .outChannels = f[deepest - 1],
                                                 .convs = convs,
                                                 .stride = 2});
  for (int level = deepest - 1; level >= 0; --level) {
    const int64_t next = f[level > 0 ? level - 1 : 0];
    decoderStages_.emplace_back(DecoderStageOptions{
        .dims = dims, .inChannels = f[level], .skipChannels = f[level], .outChannels = next, .convs = convs});
    decoder_->push_back(decoderStages_.back());
  }
  head_ = OutputHead(OutputHeadOptions{dims, f[0]});
  register_module("encoder", encoder_);
  register_module("bottleneck", bottleneck_);
  register_module("decoder", decoder_);
  register_module("head", head_);
}

torch::Tensor UNetImpl::forward(const torch::Tensor& x) {
  checkInputShape(config_, std::span<const int64_t>(x.sizes().data(), x.sizes().size()));
  std::vector<torch::Tensor> skips;
  torch::Tensor h = x;
  for (EncoderStage& stage : encoderStages_) {
    h = stage->forward(h);
    skips.push_back(h);
  }
  h = bottleneck_->forward(h);
  for (size_t i = 0; i < decoderStages_.size(); ++i) h = decoderStages_[i]->forward(h, skips[skips.size() - 1 - i]);
  return head_->forward(h);
}

int64_t trainableParameterCount(const torch::nn::Module& module) {
  int64_t total = 0;
  for (const torch::Tensor& p : module.parameters())
    if (p.requires_grad()) total += p.numel();
  return total;
}

}  // namespace lightbox::models
