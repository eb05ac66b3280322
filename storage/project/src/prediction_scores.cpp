#include "prediction_scores.h"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

namespace lightbox::project::detail {

namespace {

bool finite(const MapScores& s) { return std::isfinite(s.mean) && std::isfinite(s.p75) && std::isfinite(s.top25Mean); }

// The three keys, as numbers or as arrays of numbers (per_slice); keys and JSON names in one place.
constexpr std::array<std::pair<const char*, double MapScores::*>, 3> kKeys = {
    {{"mean", &MapScores::mean}, {"p75", &MapScores::p75}, {"top25_mean", &MapScores::top25Mean}}};

}  // namespace

std::string scoresProblem(const PredictionScores& s, const Shape& shape) {
  if (!finite(s.image)) return "its image scores are not finite";
  for (const MapScores& slice : s.perSlice)
    if (!finite(slice)) return "its per-slice scores are not finite";
  if (s.perSlice.empty()) return {};
  if (shape.ndim != 3) return "a 2D map has no per-slice scores";
  if (static_cast<int64_t>(s.perSlice.size()) != shape[0])
    return "it has " + std::to_string(s.perSlice.size()) + " per-slice scores for " + std::to_string(shape[0]) +
           " slices";
  return {};
}

std::string formatScores(const PredictionScores& s) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, member] : kKeys) j[key] = s.image.*member;
  if (!s.perSlice.empty()) {
    nlohmann::json slices = nlohmann::json::object();
    for (const auto& [key, member] : kKeys) {
      nlohmann::json values = nlohmann::json::array();
      for (const MapScores& slice : s.perSlice) values.push_back(slice.*member);
      slices[key] = std::move(values);
    }
    j["per_slice"] = std::move(slices);
  }
  return j.dump();
}

std::optional<PredictionScores> parseScores(std::string_view text) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  const auto finiteNumber = [](const nlohmann::json& v) { return v.is_number() && std::isfinite(v.get<double>()); };
  PredictionScores s;
  for (const auto& [key, member] : kKeys) {
    const auto it = j.find(key);
    if (it == j.end() || !finiteNumber(*it)) return std::nullopt;
    s.image.*member = it->get<double>();
  }
  const auto slices = j.find("per_slice");
  if (slices == j.end()) return s;
  if (!slices->is_object()) return std::nullopt;
  size_t count = 0;
  for (size_t k = 0; k < kKeys.size(); ++k) {
    const auto it = slices->find(kKeys[k].first);
    if (it == slices->end() || !it->is_array() || (k > 0 && it->size() != count)) return std::nullopt;
    count = it->size();
    if (k == 0) s.perSlice.resize(count);
    for (size_t i = 0; i < count; ++i) {
      if (!finiteNumber((*it)[i])) return std::nullopt;
      s.perSlice[i].*(kKeys[k].second) = (*it)[i].get<double>();
    }
  }
  return s;
}

}  // namespace lightbox::project::detail
