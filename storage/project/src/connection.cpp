#include "connection.h"

#include <sqlite3.h>

#include <sys/statvfs.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "statement.h"

namespace lightbox::project::detail {

namespace {

// A writer that holds the lock longer than this (a long import transaction in another process) makes us give up
// with ProjectError(Busy) instead of hanging the GUI.
constexpr int kBusyTimeoutMs = 5000;

ErrorKind kindFor(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return ErrorKind::Duplicate;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return ErrorKind::NotFound; // a row refers to one that does not exist
    default: break;
  }
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT: return ErrorKind::InvalidArgument; // CHECK / NOT NULL: a value the schema refuses
    case SQLITE_READONLY: return ErrorKind::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT: return ErrorKind::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorKind::Busy;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return ErrorKind::Io;
    case SQLITE_TOOBIG: return ErrorKind::InvalidArgument;
    default: return ErrorKind::Sql;
  }
}

// SQLite's own words ("database is locked", "disk I/O error") do not tell the user what to do; add the cause.
std::string explain(int rc, sqlite3* db, std::string reason) {
  const ErrorKind kind = kindFor(rc);
  if (kind == ErrorKind::Busy)
    return "another program (another Lightbox window or lightbox-cli) is writing to this project and kept it locked "
           "for more than " + std::to_string(kBusyTimeoutMs / 1000) + " s; try again when it has finished (" +
           reason + ")";
  // For I/O errors the operating system's reason (EFBIG, EIO, EACCES) says more than "disk I/O error".
  if (db == nullptr || (rc & 0xff) != SQLITE_IOERR) return reason;
  if (const int e = sqlite3_system_errno(db); e != 0) {
    reason += std::string(" (") + std::strerror(e) + ")";
  } else if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
             rc == SQLITE_IOERR_SHMSIZE) {
    // SQLite often has no errno left to report (EFBIG from a file-size limit, for one).
    reason += " (writing to the disk failed: is it full, or over a file-size limit?)";
  }
  return reason;
}

// A WAL-mode file on a read-only medium (a read-only mount, a DVD, a locked SD card): SQLite cannot create the
// -shm file it needs even to read, and fails with "unable to open database file". Nobody can change a file there,
// so it is safe to open it as immutable (no locks, no -shm) -- unless a -wal left beside it holds commits that
// immutable mode would not see; that case keeps the normal open and its clear error below.
bool onReadOnlyMedium(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  struct statvfs fs {};
  if (::statvfs(folder.c_str(), &fs) != 0 || (fs.f_flag & ST_RDONLY) == 0) return false;
  std::error_code ec;
  const auto walSize = std::filesystem::file_size(path.string() + "-wal", ec);
  return ec || walSize == 0;
}

// file: URI of a path, every byte outside the unreserved set percent-encoded ('?', '#', '%' and spaces included).
std::string immutableUri(const std::filesystem::path& path) {
  std::string uri = "file:";
  for (const unsigned char c : std::filesystem::absolute(path).string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += char(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Connection::Connection(const std::filesystem::path& path, Access access) : path_(path), access_(access) {
  const bool immutable = access == Access::ReadOnly && onReadOnlyMedium(path);
  const int flags = (access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                    (immutable ? SQLITE_OPEN_URI : 0);
  const std::string name = immutable ? immutableUri(path) : path.string();
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const ProjectError e = sqlError(rc, "cannot open");
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw e;
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // A project file may come from a colleague: defensive mode blocks writable_schema tricks that corrupt the file,
  // and an untrusted schema may not call functions with side effects from views or triggers.
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  try {
    exec("PRAGMA foreign_keys = ON");
    if (access == Access::ReadOnly) {
      exec("PRAGMA query_only = ON"); // second guard behind SQLITE_OPEN_READONLY
      // Reading a WAL-mode file needs its -shm beside it; say why when it cannot be made, not "unable to open".
      char* message = nullptr;
      const int probe = sqlite3_exec(db_, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, &message);
      sqlite3_free(message);
      if ((probe & 0xff) == SQLITE_CANTOPEN)
        throw error(ErrorKind::Io, "cannot be read in place: SQLite needs to create '" + path.filename().string() +
                                       "-shm' beside it, and the folder is not writable (an unfinished '-wal' lies "
                                       "beside it, or the folder is write-protected); copy the project and its "
                                       "'-wal' file to a writable folder");
    } else {
      // SQLite quietly falls back to read-only for a write-protected file; say so now, not at the first write.
      if (sqlite3_db_readonly(db_, "main") == 1)
        throw error(ErrorKind::ReadOnly, "is write-protected or on a read-only medium, so it cannot be opened for "
                                         "writing; open it read-only (reading and exporting work)");
      Statement wal(*this, "PRAGMA journal_mode = WAL");
      if (!wal.step() || wal.text(0) != "wal")
        throw error(ErrorKind::Io, "cannot switch the project file to WAL mode (is it on a network share?)");
      // In WAL mode NORMAL loses nothing when the application crashes and never corrupts the file; only the last
      // commits before a power cut may be lost. FULL would fsync every import and every review click.
      exec("PRAGMA synchronous = NORMAL");
    }
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Connection::~Connection() {
  // close_v2: statements a caller leaked do not keep the file open forever; the last close checkpoints the WAL
  // into the main file, so a closed project is one self-contained file again.
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

void Connection::requireWritable(std::string_view action) const {
  if (readOnly())
    throw error(ErrorKind::ReadOnly, "the project was opened read-only, so it cannot " + std::string(action));
}

void Connection::exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw ProjectError(kindFor(rc), path_, explain(rc, db_, reason));
  }
}

int64_t Connection::pragmaInt(const char* pragma) {
  Statement st(*this, pragma);
  if (!st.step()) throw error(ErrorKind::Sql, std::string(pragma) + " returned nothing");
  return st.int64(0);
}

ProjectError Connection::sqlError(int rc, std::string_view context) const {
  std::string reason(context);
  reason += ": ";
  reason += db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  return ProjectError(kindFor(rc), path_, explain(rc, db_, reason));
}

void reserveNewFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::exists(path.string() + "-wal", ec))
    throw ProjectError(ErrorKind::AlreadyExists, path,
                       "a leftover '-wal' file of an earlier project lies beside it; move it away first");
  // "x": fail if the file exists, decided by the file system in the same call that creates it.
  std::FILE* f = std::fopen(path.string().c_str(), "wbx");
  if (f == nullptr) {
    if (std::filesystem::exists(path, ec)) throw ProjectError(ErrorKind::AlreadyExists, path, "already exists");
    throw ProjectError(ErrorKind::Io, path, "cannot be created: " + std::generic_category().message(errno));
  }
  std::fclose(f);
}

void removeProjectFiles(const std::filesystem::path& path) noexcept {
  std::error_code ec;
  std::filesystem::remove(path, ec);
  std::filesystem::remove(path.string() + "-wal", ec);
  std::filesystem::remove(path.string() + "-shm", ec);
}

}  // namespace lightbox::project::detail
