#include "lightbox/models/torch/output_head.h"

#include "lightbox/models/torch/layers.h"

namespace lightbox::models {

OutputHeadImpl::OutputHeadImpl(const OutputHeadOptions& options)
    : options_(options), conv_(makeConv(options.dims, options.inChannels, 1, 1, 1, /*bias=*/false)) {
  register_module("conv", conv_.ptr());
}

torch::Tensor OutputHeadImpl::forward(const torch::Tensor& x) { return conv_.forward(x); }

}  // namespace lightbox::models
