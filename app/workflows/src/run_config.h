#pragma once
// A training run's stored configuration (training_runs.config, JSON) and the preset it describes. A run keeps every
// value of its preset, so resuming it or predicting with it rebuilds exactly the network and schedule it was trained
// with, even after the built-in preset of that name has changed or from a project made by a newer Lightbox.

#include <nlohmann/json.hpp>

#include "lightbox/models/training_preset.h"

namespace lightbox::workflows::detail {

nlohmann::json presetToJson(const models::TrainingPreset& preset);

/// The preset stored in a run's configuration: the built-in preset of that name (or cpu-quick-2d's values for an
/// unknown name) with every stored value put over it. Throws std::invalid_argument naming the field when a stored
/// value has the wrong type or the network it describes is invalid.
models::TrainingPreset presetFromJson(const nlohmann::json& stored);

}  // namespace lightbox::workflows::detail
