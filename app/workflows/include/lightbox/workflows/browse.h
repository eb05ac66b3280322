#pragma once
// Browsing a project's images (the desktop dataset browser): the whole listing in one read, thumbnails one by one
// from a reader that keeps its connection open, removal of images, and the import report the import dialog shows.
// Plain structs only; the project file stays behind this header (no SQLite or project types).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/progress.h"
#include "lightbox/workflows/import.h"

namespace lightbox::workflows {

struct BrowseDataset {
  int64_t id = 0;
  std::string name, role, preset;
  int64_t imported = 0, failed = 0, excluded = 0;
};

struct BrowseImage {
  int64_t id = 0;
  int64_t datasetId = 0;
  std::string sourcePath, format, modality, seriesDescription;
  std::string shape;     ///< e.g. "20x256x256"; empty when unknown (failed imports)
  std::string spacing;   ///< e.g. "4.4 x 0.94 x 0.94" (mm)
  int64_t voxels = 0;    ///< product of the shape, for sorting by size
  std::string status;    ///< imported | failed
  std::string error;
  bool excluded = false;
  int64_t slicesExcluded = 0;  ///< slices of a volume a user excluded on their own (slice_exclusion.h)
};

struct ProjectContents {
  std::vector<BrowseDataset> datasets;  ///< by name
  std::vector<BrowseImage> images;      ///< by dataset, then import order
};

/// Every dataset and image of the project, opened read-only. Throws std::runtime_error naming the file.
ProjectContents loadProjectContents(const std::string& projectPath);

struct ThumbnailPixels {
  int width = 0, height = 0;
  std::vector<uint8_t> grey;  ///< row-major, width * height
};

/// Reads thumbnails through one read-only connection (open it on the thread that uses it; one thread at a time).
class ThumbnailReader {
 public:
  explicit ThumbnailReader(const std::string& projectPath);  ///< throws std::runtime_error naming the file
  ~ThumbnailReader();
  ThumbnailReader(const ThumbnailReader&) = delete;
  ThumbnailReader& operator=(const ThumbnailReader&) = delete;

  /// nullopt when the image has no thumbnail (failed imports) or is gone.
  std::optional<ThumbnailPixels> load(int64_t imageId);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Deletes the images and everything stored for them, all in one transaction. Returns how many were removed.
int64_t removeImages(const std::string& projectPath, const std::vector<int64_t>& imageIds);

/// One line of the import dialog's summary table.
struct ImportReportLine {
  enum class Outcome { Imported, Duplicate, Failed };
  Outcome outcome = Outcome::Imported;
  std::string path;
  std::string reason;  ///< why it failed or was skipped; empty when imported
};

struct ImportReport {
  ImportResult result;
  std::vector<ImportReportLine> lines;  ///< imported, then skipped duplicates, then failures
};

/// runImport, plus which files were imported and which were skipped as duplicates (runImport counts the latter).
ImportReport runImportWithReport(const ImportParams& params, ProgressSink& progress);

/// Writes a synthetic project for benchmarks and tests: `count` tiny images with thumbnails (no arrays), spread over
/// `datasets` healthy datasets, in one transaction. Refuses to overwrite an existing file. Not anatomy.
void writeSyntheticBrowseProject(const std::string& projectPath, int64_t count, int datasets = 1,
                                 int thumbnailSide = 64);

}  // namespace lightbox::workflows
