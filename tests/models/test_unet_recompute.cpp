// Activation recomputation (UNet::setRecomputeActivations, docs/models.md) changes what is kept for backward,
// not the maths: the same output, and the same gradients of every parameter and of the input, with and without
// it, through forward and forwardWithEncoding, in 2D and 3D.
#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

#include <torch/nn/functional/loss.h>

#include "lightbox/models/torch/unet.h"

using namespace lightbox::models;

namespace {

UNetConfig tiny(int dims) {
  return {.dims = dims, .inputChannels = 3, .levels = 3, .baseFeatures = 4, .featureCap = 16};
}

struct Gradients {
  torch::Tensor output;
  torch::Tensor input;
  std::vector<std::pair<std::string, torch::Tensor>> params;
};

Gradients run(UNet& net, const torch::Tensor& x0, const torch::Tensor& target, bool recompute, bool withEncoding) {
  net->setRecomputeActivations(recompute);
  for (auto& p : net->parameters()) p.mutable_grad() = torch::Tensor();
  const torch::Tensor x = x0.clone().requires_grad_(true);
  const torch::Tensor out = withEncoding ? net->forwardWithEncoding(x.narrow(1, 0, 1), x.narrow(1, 1, 2).narrow(0, 0, 1))
                                         : net->forward(x);
  torch::mse_loss(out, target).backward();
  Gradients g{out.detach().clone(), x.grad().clone(), {}};
  for (const auto& item : net->named_parameters()) g.params.emplace_back(item.key(), item.value().grad().clone());
  return g;
}

double relativeError(const torch::Tensor& a, const torch::Tensor& b) {
  return (a - b).abs().max().item<double>() / std::max(1e-12, b.abs().max().item<double>());
}

}  // namespace

class TestUNetRecompute : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { torch::manual_seed(5); }

  void onByDefaultAndSwitchable() {
    UNet net(tiny(2));
    QVERIFY(net->recomputeActivations());
    net->setRecomputeActivations(false);
    QVERIFY(!net->recomputeActivations());
  }

  void sameOutputAndGradients_data() {
    QTest::addColumn<int>("dims");
    QTest::addColumn<bool>("withEncoding");
    QTest::newRow("2D forward") << 2 << false;
    QTest::newRow("3D forward") << 3 << false;
    QTest::newRow("2D forwardWithEncoding") << 2 << true;
    QTest::newRow("3D forwardWithEncoding") << 3 << true;
  }
  void sameOutputAndGradients() {
    QFETCH(int, dims);
    QFETCH(bool, withEncoding);
    UNet net(tiny(dims));
    net->train();
    std::vector<int64_t> in = {2, 3}, out = {2, 1};
    in.resize(size_t(dims) + 2, 8);
    out.resize(size_t(dims) + 2, 8);
    const torch::Tensor x = torch::randn(in), target = torch::rand(out);
    const Gradients plain = run(net, x, target, false, withEncoding);
    const Gradients recomputed = run(net, x, target, true, withEncoding);
    QVERIFY(torch::equal(plain.output, recomputed.output));
    QVERIFY2(relativeError(recomputed.input, plain.input) < 1e-5,
             qPrintable(QString::number(relativeError(recomputed.input, plain.input))));
    QCOMPARE(recomputed.params.size(), plain.params.size());
    QCOMPARE(plain.params.size(), net->parameters().size());
    for (size_t i = 0; i < plain.params.size(); ++i) {
      QCOMPARE(recomputed.params[i].first, plain.params[i].first);
      QVERIFY2(plain.params[i].second.defined() && plain.params[i].second.abs().max().item<double>() > 0,
               plain.params[i].first.c_str());
      const double e = relativeError(recomputed.params[i].second, plain.params[i].second);
      QVERIFY2(e < 1e-5, qPrintable(QString("%1: %2").arg(plain.params[i].first.c_str()).arg(e)));
    }
  }

  // Gradients accumulate across two backward passes as without recomputation (the optimiser sees the sum).
  void gradientsAccumulate() {
    UNet net(tiny(2));
    const torch::Tensor x = torch::randn({2, 3, 8, 8}), target = torch::rand({2, 1, 8, 8});
    for (auto& p : net->parameters()) p.mutable_grad() = torch::Tensor();
    torch::mse_loss(net->forward(x), target).backward();
    torch::mse_loss(net->forward(x), target).backward();
    std::vector<torch::Tensor> twice;
    for (const auto& p : net->parameters()) twice.push_back(p.grad().clone());
    const Gradients once = run(net, x, target, false, false);
    for (size_t i = 0; i < once.params.size(); ++i)
      QVERIFY(relativeError(twice[i], 2 * once.params[i].second) < 1e-5);
  }
};

QTEST_APPLESS_MAIN(TestUNetRecompute)
#include "test_unet_recompute.moc"
