#include "lightbox/project/datasets.h"

#include "connection.h"
#include "lightbox/project/transaction.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

Dataset readDataset(const detail::Connection& c, const Statement& st) {
  Dataset d;
  d.id = st.int64(0);
  d.name = st.text(1);
  const auto role = parseDatasetRole(st.text(2));
  if (!role) throw c.error(ErrorKind::Corrupt, "dataset '" + d.name + "' has the unknown role '" + st.text(2) + "'");
  d.role = *role;
  d.preset = st.text(3);
  d.createdAt = st.text(4);
  return d;
}

std::optional<Dataset> findOne(detail::Connection& c, const char* sql, auto key) {
  Statement st(c, sql);
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return readDataset(c, st);
}

}  // namespace

Dataset DatasetRepository::create(std::string_view name, DatasetRole role, std::string_view preset) {
  c_->requireWritable("create a dataset");
  if (name.empty()) throw c_->error(ErrorKind::InvalidArgument, "a dataset needs a name");
  Transaction tx(*c_);
  if (findByName(name))
    throw c_->error(ErrorKind::Duplicate, "already has a dataset named '" + std::string(name) + "'");
  Statement st(*c_, "INSERT INTO datasets (name, role, preset) VALUES (?1, ?2, ?3)");
  st.bind(1, name).bind(2, toString(role)).bindOrNull(3, preset);
  st.run();
  const int64_t id = detail::lastInsertId(*c_);
  tx.commit();
  return *get(id);
}

std::optional<Dataset> DatasetRepository::findByName(std::string_view name) const {
  return findOne(*c_, "SELECT id, name, role, coalesce(preset, ''), created_at FROM datasets WHERE name = ?1", name);
}

std::optional<Dataset> DatasetRepository::get(int64_t id) const {
  return findOne(*c_, "SELECT id, name, role, coalesce(preset, ''), created_at FROM datasets WHERE id = ?1", id);
}

std::vector<DatasetSummary> DatasetRepository::list() const {
  Statement st(*c_,
               "SELECT d.id, d.name, d.role, coalesce(d.preset, ''), d.created_at, "
               "  count(i.id) FILTER (WHERE i.status = 'imported'), "
               "  count(i.id) FILTER (WHERE i.status = 'failed'), "
               "  count(i.id) FILTER (WHERE i.status = 'imported' AND i.excluded = 1) "
               "FROM datasets AS d LEFT JOIN images AS i ON i.dataset_id = d.id "
               "GROUP BY d.id ORDER BY d.name");
  std::vector<DatasetSummary> out;
  while (st.step()) {
    DatasetSummary s;
    s.dataset = readDataset(*c_, st);
    s.imported = st.int64(5);
    s.failed = st.int64(6);
    s.excluded = st.int64(7);
    out.push_back(std::move(s));
  }
  return out;
}

void DatasetRepository::remove(int64_t id) {
  c_->requireWritable("delete a dataset");
  Transaction tx(*c_);
  Statement st(*c_, "DELETE FROM datasets WHERE id = ?1");
  st.bind(1, id).run();
  if (detail::changes(*c_) == 0) throw c_->error(ErrorKind::NotFound, "has no dataset with id " + std::to_string(id));
  tx.commit();
}

}  // namespace lightbox::project
