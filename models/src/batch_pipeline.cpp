#include "lightbox/models/batch_pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>

#include "lightbox/core/random.h"

namespace lightbox::models {

namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
// The permutation stream must not coincide with the per-sample stream Rng::forItem(seed, i): with the raw seed,
// epoch e's shuffle would reuse the generator of sample e.
constexpr uint64_t kPermutationStream = 0x5EC0FFEE5EEDULL;

/// The image order of `epoch`: Fisher–Yates (numpy's order: from the end) with Rng::randint, seeded by (seed, epoch).
std::vector<size_t> epochPermutation(uint64_t seed, int64_t epoch, size_t count) {
  std::vector<size_t> order(count);
  std::iota(order.begin(), order.end(), size_t{0});
  Rng rng = Rng::forItem(mixSeed(seed ^ kPermutationStream), uint64_t(epoch));
  for (size_t k = count; k > 1; --k) std::swap(order[k - 1], order[size_t(rng.randint(0, int64_t(k) - 1))]);
  return order;
}

/// A batch being filled: workers write disjoint sample slots of the buffers without the lock once allocated.
struct Slot {
  Batch batch;
  bool allocated = false;
  int done = 0;                  ///< samples finished (successfully or not)
  int64_t errorSample = kNever;  ///< lowest failing sample: the reported one does not depend on thread timing
  std::string errorMessage;
};

// Sizes the buffers after the first finished sample, which is the first moment the shape is known.
void allocate(Batch& b, const TrainingSample& s, bool withNormal) {
  b.spatial = s.synthetic.augmented.shape();
  b.imageChannels = s.synthetic.augmented.channels();
  b.positionalEncoding = s.positionalEncoding;
  const size_t n = size_t(b.size), voxels = size_t(b.spatial.count());
  b.input.assign(n * size_t(b.imageChannels) * voxels, 0.0f);
  b.target.assign(n * voxels, 0.0f);
  if (withNormal) b.normalInput.assign(b.input.size(), 0.0f);
  b.anomalyMask.assign(n * voxels, 0);
  b.taskIds.assign(n, -1);
  b.imageIndices.assign(n, -1);
}

void checkFits(const Batch& b, const TrainingSample& s) {
  if (!(s.synthetic.augmented.shape() == b.spatial) || s.synthetic.augmented.channels() != b.imageChannels ||
      s.synthetic.label.count() != b.spatial.count())
    throw std::runtime_error("images of different shapes or channel counts in one batch");
}

// Copies sample `k` of the batch into its place; runs without the lock (disjoint ranges, buffers never resized).
void copyInto(Batch& b, int k, const TrainingSample& s, bool withNormal) {
  const size_t voxels = size_t(b.spatial.count()), imageValues = size_t(b.imageChannels) * voxels;
  std::memcpy(b.input.data() + size_t(k) * imageValues, s.synthetic.augmented.data(), imageValues * sizeof(float));
  std::memcpy(b.target.data() + size_t(k) * voxels, s.synthetic.label.values().data(), voxels * sizeof(float));
  if (withNormal)
    std::memcpy(b.normalInput.data() + size_t(k) * imageValues, s.normal->data(), imageValues * sizeof(float));
  if (!s.synthetic.anomalyMask.empty())  // an empty mask means "no anomaly": the zeros are already there
    std::memcpy(b.anomalyMask.data() + size_t(k) * voxels, s.synthetic.anomalyMask.values().data(), voxels);
  b.taskIds[size_t(k)] = int(s.synthetic.task);
  b.imageIndices[size_t(k)] = s.imageIndex;
}

}  // namespace

struct BatchPipeline::Impl {
  std::shared_ptr<const TrainingSampleGenerator> generator;
  BatchPipelineOptions options;
  int64_t sampleCount = -1;  ///< < 0: endless

  std::mutex mutex;
  std::condition_variable workCv;   ///< workers: a sample may be claimed, or stop
  std::condition_variable readyCv;  ///< consumer: a batch finished
  std::map<int64_t, Slot> slots;    ///< batch index -> batch in flight; indices in [consumed, consumed + depth)
  int64_t nextClaim = 0;            ///< next sample to generate, relative to options.firstSample
  int64_t consumed = 0;             ///< batches handed out
  int64_t failedBatch = kNever;     ///< no claims past a failed batch: the caller stops there anyway
  bool stopping = false;
  double waitSeconds = 0.0;
  std::vector<std::thread> workers;

  bool finite() const { return sampleCount >= 0; }
  int64_t batchCount() const { return finite() ? (sampleCount + options.batchSize - 1) / options.batchSize : kNever; }
  int batchSizeOf(int64_t b) const {
    return finite() ? int(std::min<int64_t>(options.batchSize, sampleCount - b * options.batchSize))
                    : options.batchSize;
  }
  bool exhausted() const { return finite() && nextClaim >= sampleCount; }
  // The bound on memory: a sample is claimed only if its batch fits in the queueDepth window.
  bool claimable() const {
    const int64_t b = nextClaim / options.batchSize;
    return b < consumed + options.queueDepth && b <= failedBatch;
  }

  void work();
  void generateInto(int64_t relative, std::vector<size_t>& order, int64_t& orderEpoch);
};

void BatchPipeline::Impl::work() {
  std::vector<size_t> order;  // this worker's cached permutation: recomputed once per epoch, not per sample
  int64_t orderEpoch = -1;
  for (;;) {
    int64_t relative;
    {
      std::unique_lock lock(mutex);
      workCv.wait(lock, [&] { return stopping || exhausted() || claimable(); });
      if (stopping || exhausted()) return;
      relative = nextClaim++;
      const int64_t b = relative / options.batchSize;
      if (relative % options.batchSize == 0) {  // claims are in order: the first sample of a batch opens it
        Slot& slot = slots[b];
        slot.batch.firstSample = options.firstSample + relative;
        slot.batch.size = batchSizeOf(b);
      }
    }
    generateInto(relative, order, orderEpoch);
  }
}

void BatchPipeline::Impl::generateInto(int64_t relative, std::vector<size_t>& order, int64_t& orderEpoch) {
  const int64_t b = relative / options.batchSize, k = relative % options.batchSize;
  const int64_t sample = options.firstSample + relative;
  try {
    const size_t images = generator->imageCount();
    size_t image = size_t(sample) % images;
    if (options.shuffle) {
      const int64_t epoch = sample / int64_t(images);
      if (epoch != orderEpoch) order = epochPermutation(options.seed, epoch, images), orderEpoch = epoch;
      image = order[image];
    }
    const TrainingSample s = generator->generate(options.seed, uint64_t(sample), image);
    Batch* batch;
    {
      std::lock_guard lock(mutex);
      if (stopping) return;
      Slot& slot = slots.at(b);
      if (!slot.allocated) allocate(slot.batch, s, options.withNormal), slot.allocated = true;
      checkFits(slot.batch, s);
      batch = &slot.batch;  // std::map nodes do not move; the slot lives until the consumer takes it
    }
    copyInto(*batch, int(k), s, options.withNormal);
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex);
    Slot& slot = slots.at(b);
    if (sample < slot.errorSample) slot.errorSample = sample, slot.errorMessage = e.what();
    failedBatch = std::min(failedBatch, b);
  } catch (...) {
    std::lock_guard lock(mutex);
    Slot& slot = slots.at(b);
    if (sample < slot.errorSample) slot.errorSample = sample, slot.errorMessage = "unknown exception";
    failedBatch = std::min(failedBatch, b);
  }
  std::lock_guard lock(mutex);
  Slot& slot = slots.at(b);
  if (++slot.done == slot.batch.size) readyCv.notify_all();
}

BatchPipeline::BatchPipeline(std::shared_ptr<const TrainingSampleGenerator> generator,
                             const BatchPipelineOptions& options, int64_t sampleCount)
    : impl_(std::make_unique<Impl>()) {
  if (!generator) throw std::invalid_argument("batch pipeline without a sample generator");
  if (options.batchSize < 1) throw std::invalid_argument("batch size must be at least 1");
  if (options.queueDepth < 1) throw std::invalid_argument("queue depth must be at least 1");
  if (options.firstSample < 0) throw std::invalid_argument("first sample must not be negative");
  impl_->generator = std::move(generator);
  impl_->options = options;
  impl_->sampleCount = sampleCount;
  const int workers = std::max(1, options.workers);
  for (int w = 0; w < workers; ++w) impl_->workers.emplace_back([impl = impl_.get()] { impl->work(); });
}

BatchPipeline::~BatchPipeline() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->workCv.notify_all();
  // A worker inside generate() finishes that one sample (synthesis cannot be interrupted); blocked ones leave now.
  for (std::thread& t : impl_->workers) t.join();
}

bool BatchPipeline::next(Batch& batch) {
  Impl& p = *impl_;
  std::unique_lock lock(p.mutex);
  if (p.consumed >= p.batchCount()) return false;
  const auto start = std::chrono::steady_clock::now();
  std::map<int64_t, Slot>::iterator it;
  p.readyCv.wait(lock, [&] {
    it = p.slots.find(p.consumed);
    return it != p.slots.end() && it->second.done == it->second.batch.size;
  });
  p.waitSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (it->second.errorSample != kNever)  // the slot stays: every later call reports the same failure
    throw std::runtime_error("generating training sample " + std::to_string(it->second.errorSample) +
                             " failed: " + it->second.errorMessage);
  batch = std::move(it->second.batch);
  p.slots.erase(it);
  ++p.consumed;
  lock.unlock();
  p.workCv.notify_all();  // the window moved: workers may claim the next batch
  return true;
}

double BatchPipeline::waitSeconds() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->waitSeconds;
}

}  // namespace lightbox::models
