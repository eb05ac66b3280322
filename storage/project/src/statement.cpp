#include "statement.h"

#include <sqlite3.h>

#include <cctype>

#include "connection.h"

namespace lightbox::project::detail {

namespace {

std::string shortSql(const char* sql) {
  std::string s(sql);
  for (char& ch : s)
    if (ch == '\n') ch = ' ';
  return s.size() > 80 ? s.substr(0, 77) + "..." : s;
}

}  // namespace

Statement::Statement(Connection& connection, const char* sql) : c_(&connection) {
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(c_->handle(), sql, -1, 0, &stmt_, &tail);
  if (rc != SQLITE_OK) throw c_->sqlError(rc, "cannot prepare '" + shortSql(sql) + "'");
  while (tail != nullptr && *tail != '\0' && std::isspace(static_cast<unsigned char>(*tail))) ++tail;
  if (stmt_ == nullptr || (tail != nullptr && *tail != '\0')) {
    sqlite3_finalize(stmt_);
    throw c_->error(ErrorKind::Sql, "internal: a Statement must hold exactly one SQL statement: " + shortSql(sql));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) throw c_->sqlError(rc, "cannot bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) throw c_->sqlError(rc, "cannot bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) throw c_->sqlError(rc, "cannot bind");
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) throw c_->sqlError(rc, "cannot bind");
  return *this;
}

Statement& Statement::bindOrNull(int index, std::string_view text) {
  return text.empty() ? bind(index, std::nullopt) : bind(index, text);
}

Statement& Statement::bindBlob(int index, std::span<const uint8_t> bytes) {
  // A zero-length blob needs a non-null pointer, or SQLite stores NULL instead of an empty blob.
  static const uint8_t kEmpty = 0;
  const void* data = bytes.empty() ? &kEmpty : bytes.data();
  const int rc = sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_STATIC);
  if (rc != SQLITE_OK) throw c_->sqlError(rc, "cannot bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The statement must be reset before the connection can be used for the rollback that follows.
  sqlite3_reset(stmt_);
  // The SQL text SQLite keeps with the statement: callers often pass a temporary std::string's c_str(), which is
  // gone by now (fuzz/fuzz_project_file: heap-use-after-free on every failing step of such a statement).
  throw c_->sqlError(rc, "'" + shortSql(sqlite3_sql(stmt_)) + "' failed");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (p == nullptr) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::span<const uint8_t> Statement::blob(int column) const {
  const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, column));
  const int n = sqlite3_column_bytes(stmt_, column); // after column_blob, as SQLite requires
  if (p == nullptr || n <= 0) return {};
  return {p, static_cast<size_t>(n)};
}

int64_t lastInsertId(Connection& connection) { return sqlite3_last_insert_rowid(connection.handle()); }
int64_t changes(Connection& connection) { return sqlite3_changes64(connection.handle()); }

}  // namespace lightbox::project::detail
