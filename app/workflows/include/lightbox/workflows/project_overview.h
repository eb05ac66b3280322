#pragma once
// Creating a project and describing what it holds, for `lightbox-cli new | info | list` and the GUI's summary.
// Errors are std::runtime_error whose what() names the file and the reason.

#include <cstdint>
#include <string>
#include <vector>

namespace lightbox::workflows {

/// Creates an empty project; refuses to overwrite anything at `path`.
void createProject(const std::string& path);

struct DatasetOverview {
  std::string name, role, preset;
  int64_t imported = 0, failed = 0, excluded = 0;
};

struct FailureOverview {
  std::string dataset, path, error;
};

struct ProjectOverview {
  std::string path;
  int schemaVersion = 0;
  int64_t fileBytes = 0, walBytes = 0, arrayBytes = 0, thumbnailBytes = 0;
  std::vector<DatasetOverview> datasets;
  std::vector<FailureOverview> failures;
};

/// Opens the project read-only.
ProjectOverview describeProject(const std::string& path);

struct ImageListing {
  int64_t id = 0;
  std::string dataset, sourcePath, format, modality, seriesDescription;
  std::string shape;    ///< e.g. "20x256x256"
  std::string spacing;  ///< e.g. "4.4 x 0.94 x 0.94" (mm)
  std::string status, error;
  bool excluded = false;
};

/// All images, or those of one dataset (throws if it does not exist). Opens the project read-only.
std::vector<ImageListing> listImages(const std::string& path, const std::string& dataset = {});

}  // namespace lightbox::workflows
