#pragma once
// Training/validation batches generated ahead of the optimiser by worker threads (issue #4 "Data pipeline").
// Torch-free: batches are plain float buffers that the trainer wraps as tensors without copying.
//
// Determinism: batch b of a pipeline holds samples firstSample + b * batchSize ... + batchSize - 1 of the stream
// `seed`. Sample i belongs to epoch e = i / imagesPerEpoch (imagesPerEpoch = the generator's image count) and
// position p = i % imagesPerEpoch; its image is permutation_e[p], where permutation_e is a shuffle of the image
// indices seeded by (seed, e) (the reference shuffles every epoch); its anomalies come from
// Rng::forItem(seed, i). So the batches depend on (seed, firstSample, batchSize) only — never on thread timing or
// on the number of workers — and a resumed run continues the exact stream from its next sample.

#include <cstdint>
#include <memory>
#include <vector>

#include "lightbox/core/training_samples.h"

namespace lightbox::models {

struct BatchPipelineOptions {
  uint64_t seed = 0;
  int64_t firstSample = 0;     ///< resume point: index of the first sample of the first batch
  int batchSize = 8;
  int workers = 1;             ///< sample-generating threads (default in the trainer: cores - 1, at least 1)
  int queueDepth = 4;          ///< batches prepared ahead, at most
  bool withNormal = false;     ///< also return the clean images (validation uses them)
  /// Shuffle the image order per epoch (training). Off: image = sample index % count, in order (validation).
  bool shuffle = true;
};

struct Batch {
  int64_t firstSample = 0;
  int size = 0;                     ///< samples in this batch (the last batch of a finite pipeline may be short)
  Shape spatial;                    ///< shared by all images of the set
  int imageChannels = 0;
  /// size x imageChannels x spatial, channels-first (the augmented images). The positional encoding is NOT
  /// repeated per sample (it would be 67 of 68 channels: 1.5 GB for a paper 3D batch); the network adds it once.
  std::vector<float> input;
  std::shared_ptr<const Image> positionalEncoding;  ///< D + 64 channels x spatial, the same for every sample
  std::vector<float> target;        ///< size x 1 x spatial: the soft labels
  std::vector<float> normalInput;   ///< like `input` for the clean images (only with withNormal)
  std::vector<uint8_t> anomalyMask; ///< size x spatial: union anomaly masks (for pixel AP per task)
  std::vector<int> taskIds;         ///< the task of each sample (TaskId as int)
  std::vector<int> imageIndices;    ///< which image of the set each sample came from
};

class BatchPipeline {
 public:
  /// `sampleCount` < 0: endless (training); otherwise the pipeline ends after that many samples (validation).
  BatchPipeline(std::shared_ptr<const TrainingSampleGenerator> generator, const BatchPipelineOptions& options,
                int64_t sampleCount = -1);
  ~BatchPipeline();  ///< stops and joins the workers promptly
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  /// The next batch in order; blocks until it is ready. Returns false when a finite pipeline is exhausted.
  /// Rethrows (std::runtime_error with the sample index) an exception a worker hit while generating.
  bool next(Batch& batch);
  /// Seconds the caller spent blocked in next() waiting for data (the pipeline's share of the step time).
  double waitSeconds() const;

 private:
  struct Impl;  // threads, queue and locks stay out of the header (the trainer includes it next to LibTorch)
  std::unique_ptr<Impl> impl_;
};

}  // namespace lightbox::models
