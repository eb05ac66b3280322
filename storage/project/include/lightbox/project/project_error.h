#pragma once
// The one exception type of the project-file layer. what() always names the file and the reason, so a message can go
// to the user as it is; kind() lets callers (CLI exit codes, GUI dialogs, tests) react without parsing text.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lightbox::project {

enum class ErrorKind {
  NotFound,        ///< the file, or a row the caller named, does not exist
  AlreadyExists,   ///< Project::create on a path that is taken
  NotSqlite,       ///< not an SQLite database at all (empty, wrong header)
  NotProject,      ///< an SQLite database, but not a Lightbox project (application_id differs)
  TooNew,          ///< written by a newer Lightbox: schema version above what this build knows
  NeedsUpgrade,    ///< an older schema opened read-only; opening it read-write once migrates it
  ReadOnly,        ///< a write through a Project opened read-only
  Duplicate,       ///< a unique key is taken (dataset name, image content hash within a dataset)
  Corrupt,         ///< stored data that does not decode: lying sizes, truncated blobs, malformed text
  InvalidArgument, ///< the caller passed something the project cannot store
  Conflict,        ///< the change would discard the user's work (reviewed findings) and the caller did not allow it
  Busy,            ///< another connection held the write lock longer than the busy timeout
  Io,              ///< disk full, permissions, I/O errors
  Sql,             ///< any other SQLite failure
};

std::string_view toString(ErrorKind kind);

class ProjectError : public std::runtime_error {
 public:
  ProjectError(ErrorKind kind, const std::filesystem::path& file, const std::string& reason);

  ErrorKind kind() const noexcept { return kind_; }
  const std::filesystem::path& file() const noexcept { return file_; }
  const std::string& reason() const noexcept { return reason_; }

 private:
  ErrorKind kind_;
  std::filesystem::path file_;
  std::string reason_;
};

}  // namespace lightbox::project
