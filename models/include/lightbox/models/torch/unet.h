#pragma once
// TORCH-INCLUDING HEADER: only for translation units that link Lightbox::models_torch (docs/models.md).
// The U-Net of SPEC §4.1, built from a torch-free UNetConfig: encoder stages, a bottleneck, decoder stages and a
// one-channel 1x1 head. Input (N, inputChannels, spatial...), output (N, 1, spatial...), raw regression values.

#include <cstdint>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>

#include "lightbox/models/torch/decoder_stage.h"
#include "lightbox/models/torch/encoder_stage.h"
#include "lightbox/models/torch/output_head.h"
#include "lightbox/models/unet_config.h"

namespace lightbox::models {

class UNetImpl : public torch::nn::Module {
 public:
  /// Throws std::invalid_argument for a config that validate() rejects.
  explicit UNetImpl(const UNetConfig& config);
  /// Throws std::invalid_argument (see checkInputShape) for a shape the network cannot take.
  torch::Tensor forward(const torch::Tensor& x);
  /// forward(concat([image, encoding expanded over the batch], channels)), computed without the concatenation:
  /// image (N, I, spatial...), encoding (1, E, spatial...) or (E, spatial...), I + E = inputChannels. The
  /// encoding's share of the first convolution is computed once per call, not once per sample.
  torch::Tensor forwardWithEncoding(const torch::Tensor& image, const torch::Tensor& encoding);
  const UNetConfig& config() const { return config_; }
  /// Activation recomputation in every ConvNormAct block (gradient checkpointing, docs/models.md), on by default:
  /// training keeps about one activation per block instead of four, for one extra forward per step. The outputs
  /// and gradients are the same either way; inference under NoGradGuard is unaffected.
  void setRecomputeActivations(bool on);
  bool recomputeActivations() const { return recompute_; }

 private:
  /// Everything after the first encoder level (whose output `first` is), through the head.
  torch::Tensor decode(torch::Tensor first);

  UNetConfig config_;
  bool recompute_ = true;
  // Typed handles for forward(); the same modules are registered through the ModuleLists, which give the
  // parameters their names ("encoder.0.blocks.1.conv.weight").
  std::vector<EncoderStage> encoderStages_;
  std::vector<DecoderStage> decoderStages_;
  torch::nn::ModuleList encoder_;
  EncoderStage bottleneck_{nullptr};
  torch::nn::ModuleList decoder_;
  OutputHead head_{nullptr};
};
TORCH_MODULE(UNet);

/// Number of trainable scalars of any module (the analytic count is parameterCount(const UNetConfig&)).
int64_t trainableParameterCount(const torch::nn::Module& module);

}  // namespace lightbox::models
