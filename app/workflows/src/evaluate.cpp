#include "lightbox/workflows/evaluate.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lightbox/core/eval/dataset_metrics.h"
#include "lightbox/project/findings_csv.h"
#include "lightbox/project/project.h"
#include "working_labels.h"

namespace lightbox::workflows {

using nlohmann::json;

namespace {

/// The test set of one model: labels in memory (one byte per voxel), maps decoded from the project when visited.
class ProjectSampleSet final : public eval::SampleSet {
 public:
  ProjectSampleSet(project::Project& p) : p_(p) {}
  void add(int64_t predictionId, Shape shape, std::vector<uint8_t> labels) {
    items_.push_back({predictionId, shape, std::move(labels)});
  }
  size_t size() const override { return items_.size(); }
  void withSample(size_t index, const std::function<void(const eval::SampleView&)>& use) const override {
    const Item& item = items_[index];
    const auto prediction = p_.predictions().get(item.predictionId);
    if (!prediction) throw std::runtime_error("a prediction disappeared while it was evaluated");
    use({item.shape, prediction->map.values(), item.labels});
  }

 private:
  struct Item {
    int64_t predictionId;
    Shape shape;
    std::vector<uint8_t> labels;
  };
  project::Project& p_;
  std::vector<Item> items_;
};

ScaleFigures imageScale(const char* name, const eval::ImageLevelMetrics& m) {
  ScaleFigures s{name, m.averagePrecision.mean.value, m.areaUnderRoc.mean.value, {}, {}, int64_t(m.items),
                 int64_t(m.positives), {}};
  for (const auto* v : {&m.averagePrecision.mean, &m.areaUnderRoc.mean})
    if (v->warning) s.warnings.push_back(*v->warning);
  return s;
}

}  // namespace

EvaluateResult runEvaluation(const EvaluateParams& params, ProgressSink& progress) {
  project::Project proj = project::Project::open(params.projectPath, project::OpenMode::ReadOnly);
  if (!proj.runs().get(params.runId)) throw std::invalid_argument("the project has no training run " + std::to_string(params.runId));
  const std::vector<project::PredictionInfo> all = proj.predictions().list(params.runId);
  if (all.empty()) throw std::invalid_argument("run " + std::to_string(params.runId) + " has no predictions yet (run predict first)");
  std::optional<int64_t> onlyDataset;
  if (!params.dataset.empty()) {
    const auto d = proj.datasets().findByName(params.dataset);
    if (!d) throw std::invalid_argument("the project has no dataset named '" + params.dataset + "'");
    onlyDataset = d->id;
  }
  // dataset -> model (folds) -> predictions, images in id order (the reference sorts its test items by id)
  std::map<int64_t, std::map<std::vector<int>, std::vector<project::PredictionInfo>>> groups;
  size_t widest = 0;
  for (const auto& p : all) {
    if (onlyDataset && p.datasetId != *onlyDataset) continue;
    groups[p.datasetId][p.folds].push_back(p);
    widest = std::max(widest, p.folds.size());
  }
  if (groups.empty()) throw std::invalid_argument("run " + std::to_string(params.runId) + " has no predictions on dataset '" + params.dataset + "'");

  EvaluateResult result;
  result.runId = params.runId;
  json out = {{"run", params.runId}, {"datasets", json::array()}};
  std::map<int64_t, std::string> datasetNames;
  for (const auto& d : proj.datasets().list()) datasetNames[d.dataset.id] = d.dataset.name;
  for (auto& [datasetId, models] : groups) {
    DatasetFigures df;
    df.dataset = datasetNames[datasetId];
    json dj = {{"dataset", df.dataset}, {"models", json::array()}};
    std::map<int64_t, std::optional<std::vector<uint8_t>>> labelCache;  // by image; shared by the models
    for (auto& [folds, predictions] : models) {
      progress.progress(0, 0, "evaluating " + df.dataset + " folds " + json(folds).dump());
      std::sort(predictions.begin(), predictions.end(), [](const auto& a, const auto& b) { return a.imageId < b.imageId; });
      ProjectSampleSet samples(proj);
      int missing = 0;
      bool volumes = true;
      for (const auto& p : predictions) {
        if (progress.cancelled()) throw std::runtime_error("cancelled");
        if (!labelCache.count(p.imageId)) labelCache[p.imageId] = detail::predictionLabels(proj, p);
        const auto& labels = labelCache[p.imageId];
        if (!labels) {
          ++missing;
          continue;
        }
        volumes = volumes && p.shape.ndim == 3;
        samples.add(p.id, p.shape, *labels);
      }
      df.imagesWithoutGroundTruth = std::max(df.imagesWithoutGroundTruth, missing);
      if (samples.size() == 0) continue;
      ModelFigures mf{folds, folds.size() == widest && widest > 1, int(samples.size()), {}};
      mf.scales.push_back(imageScale("sample", eval::sampleLevelMetrics(samples)));
      if (volumes) mf.scales.push_back(imageScale("slice", eval::sliceLevelMetrics(samples)));
      const eval::PixelLevelMetrics px = eval::pixelLevelMetrics(samples);
      ScaleFigures ps{"pixel", px.averagePrecision.value, px.areaUnderRoc.value, px.batched.mean, px.batched.std,
                      int64_t(px.positives + px.negatives), int64_t(px.positives), {}};
      for (const auto* v : {&px.averagePrecision, &px.areaUnderRoc})
        if (v->warning) ps.warnings.push_back(*v->warning);
      if (px.batched.chunksWithoutPositives)
        ps.warnings.push_back(std::to_string(px.batched.chunksWithoutPositives) +
                              " chunks of 20 images had no anomalous voxel and scored AP 0 (as scikit-learn)");
      mf.scales.push_back(ps);
      json mj = {{"folds", folds}, {"ensemble", mf.ensemble}, {"images", mf.images}, {"scales", json::object()}};
      for (const auto& s : mf.scales) {
        json sj = {{"ap", s.ap}, {"auroc", s.auroc}, {"items", s.items}, {"positives", s.positives}, {"warnings", s.warnings}};
        if (s.apBatches) sj["ap_batches_of_20"] = {{"mean", *s.apBatches}, {"std", *s.apBatchesStd}};
        mj["scales"][s.scale] = sj;
      }
      dj["models"].push_back(mj);
      df.models.push_back(std::move(mf));
    }
    dj["images_without_ground_truth"] = df.imagesWithoutGroundTruth;
    out["datasets"].push_back(dj);
    result.datasets.push_back(std::move(df));
  }
  result.json = out.dump(2);
  return result;
}

ExportResult exportFindings(const ExportParams& params) {
  project::Project proj = project::Project::open(params.projectPath, project::OpenMode::ReadOnly);
  if (!proj.runs().get(params.runId)) throw std::invalid_argument("the project has no training run " + std::to_string(params.runId));
  project::ReviewFilter filter = project::ReviewFilter::All;
  if (params.only == "reviewed") filter = project::ReviewFilter::Reviewed;
  else if (params.only == "accepted") filter = project::ReviewFilter::Accepted;
  else if (params.only != "all") throw std::invalid_argument("--only is all, reviewed or accepted, not '" + params.only + "'");
  std::vector<int> folds = params.folds;
  if (folds.empty())  // the widest model predicted: the ensemble
    for (const auto& p : proj.predictions().list(params.runId))
      if (p.folds.size() > folds.size()) folds = p.folds;
  if (folds.empty()) throw std::invalid_argument("run " + std::to_string(params.runId) + " has no predictions yet");
  project::FindingsCsvOptions options;
  if (!params.dataset.empty()) {
    const auto d = proj.datasets().findByName(params.dataset);
    if (!d) throw std::invalid_argument("the project has no dataset named '" + params.dataset + "'");
    options.datasetId = d->id;
  }
  ExportResult r;
  r.folds = folds;
  r.output = params.output;
  r.rows = project::exportFindingsCsv(proj, params.runId, folds, filter, params.output, options);
  return r;
}

}  // namespace lightbox::workflows
