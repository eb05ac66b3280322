#include "migrations.h"

#include <string>

#include "connection.h"
#include "lightbox/project/schema.h"
#include "lightbox/project/transaction.h"
#include "statement.h"

namespace lightbox::project::detail {

extern const char* const kSchemaV1;

std::span<const Migration> migrations() {
  // In version order, one entry per version; the last one is what this build writes.
  static const Migration kList[] = {
      {1, "initial schema: datasets, images, arrays, thumbnails, ground truth, runs, predictions, findings, reviews",
       kSchemaV1},
  };
  return kList;
}

namespace {

// Pragmas take no bound parameters; the value is this build's compile-time constant, never outside input.
const std::string& setApplicationIdSql() {
  static const std::string sql = "PRAGMA application_id = " + std::to_string(kApplicationId);
  return sql;
}

std::string versionsText(int64_t version) {
  return "schema version " + std::to_string(version) + "; this build understands up to " +
         std::to_string(currentSchemaVersion());
}

// foreign_keys cannot change inside a transaction, so it is switched off around the migration transaction (table
// rebuilds in later migrations need it off) and always switched back on, after the transaction has ended.
struct ForeignKeysOffDuring {
  explicit ForeignKeysOffDuring(Connection& c) : c_(c) { c_.exec("PRAGMA foreign_keys = OFF"); }
  ~ForeignKeysOffDuring() {
    try {
      c_.exec("PRAGMA foreign_keys = ON");
    } catch (...) {
      // Nothing sensible to do in a destructor; the next statement on the connection reports the problem.
    }
  }
  ForeignKeysOffDuring(const ForeignKeysOffDuring&) = delete;
  ForeignKeysOffDuring& operator=(const ForeignKeysOffDuring&) = delete;
  Connection& c_;
};

}  // namespace

void migrate(Connection& c, int targetVersion) {
  c.requireWritable("upgrade its schema");
  ForeignKeysOffDuring fkOff(c);
  Transaction tx(c);
  // Read again under the write lock: another process may have migrated the file since it was inspected.
  const int64_t appId = c.pragmaInt("PRAGMA application_id");
  int64_t version = c.pragmaInt("PRAGMA user_version");
  if (appId == 0 && version == 0) {
    Statement tables(c, "SELECT count(*) FROM sqlite_schema");
    if (tables.step() && tables.int64(0) != 0)
      throw c.error(ErrorKind::NotProject, "is an SQLite database but not a Lightbox project");
    c.exec(setApplicationIdSql().c_str());
  } else if (appId != kApplicationId) {
    throw c.error(ErrorKind::NotProject, "is an SQLite database but not a Lightbox project");
  }
  if (version > currentSchemaVersion())
    throw c.error(ErrorKind::TooNew, "was written by a newer Lightbox (" + versionsText(version) + ")");
  for (const Migration& m : migrations()) {
    if (m.version <= version || m.version > targetVersion) continue;
    c.exec(m.sql);
    if (c.pragmaInt("PRAGMA user_version") != m.version)
      throw c.error(ErrorKind::Sql,
                    "internal: migration to version " + std::to_string(m.version) + " did not set user_version");
    version = m.version;
  }
  Statement fk(c, "PRAGMA foreign_key_check");
  if (fk.step())
    throw c.error(ErrorKind::Corrupt,
                  "a row of table '" + fk.text(0) + "' refers to a missing row, so its schema cannot be upgraded");
  tx.commit();
}

}  // namespace lightbox::project::detail

namespace lightbox::project {

int currentSchemaVersion() { return detail::migrations().back().version; }

void createProjectAtVersion(const std::filesystem::path& path, int version) {
  if (version < 1 || version > currentSchemaVersion())
    throw ProjectError(ErrorKind::InvalidArgument, path,
                       "there is no schema version " + std::to_string(version) + " to create");
  detail::reserveNewFile(path);
  try {
    detail::Connection c(path, detail::Connection::Access::ReadWrite);
    detail::migrate(c, version);
  } catch (...) {
    // A half-made file would later be reported as "not a project"; better not to leave one.
    detail::removeProjectFiles(path);
    throw;
  }
}

}  // namespace lightbox::project
