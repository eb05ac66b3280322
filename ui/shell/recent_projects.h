#pragma once
// The recent-projects list, kept in QSettings (most recent first, at most `maxCount`, files that vanished dropped).

#include <QSettings>
#include <QStringList>

namespace lightbox::ui {

class RecentProjects {
 public:
  static constexpr int maxCount = 8;

  /// Uses the application's default QSettings unless given another (tests pass a file-backed one).
  explicit RecentProjects(QSettings* settings = nullptr);

  /// Existing files only, most recent first.
  QStringList list() const;
  void add(const QString& path);
  void remove(const QString& path);
  void clear();

 private:
  QStringList stored() const;
  void store(const QStringList& paths);

  QSettings* settings_;
  QSettings fallback_;
};

}  // namespace lightbox::ui
