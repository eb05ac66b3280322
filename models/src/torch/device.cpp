#include "device.h"

#include <stdexcept>

#include <torch/cuda.h>

namespace lightbox::models::detail {

torch::Device chooseDevice(DeviceKind kind) {
  if (kind == DeviceKind::Cuda && !torch::cuda::is_available())
    throw std::invalid_argument("CUDA was asked for, but this LibTorch has no CUDA or no GPU is visible");
  if (kind != DeviceKind::Cpu && torch::cuda::is_available()) return torch::Device(torch::kCUDA, 0);
  return torch::kCPU;
}

}  // namespace lightbox::models::detail
