#pragma once
// The Training area for now: a read-only list of the project's training runs (workflows::listRuns), read off the
// GUI thread, and a note that the live monitor arrives with issue #7.

#include <QFutureWatcher>
#include <QWidget>

#include <vector>

#include "lightbox/workflows/train.h"

class QLabel;
class QTreeWidget;

namespace lightbox::ui {

class RunsPage : public QWidget {
  Q_OBJECT
 public:
  explicit RunsPage(QWidget* parent = nullptr);
  ~RunsPage() override;
  void setProject(const QString& projectPath);
  void reload();
  int runCount() const;

 Q_SIGNALS:
  void loaded();

 private:
  void onLoaded();

  QString projectPath_;
  QLabel* status_;
  QTreeWidget* runs_;
  QFutureWatcher<std::vector<workflows::RunOverview>> watcher_;
};

/// An honest page for an area that is not built yet.
QWidget* makeComingSoonPage(const QString& objectName, const QString& title, const QString& text,
                            QWidget* parent = nullptr);

}  // namespace lightbox::ui
