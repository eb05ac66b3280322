#pragma once
// Runs trained fold models on images (SPEC §5.1): raw network outputs (no sigmoid, no test-time augmentation) for
// each model, and the ensemble, the voxel-wise mean of the raw outputs. Torch-free interface: the workflows and the
// UI use it without compiling LibTorch headers; the networks are rebuilt from the checkpoint bytes alone.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/models/trainer.h"

namespace lightbox::models {

struct Prediction {
  std::vector<Image> perModel;  ///< one 1-channel map per model, the input's shape and geometry
  Image ensemble;               ///< their voxel-wise mean (the single model's map when there is one)
};

class Predictor {
 public:
  /// `checkpoints`: the serialised checkpoints of one or more fold models (best checkpoints, as the reference
  /// ensembles). Throws std::invalid_argument when there are none, when bytes are not a checkpoint, or when the
  /// models disagree on their network (their input channels or dimensionality), and when CUDA is asked for but
  /// absent.
  Predictor(const std::vector<std::span<const uint8_t>>& checkpoints, DeviceKind device = DeviceKind::Auto,
            int threads = 0);
  ~Predictor();
  Predictor(Predictor&&) noexcept;
  Predictor& operator=(Predictor&&) noexcept;

  int modelCount() const;
  int dims() const;
  int imageChannels() const;  ///< the network's input channels without the positional encoding
  std::string device() const;

  /// Every model's map and the ensemble for one image of imageChannels() channels and dims() dimensions. Sizes that
  /// the network cannot take are zero-padded symmetrically to its input multiple and the maps cropped back, so any
  /// working-space image works. Throws std::invalid_argument for the wrong channel count or dimensionality.
  Prediction predict(const Image& image) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lightbox::models
