#pragma once
// The U-Net of SPEC §4.1 described as plain numbers. Torch-free on purpose: workflows, the CLI and the UI can
// choose, store, validate and size a network (parameter count, required input multiple) without compiling a
// LibTorch header. The module itself is in lightbox/models/torch/unet.h.

#include <cstdint>
#include <span>
#include <vector>

namespace lightbox::models {

/// nnU-Net-style Generic_UNet settings. Zero means "not chosen": validate() rejects it rather than guessing.
struct UNetConfig {
  int dims = 0;           ///< spatial dimensions, 2 or 3
  int inputChannels = 0;  ///< image channels + positional-encoding channels (SPEC §3.5)
  int levels = 0;         ///< resolution levels including the bottleneck; levels - 1 down-samplings
  int baseFeatures = 32;  ///< features of the full-resolution level; doubled per level
  int featureCap = 0;     ///< no level has more features than this
  int convsPerStage = 2;  ///< convolutions in every encoder, bottleneck and decoder stage

  /// Brain MRI: 3D, 68 = 1 + 3 + 64 input channels, depth 5, cap 320 (13,889,600 parameters).
  static UNetConfig paperBrain3D();
  /// Chest X-ray: 2D, 67 = 1 + 2 + 64 input channels, depth 7, cap 512 (29,124,704 parameters).
  static UNetConfig paperChestXray2D();

  friend bool operator==(const UNetConfig&, const UNetConfig&) = default;
};

/// Throws std::invalid_argument naming the first setting that cannot build a network.
void validate(const UNetConfig& config);

/// Features of each level, full resolution first; the last entry is the bottleneck's width.
/// Brain: 32 64 128 256 320; chest X-ray: 32 64 128 256 512 512 512.
std::vector<int> levelFeatures(const UNetConfig& config);

/// Every spatial size must be a multiple of 2^(levels - 1): 16 for the brain, 64 for the chest X-ray network.
int64_t requiredInputMultiple(const UNetConfig& config);

/// Throws std::invalid_argument unless `shape` is (N, inputChannels, spatial...) with dims spatial sizes, each a
/// positive multiple of requiredInputMultiple(). The message names the axis, the size and the multiple, so a bad
/// image size is reported before LibTorch fails somewhere inside a concatenation.
void checkInputShape(const UNetConfig& config, std::span<const int64_t> shape);

/// Trainable parameters, counted from the layer list without building the network. The reference's unused
/// auxiliary heads are not part of the network and not counted (SPEC §4.1).
int64_t parameterCount(const UNetConfig& config);

}  // namespace lightbox::models
