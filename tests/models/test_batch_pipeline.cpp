// The training data pipeline (issue #4): order and content independent of worker count and resume point, one
// shuffle per epoch, finite pipelines, bounded read-ahead, error propagation and prompt shutdown. Torch-free.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include "lightbox/core/phantoms.h"
#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/models/batch_pipeline.h"

using namespace lightbox;
using namespace lightbox::models;
using namespace std::chrono_literals;

namespace {

// Wraps a real task to count samples (one anomaly per sample: maxAnomalies = 1), to slow it down, or to fail on
// one image, recognised by its first voxel.
class ProbeTask : public AnomalyTask {
 public:
  ProbeTask(std::shared_ptr<const AnomalyTask> inner, std::atomic<int>* calls,
            float poisonFirstVoxel = std::numeric_limits<float>::quiet_NaN(), std::chrono::milliseconds delay = 0ms)
      : inner_(std::move(inner)), calls_(calls), poison_(poisonFirstVoxel), delay_(delay) {}
  TaskId id() const override { return inner_->id(); }
  void insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng, ImageRangeTracker& ranges) const override {
    if (calls_) ++*calls_;
    if (delay_ > 0ms) std::this_thread::sleep_for(delay_);
    if (image.data()[0] == poison_) throw std::runtime_error("poisoned image");
    inner_->insert(image, box, shape, rng, ranges);
  }

 private:
  std::shared_ptr<const AnomalyTask> inner_;
  std::atomic<int>* calls_;
  float poison_;
  std::chrono::milliseconds delay_;
};

TaskSettings oneAnomaly() {
  TaskSettings s;
  s.maxAnomalies = 1;
  return s;
}

std::shared_ptr<const ImageSet> images(int count) { return phantom::imageSet(Shape(32, 32), count, 7, false); }

std::shared_ptr<const TrainingSampleGenerator> realGenerator(int imageCount = 5) {
  const auto set = images(imageCount);
  const std::vector tasks{makeTask(TaskId::Intensity, TaskSettings{}, {}), makeTask(TaskId::Sink, TaskSettings{}, {})};
  return std::make_shared<TrainingSampleGenerator>(set, tasks, TaskSettings{}, 0.5);
}

std::shared_ptr<const TrainingSampleGenerator> probeGenerator(std::atomic<int>* calls, int imageCount = 5,
                                                              int poisonImage = -1,
                                                              std::chrono::milliseconds delay = 0ms) {
  const auto set = images(imageCount);
  const float poison = poisonImage >= 0 ? (*set)[size_t(poisonImage)]->image.data()[0]
                                        : std::numeric_limits<float>::quiet_NaN();
  const std::vector<std::shared_ptr<const AnomalyTask>> tasks{
      std::make_shared<ProbeTask>(makeTask(TaskId::Intensity, oneAnomaly(), {}), calls, poison, delay)};
  return std::make_shared<TrainingSampleGenerator>(set, tasks, oneAnomaly(), 0.0);
}

std::vector<Batch> take(BatchPipeline& pipeline, int count) {
  std::vector<Batch> out{size_t(count)};
  for (Batch& b : out)
    if (!pipeline.next(b)) throw std::runtime_error("pipeline ended early");
  return out;
}

bool same(const Batch& a, const Batch& b) {
  return a.firstSample == b.firstSample && a.size == b.size && a.spatial == b.spatial &&
         a.imageChannels == b.imageChannels && a.input == b.input && a.target == b.target &&
         a.normalInput == b.normalInput && a.anomalyMask == b.anomalyMask && a.taskIds == b.taskIds &&
         a.imageIndices == b.imageIndices && a.positionalEncoding == b.positionalEncoding;
}

// The sample counter once the workers have stopped producing (they block on the full queue).
int settled(const std::atomic<int>& calls) {
  int last = -1, stableFor = 0;
  for (int i = 0; i < 250 && stableFor < 10; ++i) {
    std::this_thread::sleep_for(20ms);
    const int now = calls.load();
    stableFor = now == last ? stableFor + 1 : 0;
    last = now;
  }
  return last;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

class TestBatchPipeline : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void batchLayout() {
    BatchPipeline pipeline(realGenerator(), {.seed = 1, .batchSize = 3, .withNormal = true});
    Batch b;
    QVERIFY(pipeline.next(b));
    QCOMPARE(b.firstSample, qint64(0));
    QCOMPARE(b.size, 3);
    QCOMPARE(b.spatial, Shape(32, 32));
    QCOMPARE(b.imageChannels, 1);
    QCOMPARE(b.input.size(), size_t(3 * 32 * 32));
    QCOMPARE(b.normalInput.size(), b.input.size());
    QCOMPARE(b.target.size(), size_t(3 * 32 * 32));
    QCOMPARE(b.anomalyMask.size(), size_t(3 * 32 * 32));
    QCOMPARE(b.taskIds.size(), size_t(3));
    QVERIFY(b.positionalEncoding);
    QCOMPARE(b.positionalEncoding->channels(), 66);  // D + 64
    // Sample k of the batch is sample firstSample + k of the stream, in place.
    const auto gen = realGenerator();
    for (int k = 0; k < 3; ++k) {
      const TrainingSample s = gen->generate(1, uint64_t(k), size_t(b.imageIndices[size_t(k)]));
      const std::vector<float> input(b.input.begin() + k * 1024, b.input.begin() + (k + 1) * 1024);
      QCOMPARE(input, s.synthetic.augmented.values());
      QCOMPARE(b.taskIds[size_t(k)], int(s.synthetic.task));
    }
    BatchPipeline noNormal(realGenerator(), {.seed = 1, .batchSize = 3});
    QVERIFY(noNormal.next(b));
    QVERIFY(b.normalInput.empty());
  }

  void workerCountDoesNotMatter() {
    BatchPipeline one(realGenerator(), {.seed = 42, .batchSize = 4, .workers = 1, .withNormal = true});
    BatchPipeline three(realGenerator(), {.seed = 42, .batchSize = 4, .workers = 3, .withNormal = true});
    const std::vector<Batch> a = take(one, 6), b = take(three, 6);
    for (size_t i = 0; i < a.size(); ++i) QVERIFY2(same(a[i], b[i]), qPrintable(QString("batch %1").arg(i)));
    BatchPipeline otherSeed(realGenerator(), {.seed = 43, .batchSize = 4, .workers = 3});
    QVERIFY(take(otherSeed, 1)[0].input != a[0].input);
  }

  // A pipeline started at sample k continues the stream of one started at 0, whether or not k is on a batch edge.
  void resumeContinuesTheStream() {
    BatchPipeline fromStart(realGenerator(), {.seed = 9, .batchSize = 4, .workers = 2});
    const std::vector<Batch> all = take(fromStart, 6);
    BatchPipeline resumed(realGenerator(), {.seed = 9, .firstSample = 8, .batchSize = 4, .workers = 3});
    const std::vector<Batch> tail = take(resumed, 4);
    for (size_t i = 0; i < tail.size(); ++i) QVERIFY(same(tail[i], all[i + 2]));

    BatchPipeline offEdge(realGenerator(), {.seed = 9, .firstSample = 5, .batchSize = 4, .workers = 2});
    const std::vector<Batch> shifted = take(offEdge, 4);  // samples 5..20
    for (int sample = 5; sample < 21; ++sample) {
      const Batch& a = all[size_t(sample / 4)];
      const Batch& b = shifted[size_t((sample - 5) / 4)];
      const int ka = sample % 4, kb = (sample - 5) % 4;
      QCOMPARE(b.imageIndices[size_t(kb)], a.imageIndices[size_t(ka)]);
      QVERIFY(std::equal(b.input.begin() + kb * 1024, b.input.begin() + (kb + 1) * 1024, a.input.begin() + ka * 1024));
    }
  }

  void everyEpochIsAPermutation() {
    std::atomic<int> calls = 0;
    const int images = 7, epochs = 6;
    BatchPipeline pipeline(probeGenerator(&calls, images), {.seed = 5, .batchSize = 3, .workers = 3});
    std::vector<int> order;
    while (int(order.size()) < images * epochs) {
      Batch b;
      QVERIFY(pipeline.next(b));
      order.insert(order.end(), b.imageIndices.begin(), b.imageIndices.end());
    }
    std::vector<int> identity(images);
    std::iota(identity.begin(), identity.end(), 0);
    int shuffledEpochs = 0, distinctFromPrevious = 0;
    for (int e = 0; e < epochs; ++e) {
      std::vector<int> epoch(order.begin() + e * images, order.begin() + (e + 1) * images);
      shuffledEpochs += epoch != identity;
      if (e > 0) distinctFromPrevious += !std::equal(epoch.begin(), epoch.end(), order.begin() + (e - 1) * images);
      std::sort(epoch.begin(), epoch.end());
      QCOMPARE(epoch, identity);  // each image exactly once per epoch
    }
    QVERIFY(shuffledEpochs >= epochs - 1);   // 1/5040 chance per epoch of the identity
    QVERIFY(distinctFromPrevious >= epochs - 2);  // a fresh shuffle every epoch

    BatchPipeline inOrder(probeGenerator(&calls, images), {.seed = 5, .batchSize = 3, .shuffle = false}, 21);
    Batch b;
    for (int sample = 0; inOrder.next(b);)
      for (int k = 0; k < b.size; ++k, ++sample) QCOMPARE(b.imageIndices[size_t(k)], sample % images);
  }

  void finitePipelineEndsWithShortBatch() {
    std::atomic<int> calls = 0;
    BatchPipeline pipeline(probeGenerator(&calls), {.batchSize = 4, .workers = 3, .shuffle = false}, 10);
    Batch b;
    QVERIFY(pipeline.next(b));
    QCOMPARE(b.size, 4);
    QVERIFY(pipeline.next(b));
    QCOMPARE(b.firstSample, qint64(4));
    QVERIFY(pipeline.next(b));
    QCOMPARE(b.firstSample, qint64(8));
    QCOMPARE(b.size, 2);
    QCOMPARE(b.input.size(), size_t(2 * 32 * 32));
    QCOMPARE(b.imageIndices, (std::vector<int>{3, 4}));
    QVERIFY(!pipeline.next(b));
    QVERIFY(!pipeline.next(b));
    QCOMPARE(calls.load(), 10);  // nothing generated past the end

    BatchPipeline empty(probeGenerator(&calls), {.batchSize = 4}, 0);
    QVERIFY(!empty.next(b));
  }

  // Workers stop queueDepth batches ahead of the consumer: at most queueDepth batches exist inside the pipeline.
  void readAheadIsBounded() {
    std::atomic<int> calls = 0;
    BatchPipeline pipeline(probeGenerator(&calls), {.batchSize = 4, .workers = 3, .queueDepth = 3});
    QCOMPARE(settled(calls), 3 * 4);
    Batch b;
    QVERIFY(pipeline.next(b));
    QCOMPARE(settled(calls), 4 * 4);
    QVERIFY(pipeline.next(b));
    QVERIFY(pipeline.next(b));
    QCOMPARE(settled(calls), 6 * 4);
  }

  void workerErrorsReachTheCaller() {
    std::atomic<int> calls = 0;
    BatchPipeline pipeline(probeGenerator(&calls, 5, 2), {.batchSize = 2, .workers = 3, .shuffle = false});
    Batch b;
    QVERIFY(pipeline.next(b));  // samples 0 and 1 are fine
    for (int attempt = 0; attempt < 2; ++attempt) {  // and the failure stays reported
      try {
        pipeline.next(b);
        QFAIL("no exception");
      } catch (const std::runtime_error& e) {
        const QString message = e.what();
        QVERIFY2(message.contains("sample 2") && message.contains("poisoned image"), e.what());
      }
    }
  }

  void destructorIsPrompt() {
    std::atomic<int> calls = 0;
    auto blocked = std::make_unique<BatchPipeline>(probeGenerator(&calls),
                                                   BatchPipelineOptions{.batchSize = 4, .workers = 3, .queueDepth = 2});
    QCOMPARE(settled(calls), 8);  // queue full, all workers waiting
    auto start = std::chrono::steady_clock::now();
    blocked.reset();
    QVERIFY2(secondsSince(start) < 0.5, qPrintable(QString::number(secondsSince(start))));  // ~1 ms; slack for load

    // Busy workers finish only the sample in hand (100 ms), not the queue's worth (8 x 100 ms / 2 workers).
    auto busy = std::make_unique<BatchPipeline>(probeGenerator(&calls, 5, -1, 100ms),
                                                BatchPipelineOptions{.batchSize = 4, .workers = 2, .queueDepth = 2});
    std::this_thread::sleep_for(20ms);
    start = std::chrono::steady_clock::now();
    busy.reset();
    QVERIFY2(secondsSince(start) < 0.3, qPrintable(QString::number(secondsSince(start))));
  }

  void waitTimeIsMeasured() {
    std::atomic<int> calls = 0;
    BatchPipeline pipeline(probeGenerator(&calls, 5, -1, 20ms), {.batchSize = 2, .workers = 1});
    QCOMPARE(pipeline.waitSeconds(), 0.0);
    Batch b;
    QVERIFY(pipeline.next(b));
    QVERIFY(pipeline.waitSeconds() > 0.02);
  }

  void invalidOptions() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BatchPipeline(nullptr, {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BatchPipeline(realGenerator(), {.batchSize = 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BatchPipeline(realGenerator(), {.queueDepth = 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BatchPipeline(realGenerator(), {.firstSample = -1}));
  }
};

QTEST_GUILESS_MAIN(TestBatchPipeline)
#include "test_batch_pipeline.moc"
