// The U-Net's blocks (SPEC §4.1) on tiny CPU tensors: ConvNormAct's order and constants, the Kaiming
// initialisation, the decoder's up-sampling and concatenation order, the bias-free head.
#include <QtTest>

#include <cmath>
#include <string>

#include <ATen/ops/erf.h>
#include <c10/core/InferenceMode.h>

#include "lightbox/models/torch/conv_norm_act.h"
#include "lightbox/models/torch/decoder_stage.h"
#include "lightbox/models/torch/encoder_stage.h"
#include "lightbox/models/torch/output_head.h"

using namespace lightbox::models;

namespace {

// Kaiming-normal with the leaky-ReLU gain for a = 0.01, fan-in.
double expectedStd(int64_t fanIn) { return std::sqrt(2.0 / (1.0 + 0.01 * 0.01) / double(fanIn)); }

torch::Tensor parameter(const torch::nn::Module& m, const std::string& name) {
  const auto params = m.named_parameters();
  const torch::Tensor* p = params.find(name);
  return p ? *p : torch::Tensor();
}

bool allEqual(const torch::Tensor& t, double value) { return t.defined() && (t == value).all().item<bool>(); }

// Sample std within 3 % of Kaiming's, mean within 4 standard errors of 0. The tensors used hold >= 4000 values,
// so the sample std itself is off by ~1 % at most.
bool kaimingLike(const torch::Tensor& w, int64_t fanIn) {
  const double std = w.std().item<double>(), mean = w.mean().item<double>(), expected = expectedStd(fanIn);
  const double se = expected / std::sqrt(double(w.numel()));
  if (std::abs(std / expected - 1) < 0.03 && std::abs(mean) < 4 * se) return true;
  qWarning() << "std" << std << "expected" << expected << "mean" << mean;
  return false;
}

}  // namespace

class TestUNetBlocks : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { torch::manual_seed(7); }

  void convNormActShapes() {
    c10::InferenceMode inference;
    ConvNormAct same(ConvNormActOptions{.dims = 2, .inChannels = 3, .outChannels = 5});
    QCOMPARE(same->forward(torch::randn({2, 3, 8, 6})).sizes().vec(), (std::vector<int64_t>{2, 5, 8, 6}));
    ConvNormAct down(ConvNormActOptions{.dims = 2, .inChannels = 3, .outChannels = 5, .stride = 2});
    QCOMPARE(down->forward(torch::randn({2, 3, 8, 6})).sizes().vec(), (std::vector<int64_t>{2, 5, 4, 3}));
    ConvNormAct down3(ConvNormActOptions{.dims = 3, .inChannels = 2, .outChannels = 4, .stride = 2});
    QCOMPARE(down3->forward(torch::randn({1, 2, 6, 4, 8})).sizes().vec(), (std::vector<int64_t>{1, 4, 3, 2, 4}));
  }

  // Exactly conv -> affine instance norm -> GELU, no running statistics (no buffers).
  void convNormActParameters() {
    ConvNormAct block(ConvNormActOptions{.dims = 3, .inChannels = 2, .outChannels = 4});
    QCOMPARE(block->named_parameters().size(), size_t{4});
    QCOMPARE(parameter(*block, "conv.weight").sizes().vec(), (std::vector<int64_t>{4, 2, 3, 3, 3}));
    QCOMPARE(parameter(*block, "conv.bias").sizes().vec(), std::vector<int64_t>{4});
    QCOMPARE(parameter(*block, "norm.weight").sizes().vec(), std::vector<int64_t>{4});
    QCOMPARE(parameter(*block, "norm.bias").sizes().vec(), std::vector<int64_t>{4});
    QVERIFY(block->buffers().empty());
  }

  // Recomputes the block from its own weights: conv, per-(sample, channel) normalisation with the biased variance
  // and eps 1e-5, gamma/beta, then the exact erf GELU (the tanh approximation differs by ~1e-3).
  void convNormActComputesWhatTheSpecSays() {
    torch::NoGradGuard noGrad;
    ConvNormAct block(ConvNormActOptions{.dims = 2, .inChannels = 2, .outChannels = 3});
    parameter(*block, "conv.bias").uniform_(-1, 1);
    parameter(*block, "norm.weight").uniform_(0.5, 2);
    parameter(*block, "norm.bias").uniform_(-1, 1);
    const torch::Tensor x = torch::randn({2, 2, 5, 7});
    const torch::Tensor c = at::conv2d(x, parameter(*block, "conv.weight"), parameter(*block, "conv.bias"), 1, 1);
    const torch::Tensor mean = c.mean({2, 3}, true), var = c.var({2, 3}, false, true);
    const torch::Tensor n = (c - mean) / torch::sqrt(var + 1e-5) * parameter(*block, "norm.weight").view({1, 3, 1, 1}) +
                            parameter(*block, "norm.bias").view({1, 3, 1, 1});
    const torch::Tensor expected = n * 0.5 * (1 + at::erf(n / std::sqrt(2.0)));
    QVERIFY(torch::allclose(block->forward(x), expected, 1e-5, 1e-5));
  }

  void kaimingInitialisation() {
    ConvNormAct block3(ConvNormActOptions{.dims = 3, .inChannels = 64, .outChannels = 64});
    QVERIFY(kaimingLike(parameter(*block3, "conv.weight"), 64 * 27));
    ConvNormAct block2(ConvNormActOptions{.dims = 2, .inChannels = 32, .outChannels = 64});
    QVERIFY(kaimingLike(parameter(*block2, "conv.weight"), 32 * 9));
    for (ConvNormAct* b : {&block3, &block2}) {
      QVERIFY(allEqual(parameter(**b, "conv.bias"), 0));
      QVERIFY(allEqual(parameter(**b, "norm.weight"), 1));
      QVERIFY(allEqual(parameter(**b, "norm.bias"), 0));
    }
  }

  // Encoder stage: the first conv strides, the rest keep the size; the bottleneck form changes width at the end.
  void encoderStage() {
    c10::InferenceMode inference;
    EncoderStage level(EncoderStageOptions{.dims = 2, .inChannels = 3, .features = 8, .convs = 3, .stride = 2});
    QCOMPARE(level->forward(torch::randn({1, 3, 8, 8})).sizes().vec(), (std::vector<int64_t>{1, 8, 4, 4}));
    QCOMPARE(level->named_parameters().size(), size_t{12});
    EncoderStage bottleneck(
        EncoderStageOptions{.dims = 3, .inChannels = 4, .features = 8, .outChannels = 4, .stride = 2});
    QCOMPARE(bottleneck->forward(torch::randn({1, 4, 4, 4, 4})).sizes().vec(), (std::vector<int64_t>{1, 4, 2, 2, 2}));
    QCOMPARE(parameter(*bottleneck, "blocks.0.conv.weight").sizes().vec(), (std::vector<int64_t>{8, 4, 3, 3, 3}));
    QCOMPARE(parameter(*bottleneck, "blocks.1.conv.weight").sizes().vec(), (std::vector<int64_t>{4, 8, 3, 3, 3}));
  }

  // Bilinear/trilinear, align_corners = false: [0, 1] along an axis becomes [0, 0.25, 0.75, 1].
  void upsamplingIsLinearWithHalfPixelCentres() {
    c10::InferenceMode inference;
    const torch::Tensor ramp = torch::tensor({0.0f, 1.0f});
    const torch::Tensor expected = torch::tensor({0.0f, 0.25f, 0.75f, 1.0f});
    const torch::Tensor up2 = upsample2x(ramp.view({1, 1, 1, 2}).expand({1, 1, 2, 2}).contiguous());
    QCOMPARE(up2.sizes().vec(), (std::vector<int64_t>{1, 1, 4, 4}));
    QVERIFY(torch::allclose(up2[0][0][1], expected));
    const torch::Tensor up3 = upsample2x(ramp.view({1, 1, 2, 1, 1}).expand({1, 1, 2, 2, 2}).contiguous());
    QCOMPARE(up3.sizes().vec(), (std::vector<int64_t>{1, 1, 4, 4, 4}));
    QVERIFY(torch::allclose(up3[0][0].select(1, 3).select(1, 0), expected));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, upsample2x(torch::zeros({1, 1, 4})));
  }

  // The only parameters are the convs' and norms': the up-sampling has none.
  void decoderStageShapesAndParameters() {
    DecoderStage stage(DecoderStageOptions{.dims = 2, .inChannels = 8, .skipChannels = 8, .outChannels = 4});
    c10::InferenceMode inference;
    QCOMPARE(stage->forward(torch::randn({2, 8, 4, 3}), torch::randn({2, 8, 8, 6})).sizes().vec(),
             (std::vector<int64_t>{2, 4, 8, 6}));
    QCOMPARE(parameter(*stage, "blocks.0.conv.weight").sizes().vec(), (std::vector<int64_t>{8, 16, 3, 3}));
    QCOMPARE(parameter(*stage, "blocks.1.conv.weight").sizes().vec(), (std::vector<int64_t>{4, 8, 3, 3}));
    QCOMPARE(stage->named_parameters().size(), size_t{8});
  }

  // [upsampled, skip]: with the first conv blind to its second half of input channels the skip cannot matter.
  void decoderConcatenatesUpsampledFirst() {
    torch::NoGradGuard noGrad;
    DecoderStage stage(DecoderStageOptions{.dims = 3, .inChannels = 2, .skipChannels = 2, .outChannels = 2});
    parameter(*stage, "blocks.0.conv.weight").slice(1, 2, 4).zero_();
    const torch::Tensor below = torch::randn({1, 2, 2, 2, 2});
    const torch::Tensor a = stage->forward(below, torch::randn({1, 2, 4, 4, 4}));
    const torch::Tensor b = stage->forward(below, torch::randn({1, 2, 4, 4, 4}));
    QVERIFY(torch::equal(a, b));
    const torch::Tensor c = stage->forward(torch::randn({1, 2, 2, 2, 2}), torch::randn({1, 2, 4, 4, 4}));
    QVERIFY(!torch::allclose(a, c));
  }

  void headHasNoBias() {
    OutputHead head(OutputHeadOptions{.dims = 2, .inChannels = 4096});
    QCOMPARE(head->named_parameters().size(), size_t{1});
    QCOMPARE(parameter(*head, "conv.weight").sizes().vec(), (std::vector<int64_t>{1, 4096, 1, 1}));
    QVERIFY(kaimingLike(parameter(*head, "conv.weight"), 4096));
    c10::InferenceMode inference;
    OutputHead head3(OutputHeadOptions{.dims = 3, .inChannels = 3});
    QVERIFY(allEqual(head3->forward(torch::zeros({1, 3, 2, 2, 2})), 0));  // identity output, no bias
    QCOMPARE(head3->forward(torch::zeros({2, 3, 4, 2, 2})).sizes().vec(), (std::vector<int64_t>{2, 1, 4, 2, 2}));
  }
};

QTEST_APPLESS_MAIN(TestUNetBlocks)
#include "test_unet_blocks.moc"
