#include "lightbox/core/task_settings.h"

#include <array>

namespace lightbox {

namespace {
struct TaskInfo {
  TaskId id;
  std::string_view key;
  std::string_view name;
  std::string_view description;
};

constexpr std::array<TaskInfo, kTaskCount> kTasks{{
    {TaskId::IntraPoisson, "intra-poisson", "Intra-dataset Poisson blending",
     "Tissue from another healthy image, seamlessly blended in: anatomy in the wrong place."},
    {TaskId::InterPoisson, "inter-poisson", "Inter-dataset Poisson blending",
     "Texture from a different kind of image, seamlessly blended in: foreign structure such as a tumour."},
    {TaskId::Sink, "sink", "Sink deformation",
     "Tissue pulled towards a point: atrophy, retraction or a shrinking lesion."},
    {TaskId::Source, "source", "Source deformation",
     "Tissue pushed away from a point: mass effect of a growing lesion or swelling."},
    {TaskId::Intensity, "intensity", "Smooth intensity change",
     "A region gently brighter or darker than normal: oedema, hyper- or hypo-intense lesions."},
    {TaskId::CutPaste, "cut-paste", "Cut-paste (extra)",
     "A patch of another healthy image pasted with hard edges; easy to spot, not used in the paper."},
    {TaskId::PatchInterpolation, "patch-interpolation", "Patch interpolation (extra)",
     "A patch of another healthy image mixed in with a random opacity; not used in the paper."},
    {TaskId::Cutout, "cutout", "Cutout (extra)",
     "A region filled with one constant value, like a dropout artefact; not used in the paper."},
}};
}  // namespace

std::string_view taskKey(TaskId id) { return kTasks[size_t(id)].key; }
std::string_view taskDisplayName(TaskId id) { return kTasks[size_t(id)].name; }
std::string_view taskDescription(TaskId id) { return kTasks[size_t(id)].description; }

std::optional<TaskId> taskFromKey(std::string_view key) {
  for (const auto& t : kTasks)
    if (t.key == key) return t.id;
  return std::nullopt;
}

std::vector<TaskId> paperTasks() {
  return {TaskId::IntraPoisson, TaskId::InterPoisson, TaskId::Sink, TaskId::Source, TaskId::Intensity};
}

std::vector<TaskId> allTasks() {
  std::vector<TaskId> all;
  for (const auto& t : kTasks) all.push_back(t.id);
  return all;
}

TaskSettings TaskSettings::paperBrain3D() { return TaskSettings{}; }

TaskSettings TaskSettings::paperChestXray2D() {
  TaskSettings s;
  s.maxPushDistance = 10.0;
  return s;
}

}  // namespace lightbox
