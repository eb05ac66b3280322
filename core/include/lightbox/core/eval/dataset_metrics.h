#pragma once
// Metrics of a whole test set at the paper's three scales (SPEC §5.2): sample-wise (one score per image), slice-wise
// (one score per axis-0 slice of a volume) and pixel-wise (every voxel, including background and padding). Every
// prediction is clipped to [0, 1] first; labels are annotation != 0. The caller gives the samples in the reference's
// order (sorted by id); only the batched AP depends on the order.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "lightbox/core/eval/metrics.h"
#include "lightbox/core/eval/pixel_metrics.h"
#include "lightbox/core/grid.h"

namespace lightbox::eval {

/// Labels of an annotation/segmentation: 1 where the value is non-zero. NaN -> std::invalid_argument.
std::vector<uint8_t> labelsFromMask(std::span<const float> annotation);
std::vector<uint8_t> labelsFromMask(std::span<const uint8_t> annotation);

/// Sample-level label: any labelled voxel (the reference's max of the label map).
bool sampleLabel(std::span<const uint8_t> labels);

/// The slice-anomaly rule of Zimmerer et al.: a slice is anomalous iff the fraction of labelled voxels is > 5/128^2
/// (>= 3 voxels of a 112x80 slice, >= 6 of 128x128). Compared exactly in integers (count * 128^2 > 5 * voxels),
/// which equals numpy's float64 mean > 5/128^2 for any slice of fewer than 2^40 voxels.
bool sliceIsAnomalous(int64_t labelledVoxels, int64_t sliceVoxels);
/// One label per axis-0 slice of a 3D label map of `shape`.
std::vector<uint8_t> sliceLabels(std::span<const uint8_t> labels, const Shape& shape);

/// One test image as the metrics see it; views are only valid during the SampleSet call that hands them out.
struct SampleView {
  Shape shape;
  std::span<const float> prediction;  ///< raw prediction (clipped here)
  std::span<const uint8_t> labels;    ///< 0 = normal, else anomalous; same shape
};

/// The test set, one sample at a time, so that the pixel metrics never hold more than they need: an implementation
/// may load each sample from the project file on demand (the pixel metrics visit every sample once per pass).
class SampleSet {
 public:
  virtual ~SampleSet() = default;
  virtual size_t size() const = 0;
  /// Calls `use` with sample `index` (0 <= index < size()).
  virtual void withSample(size_t index, const std::function<void(const SampleView&)>& use) const = 0;
};

/// Samples held in memory.
class InMemorySampleSet final : public SampleSet {
 public:
  /// Throws std::invalid_argument when the sizes disagree with the shape.
  void add(const Shape& shape, std::vector<float> prediction, std::vector<uint8_t> labels);
  size_t size() const override { return samples_.size(); }
  void withSample(size_t index, const std::function<void(const SampleView&)>& use) const override;

 private:
  struct Sample {
    Shape shape;
    std::vector<float> prediction;
    std::vector<uint8_t> labels;
  };
  std::vector<Sample> samples_;
};

/// AP and AUROC of one image-level scale for each of the three aggregations of image_scores.h.
struct AggregatedMetrics {
  MetricValue mean, percentile75, topQuarterMean;
};
struct ImageLevelMetrics {
  AggregatedMetrics averagePrecision, areaUnderRoc;
  size_t items = 0;      ///< images (sample-wise) or slices (slice-wise)
  size_t positives = 0;  ///< anomalous items
};

/// Sample-wise scale (the CXR tables): label = any labelled voxel, scores = aggregations of the whole map.
ImageLevelMetrics sampleLevelMetrics(const SampleSet& samples);
/// Slice-wise scale (the brain tables): every axis-0 slice of every (3D) sample, labels by sliceIsAnomalous.
/// Throws std::invalid_argument for a 2D sample.
ImageLevelMetrics sliceLevelMetrics(const SampleSet& samples);

struct BatchedApOptions {
  size_t batchSize = 20;  ///< images per chunk (the last chunk may be smaller)
  int repeats = 10;       ///< repeat i shuffles the images with np.random.default_rng(seed=i).permutation
  StreamingOptions streaming;
};
struct BatchedAveragePrecision {
  std::vector<double> repeats;  ///< per repeat: mean AP over its chunks
  double mean = 0.0;            ///< np.mean(repeats): the reported value
  double std = 0.0;             ///< np.std(repeats) (population, ddof 0)
  /// Chunks with no positive voxel, summed over repeats: each scored AP 0, as scikit-learn does.
  size_t chunksWithoutPositives = 0;
};
/// Pixel AP "in batches of 20" exactly as the reference: for repeat i, permute the images with numpy's
/// default_rng(i).permutation(N), cut into consecutive chunks of batchSize images, AP over each chunk's voxels,
/// mean over chunks. Throws std::invalid_argument for an empty set, batchSize 0 or repeats < 1.
BatchedAveragePrecision averagePrecisionInBatches(const SampleSet& samples, const BatchedApOptions& options = {});

struct PixelLevelMetrics {
  MetricValue averagePrecision, areaUnderRoc;  ///< over every voxel of the set ("Over entire dset")
  BatchedAveragePrecision batched;             ///< "In batches of 20"
  uint64_t positives = 0, negatives = 0;
};
/// Pixel-wise scale with bounded memory (pixel_metrics.h).
PixelLevelMetrics pixelLevelMetrics(const SampleSet& samples, const BatchedApOptions& options = {});

/// The clipped pixels of the samples at `indices` (all samples when empty), one chunk per sample. The source refers
/// to `samples`, which must outlive it.
PixelSource clippedPixelSource(const SampleSet& samples, std::vector<size_t> indices = {});

}  // namespace lightbox::eval
