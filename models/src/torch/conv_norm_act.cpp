#include "lightbox/models/torch/conv_norm_act.h"

#include <stdexcept>

#include <ATen/ops/conv2d.h>
#include <ATen/ops/conv3d.h>
#include <ATen/ops/gelu.h>
#include <ATen/core/ivalue.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/csrc/autograd/grad_mode.h>

#include "lightbox/models/torch/layers.h"

namespace lightbox::models {

ConvNormActImpl::ConvNormActImpl(const ConvNormActOptions& options)
    : options_(options),
      conv_(makeConv(options.dims, options.inChannels, options.outChannels, 3, options.stride, /*bias=*/true)),
      norm_(makeInstanceNorm(options.dims, options.outChannels)) {
  register_module("conv", conv_.ptr());
  register_module("norm", norm_.ptr());
}

namespace {

struct RecomputeClosure : torch::CustomClassHolder {
  std::function<torch::Tensor(const std::vector<torch::Tensor>&)> fn;
};

// Inputs and parameters both enter as tensor inputs, so the engine routes the parameter gradients to their
// AccumulateGrad nodes (the optimizer's .grad) exactly as for an ordinary graph, and autograd::grad over the
// network works too.
struct RecomputeFunction : torch::autograd::Function<RecomputeFunction> {
  // TensorList, not std::vector: only those are unpacked into the node's inputs by Function::apply.
  static torch::Tensor forward(torch::autograd::AutogradContext* ctx, at::TensorList inputs, at::TensorList params,
                               c10::intrusive_ptr<RecomputeClosure> c) {
    // Function::apply already runs forward with grad mode off: no intermediate is recorded or saved.
    std::vector<int64_t> needs;
    for (const auto& t : inputs) needs.push_back(t.defined() && t.requires_grad() ? 1 : 0);
    for (const auto& t : params) needs.push_back(t.defined() && t.requires_grad() ? 1 : 0);
    torch::autograd::variable_list saved = inputs.vec();
    saved.insert(saved.end(), params.begin(), params.end());
    ctx->save_for_backward(saved);
    ctx->saved_data["inputs"] = int64_t(inputs.size());
    ctx->saved_data["needs"] = needs;
    ctx->saved_data["fn"] = c10::IValue::make_capsule(c);
    return c->fn(inputs.vec());
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list gradOutputs) {
    const auto closure = c10::static_intrusive_pointer_cast<RecomputeClosure>(ctx->saved_data["fn"].toCapsule());
    const auto nInputs = size_t(ctx->saved_data["inputs"].toInt());
    const std::vector<int64_t> needs = ctx->saved_data["needs"].toIntVector();
    const torch::autograd::variable_list saved = ctx->get_saved_variables();
    torch::autograd::variable_list inputs, wrt;
    std::vector<size_t> wrtIndex;
    for (size_t i = 0; i < saved.size(); ++i) {
      torch::Tensor t = saved[i];
      if (i < nInputs) {
        t = t.defined() ? t.detach().requires_grad_(needs[i] != 0) : t;
        inputs.push_back(t);
      }
      if (needs[i]) {
        wrt.push_back(t);
        wrtIndex.push_back(i);
      }
    }
    torch::autograd::variable_list result(saved.size() + 1);  // + the closure, which has no gradient
    if (wrt.empty() || !gradOutputs[0].defined()) return result;
    torch::Tensor y;
    {
      torch::AutoGradMode enable(true);
      y = closure->fn(inputs);
    }
    const torch::autograd::variable_list grads =
        torch::autograd::grad({y}, wrt, {gradOutputs[0]}, /*retain_graph=*/false, /*create_graph=*/false,
                              /*allow_unused=*/true);
    for (size_t k = 0; k < wrtIndex.size(); ++k) result[wrtIndex[k]] = grads[k];
    return result;
  }
};

bool anyRequiresGrad(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  for (const auto* v : {&a, &b})
    for (const auto& t : *v)
      if (t.defined() && t.requires_grad()) return true;
  return false;
}

}  // namespace

torch::Tensor recomputeInBackward(std::function<torch::Tensor(const std::vector<torch::Tensor>&)> fn,
                                  const std::vector<torch::Tensor>& inputs, const std::vector<torch::Tensor>& params) {
  if (!torch::GradMode::is_enabled() || !anyRequiresGrad(inputs, params)) return fn(inputs);
  auto closure = c10::make_intrusive<RecomputeClosure>();
  closure->fn = std::move(fn);
  return RecomputeFunction::apply(at::TensorList(inputs), at::TensorList(params), closure);
}

torch::Tensor ConvNormActImpl::forward(const torch::Tensor& x) {
  if (!recompute_) return forwardPlain(x);
  // The closure holds the module, so backward can run even if the network handle is gone by then.
  auto self = std::static_pointer_cast<ConvNormActImpl>(shared_from_this());
  return recomputeInBackward([self](const std::vector<torch::Tensor>& in) { return self->forwardPlain(in[0]); },
                             {x}, parameters());
}

torch::Tensor ConvNormActImpl::forwardWithEncoding(const torch::Tensor& x, const torch::Tensor& encoding) {
  if (!recompute_) return forwardWithEncodingPlain(x, encoding);
  auto self = std::static_pointer_cast<ConvNormActImpl>(shared_from_this());
  return recomputeInBackward(
      [self](const std::vector<torch::Tensor>& in) { return self->forwardWithEncodingPlain(in[0], in[1]); },
      {x, encoding}, parameters());
}

torch::Tensor ConvNormActImpl::forwardPlain(const torch::Tensor& x) {
  return at::gelu(norm_.forward(conv_.forward(x)), "none");  // "none": the exact erf form, as torch's default
}

torch::Tensor ConvNormActImpl::forwardWithEncodingPlain(const torch::Tensor& x, const torch::Tensor& encoding) {
  const int64_t imageChannels = x.size(1);
  if (encoding.size(0) != 1 || imageChannels + encoding.size(1) != options_.inChannels)
    throw std::invalid_argument("the image and encoding channels do not add up to the block's input channels");
  const auto params = conv_.ptr()->named_parameters(/*recurse=*/false);
  const torch::Tensor& weight = params["weight"];
  const torch::Tensor& bias = params["bias"];
  const torch::Tensor wImage = weight.narrow(1, 0, imageChannels);
  const torch::Tensor wEncoding = weight.narrow(1, imageChannels, encoding.size(1));
  const auto conv = [this](const torch::Tensor& in, const torch::Tensor& w, const torch::Tensor& b) {
    return options_.dims == 2 ? at::conv2d(in, w, b, options_.stride, 1) : at::conv3d(in, w, b, options_.stride, 1);
  };
  // (N, C, ...) + (1, C, ...): the bias goes with the image part, which has the batch's size.
  const torch::Tensor z = conv(x, wImage, bias) + conv(encoding, wEncoding, {});
  return at::gelu(norm_.forward(z), "none");
}

torch::nn::Sequential makeConvStack(int dims, int64_t inChannels, int64_t features, int64_t outChannels, int convs,
                                    int64_t stride) {
  if (convs < 2) throw std::invalid_argument("a U-Net stage needs at least two convolutions");
  torch::nn::Sequential stack;
  stack->push_back(ConvNormAct(
      ConvNormActOptions{.dims = dims, .inChannels = inChannels, .outChannels = features, .stride = stride}));
  for (int i = 1; i < convs - 1; ++i)
    stack->push_back(ConvNormAct(ConvNormActOptions{.dims = dims, .inChannels = features, .outChannels = features}));
  stack->push_back(ConvNormAct(ConvNormActOptions{.dims = dims, .inChannels = features, .outChannels = outChannels}));
  return stack;
}

}  // namespace lightbox::models
