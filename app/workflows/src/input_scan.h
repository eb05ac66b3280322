#pragma once
// Turning the paths a user gives (files, folders, DICOMDIRs) into the list of candidate files, with a reason for
// everything that cannot even be listed. Folders are walked recursively; directory symlinks are followed once
// (a symlink loop is reported, not walked forever).

#include <functional>
#include <string>
#include <vector>

namespace lightbox::workflows {

struct ScanProblem {
  std::string path;
  std::string reason;
};

struct ScanResult {
  std::vector<std::string> files;  ///< sorted, each once
  std::vector<ScanProblem> problems;
};

/// `stop` (optional) is polled between folder entries; when it returns true the scan ends early with what it has.
ScanResult scanInputs(const std::vector<std::string>& paths, const std::function<bool()>& stop = {});

}  // namespace lightbox::workflows
