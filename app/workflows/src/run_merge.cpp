#include "lightbox/workflows/run_merge.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lightbox/project/project.h"
#include "lightbox/project/transaction.h"

namespace lightbox::workflows {

namespace {

using nlohmann::json;

bool sameRun(const project::Run& a, const project::Run& b) {
  const json ca = json::parse(a.configJson), cb = json::parse(b.configJson);
  return a.preset == b.preset && a.seed == b.seed && ca.value("dataset", "") == cb.value("dataset", "") &&
         ca.value("blend_dataset", "") == cb.value("blend_dataset", "") &&
         ca.value("training_task_count", 0) == cb.value("training_task_count", 0);
}

std::optional<int64_t> datasetIdByName(project::Project& target, const json& config, const char* key,
                                       const std::string& source) {
  const std::string name = config.value(key, std::string());
  if (name.empty()) return std::nullopt;
  const auto d = target.datasets().findByName(name);
  if (!d) throw std::invalid_argument(source + ": its runs train on dataset '" + name + "', which the target lacks");
  return d->id;
}

}  // namespace

MergeRunsResult mergeRuns(const std::string& targetPath, const std::vector<std::string>& sourcePaths) {
  project::Project target = project::Project::open(targetPath);
  MergeRunsResult result;
  for (const std::string& sourcePath : sourcePaths) {
    project::Project source = project::Project::open(sourcePath, project::OpenMode::ReadOnly);
    for (const project::RunSummary& s : source.runs().list()) {
      project::Transaction tx(target);  // a run arrives whole or not at all
      std::optional<int64_t> into;
      // A copy of the project carries the target's own runs too: an unnamed run is the same run when it was created
      // at the same moment with the same configuration.
      for (const auto& t : target.runs().list())
        if (s.run.name.empty() && t.run.name.empty() && t.run.createdAt == s.run.createdAt &&
            t.run.configJson == s.run.configJson)
          into = t.run.id;
      if (!s.run.name.empty())
        for (const auto& t : target.runs().list())
          if (t.run.name == s.run.name) {
            if (!sameRun(t.run, s.run))
              throw std::invalid_argument(sourcePath + ": run '" + s.run.name + "' differs from the run of that name in " +
                                          targetPath + " (preset, data or seed)");
            into = t.run.id;
          }
      if (!into) {
        const json config = json::parse(s.run.configJson);
        project::NewRun n{s.run.name, s.run.preset, s.run.configJson, s.run.seed, s.run.device,
                          datasetIdByName(target, config, "dataset", sourcePath),
                          datasetIdByName(target, config, "blend_dataset", sourcePath)};
        into = target.runs().create(n);
        ++result.runsCreated;
      }
      for (const project::RunFold& f : s.folds) {
        const auto existing = target.runs().fold(*into, f.fold);
        if (existing && existing->stepsDone >= f.stepsDone) {
          ++result.foldsSkipped;
          continue;
        }
        target.runs().addFold(*into, f.fold, f.trainTasks, f.heldoutTasks);
        target.runs().removeMetricsAfter(*into, f.fold, -1);  // the copy's log replaces the shorter one
        const auto points = source.runs().metrics(s.run.id, f.fold);
        target.runs().appendMetrics(*into, f.fold, points);
        for (const auto kind : {project::CheckpointKind::Best, project::CheckpointKind::Latest})
          if (auto c = source.runs().loadCheckpoint(s.run.id, f.fold, kind)) target.runs().storeCheckpoint(*into, f.fold, *c);
        target.runs().updateFold(*into, f.fold, f.status, f.stepsDone, f.bestStep, f.bestValue, f.error);
        ++result.foldsCopied;
        result.messages.push_back(sourcePath + ": run " + std::to_string(s.run.id) + " fold " + std::to_string(f.fold) +
                                  " -> run " + std::to_string(*into) + " (" + std::to_string(f.stepsDone) + " steps)");
      }
      const auto folds = target.runs().folds(*into);
      const bool done = std::all_of(folds.begin(), folds.end(),
                                    [](const auto& f) { return f.status == project::RunStatus::Finished; });
      target.runs().setStatus(*into, done ? project::RunStatus::Finished : project::RunStatus::Paused);
      tx.commit();
    }
  }
  return result;
}

}  // namespace lightbox::workflows
