#include "lightbox/models/predictor.h"

#include <stdexcept>

#include <ATen/ops/constant_pad_nd.h>
#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include "lightbox/core/positional_encoding.h"
#include "lightbox/models/torch/checkpoint.h"
#include "lightbox/models/unet_config.h"
#include "device.h"
#include "validation.h"

namespace lightbox::models {

struct Predictor::Impl {
  std::vector<UNet> nets;
  UNetConfig config;
  torch::Device device = torch::kCPU;
};

namespace {

/// Symmetric zero padding of every spatial axis up to a multiple of `multiple`: (before, after) per axis.
std::vector<std::pair<int64_t, int64_t>> paddingFor(const Shape& shape, int64_t multiple) {
  std::vector<std::pair<int64_t, int64_t>> pad;
  for (int d = 0; d < shape.ndim; ++d) {
    const int64_t extra = (multiple - shape[d] % multiple) % multiple;
    pad.emplace_back(extra / 2, extra - extra / 2);
  }
  return pad;
}

}  // namespace

Predictor::Predictor(const std::vector<std::span<const uint8_t>>& checkpoints, DeviceKind device, int threads)
    : impl_(std::make_unique<Impl>()) {
  if (checkpoints.empty()) throw std::invalid_argument("the predictor needs at least one trained model");
  if (threads > 0) torch::set_num_threads(threads);
  impl_->device = detail::chooseDevice(device);
  for (size_t k = 0; k < checkpoints.size(); ++k) {
    UNetConfig c;
    try {
      c = checkpointNetwork(checkpoints[k]);
    } catch (const std::exception& e) {
      throw std::invalid_argument("model " + std::to_string(k + 1) + " is not a readable checkpoint: " + e.what());
    }
    if (k == 0) impl_->config = c;
    else if (c.dims != impl_->config.dims || c.inputChannels != impl_->config.inputChannels)
      throw std::invalid_argument("the models of an ensemble must take the same input; model " +
                                  std::to_string(k + 1) + " differs from the first");
    impl_->nets.push_back(loadNetwork(checkpoints[k], impl_->device));
  }
}

Predictor::~Predictor() = default;
Predictor::Predictor(Predictor&&) noexcept = default;
Predictor& Predictor::operator=(Predictor&&) noexcept = default;

int Predictor::modelCount() const { return int(impl_->nets.size()); }
int Predictor::dims() const { return impl_->config.dims; }
int Predictor::imageChannels() const {
  return impl_->config.inputChannels - positionalEncodingChannels(impl_->config.dims);
}
std::string Predictor::device() const { return impl_->device.is_cuda() ? "cuda:0" : "cpu"; }

Prediction Predictor::predict(const Image& image) const {
  if (image.ndim() != dims())
    throw std::invalid_argument("the model is " + std::to_string(dims()) + "D, the image " +
                                std::to_string(image.ndim()) + "D");
  if (image.channels() != imageChannels())
    throw std::invalid_argument("the model takes " + std::to_string(imageChannels()) + " image channel(s), the image has " +
                                std::to_string(image.channels()));
  c10::InferenceMode inference;  // read-only use of the networks: no autograd bookkeeping at all
  const Shape& shape = image.shape();
  const auto pad = paddingFor(shape, requiredInputMultiple(impl_->config));
  torch::Tensor x = detail::batchTensor(image.data(), 1, image.channels(), shape, impl_->device);
  std::vector<int64_t> padArg;  // constant_pad_nd lists the last axis first
  for (int d = shape.ndim - 1; d >= 0; --d) {
    padArg.push_back(pad[size_t(d)].first);
    padArg.push_back(pad[size_t(d)].second);
  }
  x = at::constant_pad_nd(x, padArg, 0.0);
  Shape padded = shape;
  for (int d = 0; d < shape.ndim; ++d) padded.size[d] = x.size(d + 2);
  const torch::Tensor encoding =
      detail::encodingTensor(*cachedPositionalEncoding(padded), impl_->device);

  Prediction out;
  torch::Tensor sum;
  for (const UNet& net : impl_->nets) {
    torch::Tensor y = const_cast<UNet&>(net)->forwardWithEncoding(x, encoding);
    for (int d = 0; d < shape.ndim; ++d) y = y.narrow(d + 2, pad[size_t(d)].first, shape[d]);
    y = y.contiguous().to(torch::kCPU);
    sum = sum.defined() ? sum + y : y.clone();
    Image map(1, shape);
    map.geometry() = image.geometry();
    std::copy_n(y.data_ptr<float>(), map.voxelCount(), map.data());
    out.perModel.push_back(std::move(map));
  }
  out.ensemble = Image(1, shape);
  out.ensemble.geometry() = image.geometry();
  const torch::Tensor mean = (sum / double(impl_->nets.size())).contiguous();
  std::copy_n(mean.data_ptr<float>(), out.ensemble.voxelCount(), out.ensemble.data());
  return out;
}

}  // namespace lightbox::models
