#pragma once
// Every user action is committed when it happens: a write is wrapped in a Transaction and committed at its end, so
// nothing needs saving and a crash loses at most the action in progress. Transactions nest (an inner one becomes a
// savepoint), so repository methods that are atomic on their own can also be combined into one larger action.

namespace lightbox::project {

class Project;
namespace detail {
class Connection;
}

class Transaction {
 public:
  /// Begins a write transaction (the write lock is taken now, not at the first write, so two writers never
  /// deadlock half-way). Throws ProjectError(ReadOnly) on a read-only project, (Busy) when another connection keeps
  /// the lock past the busy timeout.
  explicit Transaction(Project& project);
  explicit Transaction(detail::Connection& connection); ///< for the library's own repositories
  ~Transaction();                                       ///< rolls back unless committed

  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  bool committed() const { return done_; }

 private:
  void rollbackQuietly() noexcept;

  detail::Connection* conn_;
  bool nested_ = false;
  bool done_ = false;
};

}  // namespace lightbox::project
