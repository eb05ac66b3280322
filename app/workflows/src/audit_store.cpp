#include "audit_store.h"
#include "audit_map.h"
#include "held_out_slices.h"

#include <algorithm>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lightbox/project/project_error.h"
#include "lightbox/project/sha256.h"

namespace lightbox::workflows {

using nlohmann::json;

int64_t HealthyAudit::audited() const {
  return std::count_if(images.begin(), images.end(), [](const AuditImage& i) { return i.audited; });
}

int64_t HealthyAudit::excluded() const {
  return std::count_if(images.begin(), images.end(), [](const AuditImage& i) { return i.excluded; });
}

bool auditAvailable() {
#ifdef LIGHTBOX_HAS_TRAINING
  return true;
#else
  return false;
#endif
}

#ifndef LIGHTBOX_HAS_TRAINING
HealthyAudit runHealthyAudit(const AuditParams&, ProgressSink&) {
  throw std::invalid_argument("auditing the healthy set runs the model, which needs a build with the models "
                              "(LibTorch, -DLIGHTBOX_MODELS=ON); a stored audit can still be listed");
}

std::optional<Image> detail::auditMap(project::Project&, int64_t, const std::vector<int>&, const Image&,
                                      const std::string&, std::string& note) {
  note = "no heat map: predicting it needs a build with the models (LibTorch)";
  return std::nullopt;
}
#endif

namespace detail {

std::string auditKey(int64_t runId) { return "audit/run/" + std::to_string(runId); }

std::string datasetFingerprint(project::Project& project, int64_t datasetId) {
  std::vector<project::ImageRecord> rows = project.images().list(datasetId);
  std::erase_if(rows, [](const auto& r) { return r.status != project::ImportStatus::Imported; });
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  project::Sha256 h;
  for (const auto& r : rows) h.update(std::to_string(r.id) + ":" + r.meta.contentHash + "\n");
  return std::to_string(rows.size()) + ":" + h.finishHex();
}

void applyExclusions(project::Project& project, std::vector<AuditImage>& images) {
  struct State {
    std::optional<project::ImageRecord> image;
    std::vector<SliceExclusion> slices;
  };
  std::map<int64_t, State> byId;
  for (auto& row : images) {
    auto it = byId.find(row.imageId);
    if (it == byId.end()) {
      State s{project.images().get(row.imageId), {}};
      if (s.image) s.slices = userExcludedSlices(project, row.imageId);
      it = byId.emplace(row.imageId, std::move(s)).first;
    }
    const State& s = it->second;
    row.imageExcluded = s.image && s.image->excluded;
    const auto slice = std::find_if(s.slices.begin(), s.slices.end(),
                                    [&](const SliceExclusion& e) { return e.arrayKind == row.arrayKind; });
    row.sliceExcluded = !row.arrayKind.empty() && slice != s.slices.end();
    row.excluded = row.imageExcluded || row.sliceExcluded;
    row.excludedReason = row.imageExcluded ? s.image->excludedReason : row.sliceExcluded ? slice->reason : std::string();
    row.excludedAt = row.sliceExcluded && !row.imageExcluded ? slice->excludedAt : std::string();
  }
}

void rankAuditImages(std::vector<AuditImage>& images) {
  std::stable_sort(images.begin(), images.end(), [](const AuditImage& a, const AuditImage& b) {
    if (a.audited != b.audited) return a.audited;
    if (a.audited && a.score != b.score) return a.score > b.score;
    return a.imageId != b.imageId ? a.imageId < b.imageId : a.arrayKind < b.arrayKind;
  });
}

bool storeAudit(project::Project& project, const HealthyAudit& audit, int64_t datasetId) {
  json folds = json::array();
  for (const int f : audit.folds) {
    const auto info = project.runs().fold(audit.runId, f);
    folds.push_back({{"fold", f},
                     {"best_step", info && info->bestStep ? json(*info->bestStep) : json(nullptr)},
                     {"steps_done", info ? info->stepsDone : 0}});
  }
  // Compact rows: a large dataset's audit must stay well under the settings' 1 MiB per value.
  json rows = json::array();
  for (const auto& i : audit.images) {
    json r = {i.imageId, i.arrayKind, i.heldOutBy};
    if (i.audited)
      r.insert(r.end(), {json(i.score), json(i.p75), json(i.top25Mean),
                         i.voxelsAboveThreshold ? json(*i.voxelsAboveThreshold) : json(nullptr), json(i.voxels)});
    else
      r.push_back(i.reason);
    rows.push_back(std::move(r));
  }
  const json stored = {{"version", 1},
                       {"run", audit.runId},
                       {"folds", audit.folds},
                       {"checkpoints", folds},
                       {"dataset", audit.dataset},
                       {"dataset_id", datasetId},
                       {"dataset_fingerprint", datasetFingerprint(project, datasetId)},
                       {"created_at", audit.createdAt},
                       {"device", audit.device},
                       {"threshold", audit.threshold ? json(*audit.threshold) : json(nullptr)},
                       {"threshold_source", audit.thresholdSource},
                       {"image_list_recorded", audit.imageListRecorded},
                       {"warnings", audit.warnings},
                       {"row_columns", {"image_id", "array_kind", "held_out_by", "score", "p75", "top25_mean",
                                        "voxels_above_threshold", "voxels"}},
                       {"rows", rows}};
  const std::string text = stored.dump();
  if (text.size() > (size_t(1) << 20)) return false;
  project.settings().set(auditKey(audit.runId), text);
  return true;
}

namespace {

std::string stepText(const json& v) { return v.is_null() ? std::string("none") : std::to_string(v.get<int64_t>()); }

HealthyAudit parseAudit(const json& s, project::Project& project, int64_t runId) {
  HealthyAudit a;
  a.runId = runId;
  a.folds = s.at("folds").get<std::vector<int>>();
  a.dataset = s.at("dataset").get<std::string>();
  a.createdAt = s.at("created_at").get<std::string>();
  a.device = s.value("device", std::string());
  if (!s.at("threshold").is_null()) a.threshold = s.at("threshold").get<double>();
  a.thresholdSource = s.value("threshold_source", std::string());
  a.imageListRecorded = s.value("image_list_recorded", true);
  a.warnings = s.value("warnings", std::vector<std::string>());

  const int64_t datasetId = s.at("dataset_id").get<int64_t>();
  std::map<int64_t, project::ImageRecord> byId;
  for (auto& r : project.images().list(datasetId)) byId.emplace(r.id, std::move(r));
  for (const json& r : s.at("rows")) {
    AuditImage i;
    i.imageId = r.at(0).get<int64_t>();
    i.arrayKind = r.at(1).get<std::string>();
    i.heldOutBy = r.at(2).get<std::vector<int>>();
    if (r.size() >= 8) {
      i.audited = true;
      i.score = r.at(3).get<double>();
      i.p75 = r.at(4).get<double>();
      i.top25Mean = r.at(5).get<double>();
      if (!r.at(6).is_null()) i.voxelsAboveThreshold = r.at(6).get<int64_t>();
      i.voxels = r.at(7).get<int64_t>();
    } else {
      i.reason = r.at(3).get<std::string>();
    }
    if (const auto it = byId.find(i.imageId); it != byId.end()) {
      i.sourcePath = it->second.meta.sourcePath;
    } else {
      i.sourcePath = "(image " + std::to_string(i.imageId) + ", removed from the project)";
    }
    a.images.push_back(std::move(i));
  }
  applyExclusions(project, a.images);
  rankAuditImages(a.images);

  // Why the stored audit may no longer describe the model or the data.
  for (const json& c : s.at("checkpoints")) {
    const int f = c.at("fold").get<int>();
    const auto now = project.runs().fold(runId, f);
    if (!now) {
      a.staleReasons.push_back("fold " + std::to_string(f) + " is no longer in the run");
      continue;
    }
    const json best = now->bestStep ? json(*now->bestStep) : json(nullptr);
    if (best != c.at("best_step"))
      a.staleReasons.push_back("fold " + std::to_string(f) + " has a newer best checkpoint (step " + stepText(best) +
                               "; the audit used step " + stepText(c.at("best_step")) + ")");
    else if (now->stepsDone != c.at("steps_done").get<int64_t>())
      a.staleReasons.push_back("fold " + std::to_string(f) + " has trained on since the audit (" +
                               std::to_string(c.at("steps_done").get<int64_t>()) + " -> " +
                               std::to_string(now->stepsDone) + " steps; its best checkpoint is unchanged)");
  }
  if (!project.datasets().get(datasetId))
    a.staleReasons.push_back("dataset '" + a.dataset + "' is no longer in the project");
  else if (datasetFingerprint(project, datasetId) != s.at("dataset_fingerprint").get<std::string>())
    a.staleReasons.push_back("dataset '" + a.dataset + "' has changed since the audit (images added or removed)");
  const auto t = project.thresholds().current(runId, a.folds);
  if ((t.has_value() != a.threshold.has_value()) || (t && a.threshold && t->value != *a.threshold))
    a.staleReasons.push_back("the model's threshold is now " + (t ? std::to_string(t->value) : std::string("unset")) +
                             "; voxels above it were counted at " +
                             (a.threshold ? std::to_string(*a.threshold) : std::string("none")));
  return a;
}

}  // namespace

}  // namespace detail

std::optional<HealthyAudit> loadHealthyAudit(const std::string& projectPath, int64_t runId) {
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  if (!proj.runs().get(runId)) throw std::invalid_argument("the project has no training run " + std::to_string(runId));
  const std::string key = detail::auditKey(runId);
  const auto text = proj.settings().get(key);
  if (!text) return std::nullopt;
  try {
    return detail::parseAudit(json::parse(*text), proj, runId);
  } catch (const json::exception& e) {
    throw std::runtime_error(projectPath + ": the stored audit (settings key '" + key + "') cannot be read: " + e.what() +
                             "; run the audit again");
  }
}

void setImageExcluded(const std::string& projectPath, int64_t imageId, bool excluded, const std::string& reason) {
  if (reason.size() > 4096) throw std::invalid_argument("an exclusion reason is at most 4 KiB");
  if (reason.find('\0') != std::string::npos) throw std::invalid_argument("an exclusion reason cannot hold a NUL");
  project::Project proj = project::Project::open(projectPath);
  const auto image = proj.images().get(imageId);
  if (!image) throw std::invalid_argument("the project has no image " + std::to_string(imageId));
  if (image->status != project::ImportStatus::Imported)
    throw std::invalid_argument("image " + std::to_string(imageId) + " (" + image->meta.sourcePath +
                                ") failed to import; only imported images can be excluded");
  proj.images().setExcluded(imageId, excluded, excluded ? reason : std::string());
}

}  // namespace lightbox::workflows
