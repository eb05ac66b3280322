#include "lightbox/workflows/browse.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "lightbox/project/project.h"
#include "held_out_slices.h"

namespace lightbox::workflows {

namespace {

std::string spacingText(const project::ImageMetadata& meta) {
  std::string out;
  char number[32];
  for (int a = 0; a < meta.shape.ndim; ++a) {
    std::snprintf(number, sizeof number, "%.3g", meta.geometry.spacing[size_t(a)]);
    if (a) out += " x ";
    out += number;
  }
  return out;
}

BrowseImage toBrowseImage(const project::ImageRecord& img) {
  BrowseImage b;
  b.id = img.id;
  b.datasetId = img.datasetId;
  b.sourcePath = img.meta.sourcePath;
  b.format = img.meta.format;
  b.modality = img.meta.modality;
  b.seriesDescription = img.meta.seriesDescription;
  if (img.meta.shape.ndim) {
    b.shape = img.meta.shape.toString();
    b.voxels = img.meta.shape.count();
  }
  b.spacing = spacingText(img.meta);
  b.status = std::string(project::toString(img.status));
  b.error = img.error;
  b.excluded = img.excluded;
  return b;
}

}  // namespace

ProjectContents loadProjectContents(const std::string& projectPath) {
  project::Project p = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  ProjectContents out;
  for (const auto& s : p.datasets().list()) {
    out.datasets.push_back({s.dataset.id, s.dataset.name, std::string(project::toString(s.dataset.role)),
                            s.dataset.preset, s.imported, s.failed, s.excluded});
  }
  size_t total = 0;
  for (const auto& d : out.datasets) total += size_t(d.imported + d.failed);
  out.images.reserve(total);
  const auto slicesExcluded = detail::userExcludedSliceCounts(p);
  for (const auto& d : out.datasets)
    for (const auto& img : p.images().list(d.id)) {
      out.images.push_back(toBrowseImage(img));
      if (const auto it = slicesExcluded.find(img.id); it != slicesExcluded.end())
        out.images.back().slicesExcluded = it->second;
    }
  return out;
}

struct ThumbnailReader::Impl {
  project::Project project;
};

ThumbnailReader::ThumbnailReader(const std::string& projectPath)
    : impl_(new Impl{project::Project::open(projectPath, project::OpenMode::ReadOnly)}) {}

ThumbnailReader::~ThumbnailReader() = default;

std::optional<ThumbnailPixels> ThumbnailReader::load(int64_t imageId) {
  auto t = impl_->project.thumbnails().load(imageId);
  if (!t) return std::nullopt;
  return ThumbnailPixels{t->width, t->height, std::move(t->grey)};
}

int64_t removeImages(const std::string& projectPath, const std::vector<int64_t>& imageIds) {
  project::Project p = project::Project::open(projectPath);
  project::Transaction tx(p);
  int64_t removed = 0;
  for (int64_t id : imageIds) {
    if (!p.images().get(id)) continue;
    p.images().remove(id);
    // Settings have no foreign key, and SQLite may give the id to the next image imported.
    detail::forgetLeftOutSlices(p, id);
    ++removed;
  }
  tx.commit();
  return removed;
}

namespace {

/// Forwards everything and remembers the units the import finished (their path is the progress text).
class RecordingSink final : public ProgressSink {
 public:
  explicit RecordingSink(ProgressSink& inner) : inner_(inner) {}
  void progress(long long done, long long total, const std::string& what) override {
    if (done > 0 && total > 0) finished.push_back(what);
    inner_.progress(done, total, what);
  }
  void warning(const std::string& message) override { inner_.warning(message); }
  bool cancelled() const override { return inner_.cancelled(); }

  std::vector<std::string> finished;

 private:
  ProgressSink& inner_;
};

std::set<int64_t> allImageIds(const std::string& projectPath) {
  project::Project p = project::Project::open(projectPath, project::OpenMode::ReadOnly);
  std::set<int64_t> ids;
  for (const auto& d : p.datasets().list())
    for (const auto& img : p.images().list(d.dataset.id)) ids.insert(img.id);
  return ids;
}

}  // namespace

ImportReport runImportWithReport(const ImportParams& params, ProgressSink& progress) {
  const std::set<int64_t> before = allImageIds(params.projectPath);
  RecordingSink sink(progress);
  ImportReport report;
  report.result = runImport(params, sink);
  const ImportResult& r = report.result;

  std::unordered_set<std::string> accounted;
  if (r.datasetId) {
    project::Project p = project::Project::open(params.projectPath, project::OpenMode::ReadOnly);
    for (const auto& img : p.images().list(r.datasetId)) {
      if (before.count(img.id) || img.status != project::ImportStatus::Imported) continue;
      report.lines.push_back({ImportReportLine::Outcome::Imported, img.meta.sourcePath, {}});
      accounted.insert(img.meta.sourcePath);
    }
  }
  for (const auto& f : r.failed) accounted.insert(f.path);
  std::vector<std::string> duplicates;
  for (const auto& path : sink.finished)
    if (!accounted.count(path)) duplicates.push_back(path);
  if (int64_t(duplicates.size()) == r.duplicates) {
    for (const auto& path : duplicates)
      report.lines.push_back({ImportReportLine::Outcome::Duplicate, path, "the dataset already holds the same content"});
  } else if (r.duplicates > 0) {  // could not tell which ones: say how many
    report.lines.push_back({ImportReportLine::Outcome::Duplicate, {},
                            std::to_string(r.duplicates) + " file(s) with content the dataset already holds"});
  }
  for (const auto& f : r.failed) report.lines.push_back({ImportReportLine::Outcome::Failed, f.path, f.reason});
  return report;
}

void writeSyntheticBrowseProject(const std::string& projectPath, int64_t count, int datasets, int thumbnailSide) {
  if (datasets < 1) throw std::invalid_argument("writeSyntheticBrowseProject: at least one dataset");
  if (thumbnailSide < 1 || thumbnailSide > 4096) throw std::invalid_argument("writeSyntheticBrowseProject: thumbnail size");
  project::Project p = project::Project::create(projectPath);
  project::Transaction tx(p);
  std::vector<int64_t> ids;
  for (int d = 0; d < datasets; ++d)
    ids.push_back(p.datasets().create("synthetic-" + std::to_string(d + 1), project::DatasetRole::Healthy, "none").id);
  const int side = thumbnailSide;
  for (int64_t i = 0; i < count; ++i) {
    project::NewImage ni;
    char name[64];
    std::snprintf(name, sizeof name, "/synthetic/case-%05lld.png", static_cast<long long>(i));
    ni.meta.sourcePath = name;
    ni.meta.contentHash = project::sha256Hex(std::string(name));
    ni.meta.format = "png";
    ni.meta.modality = (i % 3 == 0) ? "MR" : (i % 3 == 1 ? "CT" : "CR");
    ni.meta.seriesDescription = "synthetic pattern " + std::to_string(i % 17);
    ni.meta.channels = 1;
    ni.meta.shape = Shape(256, 256 + (i % 5) * 16);
    ni.meta.geometry.spacing = {0.5 + 0.1 * double(i % 4), 0.5 + 0.1 * double(i % 4), 1.0};
    project::Thumbnail t;
    t.width = t.height = side;
    t.grey.resize(size_t(side) * size_t(side));
    // A disc whose size and brightness change with the index: distinguishable, cheap, clearly not anatomy.
    const double r = side * (0.2 + 0.25 * double(i % 11) / 10.0);
    for (int y = 0; y < side; ++y)
      for (int x = 0; x < side; ++x) {
        const double dx = x - side / 2.0, dy = y - side / 2.0;
        const bool inside = dx * dx + dy * dy < r * r;
        t.grey[size_t(y * side + x)] = uint8_t(inside ? 90 + (i * 37) % 160 : (x + y + i) % 40);
      }
    ni.thumbnail = std::move(t);
    p.images().insert(ids[size_t(i % datasets)], ni);
  }
  tx.commit();
}

}  // namespace lightbox::workflows
