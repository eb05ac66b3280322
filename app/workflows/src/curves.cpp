#include "lightbox/workflows/curves.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "lightbox/core/eval/image_scores.h"
#include "lightbox/project/project.h"
#include "working_labels.h"

namespace lightbox::workflows {

namespace {

/// Thrown inside a pixel pass to leave it when the user cancels; never escapes this file.
struct Cancelled {};

std::vector<int> sorted(std::vector<int> folds) {
  std::sort(folds.begin(), folds.end());
  folds.erase(std::unique(folds.begin(), folds.end()), folds.end());
  return folds;
}

/// The model's predictions on the dataset, by image id (runEvaluation's order). Throws std::invalid_argument for an
/// unknown run or dataset or when there are none.
std::vector<project::PredictionInfo> predictionsOf(project::Project& proj, int64_t runId, const std::vector<int>& folds,
                                                   int64_t datasetId) {
  if (!proj.runs().get(runId)) throw std::invalid_argument("the project has no training run " + std::to_string(runId));
  if (!proj.datasets().get(datasetId))
    throw std::invalid_argument("the project has no dataset with id " + std::to_string(datasetId));
  auto list = proj.predictions().list(runId, sorted(folds), datasetId);
  if (list.empty())
    throw std::invalid_argument("run " + std::to_string(runId) + " has no predictions of that model on dataset " +
                                std::to_string(datasetId));
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.imageId < b.imageId; });
  return list;
}

std::string sourcePathOf(project::Project& proj, int64_t imageId) {
  const auto row = proj.images().get(imageId);
  return row ? row->meta.sourcePath : "image " + std::to_string(imageId);
}

/// The clipped map of a prediction, or std::runtime_error naming the image.
std::vector<float> clippedMap(project::Project& proj, const project::PredictionInfo& p, const std::string& path) {
  const auto prediction = proj.predictions().get(p.id);
  if (!prediction) throw std::runtime_error(path + ": its prediction disappeared while the curves were computed");
  std::vector<float> v(prediction->map.values().begin(), prediction->map.values().end());
  if (int64_t(v.size()) != p.shape.count()) throw std::runtime_error(path + ": its map does not fit its shape");
  std::transform(v.begin(), v.end(), v.begin(), eval::clipToUnit);
  return v;
}

}  // namespace

ModelCurves computeCurves(const CurvesParams& params, ProgressSink& progress) {
  project::Project proj = project::Project::open(params.projectPath, project::OpenMode::ReadOnly);
  const auto list = predictionsOf(proj, params.runId, params.folds, params.datasetId);
  ModelCurves out;
  struct Item {
    const project::PredictionInfo* prediction;
    std::vector<uint8_t> labels;
  };
  std::vector<Item> items;
  for (size_t k = 0; k < list.size(); ++k) {
    if (progress.cancelled()) {
      out.cancelled = true;
      return out;
    }
    progress.progress(int64_t(k), int64_t(list.size()), "reading ground truth");
    const auto& p = list[k];
    const std::string path = sourcePathOf(proj, p.imageId);
    auto labels = detail::predictionLabels(proj, p);
    if (!labels) {
      ++out.imagesWithoutGroundTruth;
      continue;
    }
    CurveImage im;
    im.imageId = p.imageId;
    im.predictionId = p.id;
    im.sourcePath = path;
    im.score = p.scores.image.mean;
    im.voxels = int64_t(labels->size());
    im.truthVoxels = std::count(labels->begin(), labels->end(), uint8_t(1));
    im.lesion = im.truthVoxels > 0;
    out.images.push_back(im);
    items.push_back({&p, std::move(*labels)});
  }
  if (items.empty())
    throw std::invalid_argument("no image the model predicted on dataset " + std::to_string(params.datasetId) +
                                " has ground truth (a mask or boxes)");

  std::vector<float> scores;
  std::vector<uint8_t> labels;
  for (const CurveImage& im : out.images) {
    scores.push_back(float(im.score));  // ranked as float, as sampleLevelMetrics ranks the mean
    labels.push_back(im.lesion ? 1 : 0);
  }
  out.sample = eval::exactCurves(scores, labels);

  eval::CurveOptions options;
  options.maxPoints = params.maxPixelPoints;
  options.keepAt = params.keepThresholds;
  int pass = 0;
  const eval::PixelSource source = [&](const eval::PixelChunkSink& sink) {
    ++pass;
    for (size_t k = 0; k < items.size(); ++k) {
      if (progress.cancelled()) throw Cancelled{};
      progress.progress(int64_t(k), int64_t(items.size()), "pixel curves: pass " + std::to_string(pass));
      const std::vector<float> map = clippedMap(proj, *items[k].prediction, out.images[k].sourcePath);
      sink(map, items[k].labels);
    }
  };
  try {
    out.pixel = eval::streamingCurves(source, options);
  } catch (const Cancelled&) {
    out.cancelled = true;
    return out;
  }
  progress.progress(int64_t(items.size()), int64_t(items.size()), "curves ready");
  return out;
}

SampleErrors sampleErrorsAt(const ModelCurves& curves, double threshold) {
  if (std::isnan(threshold)) throw std::invalid_argument("sample errors: NaN threshold");
  SampleErrors out;
  for (const CurveImage& im : curves.images) {
    const bool positive = double(float(im.score)) >= threshold;
    if (positive && !im.lesion) out.falsePositives.push_back(im);
    if (!positive && im.lesion) out.falseNegatives.push_back(im);
  }
  const auto byScore = [](bool descending) {
    return [descending](const CurveImage& a, const CurveImage& b) {
      if (a.score != b.score) return descending ? a.score > b.score : a.score < b.score;
      return a.imageId < b.imageId;
    };
  };
  std::sort(out.falsePositives.begin(), out.falsePositives.end(), byScore(true));
  std::sort(out.falseNegatives.begin(), out.falseNegatives.end(), byScore(false));
  return out;
}

PixelErrors pixelErrorsAt(const PixelErrorsParams& params, ProgressSink& progress) {
  if (std::isnan(params.threshold)) throw std::invalid_argument("pixel errors: NaN threshold");
  project::Project proj = project::Project::open(params.projectPath, project::OpenMode::ReadOnly);
  const auto list = predictionsOf(proj, params.runId, params.folds, params.datasetId);
  PixelErrors out;
  out.threshold = params.threshold;
  std::vector<PixelErrorImage> all;
  for (size_t k = 0; k < list.size(); ++k) {
    if (progress.cancelled()) {
      out.cancelled = true;
      return out;
    }
    progress.progress(int64_t(k), int64_t(list.size()), "counting errors per image");
    const auto& p = list[k];
    const auto labels = detail::predictionLabels(proj, p);
    if (!labels) continue;
    PixelErrorImage im;
    im.imageId = p.imageId;
    im.predictionId = p.id;
    im.sourcePath = sourcePathOf(proj, p.imageId);
    im.score = p.scores.image.mean;
    const std::vector<float> map = clippedMap(proj, p, im.sourcePath);
    im.voxels = int64_t(map.size());
    for (size_t i = 0; i < map.size(); ++i) {
      const bool predicted = double(map[i]) >= params.threshold, truth = (*labels)[i] != 0;
      im.truthVoxels += truth;
      im.truePositives += predicted && truth;
      im.falsePositives += predicted && !truth;
      im.falseNegatives += !predicted && truth;
    }
    out.totalFalsePositives += uint64_t(im.falsePositives);
    out.totalFalseNegatives += uint64_t(im.falseNegatives);
    all.push_back(std::move(im));
  }
  if (all.empty())
    throw std::invalid_argument("no image the model predicted on dataset " + std::to_string(params.datasetId) +
                                " has ground truth (a mask or boxes)");
  for (const auto& im : all) {
    if (im.falsePositives) out.falsePositives.push_back(im);
    if (im.falseNegatives) out.falseNegatives.push_back(im);
  }
  const auto most = [](int64_t PixelErrorImage::*count) {
    return [count](const PixelErrorImage& a, const PixelErrorImage& b) {
      return a.*count != b.*count ? a.*count > b.*count : a.imageId < b.imageId;
    };
  };
  std::sort(out.falsePositives.begin(), out.falsePositives.end(), most(&PixelErrorImage::falsePositives));
  std::sort(out.falseNegatives.begin(), out.falseNegatives.end(), most(&PixelErrorImage::falseNegatives));
  progress.progress(int64_t(list.size()), int64_t(list.size()), "counted");
  return out;
}

}  // namespace lightbox::workflows
