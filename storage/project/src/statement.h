#pragma once
// RAII prepared statement. All SQL with values goes through here: the SQL text is a constant and every value is
// bound, so no file name, dataset name or note typed by a user can ever change what a statement does.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace lightbox::project::detail {

class Connection;

class Statement {
 public:
  /// Prepares exactly one statement; trailing SQL is a programming error and throws.
  Statement(Connection& connection, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite's "?1".
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text); ///< copied: the view may die before step()
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, std::nullopt_t);
  /// Empty text is stored as NULL (optional metadata such as DICOM UIDs of a PNG).
  Statement& bindOrNull(int index, std::string_view text);
  /// Not copied: large arrays are bound in place, so `bytes` must outlive the next step().
  Statement& bindBlob(int index, std::span<const uint8_t> bytes);

  /// Binds the arguments to ?1, ?2, ... in order.
  template <typename... Args>
  Statement& bindAll(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  /// Advances; true while a row is available. Throws ProjectError on failure.
  bool step();
  /// Steps to completion, for INSERT / UPDATE / DELETE.
  void run();
  void reset();

  bool isNull(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const; ///< NULL reads as ""
  /// Valid until the next step() or reset().
  std::span<const uint8_t> blob(int column) const;

 private:
  Connection* c_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// sqlite3_last_insert_rowid / sqlite3_changes for the connection.
int64_t lastInsertId(Connection& connection);
int64_t changes(Connection& connection);

}  // namespace lightbox::project::detail
