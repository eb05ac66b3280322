#include "box_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace lightbox::project::detail {

namespace {

using nlohmann::json;

// A box list is a few hundred bytes per box; text far beyond kMaxBoxes of them is not a box list, so it is refused
// before the parser builds a tree of it.
constexpr size_t kMaxBoxesText = GroundTruthRepository::kMaxBoxes * 256;

bool readPoint(const json& j, double& y, double& x) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_number()) return false;
  y = j[0].get<double>();
  x = j[1].get<double>();
  return true;
}

}  // namespace

std::string boxProblem(const AnnotatedBox& b) {
  for (const double v : {b.yMin, b.xMin, b.yMax, b.xMax})
    if (!std::isfinite(v)) return "has a coordinate that is not a finite number";
  if (b.yMin > b.yMax || b.xMin > b.xMax) return "has its minimum beyond its maximum";
  return {};
}

std::string formatBoxes(const std::vector<AnnotatedBox>& boxes) {
  json list = json::array();
  for (const AnnotatedBox& b : boxes)
    list.push_back({{"class", b.className}, {"min", {b.yMin, b.xMin}}, {"max", {b.yMax, b.xMax}}});
  // Class names come from a CSV of unknown encoding; dump() would throw on invalid UTF-8.
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<std::vector<AnnotatedBox>> parseBoxes(std::string_view text, std::string& why) {
  if (text.size() > kMaxBoxesText) {
    why = "has " + std::to_string(text.size()) + " bytes of box text, more than " +
          std::to_string(GroundTruthRepository::kMaxBoxes) + " boxes can take";
    return std::nullopt;
  }
  const json list = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) {
    why = "has box text that is not a JSON array";
    return std::nullopt;
  }
  if (list.size() > GroundTruthRepository::kMaxBoxes) {
    why = "has more than " + std::to_string(GroundTruthRepository::kMaxBoxes) + " boxes";
    return std::nullopt;
  }
  std::vector<AnnotatedBox> out;
  out.reserve(list.size());
  for (size_t k = 0; k < list.size(); ++k) {
    const json& j = list[k];
    AnnotatedBox b;
    const bool shaped = j.is_object() && j.size() == 3 && j.contains("class") && j["class"].is_string() &&
                        j.contains("min") && j.contains("max") && readPoint(j["min"], b.yMin, b.xMin) &&
                        readPoint(j["max"], b.yMax, b.xMax);
    if (!shaped) {
      why = "has box " + std::to_string(k) + " not of the form {\"class\", \"min\": [y, x], \"max\": [y, x]}";
      return std::nullopt;
    }
    b.className = j["class"].get<std::string>();
    if (const std::string p = boxProblem(b); !p.empty()) {
      why = "has box " + std::to_string(k) + " that " + p;
      return std::nullopt;
    }
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace lightbox::project::detail
