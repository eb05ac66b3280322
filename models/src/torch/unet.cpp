#include "lightbox/models/torch/unet.h"

#include <algorithm>
#include <span>
#include <stdexcept>

#include "lightbox/models/torch/conv_norm_act.h"

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
  setRecomputeActivations(true);
}

void UNetImpl::setRecomputeActivations(bool on) {
  recompute_ = on;
  // Whole stages: each keeps only its inputs (the skips and the decoder outputs), not its blocks' outputs. The
  // blocks' own switch stays off, or backward would recompute them twice.
  for (auto& stage : encoderStages_) stage->setRecomputeActivations(on);
  bottleneck_->setRecomputeActivations(on);
  for (auto& stage : decoderStages_) stage->setRecomputeActivations(on);
}

torch::Tensor UNetImpl::forward(const torch::Tensor& x) {
  checkInputShape(config_, std::span<const int64_t>(x.sizes().data(), x.sizes().size()));
  return decode(encoderStages_.front()->forward(x));
}

torch::Tensor UNetImpl::forwardWithEncoding(const torch::Tensor& image, const torch::Tensor& encoding) {
  const torch::Tensor e = encoding.dim() == image.dim() ? encoding : encoding.unsqueeze(0);
  std::vector<int64_t> shape(image.sizes().begin(), image.sizes().end());
  if (e.dim() != image.dim() || e.size(0) != 1 || !std::equal(shape.begin() + 2, shape.end(), e.sizes().begin() + 2))
    throw std::invalid_argument("the positional encoding must be (1, E, spatial...) with the image's spatial size");
  shape[1] += e.size(1);
  checkInputShape(config_, shape);
  return decode(encoderStages_.front()->forwardWithEncoding(image, e));
}

torch::Tensor UNetImpl::decode(torch::Tensor h) {
  std::vector<torch::Tensor> skips{h};
  for (size_t i = 1; i < encoderStages_.size(); ++i) {
    h = encoderStages_[i]->forward(h);
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
