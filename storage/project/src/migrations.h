#pragma once
// The list of schema migrations, and applying them. Migration N turns a version N-1 file into version N; version
// 0 is the empty file that Project::create starts from. Adding version 2 = one new schema_v2.cpp with its SQL
// (ending in "PRAGMA user_version = 2;") and one line in the list in migrations.cpp.

#include <span>

namespace lightbox::project::detail {

class Connection;

struct Migration {
  int version;         ///< the user_version the file has afterwards
  const char* summary; ///< one line, for docs and error messages
  const char* sql;     ///< constant SQL; must end by setting PRAGMA user_version to `version`
};

std::span<const Migration> migrations();

/// Brings the file to `targetVersion` in one write transaction (all steps or none). A version-0 file (freshly
/// created, empty) also receives the application id. The caller holds no transaction. Throws ProjectError.
void migrate(Connection& connection, int targetVersion);

}  // namespace lightbox::project::detail
