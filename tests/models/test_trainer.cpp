// The fold trainer on tiny phantom images (32x32, a 3-level U-Net with 4 base features): reproducibility,
// cancel-and-resume equal to an uninterrupted run, checkpoints, NaN handling, and a short run that learns.
#include <QtTest>

#include <cmath>
#include <vector>

#include <ATen/ops/cat.h>
#include <c10/core/InferenceMode.h>

#include "lightbox/core/phantoms.h"
#include "lightbox/core/positional_encoding.h"
#include "lightbox/models/torch/checkpoint.h"
#include "lightbox/models/trainer.h"

using namespace lightbox;
using namespace lightbox::models;

namespace {

TrainingPreset tinyPreset(int size = 32) {
  TrainingPreset p = cpuQuick2DPreset();
  p.name = "test-tiny";
  p.network = {.dims = 2, .inputChannels = 1 + positionalEncodingChannels(2), .levels = 3, .baseFeatures = 4,
               .featureCap = 16};
  p.inputShape = Shape(size, size);
  p.batchSize = 4;
  return p;
}

TrainerOptions tinyOptions(int64_t steps) {
  TrainerOptions o;
  o.preset = tinyPreset();
  o.trainingTasks = {2, 4};    // sink, intensity: no blend source needed
  o.validationTasks = {0, 3};  // intra-dataset blending (validation images), source deformation
  o.seed = 5;
  o.maxSteps = steps;
  o.validateEvery = 2;
  o.workers = 1;
  o.threads = 2;
  o.device = DeviceKind::Cpu;
  return o;
}

TrainingImages phantoms(int size = 32, int train = 8, int val = 4) {
  return {phantom::imageSet(Shape(size, size), train, 100, true), phantom::imageSet(Shape(size, size), val, 200, true),
          nullptr};
}

struct Recorder : TrainingObserver {
  std::vector<double> losses;
  std::vector<ValidationReport> validations;
  std::vector<CheckpointBlob> latest, best;
  void step(const StepReport& s) override { losses.push_back(s.loss); }
  void validation(const ValidationReport& v) override { validations.push_back(v); }
  void checkpoint(const CheckpointBlob& c) override { (c.best ? best : latest).push_back(c); }
};

// Cancels once `after` steps of this call have been reported.
struct CancelAfter : ProgressSink {
  int after, seen = 0;
  explicit CancelAfter(int n) : after(n) {}
  void progress(long long, long long, const std::string&) override { ++seen; }
  void warning(const std::string&) override {}
  bool cancelled() const override { return seen >= after; }
};

bool sameWeights(UNet& a, UNet& b) {
  const auto pa = a->named_parameters(), pb = b->named_parameters();
  if (pa.size() != pb.size()) return false;
  for (const auto& item : pa)
    if (!torch::equal(item.value(), pb[item.key()])) return false;
  return true;
}

}  // namespace

class TestTrainer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void splitFirstConvolutionEqualsConcatenation() {
    torch::manual_seed(3);
    UNet net(tinyPreset().network);
    const torch::Tensor x = torch::randn({3, 1, 32, 32});
    const torch::Tensor e = torch::randn({1, positionalEncodingChannels(2), 32, 32});
    c10::InferenceMode inference;
    const torch::Tensor split = net->forwardWithEncoding(x, e);
    const torch::Tensor full = net->forward(at::cat({x, e.expand({3, -1, -1, -1})}, 1));
    QVERIFY(torch::allclose(split, full, 1e-4, 1e-5));
  }

  void sameSeedSameFirstLosses() {
    Recorder a, b, c;
    NullProgress none;
    trainFold(tinyOptions(3), phantoms(), nullptr, a, none);
    trainFold(tinyOptions(3), phantoms(), nullptr, b, none);
    TrainerOptions other = tinyOptions(3);
    other.seed = 6;
    trainFold(other, phantoms(), nullptr, c, none);
    QCOMPARE(a.losses.size(), size_t(3));
    QVERIFY(a.losses == b.losses);
    QVERIFY(a.losses != c.losses);
  }

  // Cancel after 3 of 6 steps, resume from the latest checkpoint: the same weights and the same losses as 6 steps
  // in one go (validation every 2 steps in between must not disturb anything).
  void cancelAndResumeEqualsUninterrupted() {
    Recorder whole, first, second;
    NullProgress none;
    const TrainingOutcome w = trainFold(tinyOptions(6), phantoms(), nullptr, whole, none);
    QVERIFY(w.stop == TrainingStop::MaxSteps);
    CancelAfter cancel(3);
    const TrainingOutcome c = trainFold(tinyOptions(6), phantoms(), nullptr, first, cancel);
    QVERIFY(c.stop == TrainingStop::Cancelled);
    QCOMPARE(c.steps, int64_t(3));
    QCOMPARE(first.latest.back().step, int64_t(3));
    const TrainingOutcome r = trainFold(tinyOptions(6), phantoms(), &first.latest.back(), second, none);
    QVERIFY(r.stop == TrainingStop::MaxSteps);
    QCOMPARE(r.steps, int64_t(6));
    std::vector<double> joined = first.losses;
    joined.insert(joined.end(), second.losses.begin(), second.losses.end());
    QVERIFY(joined == whole.losses);
    UNet a = loadNetwork(whole.latest.back().bytes), b = loadNetwork(second.latest.back().bytes);
    QVERIFY(sameWeights(a, b));
    QCOMPARE(second.validations.back().loss, whole.validations.back().loss);
  }

  void checkpointRoundTrip() {
    Recorder rec;
    NullProgress none;
    trainFold(tinyOptions(2), phantoms(), nullptr, rec, none);
    QVERIFY(!rec.best.empty());
    const CheckpointBlob& cp = rec.latest.back();
    QVERIFY(cp.stateJson.find("\"next_sample\":8") != std::string::npos);
    QCOMPARE(checkpointNetwork(cp.bytes), tinyPreset().network);
    UNet a = loadNetwork(cp.bytes), b = loadNetwork(cp.bytes);
    const torch::Tensor x = torch::randn({2, 1, 32, 32});
    const torch::Tensor e = torch::randn({1, positionalEncodingChannels(2), 32, 32});
    c10::InferenceMode inference;
    QVERIFY(torch::equal(a->forwardWithEncoding(x, e), b->forwardWithEncoding(x, e)));
    UNet fresh(tinyPreset().network);
    const TrainerState s = restoreCheckpoint(cp.bytes, fresh, nullptr, torch::kCPU);
    QCOMPARE(s.step, int64_t(2));
    QVERIFY(s.averageStarted);
    QVERIFY(sameWeights(fresh, a));
  }

  void hugeLearningRateStopsWithAMessage() {
    TrainerOptions o = tinyOptions(40);
    o.preset.schedule.baseLr = 1e30;
    o.preset.schedule.warmupSteps = 0;
    Recorder rec;
    NullProgress none;
    const TrainingOutcome r = trainFold(o, phantoms(), nullptr, rec, none);
    QVERIFY2(r.stop == TrainingStop::Failed, r.message.c_str());
    QVERIFY2(r.message.find("NaN") != std::string::npos, r.message.c_str());
    QVERIFY(r.steps < 40);
  }

  void rejectsImagesOfTheWrongSize() {
    Recorder rec;
    NullProgress none;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainFold(tinyOptions(1), phantoms(48), nullptr, rec, none));
  }

  // ~10 s: the cpu-quick network on 64x64 phantoms learns to find held-out synthetic anomalies.
  void shortRunReducesTheValidationLoss() {
    TrainerOptions o = tinyOptions(0);
    o.preset = cpuQuick2DPreset();
    o.maxSteps = 120;
    o.validateEvery = 40;
    o.maxSeconds = 600;  // only a guard against a hang: the test must not depend on how busy the machine is
    Recorder rec;
    NullProgress none;
    QElapsedTimer t;
    t.start();
    const TrainingOutcome r = trainFold(o, phantoms(64, 16, 8), nullptr, rec, none);
    qInfo("cpu-quick-2d: %lld steps in %.1f s (%.2f steps/s, data wait %.1f %%)", (long long)r.steps,
          t.elapsed() / 1000.0, r.stepsPerSecond, 100 * r.dataWaitFraction);
    QVERIFY(rec.validations.size() >= 2);
    for (const auto& v : rec.validations) {
      QString aps;
      for (const auto& [task, ap] : v.pixelAp) aps += QString(" task%1 AP %2").arg(task).arg(ap, 0, 'f', 3);
      qInfo("step %lld val %.4f%s", (long long)v.step, v.loss, qPrintable(aps));
    }
    QVERIFY2(rec.validations.back().loss < rec.validations.front().loss, "validation loss did not fall");
  }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
