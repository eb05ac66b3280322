#include "lightbox/project/project_error.h"

namespace lightbox::project {

std::string_view toString(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::NotFound: return "not found";
    case ErrorKind::AlreadyExists: return "already exists";
    case ErrorKind::NotSqlite: return "not an SQLite database";
    case ErrorKind::NotProject: return "not a Lightbox project";
    case ErrorKind::TooNew: return "made by a newer Lightbox";
    case ErrorKind::NeedsUpgrade: return "needs upgrading";
    case ErrorKind::ReadOnly: return "read-only";
    case ErrorKind::Duplicate: return "duplicate";
    case ErrorKind::Corrupt: return "corrupt";
    case ErrorKind::InvalidArgument: return "invalid argument";
    case ErrorKind::Conflict: return "conflict";
    case ErrorKind::Busy: return "busy";
    case ErrorKind::Io: return "I/O error";
    case ErrorKind::Sql: return "database error";
  }
  return "error";
}

ProjectError::ProjectError(ErrorKind kind, const std::filesystem::path& file, const std::string& reason)
    : std::runtime_error(file.empty() ? reason : file.string() + ": " + reason),
      kind_(kind),
      file_(file),
      reason_(reason) {}

}  // namespace lightbox::project
