#pragma once
// Datasets: named groups of images with a role (healthy training set, test set, blend source).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lightbox/project/records.h"

namespace lightbox::project {

namespace detail {
class Connection;
}

/// A view on one Project's connection; valid while that Project lives. Every write commits on return.
class DatasetRepository {
 public:
  explicit DatasetRepository(detail::Connection& connection) : c_(&connection) {}

  /// Throws ProjectError(Duplicate) when the name is taken, (InvalidArgument) for an empty name.
  Dataset create(std::string_view name, DatasetRole role, std::string_view preset = {});
  std::optional<Dataset> findByName(std::string_view name) const;
  std::optional<Dataset> get(int64_t id) const;
  /// All datasets by name, with their image counts by status.
  std::vector<DatasetSummary> list() const;
  /// Deletes the dataset and, through ON DELETE CASCADE, its images and everything stored for them
  /// (arrays, thumbnails, ground truth, predictions, findings, reviews). Throws NotFound for an unknown id.
  void remove(int64_t id);

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
