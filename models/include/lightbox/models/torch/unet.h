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
  const UNetConfig& config() const { return config_; }

 private:
  UNetConfig config_;
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
