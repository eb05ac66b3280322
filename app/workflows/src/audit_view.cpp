// One audit row for the viewer (audit.h loadAuditImage): the working array, and its map when the models are built.
#include <algorithm>
#include <stdexcept>

#include "lightbox/project/project.h"
#include "lightbox/workflows/audit.h"
#include "audit_map.h"

namespace lightbox::workflows {

AuditImageView loadAuditImage(const std::string& projectPath, int64_t runId, const AuditImage& row,
                              const std::string& device) {
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  if (!proj.runs().get(runId)) throw std::invalid_argument("the project has no training run " + std::to_string(runId));
  const auto image = proj.images().get(row.imageId);
  if (!image) throw std::invalid_argument("the project has no image " + std::to_string(row.imageId));
  std::string kind = row.arrayKind;
  if (kind.empty()) {  // a row of an image the run never saw: its first working array
    const auto kinds = proj.arrays().kinds(row.imageId);
    if (kinds.empty()) throw std::runtime_error(image->meta.sourcePath + " has no working array in the project");
    kind = std::find(kinds.begin(), kinds.end(), "preprocessed") != kinds.end() ? "preprocessed" : kinds.front();
  }
  auto array = proj.arrays().load(row.imageId, kind);
  if (!array) throw std::runtime_error("the working array " + kind + " of " + image->meta.sourcePath + " cannot be read");

  AuditImageView out;
  ViewableImage& w = out.working;
  w.imageId = row.imageId;
  w.source = ViewSource::WorkingArray;
  w.sourcePath = image->meta.sourcePath;
  w.readPath = projectPath + " (" + kind + ")";
  w.format = image->meta.format;
  w.modality = image->meta.modality;
  w.seriesDescription = image->meta.seriesDescription;
  w.arrayKind = kind;
  w.hasPatientGeometry = image->meta.format == "dicom" || image->meta.format == "nifti";
  w.fallbackReason = "the audit shows the array the model saw, so that map and image share one grid";
  w.sameGridAsMap = true;
  w.image = std::move(array->image);
  if (!row.audited) out.mapNote = "not audited: no fold that held it out";
  else out.map = detail::auditMap(proj, runId, row.heldOutBy, w.image, device, out.mapNote);
  if (image->meta.format == "nifti") {  // stored RAS+ as the file states; the viewer speaks LPS+
    w.image.geometry() = rasToLps(w.image.geometry());
    w.convertedFromRas = true;
  }
  if (out.map) out.map->geometry() = w.image.geometry();
  return out;
}

}  // namespace lightbox::workflows
