#pragma once
// Plain value types that go into and come out of the project file. No SQLite types: callers above this layer
// (workflows, CLI, GUI) see only these and the core image types.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/image.h"
#include "lightbox/project/encoded_array.h"

namespace lightbox::project {

enum class DatasetRole { Healthy, Test, Blend };
enum class ImportStatus { Imported, Failed };

/// The words stored in the file ('healthy', 'test', 'blend'; 'imported', 'failed').
std::string_view toString(DatasetRole role);
std::string_view toString(ImportStatus status);
std::optional<DatasetRole> parseDatasetRole(std::string_view text);
std::optional<ImportStatus> parseImportStatus(std::string_view text);

struct Dataset {
  int64_t id = 0;
  std::string name;
  DatasetRole role = DatasetRole::Healthy;
  std::string preset;    ///< preprocessing preset name; empty = none chosen
  std::string createdAt; ///< ISO 8601 UTC, set by the file
};

struct DatasetSummary {
  Dataset dataset;
  int64_t imported = 0;
  int64_t failed = 0;
  int64_t excluded = 0; ///< imported images marked excluded by the healthy-set audit
};

/// What the importer knows about one image (a single file or a whole DICOM series). Empty strings are stored as
/// NULL. `shape.ndim == 0` means the original grid is unknown (typical for failed imports).
struct ImageMetadata {
  std::string sourcePath;  ///< the file, or the series folder, the user imported
  std::string contentHash; ///< SHA-256 hex of the source bytes; duplicates within a dataset are refused
  std::string format;      ///< e.g. "dicom", "nifti", "png"
  std::string modality;    ///< DICOM Modality, e.g. "MR"
  std::string studyInstanceUid;
  std::string seriesInstanceUid;
  std::string sopInstanceUid; ///< single-file images; the slices of a series are in SourceFile
  std::string seriesDescription;
  int channels = 0;
  Shape shape;       ///< original voxel grid, numpy axis order
  Geometry geometry; ///< original grid to patient coordinates (mm)
};

/// One file of a multi-file image (the slices of a DICOM series, in slice order).
struct SourceFile {
  std::string path;
  std::string contentHash;
  std::string sopInstanceUid;
};

struct ImageRecord {
  int64_t id = 0;
  int64_t datasetId = 0;
  ImageMetadata meta;
  ImportStatus status = ImportStatus::Imported;
  std::string error; ///< why the import failed; empty when imported
  bool excluded = false;
  std::string excludedReason;
  std::string importedAt;
};

/// A stored array in the image's working space: a float32 image (with its geometry) and optionally its object
/// (foreground) mask of the same shape. `mapping` is JSON text, written by the preprocessing, that describes the
/// crop/pad/scale steps back to the original grid; the project stores it verbatim.
struct ArrayData {
  std::string kind = "preprocessed";
  Image image;
  Mask mask; ///< empty = no mask
  std::string mapping = "[]";
};

/// A small 8-bit grey preview, row-major, width * height bytes.
struct Thumbnail {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> grey;
};

/// Everything one import writes, so that it is stored all-or-nothing (ImageRepository::insert). The arrays come
/// encoded (EncodedArray::encode), so that the expensive part can run before, and beside, the write transaction.
struct NewImage {
  ImageMetadata meta;
  std::vector<SourceFile> files;
  std::vector<EncodedArray> arrays;
  std::optional<Thumbnail> thumbnail;
};

struct FailedImage {
  int64_t id = 0;
  std::string dataset;
  std::string sourcePath;
  std::string error;
};

/// What `lightbox-cli info` prints.
struct ProjectInfo {
  std::string path;
  int schemaVersion = 0;
  int64_t fileBytes = 0;  ///< the .lightbox file on disk
  int64_t walBytes = 0;   ///< its -wal file, not yet checkpointed (0 when absent)
  int64_t arrayBytes = 0; ///< compressed array and mask blobs
  int64_t thumbnailBytes = 0;
  std::vector<DatasetSummary> datasets;
  std::vector<FailedImage> failed;
};

}  // namespace lightbox::project
