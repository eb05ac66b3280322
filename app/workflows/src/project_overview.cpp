#include "lightbox/workflows/project_overview.h"

#include <sstream>

#include "lightbox/project/project.h"

namespace lightbox::workflows {

void createProject(const std::string& path) { project::Project::create(path); }

ProjectOverview describeProject(const std::string& path) {
  project::Project p = project::Project::open(path, project::OpenMode::ReadOnly);
  const project::ProjectInfo info = p.info();
  ProjectOverview o{info.path, info.schemaVersion, info.fileBytes, info.walBytes, info.arrayBytes,
                    info.thumbnailBytes, {}, {}};
  for (const auto& d : info.datasets)
    o.datasets.push_back({d.dataset.name, std::string(project::toString(d.dataset.role)), d.dataset.preset,
                          d.imported, d.failed, d.excluded});
  for (const auto& f : info.failed) o.failures.push_back({f.dataset, f.sourcePath, f.error});
  return o;
}

std::vector<ImageListing> listImages(const std::string& path, const std::string& dataset) {
  project::Project p = project::Project::open(path, project::OpenMode::ReadOnly);
  std::vector<project::Dataset> datasets;
  if (!dataset.empty()) {
    auto d = p.datasets().findByName(dataset);
    if (!d) throw std::runtime_error(path + ": no dataset named '" + dataset + "'");
    datasets.push_back(*d);
  } else {
    for (const auto& s : p.datasets().list()) datasets.push_back(s.dataset);
  }
  std::vector<ImageListing> out;
  for (const auto& d : datasets)
    for (const auto& img : p.images().list(d.id)) {
      ImageListing l;
      l.id = img.id;
      l.dataset = d.name;
      l.sourcePath = img.meta.sourcePath;
      l.format = img.meta.format;
      l.modality = img.meta.modality;
      l.seriesDescription = img.meta.seriesDescription;
      l.shape = img.meta.shape.ndim ? img.meta.shape.toString() : "";
      std::ostringstream sp;
      sp.precision(3);
      for (int a = 0; a < img.meta.shape.ndim; ++a) sp << (a ? " x " : "") << img.meta.geometry.spacing[size_t(a)];
      l.spacing = sp.str();
      l.status = std::string(project::toString(img.status));
      l.error = img.error;
      l.excluded = img.excluded;
      out.push_back(std::move(l));
    }
  return out;
}

}  // namespace lightbox::workflows
