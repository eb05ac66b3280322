#include "run_config.h"

#include <stdexcept>
#include <string>

namespace lightbox::workflows::detail {

using nlohmann::json;

json presetToJson(const models::TrainingPreset& p) {
  const models::UNetConfig& n = p.network;
  json shape = json::array();
  for (int d = 0; d < p.inputShape.ndim; ++d) shape.push_back(p.inputShape[d]);
  return {{"name", p.name},
          {"network",
           {{"dims", n.dims}, {"input_channels", n.inputChannels}, {"levels", n.levels},
            {"base_features", n.baseFeatures}, {"feature_cap", n.featureCap}, {"convs_per_stage", n.convsPerStage}}},
          {"image_channels", p.imageChannels},
          {"input_shape", shape},
          {"batch_size", p.batchSize},
          {"lr", {{"base", p.schedule.baseLr}, {"warmup_steps", p.schedule.warmupSteps},
                  {"decay_per_step", p.schedule.decayPerStep}, {"floor_fraction", p.schedule.floorFraction}}},
          {"max_epochs", p.maxEpochs},
          {"patience", p.patience},
          {"ema_decay", p.emaDecay},
          {"flip_probability", p.flipProbability},
          {"optimizer", "AdamW(weight_decay=0, betas=(0.9,0.999), eps=1e-8)"},
          {"loss", "MSE"},
          {"max_push_distance", p.tasks.maxPushDistance},
          {"label_sigma", p.tasks.labelSigma},
          {"meant_for_gpu", p.meantForGpu}};
}

namespace {

template <typename T>
void readInto(const json& object, const char* key, T& value, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end()) return;  // older runs may lack a value: the preset's stays
  try {
    value = it->get<T>();
  } catch (const json::exception&) {
    throw std::invalid_argument("the run's configuration has an invalid " + where + key);
  }
}

}  // namespace

models::TrainingPreset presetFromJson(const json& stored) {
  if (!stored.is_object()) throw std::invalid_argument("the run's configuration has no preset object");
  const std::string name = stored.value("name", std::string());
  models::TrainingPreset p = models::findTrainingPreset(name).value_or(models::cpuQuick2DPreset());
  p.name = name.empty() ? p.name : name;
  if (const auto n = stored.find("network"); n != stored.end()) {
    readInto(*n, "dims", p.network.dims, "network.");
    readInto(*n, "input_channels", p.network.inputChannels, "network.");
    readInto(*n, "levels", p.network.levels, "network.");
    readInto(*n, "base_features", p.network.baseFeatures, "network.");
    readInto(*n, "feature_cap", p.network.featureCap, "network.");
    readInto(*n, "convs_per_stage", p.network.convsPerStage, "network.");
  }
  readInto(stored, "image_channels", p.imageChannels, "");
  if (const auto s = stored.find("input_shape"); s != stored.end()) {
    if (!s->is_array() || (s->size() != 2 && s->size() != 3))
      throw std::invalid_argument("the run's configuration has an invalid input_shape");
    std::vector<int64_t> d;
    for (const auto& v : *s) d.push_back(v.get<int64_t>());
    p.inputShape = d.size() == 2 ? Shape(d[0], d[1]) : Shape(d[0], d[1], d[2]);
  }
  readInto(stored, "batch_size", p.batchSize, "");
  if (const auto lr = stored.find("lr"); lr != stored.end()) {
    readInto(*lr, "base", p.schedule.baseLr, "lr.");
    readInto(*lr, "warmup_steps", p.schedule.warmupSteps, "lr.");
    readInto(*lr, "decay_per_step", p.schedule.decayPerStep, "lr.");
    readInto(*lr, "floor_fraction", p.schedule.floorFraction, "lr.");
  }
  readInto(stored, "max_epochs", p.maxEpochs, "");
  readInto(stored, "patience", p.patience, "");
  readInto(stored, "ema_decay", p.emaDecay, "");
  readInto(stored, "flip_probability", p.flipProbability, "");
  readInto(stored, "max_push_distance", p.tasks.maxPushDistance, "");
  readInto(stored, "label_sigma", p.tasks.labelSigma, "");
  readInto(stored, "meant_for_gpu", p.meantForGpu, "");
  try {
    models::validate(p.network);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("the run's stored network is invalid: ") + e.what());
  }
  return p;
}

}  // namespace lightbox::workflows::detail
