#pragma once
// A Lightbox project: one .lightbox file, which is one SQLite database (docs/project-file.md). Open it, then reach
// its contents through the repositories. One Project is one database connection: use it from one thread at a time;
// other threads or processes open their own Project on the same file (WAL lets readers run beside a writer).

#include <filesystem>
#include <memory>

#include "lightbox/project/arrays.h"
#include "lightbox/project/datasets.h"
#include "lightbox/project/findings.h"
#include "lightbox/project/ground_truth.h"
#include "lightbox/project/images.h"
#include "lightbox/project/predictions.h"
#include "lightbox/project/project_error.h"
#include "lightbox/project/records.h"
#include "lightbox/project/reviews.h"
#include "lightbox/project/runs.h"
#include "lightbox/project/schema.h"
#include "lightbox/project/settings.h"
#include "lightbox/project/sha256.h"
#include "lightbox/project/thresholds.h"
#include "lightbox/project/task_settings.h"
#include "lightbox/project/thumbnails.h"
#include "lightbox/project/transaction.h"

namespace lightbox::project {

enum class OpenMode { ReadWrite, ReadOnly };

class Project {
 public:
  /// Creates a new, empty project. Throws ProjectError(AlreadyExists) when anything is at `path`.
  static Project create(const std::filesystem::path& path);
  /// Opens an existing project. The file is first inspected read-only; a file that is not SQLite (NotSqlite), not
  /// a Lightbox project (NotProject) or of a newer schema (TooNew) is rejected without a single byte written.
  /// ReadWrite migrates an older schema in one transaction; ReadOnly refuses an older schema (NeedsUpgrade) and
  /// every write (ReadOnly).
  static Project open(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWrite);

  Project(Project&&) noexcept;
  Project& operator=(Project&&) noexcept;
  ~Project();

  const std::filesystem::path& path() const;
  OpenMode mode() const;
  int schemaVersion() const;

  /// Repositories are views on this Project's connection: valid while the Project lives.
  DatasetRepository datasets();
  ImageRepository images();
  ArrayRepository arrays();
  ThumbnailRepository thumbnails();
  GroundTruthRepository groundTruth();
  RunRepository runs();
  PredictionRepository predictions();
  ThresholdRepository thresholds();
  FindingRepository findings();
  ReviewRepository reviews();
  SettingsRepository settings();
  TaskSettingsRepository taskSettings();

  /// Datasets with image counts by status, failed images with their reasons, sizes on disk.
  ProjectInfo info();

 private:
  explicit Project(std::unique_ptr<detail::Connection> connection);
  friend class Transaction;

  std::unique_ptr<detail::Connection> conn_;
};

}  // namespace lightbox::project
