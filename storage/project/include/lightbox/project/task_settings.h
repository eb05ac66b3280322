#pragma once
// Task settings: the user's parameters of each synthetic task (task_settings table), stored as JSON text keyed by
// the task's stable key ("intra-poisson", ...). The JSON layout belongs to the workflows (task_settings_store.cpp);
// this repository stores it verbatim. No row for a task = the paper defaults.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lightbox::project {

namespace detail {
class Connection;
}

struct StoredTaskSettings {
  std::string taskKey;
  std::string params;    ///< JSON text
  std::string updatedAt; ///< ISO 8601 UTC, set by the file
};

class TaskSettingsRepository {
 public:
  explicit TaskSettingsRepository(detail::Connection& connection) : c_(&connection) {}

  /// Inserts or replaces the task's row. Throws InvalidArgument for an empty key, ReadOnly on a read-only project.
  void store(std::string_view taskKey, std::string_view paramsJson);
  std::optional<StoredTaskSettings> load(std::string_view taskKey) const;
  /// Every stored row, by key.
  std::vector<StoredTaskSettings> list() const;
  /// Deletes the task's row (back to the defaults); no row is not an error.
  void remove(std::string_view taskKey);

 private:
  detail::Connection* c_;
};

}  // namespace lightbox::project
