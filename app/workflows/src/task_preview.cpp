#include "lightbox/workflows/task_preview.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/image_view.h"
#include "task_sampling.h"

namespace lightbox::workflows {

namespace {

/// The image's working array: "preprocessed", or for brain-slices-2d the middle stored slice.
std::optional<project::ArrayData> workingArray(project::Project& proj, int64_t imageId, std::string& kind) {
  const std::vector<std::string> kinds = proj.arrays().kinds(imageId);
  if (std::find(kinds.begin(), kinds.end(), "preprocessed") != kinds.end()) kind = "preprocessed";
  else if (!kinds.empty()) kind = kinds[kinds.size() / 2];
  else return std::nullopt;
  return proj.arrays().load(imageId, kind);
}

std::shared_ptr<const ImageRecord> toRecord(project::ArrayData a, const std::string& format) {
  if (format == "nifti") a.image.geometry() = rasToLps(a.image.geometry());
  return makeRecord(std::move(a.image), std::move(a.mask));
}

/// Up to `limit` rows spread evenly over `rows`.
std::vector<project::ImageRecord> spread(std::vector<project::ImageRecord> rows, int limit) {
  if (limit <= 0 || int(rows.size()) <= limit) return rows;
  std::vector<project::ImageRecord> out;
  for (int i = 0; i < limit; ++i) out.push_back(rows[size_t(int64_t(i) * int64_t(rows.size()) / limit)]);
  return out;
}

std::string fileName(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

}  // namespace

std::shared_ptr<const TaskPreviewSession> TaskPreviewSession::open(const std::string& projectPath, int64_t imageId,
                                                                    int maxGalleryImages) {
  project::Project proj = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  const auto row = proj.images().get(imageId);
  if (!row) throw std::runtime_error(projectPath + ": no image with id " + std::to_string(imageId));
  if (row->status != project::ImportStatus::Imported)
    throw std::runtime_error(row->meta.sourcePath + ": the import failed (" + row->error + ")");
  std::string kind;
  auto selected = workingArray(proj, imageId, kind);
  if (!selected)
    throw std::runtime_error(row->meta.sourcePath + ": the project stores no working array for it (" + projectPath +
                             ")");

  std::shared_ptr<TaskPreviewSession> s(new TaskPreviewSession());
  s->projectPath_ = projectPath;
  s->imageId_ = imageId;
  s->imageName_ = fileName(row->meta.sourcePath);
  const auto dataset = proj.datasets().get(row->datasetId);
  s->datasetName_ = dataset ? dataset->name : std::string();

  auto same = std::make_shared<ImageSet>();
  const Shape shape = selected->image.shape();
  const int channels = selected->image.channels();
  same->push_back(toRecord(std::move(*selected), row->meta.format));
  s->names_.push_back(s->imageName_);

  // The rest of the gallery: other usable images of the same dataset with arrays of the same shape.
  std::vector<project::ImageRecord> rows = proj.images().list(row->datasetId);
  std::erase_if(rows, [&](const auto& r) {
    return r.id == imageId || r.status != project::ImportStatus::Imported || r.excluded;
  });
  for (const auto& r : spread(std::move(rows), maxGalleryImages - 1)) {
    std::string k;
    auto a = workingArray(proj, r.id, k);
    if (!a || !(a->image.shape() == shape) || a->image.channels() != channels) continue;
    same->push_back(toRecord(std::move(*a), r.meta.format));
    s->names_.push_back(fileName(r.meta.sourcePath));
  }

  // Inter-dataset blending: the project's blend datasets, arrays of the same shape.
  auto other = std::make_shared<ImageSet>();
  std::vector<std::string> blendNames;
  for (const auto& d : proj.datasets().list()) {
    if (d.dataset.role != project::DatasetRole::Blend) continue;
    std::vector<project::ImageRecord> blendRows = proj.images().list(d.dataset.id);
    std::erase_if(blendRows, [](const auto& r) { return r.status != project::ImportStatus::Imported || r.excluded; });
    size_t before = other->size();
    for (const auto& r : spread(std::move(blendRows), maxGalleryImages)) {
      std::string k;
      auto a = workingArray(proj, r.id, k);
      if (!a || !(a->image.shape() == shape) || a->image.channels() != channels) continue;
      other->push_back(toRecord(std::move(*a), r.meta.format));
    }
    if (other->size() > before) blendNames.push_back(d.dataset.name);
  }
  if (!other->empty()) {
    std::string names;
    for (const auto& n : blendNames) names += (names.empty() ? "" : ", ") + n;
    s->blendName_ = names + " (" + std::to_string(other->size()) + (other->size() == 1 ? " image)" : " images)");
  }
  s->same_ = std::move(same);
  s->other_ = std::move(other);
  return s;
}

int TaskPreviewSession::ndim() const { return same_->front()->image.ndim(); }

TaskPreviewSample TaskPreviewSession::run(TaskId id, const TaskSettings& settings, uint64_t seed, int k,
                                          size_t imageIndex) const {
  const auto task = makeTask(id, settings, {same_, other_});
  TaskPreviewSample out;
  out.task = id;
  out.seed = seed;
  out.index = k;
  out.source = (*same_)[imageIndex];
  out.sourceName = names_[imageIndex];
  out.sample = detail::previewSample(*task, *out.source, settings, seed, uint64_t(k));
  return out;
}

TaskPreviewSample TaskPreviewSession::generate(TaskId id, const TaskSettings& settings, uint64_t seed) const {
  return run(id, settings, seed, 0, 0);
}

TaskPreviewSample TaskPreviewSession::generateGallery(TaskId id, const TaskSettings& settings, uint64_t seed,
                                                      int k) const {
  if (k < 0) throw std::invalid_argument("gallery sample index must not be negative");
  return run(id, settings, seed, k, size_t(k) % same_->size());
}

}  // namespace lightbox::workflows
