#include "held_out_slices.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

namespace lightbox::workflows::detail {

namespace {
std::string key(int64_t imageId) { return "training/held_out/" + std::to_string(imageId); }
std::string userKey(int64_t imageId) { return "training/excluded_slices/" + std::to_string(imageId); }
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

std::vector<SliceExclusion> userExcludedSlices(project::Project& project, int64_t imageId) {
  const std::string k = userKey(imageId);
  const auto text = project.settings().get(k);
  if (!text) return {};
  const auto parsed = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object())
    throw std::runtime_error("the project's setting " + k + " is not an object of excluded slices");
  std::vector<SliceExclusion> out;
  for (const auto& [kind, v] : parsed.items()) {
    if (!v.is_object()) throw std::runtime_error("the project's setting " + k + " has a malformed entry for " + kind);
    const auto field = [&](const char* name) {
      const auto it = v.find(name);
      return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    out.push_back({kind, field("reason"), field("excluded_at")});
  }
  return out;  // nlohmann's object keeps keys sorted: by kind
}

void setUserExcludedSlices(project::Project& project, int64_t imageId, const std::vector<SliceExclusion>& slices) {
  if (slices.empty()) {
    project.settings().remove(userKey(imageId));
    return;
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& s : slices) out[s.arrayKind] = {{"reason", s.reason}, {"excluded_at", s.excludedAt}};
  project.settings().set(userKey(imageId), out.dump());
}

std::map<int64_t, int64_t> userExcludedSliceCounts(project::Project& project) {
  const std::string prefix = "training/excluded_slices/";
  std::map<int64_t, int64_t> out;
  for (const auto& [k, value] : project.settings().list(prefix)) {
    const auto parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    char* end = nullptr;
    const long long id = std::strtoll(k.c_str() + prefix.size(), &end, 10);
    // A malformed value is reported where it matters (training, the audit); a listing just does not count it.
    if (parsed.is_object() && end && *end == '\0' && id > 0) out[id] = int64_t(parsed.size());
  }
  return out;
}

std::vector<std::string> kindsLeftOutOfTraining(project::Project& project, int64_t imageId) {
  std::vector<std::string> kinds = heldOutKinds(project, imageId);
  for (const auto& s : userExcludedSlices(project, imageId))
    if (std::find(kinds.begin(), kinds.end(), s.arrayKind) == kinds.end()) kinds.push_back(s.arrayKind);
  return kinds;
}

void forgetLeftOutSlices(project::Project& project, int64_t imageId) {
  project.settings().remove(key(imageId));
  project.settings().remove(userKey(imageId));
}

std::string utcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace lightbox::workflows::detail
