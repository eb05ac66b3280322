#include "shell/recent_projects.h"

#include <QFileInfo>

namespace lightbox::ui {

namespace {
const char* const kKey = "recentProjects";
}

RecentProjects::RecentProjects(QSettings* settings) : settings_(settings ? settings : &fallback_) {}

QStringList RecentProjects::stored() const { return settings_->value(kKey).toStringList(); }

void RecentProjects::store(const QStringList& paths) { settings_->setValue(kKey, paths); }

QStringList RecentProjects::list() const {
  QStringList out;
  for (const QString& p : stored())
    if (QFileInfo::exists(p)) out << p;
  return out;
}

void RecentProjects::add(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList paths = stored();
  paths.removeAll(absolute);
  paths.prepend(absolute);
  while (paths.size() > maxCount) paths.removeLast();
  store(paths);
}

void RecentProjects::remove(const QString& path) {
  QStringList paths = stored();
  paths.removeAll(QFileInfo(path).absoluteFilePath());
  store(paths);
}

void RecentProjects::clear() { store({}); }

}  // namespace lightbox::ui
