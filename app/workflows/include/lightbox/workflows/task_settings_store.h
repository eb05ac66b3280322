#pragma once
// The user's parameters of each synthetic task, kept in the project (task_settings table) for previews and
// training. Each task owns a full TaskSettings: the loop, shape and label parameters every task shares plus its
// own. A task without a stored row uses the paper configuration for the image dimensionality (SPEC §1.9).
//
// Stored layout (JSON text per task key): {"version": 1, "params": {"<parameter key>": number, ...}} holding every
// parameter taskParameters(id) lists; unknown keys are ignored on reading, missing ones keep the default.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/core/task_settings.h"

namespace lightbox::workflows {

/// One editable parameter: a stable key (JSON and tests), its range and its place in TaskSettings.
struct TaskParameterSpec {
  std::string key;       ///< e.g. "max_push_distance"
  bool integer = false;
  double minimum = 0.0, maximum = 1.0, step = 0.01;
  int decimals = 3;
  bool shared = false;   ///< a parameter of the anomaly loop, shapes or labels that every task has
};

/// The parameters that change what `id` does, shared ones first, then the task's own.
std::vector<TaskParameterSpec> taskParameters(TaskId id);
/// Throws std::invalid_argument for an unknown key.
double parameterValue(const TaskSettings& settings, std::string_view key);
void setParameterValue(TaskSettings& settings, std::string_view key, double value);

/// The paper's configuration for images of `ndim` dimensions (3: brain; 2: chest X-ray).
TaskSettings paperTaskSettings(int ndim);

std::string taskSettingsToJson(TaskId id, const TaskSettings& settings);
/// Applies the stored JSON on top of `defaults`. Throws std::invalid_argument for malformed JSON.
TaskSettings taskSettingsFromJson(std::string_view json, const TaskSettings& defaults);

struct StoredSettings {
  TaskSettings settings;
  bool stored = false;    ///< false: the paper defaults (no row in the project)
  std::string updatedAt;  ///< when stored
};

/// The task's settings from the project (read-only open), or the paper defaults for `ndim`.
/// Throws std::runtime_error naming the project when it cannot be opened or the row is malformed.
StoredSettings loadTaskSettings(const std::string& projectPath, TaskId id, int ndim);
/// Stores every parameter of the task. Throws std::runtime_error naming the project.
void saveTaskSettings(const std::string& projectPath, TaskId id, const TaskSettings& settings);
/// Removes the task's row: back to the paper defaults.
void resetTaskSettings(const std::string& projectPath, TaskId id);

}  // namespace lightbox::workflows
