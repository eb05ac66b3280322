#include "lightbox/core/eval/dataset_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "lightbox/core/eval/image_scores.h"
#include "lightbox/core/eval/numpy_permutation.h"

namespace lightbox::eval {

std::vector<uint8_t> labelsFromMask(std::span<const float> annotation) {
  std::vector<uint8_t> labels(annotation.size());
  for (size_t i = 0; i < annotation.size(); ++i) {
    if (std::isnan(annotation[i])) throw std::invalid_argument("labelsFromMask: NaN in the annotation");
    labels[i] = annotation[i] != 0.0f ? 1 : 0;
  }
  return labels;
}

std::vector<uint8_t> labelsFromMask(std::span<const uint8_t> annotation) {
  std::vector<uint8_t> labels(annotation.size());
  for (size_t i = 0; i < annotation.size(); ++i) labels[i] = annotation[i] != 0 ? 1 : 0;
  return labels;
}

bool sampleLabel(std::span<const uint8_t> labels) {
  return std::any_of(labels.begin(), labels.end(), [](uint8_t l) { return l != 0; });
}

bool sliceIsAnomalous(int64_t labelledVoxels, int64_t sliceVoxels) {
  if (sliceVoxels <= 0 || labelledVoxels < 0 || labelledVoxels > sliceVoxels)
    throw std::invalid_argument("sliceIsAnomalous: " + std::to_string(labelledVoxels) + " labelled of " +
                                std::to_string(sliceVoxels) + " voxels");
  return labelledVoxels * (128 * 128) > 5 * sliceVoxels;
}

std::vector<uint8_t> sliceLabels(std::span<const uint8_t> labels, const Shape& shape) {
  if (shape.ndim != 3) throw std::invalid_argument("sliceLabels: needs a 3D label map, got " + shape.toString());
  if (int64_t(labels.size()) != shape.count())
    throw std::invalid_argument("sliceLabels: " + std::to_string(labels.size()) + " labels for shape " +
                                shape.toString());
  const int64_t perSlice = shape[1] * shape[2];
  std::vector<uint8_t> out(static_cast<size_t>(shape[0]));
  for (int64_t z = 0; z < shape[0]; ++z) {
    const auto first = labels.begin() + std::ptrdiff_t(z * perSlice);
    const int64_t count = std::count_if(first, first + std::ptrdiff_t(perSlice), [](uint8_t l) { return l != 0; });
    out[size_t(z)] = sliceIsAnomalous(count, perSlice) ? 1 : 0;
  }
  return out;
}

void InMemorySampleSet::add(const Shape& shape, std::vector<float> prediction, std::vector<uint8_t> labels) {
  if (shape.ndim != 2 && shape.ndim != 3)
    throw std::invalid_argument("InMemorySampleSet: only 2D and 3D samples, got " + shape.toString());
  if (int64_t(prediction.size()) != shape.count() || int64_t(labels.size()) != shape.count())
    throw std::invalid_argument("InMemorySampleSet: sample " + std::to_string(samples_.size()) + " has " +
                                std::to_string(prediction.size()) + " predictions and " +
                                std::to_string(labels.size()) + " labels for shape " + shape.toString());
  samples_.push_back({shape, std::move(prediction), std::move(labels)});
}

void InMemorySampleSet::withSample(size_t index, const std::function<void(const SampleView&)>& use) const {
  if (index >= samples_.size())
    throw std::invalid_argument("InMemorySampleSet: no sample " + std::to_string(index) + " of " +
                                std::to_string(samples_.size()));
  const Sample& s = samples_[index];
  use({s.shape, s.prediction, s.labels});
}

namespace {

void checkView(const SampleView& v, size_t index) {
  if (int64_t(v.prediction.size()) != v.shape.count() || int64_t(v.labels.size()) != v.shape.count())
    throw std::invalid_argument("sample " + std::to_string(index) + ": " + std::to_string(v.prediction.size()) +
                                " predictions and " + std::to_string(v.labels.size()) + " labels for shape " +
                                v.shape.toString());
}

// AP and AUROC of each aggregation over the items.
ImageLevelMetrics rankItems(const std::vector<ImageScores>& scores, const std::vector<uint8_t>& labels) {
  ImageLevelMetrics m;
  m.items = labels.size();
  m.positives = size_t(std::count(labels.begin(), labels.end(), uint8_t(1)));
  auto metricsOf = [&](double ImageScores::*field, MetricValue& ap, MetricValue& auroc) {
    // Rounded to float for the shared metric functions, as the reference ranks float32 aggregates of float32 maps.
    std::vector<float> s(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) s[i] = float(scores[i].*field);
    ap = averagePrecision(s, labels);
    auroc = areaUnderRoc(s, labels);
  };
  metricsOf(&ImageScores::mean, m.averagePrecision.mean, m.areaUnderRoc.mean);
  metricsOf(&ImageScores::percentile75, m.averagePrecision.percentile75, m.areaUnderRoc.percentile75);
  metricsOf(&ImageScores::topQuarterMean, m.averagePrecision.topQuarterMean, m.areaUnderRoc.topQuarterMean);
  return m;
}

}  // namespace

ImageLevelMetrics sampleLevelMetrics(const SampleSet& samples) {
  std::vector<ImageScores> scores;
  std::vector<uint8_t> labels;
  for (size_t i = 0; i < samples.size(); ++i)
    samples.withSample(i, [&](const SampleView& v) {
      checkView(v, i);
      scores.push_back(imageScores(v.prediction));
      labels.push_back(sampleLabel(v.labels) ? 1 : 0);
    });
  return rankItems(scores, labels);
}

ImageLevelMetrics sliceLevelMetrics(const SampleSet& samples) {
  std::vector<ImageScores> scores;
  std::vector<uint8_t> labels;
  for (size_t i = 0; i < samples.size(); ++i)
    samples.withSample(i, [&](const SampleView& v) {
      checkView(v, i);
      if (v.shape.ndim != 3)
        throw std::invalid_argument("sliceLevelMetrics: sample " + std::to_string(i) + " is not 3D (" +
                                    v.shape.toString() + ")");
      const std::vector<ImageScores> s = sliceScores(v.prediction, v.shape);
      const std::vector<uint8_t> l = sliceLabels(v.labels, v.shape);
      scores.insert(scores.end(), s.begin(), s.end());
      labels.insert(labels.end(), l.begin(), l.end());
    });
  return rankItems(scores, labels);
}

PixelSource clippedPixelSource(const SampleSet& samples, std::vector<size_t> indices) {
  if (indices.empty()) {
    indices.resize(samples.size());
    std::iota(indices.begin(), indices.end(), size_t{0});
  }
  return [&samples, indices = std::move(indices)](const PixelChunkSink& sink) {
    std::vector<float> clipped;
    for (size_t i : indices)
      samples.withSample(i, [&](const SampleView& v) {
        checkView(v, i);
        clipped.resize(v.prediction.size());
        std::transform(v.prediction.begin(), v.prediction.end(), clipped.begin(), clipToUnit);
        sink(clipped, v.labels);
      });
  };
}

BatchedAveragePrecision averagePrecisionInBatches(const SampleSet& samples, const BatchedApOptions& options) {
  if (samples.size() == 0) throw std::invalid_argument("averagePrecisionInBatches: no samples");
  if (options.batchSize == 0) throw std::invalid_argument("averagePrecisionInBatches: batch size 0");
  if (options.repeats < 1)
    throw std::invalid_argument("averagePrecisionInBatches: repeats must be at least 1, got " +
                                std::to_string(options.repeats));
  BatchedAveragePrecision result;
  const size_t n = samples.size();
  for (int repeat = 0; repeat < options.repeats; ++repeat) {
    const std::vector<int64_t> order = numpyPermutation(uint64_t(repeat), int64_t(n));
    double sum = 0.0;
    size_t chunks = 0;
    for (size_t start = 0; start < n; start += options.batchSize, ++chunks) {
      std::vector<size_t> chunk(order.begin() + std::ptrdiff_t(start),
                                order.begin() + std::ptrdiff_t(std::min(n, start + options.batchSize)));
      const PixelMetrics m = streamingPixelMetrics(clippedPixelSource(samples, std::move(chunk)), options.streaming);
      if (m.positives == 0) ++result.chunksWithoutPositives;
      sum += m.averagePrecision.value;
    }
    result.repeats.push_back(sum / double(chunks));
  }
  // np.mean and np.std (ddof 0): mean, then the mean of squared deviations.
  result.mean = std::accumulate(result.repeats.begin(), result.repeats.end(), 0.0) / double(result.repeats.size());
  double squares = 0.0;
  for (double r : result.repeats) squares += (r - result.mean) * (r - result.mean);
  result.std = std::sqrt(squares / double(result.repeats.size()));
  return result;
}

PixelLevelMetrics pixelLevelMetrics(const SampleSet& samples, const BatchedApOptions& options) {
  PixelLevelMetrics result;
  const PixelMetrics all = streamingPixelMetrics(clippedPixelSource(samples), options.streaming);
  result.averagePrecision = all.averagePrecision;
  result.areaUnderRoc = all.areaUnderRoc;
  result.positives = all.positives;
  result.negatives = all.negatives;
  result.batched = averagePrecisionInBatches(samples, options);
  return result;
}

}  // namespace lightbox::eval
