#pragma once
// The desktop application's main window: a welcome page until a project is open, then four work areas (Data,
// Tasks, Training, Review) with menus, a toolbar, a status bar with the running job, recent projects and remembered
// window geometry. There is no Save: every action is committed to the project file when it happens.

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include "lightbox/workflows/browse.h"

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace lightbox::ui {

class DatasetBrowser;
class ImageViewer;
class ImportDialog;
class JobProgressWidget;
class JobRunner;
class SimulateLesionsDialog;
class TrainingPage;
class TaskPreviewPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  enum Area { DataArea, TasksArea, TrainingArea, ReviewArea, AreaCount };

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens an existing project; on failure shows why and returns false (the previous project stays open).
  bool openProject(const QString& path);
  /// Creates an empty project at `path` (refuses to overwrite) and opens it.
  bool newProject(const QString& path);
  void closeProject();
  QString projectPath() const { return projectPath_; }

  void setArea(Area area);
  Area area() const;
  /// The import dialog (created on demand, modeless); null without a project.
  ImportDialog* showImportDialog();
  ImportDialog* importDialog() const;
  /// The simulated-lesions dialog (modeless, on demand; `sourceDataset` preselected when given); null without a
  /// project. On success the Data area shows the new test set.
  SimulateLesionsDialog* showSimulateLesionsDialog(const QString& sourceDataset = {});
  SimulateLesionsDialog* simulateLesionsDialog() const;

  DatasetBrowser* browser() const { return browser_; }
  ImageViewer* viewer() const { return viewer_; }
  TaskPreviewPanel* taskPreview() const { return preview_; }
  JobRunner* jobs() const { return jobs_; }
  TrainingPage* training() const { return runs_; }
  QWidget* areaWidget(Area area) const;

  /// Message boxes are shown unless turned off (tests, screenshots); then errors go to the status bar only. The
  /// Training page's own boxes (paper preset on a CPU) follow.
  void setInteractive(bool interactive);

 Q_SIGNALS:
  void projectOpened(const QString& path);
  void projectClosed();

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createActions();
  void createMenus();
  void createToolBar();
  QWidget* createWelcomePage();
  QWidget* createWorkspace();
  void updateTitle();
  void updateActions();
  void updateRecentMenu();
  void updateWelcomeRecent();
  void showError(const QString& title, const QString& message);
  void onBrowserLoaded(int imageCount);
  void onJobFinished(bool cancelled, const QString& error);
  void removeImages(const QList<qint64>& ids);
  void showInViewer(qint64 imageId);
  void onCurrentImageChanged(qint64 imageId);
  void onAreaChanged(int index);
  void restoreSettings();
  void saveSettings();
  void chooseNewProject();
  void chooseOpenProject();

  QString projectPath_;
  bool interactive_ = true;
  bool closeAfterJob_ = false;
  qint64 previewImage_ = 0;
  int datasetCount_ = 0;
  int imageCount_ = 0;
  QString jobState_;

  JobRunner* jobs_;
  QStackedWidget* central_;
  QWidget* welcome_;
  QListWidget* welcomeRecent_;
  QTabWidget* areas_;
  QSplitter* dataSplitter_;
  DatasetBrowser* browser_;
  ImageViewer* viewer_;
  TaskPreviewPanel* preview_;
  TrainingPage* runs_;  ///< the Training area (ui/training)
  QLabel* projectLabel_;
  JobProgressWidget* jobProgress_;
  QPointer<ImportDialog> importDialog_;
  QPointer<SimulateLesionsDialog> simulateDialog_;

  QAction* newAction_;
  QAction* openAction_;
  QAction* importAction_;
  QAction* closeAction_;
  QAction* quitAction_;
  QAction* findAction_;
  QAction* gridAction_;
  QAction* tableAction_;
  QAction* reloadAction_;
  QAction* aboutAction_;
  QAction* areaActions_[AreaCount] = {};
  QActionGroup* areaGroup_;
  QMenu* recentMenu_;
};

}  // namespace lightbox::ui
