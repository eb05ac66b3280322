#pragma once
// Images: one row per imported file or DICOM series, with its source, hash, DICOM identity, original geometry and
// import status. Re-imports are detected by content hash within a dataset.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lightbox/project/records.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

class ImageRepository {
 public:
  explicit ImageRepository(detail::Connection& connection) : c_(&connection) {}

  /// Stores the image row, its source files, arrays and thumbnail in one transaction: afterwards either all of
  /// them are in the file or none is. Returns the new image id. Throws ProjectError(Duplicate) when the dataset
  /// already holds an image with this content hash, (NotFound) for an unknown dataset, (InvalidArgument) for arrays
  /// or a thumbnail that cannot be stored.
  int64_t insert(int64_t datasetId, const NewImage& image);
  /// Records an import that failed, with what is known of the image and why it failed, so that `info` can name it.
  int64_t recordFailure(int64_t datasetId, const ImageMetadata& meta, std::string_view error);
  /// Turns an imported image into a failed one (its arrays and thumbnail are removed with it).
  void markFailed(int64_t imageId, std::string_view error);
  /// The healthy-set audit: excluded images stay in the project, marked, and are left out of later runs.
  void setExcluded(int64_t imageId, bool excluded, std::string_view reason = {});
  /// Deletes the image and everything stored for it.
  void remove(int64_t imageId);

  std::optional<ImageRecord> get(int64_t imageId) const;
  std::optional<ImageRecord> findByHash(int64_t datasetId, std::string_view contentHash) const;
  /// The dataset's images in import order, failed ones included (with their error text).
  std::vector<ImageRecord> list(int64_t datasetId) const;
  int64_t count(int64_t datasetId, std::optional<ImportStatus> status = std::nullopt) const;
  std::vector<SourceFile> files(int64_t imageId) const;

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
