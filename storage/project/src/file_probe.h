#pragma once
// Inspecting a file before Project::open touches it for writing.

#include <filesystem>

namespace lightbox::project::detail {

/// Checks, reading only, that `path` is a Lightbox project this build can open, and returns its schema version.
/// Throws ProjectError: NotFound, NotSqlite (empty, no SQLite header), NotProject (foreign application_id),
/// TooNew (higher user_version), Corrupt (damaged SQLite), Io (unreadable).
int probeProjectFile(const std::filesystem::path& path);

}  // namespace lightbox::project::detail
