#include "lightbox/core/tasks/task_factory.h"

#include <stdexcept>
#include <string>

#include "lightbox/core/tasks/deformation_task.h"
#include "lightbox/core/tasks/intensity_task.h"
#include "lightbox/core/tasks/patch_blending_task.h"

namespace lightbox {

namespace {
std::shared_ptr<const ImageSet> require(const std::shared_ptr<const ImageSet>& set, TaskId id, const char* what) {
  if (!set || set->empty())
    throw std::invalid_argument(std::string(taskDisplayName(id)) + " needs " + what);
  return set;
}
}  // namespace

std::shared_ptr<const AnomalyTask> makeTask(TaskId id, const TaskSettings& settings, const TaskSources& sources) {
  switch (id) {
    case TaskId::IntraPoisson:
      return std::make_shared<PatchBlendingTask>(id, BlendMode::PoissonMixedGradients,
                                                 require(sources.sameDataset, id, "training images"), settings);
    case TaskId::InterPoisson:
      return std::make_shared<PatchBlendingTask>(id, BlendMode::PoissonMixedGradients,
                                                 require(sources.otherDataset, id, "a blend-source dataset"),
                                                 settings);
    case TaskId::CutPaste:
      return std::make_shared<PatchBlendingTask>(id, BlendMode::CutPaste,
                                                 require(sources.sameDataset, id, "training images"), settings);
    case TaskId::PatchInterpolation:
      return std::make_shared<PatchBlendingTask>(id, BlendMode::Interpolation,
                                                 require(sources.sameDataset, id, "training images"), settings);
    case TaskId::Sink: return std::make_shared<BendDeformationTask>(DeformationKind::Sink, settings);
    case TaskId::Source: return std::make_shared<BendDeformationTask>(DeformationKind::Source, settings);
    case TaskId::Intensity: return std::make_shared<SmoothIntensityTask>(settings);
    case TaskId::Cutout: return std::make_shared<CutoutTask>();
  }
  throw std::invalid_argument("unknown task id " + std::to_string(int(id)));
}

}  // namespace lightbox
