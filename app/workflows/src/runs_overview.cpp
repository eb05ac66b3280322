// listRuns: torch-free, so it exists in builds without the models library too.
#include "lightbox/project/project.h"
#include "lightbox/workflows/train.h"

namespace lightbox::workflows {

std::vector<RunOverview> listRuns(const std::string& projectPath) {
  project::Project p = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  std::vector<RunOverview> out;
  for (const project::RunSummary& s : p.runs().list()) {
    RunOverview r;
    r.id = s.run.id;
    r.preset = s.run.preset;
    r.status = std::string(project::toString(s.run.status));
    r.device = s.run.device;
    r.error = s.run.error;
    r.createdAt = s.run.createdAt;
    r.updatedAt = s.run.updatedAt;
    r.seed = s.run.seed;
    for (size_t i = 0; i < s.folds.size(); ++i) {
      const project::RunFold& f = s.folds[i];
      FoldOverview fo;
      fo.fold = f.fold;
      fo.trainTasks = f.trainTasks;
      fo.heldoutTasks = f.heldoutTasks;
      fo.status = std::string(project::toString(f.status));
      fo.steps = f.stepsDone;
      fo.bestStep = f.bestStep.value_or(-1);
      fo.bestValidationLoss = f.bestValue.value_or(0);
      for (const auto& m : s.bestMetrics[i]) {
        constexpr std::string_view prefix = "val_pixel_ap/";
        if (m.name.rfind(prefix, 0) == 0) fo.bestPixelAp.emplace_back(m.name.substr(prefix.size()), m.value);
      }
      r.folds.push_back(std::move(fo));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace lightbox::workflows
