#pragma once
// Bringing fold runs trained elsewhere back into one project (issue #4): a cluster array job trains each fold on its
// own copy of the project (SQLite must not be shared over NFS), and `lightbox-cli merge-runs` copies the runs of
// those copies — configuration, folds, metrics, checkpoints — into the original. Runs with the same name become one
// run, so the folds of a --name'd array job form one ensemble again. Torch-free: checkpoints are opaque bytes here.

#include <cstdint>
#include <string>
#include <vector>

namespace lightbox::workflows {

struct MergeRunsResult {
  int64_t runsCreated = 0;
  int64_t foldsCopied = 0;
  int64_t foldsSkipped = 0;  ///< already in the target with at least as many steps
  std::vector<std::string> messages;
};

/// Copies every run of each source project into `targetPath`. A fold is copied when the target lacks it or has fewer
/// steps of it; a run of the same name must have the same preset, data and seed (else std::invalid_argument naming
/// both files). The target's datasets must have the names the runs refer to (the sources are copies of it).
MergeRunsResult mergeRuns(const std::string& targetPath, const std::vector<std::string>& sourcePaths);

}  // namespace lightbox::workflows
