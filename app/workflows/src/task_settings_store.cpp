#include "lightbox/workflows/task_settings_store.h"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>
#include <stdexcept>

#include "lightbox/project/project.h"

namespace lightbox::workflows {

namespace {

struct Field {
  std::string_view key;
  double TaskSettings::*real = nullptr;
  int TaskSettings::*integer = nullptr;
  double minimum, maximum, step;
  int decimals;
};

// Ranges are what the task code accepts and what stays meaningful; the defaults are TaskSettings' (SPEC §1.9).
const std::array<Field, 19> kFields{{
    {"min_anomaly_proportion", &TaskSettings::minAnomalyProportion, nullptr, 0.01, 0.9, 0.01, 2},
    {"max_anomaly_proportion", &TaskSettings::maxAnomalyProportion, nullptr, 0.02, 1.0, 0.01, 2},
    {"max_anomalies", nullptr, &TaskSettings::maxAnomalies, 1, 10, 1, 0},
    {"continue_probability", &TaskSettings::continueProbability, nullptr, 0.0, 1.0, 0.05, 2},
    {"min_object_overlap", &TaskSettings::minObjectOverlap, nullptr, 0.0, 1.0, 0.05, 2},
    {"label_sigma", &TaskSettings::labelSigma, nullptr, 0.01, 2.0, 0.01, 3},
    {"blend_max_rotation", &TaskSettings::blendMaxRotation, nullptr, 0.0, std::numbers::pi, 0.05, 3},
    {"blend_scale_exponential_mean", &TaskSettings::blendScaleExponentialMean, nullptr, 0.0, 2.0, 0.01, 3},
    {"max_source_fraction", &TaskSettings::maxSourceFraction, nullptr, 0.1, 1.0, 0.05, 2},
    {"mask_growth_threshold", &TaskSettings::maskGrowthThreshold, nullptr, 0.0, 0.1, 0.0005, 4},
    {"interpolation_min_alpha", &TaskSettings::interpolationMinAlpha, nullptr, 0.0, 1.0, 0.05, 2},
    {"interpolation_max_alpha", &TaskSettings::interpolationMaxAlpha, nullptr, 0.0, 1.0, 0.05, 2},
    {"min_push_distance", &TaskSettings::minPushDistance, nullptr, 0.0, 50.0, 0.1, 2},
    {"max_push_distance", &TaskSettings::maxPushDistance, nullptr, 0.1, 50.0, 0.5, 2},
    {"intensity_scale", &TaskSettings::intensityScale, nullptr, 0.0, 2.0, 0.05, 3},
    {"ramp_base", &TaskSettings::rampBase, nullptr, 0.0, 0.5, 0.005, 3},
    {"ramp_gamma_shape", &TaskSettings::rampGammaShape, nullptr, 0.1, 20.0, 0.5, 2},
    {"ramp_gamma_scale", &TaskSettings::rampGammaScale, nullptr, 0.0, 0.5, 0.005, 3},
    {"max_placement_attempts", nullptr, &TaskSettings::maxPlacementAttempts, 1, 10000, 10, 0},
}};

constexpr std::array<std::string_view, 6> kShared{"min_anomaly_proportion", "max_anomaly_proportion", "max_anomalies",
                                                  "continue_probability",   "min_object_overlap",     "label_sigma"};

std::vector<std::string_view> ownKeys(TaskId id) {
  switch (id) {
    case TaskId::IntraPoisson:
    case TaskId::InterPoisson:
      return {"blend_max_rotation", "blend_scale_exponential_mean", "max_source_fraction", "mask_growth_threshold"};
    case TaskId::CutPaste:
      return {"blend_max_rotation", "blend_scale_exponential_mean", "max_source_fraction"};
    case TaskId::PatchInterpolation:
      return {"blend_max_rotation", "blend_scale_exponential_mean", "max_source_fraction", "interpolation_min_alpha",
              "interpolation_max_alpha"};
    case TaskId::Sink:
    case TaskId::Source:
      return {"min_push_distance", "max_push_distance"};
    case TaskId::Intensity:
      return {"intensity_scale", "ramp_base", "ramp_gamma_shape", "ramp_gamma_scale"};
    case TaskId::Cutout:
      return {};
  }
  return {};
}

const Field& field(std::string_view key) {
  for (const Field& f : kFields)
    if (f.key == key) return f;
  throw std::invalid_argument("unknown task parameter '" + std::string(key) + "'");
}

TaskParameterSpec spec(const Field& f, bool shared) {
  return {std::string(f.key), f.integer != nullptr, f.minimum, f.maximum, f.step, f.decimals, shared};
}

}  // namespace

std::vector<TaskParameterSpec> taskParameters(TaskId id) {
  std::vector<TaskParameterSpec> out;
  for (std::string_view k : kShared) out.push_back(spec(field(k), true));
  for (std::string_view k : ownKeys(id)) out.push_back(spec(field(k), false));
  return out;
}

double parameterValue(const TaskSettings& settings, std::string_view key) {
  const Field& f = field(key);
  return f.real ? settings.*f.real : double(settings.*f.integer);
}

void setParameterValue(TaskSettings& settings, std::string_view key, double value) {
  const Field& f = field(key);
  if (f.real) settings.*f.real = value;
  else settings.*f.integer = int(std::lround(value));
}

TaskSettings paperTaskSettings(int ndim) {
  return ndim == 2 ? TaskSettings::paperChestXray2D() : TaskSettings::paperBrain3D();
}

std::string taskSettingsToJson(TaskId id, const TaskSettings& settings) {
  nlohmann::json params = nlohmann::json::object();
  for (const auto& p : taskParameters(id)) {
    const Field& f = field(p.key);
    if (f.real) params[p.key] = settings.*f.real;
    else params[p.key] = settings.*f.integer;
  }
  return nlohmann::json{{"version", 1}, {"params", params}}.dump();
}

TaskSettings taskSettingsFromJson(std::string_view json, const TaskSettings& defaults) {
  TaskSettings s = defaults;
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("task settings are not valid JSON: ") + e.what());
  }
  if (!j.is_object() || !j.contains("params") || !j["params"].is_object())
    throw std::invalid_argument("task settings have no \"params\" object");
  for (const auto& [key, value] : j["params"].items()) {
    if (!value.is_number()) continue;
    try {
      setParameterValue(s, key, value.get<double>());
    } catch (const std::invalid_argument&) {
      // A parameter of a newer Lightbox: ignored.
    }
  }
  return s;
}

StoredSettings loadTaskSettings(const std::string& projectPath, TaskId id, int ndim) {
  StoredSettings out{paperTaskSettings(ndim), false, {}};
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  const auto row = proj.taskSettings().load(taskKey(id));
  if (!row) return out;
  try {
    out.settings = taskSettingsFromJson(row->params, out.settings);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(projectPath + ": settings of task " + std::string(taskKey(id)) + ": " + e.what());
  }
  out.stored = true;
  out.updatedAt = row->updatedAt;
  return out;
}

void saveTaskSettings(const std::string& projectPath, TaskId id, const TaskSettings& settings) {
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadWrite);
  proj.taskSettings().store(taskKey(id), taskSettingsToJson(id, settings));
}

void resetTaskSettings(const std::string& projectPath, TaskId id) {
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadWrite);
  proj.taskSettings().remove(taskKey(id));
}

}  // namespace lightbox::workflows
