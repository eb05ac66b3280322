#include "lightbox/project/task_settings.h"

#include "connection.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

void TaskSettingsRepository::store(std::string_view taskKey, std::string_view paramsJson) {
  c_->requireWritable("store task settings");
  if (taskKey.empty()) throw c_->error(ErrorKind::InvalidArgument, "task settings need a task key");
  Statement st(*c_,
               "INSERT INTO task_settings (task_key, params) VALUES (?1, ?2) "
               "ON CONFLICT (task_key) DO UPDATE SET params = excluded.params, "
               "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
  st.bind(1, taskKey).bind(2, paramsJson);
  st.run();
}

std::optional<StoredTaskSettings> TaskSettingsRepository::load(std::string_view taskKey) const {
  Statement st(*c_, "SELECT task_key, params, updated_at FROM task_settings WHERE task_key = ?1");
  st.bind(1, taskKey);
  if (!st.step()) return std::nullopt;
  return StoredTaskSettings{st.text(0), st.text(1), st.text(2)};
}

std::vector<StoredTaskSettings> TaskSettingsRepository::list() const {
  Statement st(*c_, "SELECT task_key, params, updated_at FROM task_settings ORDER BY task_key");
  std::vector<StoredTaskSettings> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
  return out;
}

void TaskSettingsRepository::remove(std::string_view taskKey) {
  c_->requireWritable("reset task settings");
  Statement st(*c_, "DELETE FROM task_settings WHERE task_key = ?1");
  st.bind(1, taskKey);
  st.run();
}

}  // namespace lightbox::project
