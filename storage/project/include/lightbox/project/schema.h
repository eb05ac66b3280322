#pragma once
// Identity and version of the project file format (docs/project-file.md).

#include <cstdint>
#include <filesystem>

namespace lightbox::project {

/// `PRAGMA application_id` of every .lightbox file: ASCII "LBOX". It is how a foreign SQLite file is told apart from
/// a project before anything is read or written.
inline constexpr int32_t kApplicationId = 0x4C424F58;

/// The schema version (`PRAGMA user_version`) this build writes; files of every lower version are migrated on open.
int currentSchemaVersion();

/// Creates a new project file whose schema stops at `version` (1 .. currentSchemaVersion()), exactly as a build of
/// that version created it. For migration tests and fixture generation; applications call Project::create.
/// Throws ProjectError (AlreadyExists, InvalidArgument, Io).
void createProjectAtVersion(const std::filesystem::path& path, int version);

}  // namespace lightbox::project
