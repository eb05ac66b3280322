#pragma once
// The --device word (auto | cpu | cuda) of every use case that runs a network.

#include <stdexcept>
#include <string>

#include "lightbox/models/trainer.h"

namespace lightbox::workflows::detail {

inline models::DeviceKind parseDevice(const std::string& d) {
  if (d == "cpu") return models::DeviceKind::Cpu;
  if (d == "cuda") return models::DeviceKind::Cuda;
  if (d == "auto" || d.empty()) return models::DeviceKind::Auto;
  throw std::invalid_argument("--device is auto, cpu or cuda, not '" + d + "'");
}

}  // namespace lightbox::workflows::detail
