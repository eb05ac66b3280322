// The user-editable list of finding categories (table finding_categories): add, rename, remove, reorder.
#include <algorithm>
#include <set>

#include "connection.h"
#include "lightbox/project/findings.h"
#include "lightbox/project/transaction.h"
#include "statement.h"
#include "text_checks.h"

namespace lightbox::project {

using detail::Statement;

namespace {

constexpr size_t kMaxCategoryBytes = 200;

std::string trimmed(std::string_view name) {
  const auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v'; };
  while (!name.empty() && space(name.front())) name.remove_prefix(1);
  while (!name.empty() && space(name.back())) name.remove_suffix(1);
  return std::string(name);
}

void requireCategory(detail::Connection& c, int64_t id) {
  Statement st(c, "SELECT 1 FROM finding_categories WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no finding category with id " + std::to_string(id));
}

// The trimmed name, checked to be storable and not to clash (ignoring ASCII case) with another category than `self`.
std::string checkedName(detail::Connection& c, std::string_view raw, int64_t self) {
  const std::string name = trimmed(raw);
  if (name.empty()) throw c.error(ErrorKind::InvalidArgument, "a finding category needs a name");
  if (const std::string p = detail::textProblem(name, "the category name '" + name + "'", kMaxCategoryBytes); !p.empty())
    throw c.error(ErrorKind::InvalidArgument, p);
  Statement st(c, "SELECT name FROM finding_categories WHERE lower(name) = lower(?1) AND id <> ?2");
  st.bind(1, name).bind(2, self);
  if (st.step())
    throw c.error(ErrorKind::InvalidArgument, "there is a finding category '" + st.text(0) + "' already, so '" + name +
                                                  "' cannot be added or given as a new name");
  return name;
}

}  // namespace

int64_t FindingRepository::addCategory(std::string_view rawName, std::optional<int64_t> preferredId) {
  c_->requireWritable("add a finding category");
  Transaction tx(*c_);
  const std::string name = checkedName(*c_, rawName, 0);
  bool free = false;
  if (preferredId && *preferredId > 0) {
    Statement st(*c_, "SELECT 1 FROM finding_categories WHERE id = ?1");
    st.bind(1, *preferredId);
    free = !st.step();
  }
  Statement st(*c_,
               "INSERT INTO finding_categories (id, name, ordinal) "
               "VALUES (?2, ?1, (SELECT coalesce(max(ordinal), 0) + 1 FROM finding_categories))");
  st.bind(1, name);
  if (free) st.bind(2, *preferredId);
  else st.bind(2, std::nullopt);  // NULL: SQLite picks the next rowid
  st.run();
  const int64_t id = detail::lastInsertId(*c_);
  tx.commit();
  return id;
}

void FindingRepository::renameCategory(int64_t categoryId, std::string_view rawName) {
  c_->requireWritable("rename a finding category");
  Transaction tx(*c_);
  requireCategory(*c_, categoryId);
  const std::string name = checkedName(*c_, rawName, categoryId);
  Statement(*c_, "UPDATE finding_categories SET name = ?2 WHERE id = ?1").bind(1, categoryId).bind(2, name).run();
  tx.commit();
}

int64_t FindingRepository::categoryUse(int64_t categoryId) const {
  requireCategory(*c_, categoryId);
  Statement st(*c_, "SELECT count(*) FROM findings WHERE category_id = ?1");
  st.bind(1, categoryId);
  st.step();
  return st.int64(0);
}

std::vector<int64_t> FindingRepository::removeCategory(int64_t categoryId) {
  c_->requireWritable("remove a finding category");
  Transaction tx(*c_);
  requireCategory(*c_, categoryId);
  std::vector<int64_t> had;
  {
    Statement st(*c_, "SELECT id FROM findings WHERE category_id = ?1 ORDER BY id");
    st.bind(1, categoryId);
    while (st.step()) had.push_back(st.int64(0));
  }
  Statement(*c_, "DELETE FROM finding_categories WHERE id = ?1").bind(1, categoryId).run();  // findings: SET NULL
  tx.commit();
  return had;
}

void FindingRepository::reorderCategories(std::span<const int64_t> ids) {
  c_->requireWritable("reorder the finding categories");
  Transaction tx(*c_);
  std::set<int64_t> all;
  {
    Statement st(*c_, "SELECT id FROM finding_categories");
    while (st.step()) all.insert(st.int64(0));
  }
  const std::set<int64_t> given(ids.begin(), ids.end());
  if (given.size() != ids.size() || given != all)
    throw c_->error(ErrorKind::InvalidArgument, "a new order of the finding categories must name each of the " +
                                                    std::to_string(all.size()) + " categories exactly once");
  Statement st(*c_, "UPDATE finding_categories SET ordinal = ?2 WHERE id = ?1");
  for (size_t k = 0; k < ids.size(); ++k) {
    st.reset();
    st.bind(1, ids[k]).bind(2, int64_t(k + 1)).run();
  }
  tx.commit();
}

}  // namespace lightbox::project
