#pragma once
// One SQLite connection to a project file, with the settings every Lightbox connection shares. Private to the
// library: nothing above storage/project sees an sqlite3 handle.

#include <filesystem>
#include <string>
#include <string_view>

#include "lightbox/project/project_error.h"

struct sqlite3;

namespace lightbox::project::detail {

class Connection {
 public:
  enum class Access { ReadOnly, ReadWrite };

  /// Opens an existing file (never creates one: creation goes through reserveNewFile first). ReadWrite switches the
  /// file to WAL; both modes turn foreign keys on and make the schema untrusted (a colleague's file may be hostile).
  Connection(const std::filesystem::path& path, Access access);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }
  const std::filesystem::path& path() const { return path_; }
  bool readOnly() const { return access_ == Access::ReadOnly; }

  /// Throws ProjectError(ReadOnly) naming the action the caller attempted.
  void requireWritable(std::string_view action) const;

  /// Runs constant SQL (DDL, BEGIN/COMMIT, pragmas). Values never go through here: they are bound in a Statement.
  void exec(const char* sql);
  /// A single-integer pragma such as "PRAGMA user_version".
  int64_t pragmaInt(const char* pragma);

  /// The ProjectError for a failed SQLite call: kind from the result code, reason = context + SQLite's message.
  ProjectError sqlError(int rc, std::string_view context) const;
  ProjectError error(ErrorKind kind, const std::string& reason) const { return ProjectError(kind, path_, reason); }

  /// Transaction nesting depth, kept here because it belongs to the connection, not to any one Transaction.
  int& transactionDepth() { return depth_; }

 private:
  std::filesystem::path path_;
  Access access_;
  sqlite3* db_ = nullptr;
  int depth_ = 0;
};

/// Creates `path` as an empty file, failing if anything exists there (atomically: no check-then-create race), and
/// refuses when a stale -wal file lies beside it (SQLite would replay it into the new database).
void reserveNewFile(const std::filesystem::path& path);
/// Removes a file made by reserveNewFile and its -wal/-shm companions, after a failed creation.
void removeProjectFiles(const std::filesystem::path& path) noexcept;

}  // namespace lightbox::project::detail
