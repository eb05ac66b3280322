// The U-Net under an optimiser and through a checkpoint: one Adam step on a fixed batch lowers the MSE
// (SPEC §4.2 uses AdamW with weight decay 0, i.e. Adam), and torch::save / torch::load reproduce the outputs.
#include <QtTest>

#include <string>
#include <utility>
#include <vector>

#include <c10/core/InferenceMode.h>
#include <torch/optim/adam.h>
#include <torch/serialize.h>

#include "lightbox/models/torch/unet.h"

using namespace lightbox::models;

namespace {

UNetConfig tiny(int dims) {
  return {.dims = dims, .inputChannels = 3, .levels = 3, .baseFeatures = 4, .featureCap = 16};
}

// A fixed batch: noise in, a soft cube "anomaly" of 0.7 in the centre out, like the tasks' labels.
std::pair<torch::Tensor, torch::Tensor> batch(int dims) {
  std::vector<int64_t> in = {2, 3}, out = {2, 1};
  in.resize(size_t(dims) + 2, 8);
  out.resize(size_t(dims) + 2, 8);
  const torch::Tensor label = torch::zeros(out);
  torch::Tensor centre = label;
  for (int64_t d = 2; d < label.dim(); ++d) centre = centre.narrow(d, 2, 4);  // a view into label
  centre.fill_(0.7);
  return {torch::randn(in), label};
}

double mse(UNet& net, const torch::Tensor& x, const torch::Tensor& y) {
  torch::NoGradGuard noGrad;
  return torch::mse_loss(net->forward(x), y).item<double>();
}

}  // namespace

class TestUNetTraining : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { torch::manual_seed(11); }

  void oneAdamStepLowersTheLoss_data() {
    QTest::addColumn<int>("dims");
    QTest::newRow("2D") << 2;
    QTest::newRow("3D") << 3;
  }
  void oneAdamStepLowersTheLoss() {
    QFETCH(int, dims);
    UNet net(tiny(dims));
    const auto [x, y] = batch(dims);
    const double before = mse(net, x, y);
    torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(1e-3));
    adam.zero_grad();
    torch::mse_loss(net->forward(x), y).backward();
    adam.step();
    const double after = mse(net, x, y);
    QVERIFY2(after < before, qPrintable(QString("%1 -> %2").arg(before).arg(after)));
  }

  // A second network with other weights takes the first one's from the file and then computes exactly the same.
  void saveAndLoadReproduceOutputs_data() { oneAdamStepLowersTheLoss_data(); }
  void saveAndLoadReproduceOutputs() {
    QFETCH(int, dims);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("unet.pt").toStdString();
    UNet saved(tiny(dims)), loaded(tiny(dims));
    torch::save(saved, path);
    const torch::Tensor x = batch(dims).first;
    const auto output = [&x](UNet& net) {
      c10::InferenceMode inference;
      return net->forward(x);
    };
    const torch::Tensor expected = output(saved);
    QVERIFY(!torch::equal(output(loaded), expected));
    torch::load(loaded, path);
    QVERIFY(torch::equal(output(loaded), expected));
  }
};

QTEST_APPLESS_MAIN(TestUNetTraining)
#include "test_unet_training.moc"
