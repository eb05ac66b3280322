// The whole U-Net (SPEC §4.1): the paper's parameter counts and channel sequence, strides, output shapes for 2D
// and 3D inputs, input-shape errors, initialisation, train/eval equivalence.
#include <QtTest>

#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <c10/core/InferenceMode.h>
#include <torch/nn/modules/conv.h>

#include "lightbox/models/torch/unet.h"

using namespace lightbox::models;

namespace {

UNetConfig tiny(int dims, int levels = 3, int convs = 2) {
  UNetConfig c{.dims = dims, .inputChannels = 3, .levels = levels, .baseFeatures = 4, .featureCap = 16};
  c.convsPerStage = convs;
  return c;
}

using Stages = std::vector<std::vector<int64_t>>;  // per stage: its input width, then each conv's output width

// The channel chain of every stage whose name starts with `prefix`, as SPEC §4.1 writes it (512→256→128).
Stages stageChannels(const torch::nn::Module& net, const std::string& prefix) {
  Stages result;
  std::string current;
  for (const auto& item : net.named_parameters()) {
    const std::string& name = item.key();
    if (name.rfind(prefix, 0) != 0 || !name.ends_with("conv.weight")) continue;
    const std::string stage = name.substr(0, name.find(".blocks."));
    if (stage != current) result.push_back({item.value().size(1)});
    current = stage;
    result.back().push_back(item.value().size(0));
  }
  return result;
}

// Stride of every convolution, keyed by module name.
std::vector<std::pair<std::string, int64_t>> convStrides(const torch::nn::Module& net) {
  std::vector<std::pair<std::string, int64_t>> result;
  for (const auto& item : net.named_modules("", false)) {
    if (const auto c3 = std::dynamic_pointer_cast<torch::nn::Conv3dImpl>(item.value()))
      result.emplace_back(item.key(), (*c3->options.stride())[0]);
    if (const auto c2 = std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(item.value()))
      result.emplace_back(item.key(), (*c2->options.stride())[0]);
  }
  return result;
}

// The message of the std::invalid_argument that forward() throws for an input of `shape`.
QString rejection(UNet& net, const std::vector<int64_t>& shape) {
  try {
    net->forward(torch::zeros(shape));
  } catch (const std::invalid_argument& e) {
    return e.what();
  } catch (const std::exception& e) {  // c10::Error: torch failed where our check should have
    return QString("not std::invalid_argument: ") + e.what();
  }
  return "(no exception)";
}

}  // namespace

class TestUNet : public QObject {
  Q_OBJECT

  std::unique_ptr<UNet> brain_, cxr_;  // the paper networks, built once (14 M and 29 M parameters)

 private Q_SLOTS:
  void initTestCase() {
    torch::manual_seed(3);
    brain_ = std::make_unique<UNet>(UNetConfig::paperBrain3D());
    cxr_ = std::make_unique<UNet>(UNetConfig::paperChestXray2D());
  }

  void paperParameterCounts() {
    QCOMPARE(trainableParameterCount(**brain_), int64_t{13'889'600});
    QCOMPARE(trainableParameterCount(**cxr_), int64_t{29'124'704});
    QCOMPARE(trainableParameterCount(**brain_), parameterCount(UNetConfig::paperBrain3D()));
    QCOMPARE(trainableParameterCount(**cxr_), parameterCount(UNetConfig::paperChestXray2D()));
  }

  // The analytic count and the module agree beyond the presets: depth, dims, more convs per stage, the cap.
  void analyticCountMatchesModule_data() {
    QTest::addColumn<int>("dims");
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("convs");
    QTest::newRow("2D depth 3") << 2 << 3 << 2;
    QTest::newRow("2D depth 5, capped") << 2 << 5 << 2;
    QTest::newRow("3D depth 2") << 3 << 2 << 2;
    QTest::newRow("3D depth 4, 3 convs") << 3 << 4 << 3;
  }
  void analyticCountMatchesModule() {
    QFETCH(int, dims);
    QFETCH(int, levels);
    QFETCH(int, convs);
    const UNetConfig c = tiny(dims, levels, convs);
    QCOMPARE(trainableParameterCount(*UNet(c)), parameterCount(c));
  }

  // SPEC §4.1's channel sequence, encoder to head.
  void brainChannels() {
    QCOMPARE(stageChannels(**brain_, "encoder."),
             (Stages{{68, 32, 32}, {32, 64, 64}, {64, 128, 128}, {128, 256, 256}}));
    QCOMPARE(stageChannels(**brain_, "bottleneck."), (Stages{{256, 320, 256}}));
    QCOMPARE(stageChannels(**brain_, "decoder."),
             (Stages{{512, 256, 128}, {256, 128, 64}, {128, 64, 32}, {64, 32, 32}}));
    QCOMPARE(stageChannels(**brain_, "head."), (Stages{{32, 1}}));
  }

  void chestXrayChannels() {
    QCOMPARE(stageChannels(**cxr_, "encoder."),
             (Stages{{67, 32, 32}, {32, 64, 64}, {64, 128, 128}, {128, 256, 256}, {256, 512, 512}, {512, 512, 512}}));
    QCOMPARE(stageChannels(**cxr_, "bottleneck."), (Stages{{512, 512, 512}}));
    QCOMPARE(
        stageChannels(**cxr_, "decoder."),
        (Stages{{1024, 512, 512}, {1024, 512, 256}, {512, 256, 128}, {256, 128, 64}, {128, 64, 32}, {64, 32, 32}}));
    QCOMPARE(stageChannels(**cxr_, "head."), (Stages{{32, 1}}));
  }

  // Strided convolution down-samples: the first conv of every encoder level after the first and of the bottleneck.
  void stridedDownsampling() {
    const std::vector<std::pair<std::string, int64_t>> strides = convStrides(**brain_);
    QCOMPARE(strides.size(), size_t{8 + 2 + 8 + 1});
    int strided = 0;
    for (const auto& [name, stride] : strides) {
      const bool shouldStride = name == "encoder.1.blocks.0.conv" || name == "encoder.2.blocks.0.conv" ||
                                name == "encoder.3.blocks.0.conv" || name == "bottleneck.blocks.0.conv";
      QVERIFY2(stride == (shouldStride ? 2 : 1), name.c_str());
      strided += stride == 2;
    }
    QCOMPARE(strided, 4);
    QCOMPARE(convStrides(**cxr_).size(), size_t{12 + 2 + 12 + 1});
  }

  void outputShape_data() {
    QTest::addColumn<int>("levels");
    QTest::addColumn<std::vector<int64_t>>("shape");
    QTest::newRow("2D 8x8") << 3 << std::vector<int64_t>{1, 3, 8, 8};
    QTest::newRow("2D batch 2, 16x12") << 3 << std::vector<int64_t>{2, 3, 16, 12};
    QTest::newRow("2D 4x20, depth 3") << 3 << std::vector<int64_t>{1, 3, 4, 20};
    QTest::newRow("2D 32x16, depth 4") << 4 << std::vector<int64_t>{1, 3, 32, 16};
    QTest::newRow("3D 8x8x8") << 3 << std::vector<int64_t>{1, 3, 8, 8, 8};
    QTest::newRow("3D batch 2, 4x8x12") << 3 << std::vector<int64_t>{2, 3, 4, 8, 12};
    QTest::newRow("3D 10x14x10, depth 2 (brain's 80x112x80 / 8)") << 2 << std::vector<int64_t>{1, 3, 10, 14, 10};
  }
  void outputShape() {
    QFETCH(int, levels);
    QFETCH(std::vector<int64_t>, shape);
    c10::InferenceMode inference;
    UNet net(tiny(int(shape.size()) - 2, levels));
    const torch::Tensor y = net->forward(torch::randn(shape));
    std::vector<int64_t> expected = shape;
    expected[1] = 1;
    QCOMPARE(y.sizes().vec(), expected);
    QVERIFY(torch::isfinite(y).all().item<bool>());
  }

  // A clear std::invalid_argument before LibTorch sees the tensor, not a c10::Error from inside torch::cat.
  void badInputsAreRejectedClearly() {
    c10::InferenceMode inference;
    UNet net2(tiny(2));  // multiple of 4
    UNet net3(tiny(3));
    const auto check = [](UNet& net, const std::vector<int64_t>& shape, const char* expected) {
      const QString message = rejection(net, shape);
      QVERIFY2(message.contains(expected), qPrintable(message));
    };
    check(net2, {1, 3, 10, 8}, "must be a positive multiple of 4");
    check(net3, {1, 3, 8, 8, 6}, "spatial size 6 (axis 4)");
    check(net2, {1, 2, 8, 8}, "expected 3 channels");
    check(net3, {1, 3, 8, 8}, "expected 5 dimensions");
    check(*cxr_, {1, 67, 96, 96}, "multiple of 64");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, UNet(UNetConfig{}));
  }

  // Every conv: Kaiming-normal (a = 0.01, fan-in) and zero bias; every norm: gamma 1, beta 0.
  void initialisation() {
    int checked = 0;
    for (const auto& item : (*brain_)->named_parameters()) {
      const std::string& name = item.key();
      const torch::Tensor& p = item.value();
      if (name.ends_with("conv.bias") || name.ends_with("norm.bias")) {
        QVERIFY2((p == 0).all().item<bool>(), name.c_str());
      } else if (name.ends_with("norm.weight")) {
        QVERIFY2((p == 1).all().item<bool>(), name.c_str());
      } else if (name.ends_with("conv.weight") && p.numel() >= 20000) {
        const double fanIn = double(p.numel() / p.size(0));
        const double expected = std::sqrt(2.0 / (1.0 + 1e-4) / fanIn);
        const double ratio = p.std().item<double>() / expected;
        QVERIFY2(std::abs(ratio - 1) < 0.03, qPrintable(QString::fromStdString(name) + ": " + QString::number(ratio)));
        QVERIFY2(std::abs(p.mean().item<double>()) < 4 * expected / std::sqrt(double(p.numel())), name.c_str());
        ++checked;
      }
    }
    // Every 3x3x3 conv (>= 27,648 weights); a head has too few weights for the estimate (test_unet_blocks checks
    // a wide one).
    QCOMPARE(checked, 18);
  }

  // InstanceNorm without running statistics and no dropout: train() and eval() compute the same function.
  void trainAndEvalAgree() {
    UNet net(tiny(2));
    const torch::Tensor x = torch::randn({2, 3, 8, 8});
    torch::NoGradGuard noGrad;
    net->train();
    const torch::Tensor a = net->forward(x);
    net->eval();
    QVERIFY(torch::equal(a, net->forward(x)));
    QVERIFY(net->buffers().empty());
  }
};

QTEST_APPLESS_MAIN(TestUNet)
#include "test_unet.moc"
