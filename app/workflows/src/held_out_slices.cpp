#include "held_out_slices.h"

#include <nlohmann/json.hpp>

namespace lightbox::workflows::detail {

namespace {
std::string key(int64_t imageId) { return "training/held_out/" + std::to_string(imageId); }
}  // namespace

std::vector<std::string> heldOutKinds(project::Project& project, int64_t imageId) {
  const auto text = project.settings().get(key(imageId));
  if (!text) return {};
  const auto parsed = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) throw std::runtime_error("the project's setting " + key(imageId) + " is not a list of arrays");
  std::vector<std::string> kinds;
  for (const auto& k : parsed)
    if (k.is_string()) kinds.push_back(k.get<std::string>());
  return kinds;
}

void setHeldOutKinds(project::Project& project, int64_t imageId, const std::vector<std::string>& kinds) {
  project.settings().set(key(imageId), nlohmann::json(kinds).dump());
}

}  // namespace lightbox::workflows::detail
