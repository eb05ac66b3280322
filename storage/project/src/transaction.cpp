#include "lightbox/project/transaction.h"

#include <sqlite3.h>

#include "connection.h"
#include "lightbox/project/project.h"

namespace lightbox::project {

Transaction::Transaction(Project& project) : Transaction(*project.conn_) {}

Transaction::Transaction(detail::Connection& connection) : conn_(&connection) {
  conn_->requireWritable("be changed");
  int& depth = conn_->transactionDepth();
  nested_ = depth > 0;
  // IMMEDIATE takes the write lock at once: a deferred transaction that reads first and writes later can fail with
  // SQLITE_BUSY half-way when another connection wrote in between, which the busy timeout cannot resolve.
  // The savepoint name is a constant: SQLite nests savepoints of the same name, innermost first.
  conn_->exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
  ++depth;
}

Transaction::~Transaction() {
  if (!done_) rollbackQuietly();
}

void Transaction::commit() {
  if (done_) throw conn_->error(ErrorKind::Sql, "internal: transaction committed twice");
  conn_->exec(nested_ ? "RELEASE nested" : "COMMIT");
  done_ = true;
  --conn_->transactionDepth();
}

void Transaction::rollbackQuietly() noexcept {
  done_ = true;
  --conn_->transactionDepth();
  // After some errors (disk full, I/O) SQLite has already rolled the whole transaction back itself; then there is
  // nothing left to undo and the statements below would only fail.
  if (sqlite3_get_autocommit(conn_->handle()) != 0) return;
  try {
    conn_->exec(nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
  } catch (...) {
    // A destructor must not throw; a failed rollback leaves the transaction to be rolled back on close.
  }
}

}  // namespace lightbox::project
