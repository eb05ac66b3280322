#include "lightbox/project/project.h"

#include "connection.h"
#include "file_probe.h"
#include "migrations.h"

namespace lightbox::project {

using detail::Connection;

Project::Project(std::unique_ptr<Connection> connection) : conn_(std::move(connection)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::create(const std::filesystem::path& path) {
  createProjectAtVersion(path, currentSchemaVersion());
  return open(path, OpenMode::ReadWrite);
}

Project Project::open(const std::filesystem::path& path, OpenMode mode) {
  // Inspect read-only first, so that a foreign or too-new file is never opened for writing (even opening for
  // writing may create a -wal file or switch the journal mode).
  const int version = detail::probeProjectFile(path);
  if (mode == OpenMode::ReadOnly) {
    if (version < currentSchemaVersion())
      throw ProjectError(ErrorKind::NeedsUpgrade, path,
                         "has schema version " + std::to_string(version) + ", older than this build's " +
                             std::to_string(currentSchemaVersion()) +
                             "; open it read-write once to upgrade it, or use the Lightbox that made it");
    return Project(std::make_unique<Connection>(path, Connection::Access::ReadOnly));
  }
  auto conn = std::make_unique<Connection>(path, Connection::Access::ReadWrite);
  if (version < currentSchemaVersion()) detail::migrate(*conn, currentSchemaVersion());
  return Project(std::move(conn));
}

const std::filesystem::path& Project::path() const { return conn_->path(); }

OpenMode Project::mode() const { return conn_->readOnly() ? OpenMode::ReadOnly : OpenMode::ReadWrite; }

int Project::schemaVersion() const { return static_cast<int>(conn_->pragmaInt("PRAGMA user_version")); }

DatasetRepository Project::datasets() { return DatasetRepository(*conn_); }
ImageRepository Project::images() { return ImageRepository(*conn_); }
ArrayRepository Project::arrays() { return ArrayRepository(*conn_); }
ThumbnailRepository Project::thumbnails() { return ThumbnailRepository(*conn_); }
GroundTruthRepository Project::groundTruth() { return GroundTruthRepository(*conn_); }
RunRepository Project::runs() { return RunRepository(*conn_); }
PredictionRepository Project::predictions() { return PredictionRepository(*conn_); }
ThresholdRepository Project::thresholds() { return ThresholdRepository(*conn_); }
FindingRepository Project::findings() { return FindingRepository(*conn_); }
ReviewRepository Project::reviews() { return ReviewRepository(*conn_); }
SettingsRepository Project::settings() { return SettingsRepository(*conn_); }
TaskSettingsRepository Project::taskSettings() { return TaskSettingsRepository(*conn_); }

}  // namespace lightbox::project
