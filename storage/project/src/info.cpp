// Project::info: the summary behind `lightbox-cli info`.
#include <system_error>

#include "connection.h"
#include "lightbox/project/project.h"
#include "statement.h"

namespace lightbox::project {

namespace {

int64_t fileSize(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

int64_t sumOf(detail::Connection& c, const char* sql) {
  detail::Statement st(c, sql);
  return st.step() ? st.int64(0) : 0;
}

}  // namespace

ProjectInfo Project::info() {
  ProjectInfo out;
  detail::Connection& c = *conn_;
  // One read transaction, so that the counts and the list of failures describe the same moment even while
  // another connection is importing.
  const bool own = c.transactionDepth() == 0; // inside a caller's transaction the snapshot is already there
  if (own) c.exec("BEGIN");
  try {
    out.path = c.path().string();
    out.schemaVersion = schemaVersion();
    out.datasets = datasets().list();
    out.arrayBytes =
        sumOf(c, "SELECT coalesce(sum(length(data)), 0) + coalesce(sum(length(mask_data)), 0) FROM arrays");
    out.thumbnailBytes = sumOf(c, "SELECT coalesce(sum(length(data)), 0) FROM thumbnails");
    detail::Statement failed(c,
                             "SELECT i.id, d.name, i.source_path, coalesce(i.error, '') FROM images AS i "
                             "JOIN datasets AS d ON d.id = i.dataset_id WHERE i.status = 'failed' "
                             "ORDER BY d.name, i.id");
    while (failed.step()) out.failed.push_back({failed.int64(0), failed.text(1), failed.text(2), failed.text(3)});
  } catch (...) {
    if (own) c.exec("ROLLBACK");
    throw;
  }
  if (own) c.exec("COMMIT");
  out.fileBytes = fileSize(c.path());
  out.walBytes = fileSize(c.path().string() + "-wal");
  return out;
}

}  // namespace lightbox::project
