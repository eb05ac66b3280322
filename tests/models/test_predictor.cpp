// The predictor (SPEC §5.1): each model's raw output equals the network's own forward on [image, encoding], the
// ensemble is the voxel-wise mean, sizes the network cannot take are padded and cropped back, and bad inputs are
// refused with a message.
#include <QtTest>

#include <c10/core/InferenceMode.h>

#include "lightbox/core/positional_encoding.h"
#include "lightbox/models/predictor.h"
#include "lightbox/models/torch/checkpoint.h"

using namespace lightbox;
using namespace lightbox::models;

namespace {

UNetConfig tiny(int dims) {
  return {.dims = dims, .inputChannels = 1 + positionalEncodingChannels(dims), .levels = 3, .baseFeatures = 4,
          .featureCap = 16};
}

std::vector<uint8_t> randomModel(int dims, uint64_t seed) {
  torch::manual_seed(seed);
  UNet net(tiny(dims));
  return saveCheckpoint(net, nullptr, TrainerState{});
}

Image randomImage(const Shape& shape, uint64_t seed) {
  torch::manual_seed(seed);
  Image im(1, shape);
  const torch::Tensor t = torch::randn({shape.count()});
  std::copy_n(t.data_ptr<float>(), shape.count(), im.data());
  im.geometry().spacing = {0.5, 2.0, 1.0};
  return im;
}

}  // namespace

class TestPredictor : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchesTheNetworkAndAveragesFolds() {
    const auto a = randomModel(2, 1), b = randomModel(2, 2);
    Predictor predictor({a, b}, DeviceKind::Cpu);
    QCOMPARE(predictor.modelCount(), 2);
    QCOMPARE(predictor.imageChannels(), 1);
    const Image image = randomImage(Shape(16, 24), 3);
    const Prediction p = predictor.predict(image);
    QCOMPARE(p.perModel.size(), size_t(2));
    QVERIFY(p.ensemble.shape() == image.shape());
    QCOMPARE(p.ensemble.geometry().spacing[1], 2.0);

    UNet direct = loadNetwork(a);
    c10::InferenceMode inference;
    const torch::Tensor x = torch::from_blob(const_cast<float*>(image.data()), {1, 1, 16, 24}).clone();
    const Image enc = positionalEncoding(Shape(16, 24));
    const torch::Tensor e = torch::from_blob(const_cast<float*>(enc.data()), {1, enc.channels(), 16, 24}).clone();
    const torch::Tensor y = direct->forwardWithEncoding(x, e).contiguous();
    for (int64_t i = 0; i < image.voxelCount(); ++i) QCOMPARE(p.perModel[0].data()[i], y.data_ptr<float>()[i]);
    for (int64_t i = 0; i < image.voxelCount(); ++i)
      QVERIFY(std::abs(p.ensemble.data()[i] - 0.5f * (p.perModel[0].data()[i] + p.perModel[1].data()[i])) < 1e-6f);
    QVERIFY(p.perModel[0].values() != p.perModel[1].values());
  }

  void padsSizesTheNetworkCannotTake() {
    Predictor predictor({randomModel(3, 4)}, DeviceKind::Cpu);
    const Image image = randomImage(Shape(9, 13, 6), 5);  // the network needs multiples of 4
    const Prediction p = predictor.predict(image);
    QVERIFY(p.ensemble.shape() == image.shape());
    QVERIFY(p.ensemble.values() == p.perModel[0].values());
    for (float v : p.ensemble.values()) QVERIFY(std::isfinite(v));
  }

  void refusesBadInput() {
    const auto model = randomModel(2, 6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Predictor({}, DeviceKind::Cpu));
    const std::vector<uint8_t> garbage(100, 7);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Predictor({garbage}, DeviceKind::Cpu));
    const auto other = randomModel(3, 7);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Predictor({model, other}, DeviceKind::Cpu));
    Predictor predictor({model}, DeviceKind::Cpu);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, predictor.predict(Image(2, Shape(16, 16))));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, predictor.predict(Image(1, Shape(16, 16, 16))));
  }
};

QTEST_GUILESS_MAIN(TestPredictor)
#include "test_predictor.moc"
