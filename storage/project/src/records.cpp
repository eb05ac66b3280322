#include "lightbox/project/records.h"

namespace lightbox::project {

std::string_view toString(DatasetRole role) {
  switch (role) {
    case DatasetRole::Healthy: return "healthy";
    case DatasetRole::Test: return "test";
    case DatasetRole::Blend: return "blend";
  }
  return "healthy";
}

std::string_view toString(ImportStatus status) { return status == ImportStatus::Imported ? "imported" : "failed"; }

std::optional<DatasetRole> parseDatasetRole(std::string_view text) {
  for (const DatasetRole r : {DatasetRole::Healthy, DatasetRole::Test, DatasetRole::Blend})
    if (text == toString(r)) return r;
  return std::nullopt;
}

std::optional<ImportStatus> parseImportStatus(std::string_view text) {
  for (const ImportStatus s : {ImportStatus::Imported, ImportStatus::Failed})
    if (text == toString(s)) return s;
  return std::nullopt;
}

}  // namespace lightbox::project
