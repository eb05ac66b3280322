// Running the healthy-set audit (audit.h); built with the models only. Storing and loading it: audit_store.cpp.
#include "lightbox/workflows/audit.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lightbox/core/eval/image_scores.h"
#include "lightbox/models/predictor.h"
#include "lightbox/project/project.h"
#include "audit_map.h"
#include "audit_store.h"
#include "device_choice.h"
#include "held_out_slices.h"
#include "model_inputs.h"
#include "train_data.h"
#include "validation_prediction.h"

namespace lightbox::workflows {

using nlohmann::json;

namespace {

// A slice a user excluded before the run began is not among its arrays: it is shown, marked, as not audited.
void addExcludedSlicesNotInRun(project::Project& proj, const detail::SourceImage& image,
                               std::vector<AuditImage>& rows) {
  for (const auto& s : detail::userExcludedSlices(proj, image.imageId)) {
    if (std::find(image.kinds.begin(), image.kinds.end(), s.arrayKind) != image.kinds.end()) continue;
    AuditImage row;
    row.imageId = image.imageId;
    row.sourcePath = image.path;
    row.arrayKind = s.arrayKind;
    row.reason = "slice excluded: the run neither trained nor validated on it";
    rows.push_back(std::move(row));
  }
}

}  // namespace

HealthyAudit runHealthyAudit(const AuditParams& params, ProgressSink& progress) {
  project::Project proj = project::Project::open(params.projectPath);
  const detail::RunModel model = detail::loadRunModel(proj, params.runId, params.folds);
  const json config = json::parse(model.run.configJson);
  HealthyAudit audit;
  audit.runId = params.runId;
  audit.folds = model.folds;
  audit.dataset = config.at("dataset").get<std::string>();
  const auto dataset = proj.datasets().findByName(audit.dataset);
  if (!dataset) throw std::invalid_argument("the run's dataset '" + audit.dataset + "' is no longer in the project");
  if (const auto t = proj.thresholds().current(params.runId, model.folds)) {
    audit.threshold = t->value;
    audit.thresholdSource = std::string(project::toString(t->source));
  }

  progress.progress(0, 0, "loading the run's healthy images");
  const detail::RunImages run = detail::loadRunImages(proj, config, model.preset.inputShape, model.preset.imageChannels);
  audit.imageListRecorded = run.recorded;
  if (!run.recorded) {
    audit.warnings.push_back("this run did not record the images it trained on (it predates that): the partition is "
                             "recomputed from the dataset as it is now, so an image excluded or added since may shift "
                             "which images each fold held out");
    progress.warning(audit.warnings.back());
  }
  std::vector<detail::FoldData> partitions;
  int64_t total = 0, done = 0;
  for (const auto& info : model.foldInfo) {
    partitions.push_back(detail::partitionFold(run.images, FoldTasks{info.trainTasks, info.heldoutTasks}));
    total += int64_t(partitions.back().validation->size());
  }

  std::map<std::pair<int64_t, std::string>, detail::ClippedMapMean> sums;
  for (size_t f = 0; f < model.folds.size(); ++f) {
    // One fold's model at a time: each judges only the images it never trained on.
    const std::vector<std::span<const uint8_t>> bytes{model.checkpoints[f]};
    const models::Predictor predictor(bytes, detail::parseDevice(params.device), params.threads);
    audit.device = predictor.device();
    const bool finished = detail::predictValidation(
        predictor, partitions[f], progress, done, total, "auditing fold " + std::to_string(model.folds[f]),
        [&](const detail::ArrayRef& ref, const models::Prediction& p) {
          sums[{ref.imageId, ref.kind}].add(p.ensemble, model.folds[f]);
        });
    if (!finished) {
      audit.cancelled = true;
      return audit;
    }
  }

  for (const auto& image : run.images)
    for (const std::string& kind : image.kinds) {
      AuditImage row;
      row.imageId = image.imageId;
      row.sourcePath = image.path;
      row.arrayKind = kind;
      const auto it = sums.find({image.imageId, kind});
      if (it == sums.end()) {
        row.reason = "every audited fold (" + detail::foldsText(model.folds) + ") trained on it";
      } else {
        row.audited = true;
        row.heldOutBy = it->second.folds();
        const std::vector<float> mean = it->second.mean();
        const auto scores = eval::imageScores(mean);
        row.score = scores.mean;
        row.p75 = scores.percentile75;
        row.top25Mean = scores.topQuarterMean;
        row.voxels = int64_t(mean.size());
        if (audit.threshold)
          row.voxelsAboveThreshold =
              std::count_if(mean.begin(), mean.end(), [&](float v) { return double(v) > *audit.threshold; });
      }
      audit.images.push_back(std::move(row));
    }
  for (const auto& image : run.images) addExcludedSlicesNotInRun(proj, image, audit.images);
  // The dataset's other images were not part of the run (excluded before it, or imported after it).
  for (const auto& r : proj.images().list(dataset->id)) {
    if (r.status != project::ImportStatus::Imported) continue;
    if (std::any_of(run.images.begin(), run.images.end(), [&](const auto& i) { return i.imageId == r.id; })) continue;
    AuditImage row;
    row.imageId = r.id;
    row.sourcePath = r.meta.sourcePath;
    row.reason = r.excluded ? "excluded: the run neither trained nor validated on it"
                 : !detail::kindsLeftOutOfTraining(proj, r.id).empty()
                     ? "every slice excluded or held out: the run neither trained nor validated on it"
                     : "not among the images the run trained and validated on (imported after it began)";
    audit.images.push_back(std::move(row));
  }
  detail::applyExclusions(proj, audit.images);
  detail::rankAuditImages(audit.images);
  audit.createdAt = detail::utcNow();
  if (!detail::storeAudit(proj, audit, dataset->id)) {
    audit.warnings.push_back("this audit of " + std::to_string(audit.images.size()) +
                             " arrays is too large to store in the project (1 MiB per setting): it is shown, not kept, "
                             "and the project keeps the run's previous audit, if any");
    progress.warning(audit.warnings.back());
  }
  progress.progress(total, total, "audited");
  return audit;
}

std::optional<Image> detail::auditMap(project::Project& project, int64_t runId, const std::vector<int>& folds,
                                      const Image& array, const std::string& device, std::string& note) {
  if (folds.empty()) {
    note = "not audited: no fold that held it out";
    return std::nullopt;
  }
  const detail::RunModel model = detail::loadRunModel(project, runId, folds);
  std::vector<std::span<const uint8_t>> bytes(model.checkpoints.begin(), model.checkpoints.end());
  const models::Predictor predictor(bytes, detail::parseDevice(device), 0);
  const models::Prediction p = predictor.predict(detail::toModelInput(array, model.preset.inputShape));
  // The mean of the clipped maps, as the audit scored it (the ensemble would average before clipping).
  detail::ClippedMapMean sum;
  for (size_t f = 0; f < p.perModel.size(); ++f) sum.add(p.perModel[f], model.folds[f]);
  const std::vector<float> values = sum.mean();
  Image mean(1, p.perModel.front().shape());
  mean.geometry() = p.perModel.front().geometry();
  std::copy(values.begin(), values.end(), mean.data());
  return detail::toArrayGrid(mean, array.shape(), array.geometry());
}

}  // namespace lightbox::workflows
