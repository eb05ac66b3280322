#pragma once
// The Data area's browser: the project's images as a thumbnail grid or a table (one model, one filter, one
// selection shared by both), a dataset filter and a search box, and a context menu (show in viewer, reveal the
// file, remove from the project, make a test set with simulated lesions). The listing is read off the GUI thread in
// one call (loadProjectContents).

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

#include "lightbox/workflows/browse.h"

class QComboBox;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QStackedWidget;
class QTableView;
class QToolButton;
class QAction;

namespace lightbox::ui {

class ImageFilterProxy;
class ImageTableModel;
class ThumbnailCache;

class DatasetBrowser : public QWidget {
  Q_OBJECT
 public:
  enum class ViewMode { Grid, Table };

  explicit DatasetBrowser(QWidget* parent = nullptr);
  ~DatasetBrowser() override;

  /// Starts reading the project's listing; contentsLoaded() or loadFailed() follows. Empty path = nothing.
  void setProject(const QString& projectPath);
  QString projectPath() const { return projectPath_; }
  /// Reads the listing again (after an import or a removal), keeping the filter and, where possible, the selection.
  void reload();
  bool isLoading() const;

  void setViewMode(ViewMode mode);
  ViewMode viewMode() const { return mode_; }
  /// Puts the keyboard focus into the search box (Find).
  void focusSearch();
  void setSearchText(const QString& text);
  /// Filters on the dataset named `name` once the listing holds it (now, or after the running read).
  void showDataset(const QString& name);

  QList<qint64> selectedImageIds() const;
  qint64 currentImageId() const;  ///< 0 = none
  void selectImage(qint64 imageId);

  ImageTableModel* model() const { return model_; }
  ImageFilterProxy* proxy() const { return proxy_; }
  ThumbnailCache* thumbnails() const { return thumbnails_; }
  QListView* grid() const { return grid_; }
  QTableView* table() const { return table_; }
  /// "Show in viewer", "Reveal file", "Remove from project…", for menus elsewhere.
  QList<QAction*> imageActions() const;
  /// "Test Set with Simulated Lesions…": enabled while a non-test dataset has images; emits simulateLesionsRequested.
  QAction* simulateLesionsAction() const { return simulateAction_; }

 Q_SIGNALS:
  void contentsLoaded(int imageCount);
  void loadFailed(const QString& message);
  void currentImageChanged(qint64 imageId);
  void showInViewerRequested(qint64 imageId);
  /// The user confirmed; the owner removes them (through a job) and calls reload().
  void removeRequested(const QList<qint64>& imageIds);
  void importRequested();
  /// `sourceDataset`: the dataset the filter shows when it is a possible source, else empty.
  void simulateLesionsRequested(const QString& sourceDataset);

 private:
  void onLoaded();
  void updateCount();
  void updateActions();
  void showContextMenu(QListView* grid, QTableView* table, const QPoint& pos);
  void activate(const QModelIndex& proxyIndex);
  void revealSelected();
  void removeSelected();
  void rebuildDatasetFilter();

  QString projectPath_;
  ViewMode mode_ = ViewMode::Grid;
  ImageTableModel* model_;
  ImageFilterProxy* proxy_;
  ThumbnailCache* thumbnails_;
  QItemSelectionModel* selection_;
  QComboBox* datasetFilter_;
  QLineEdit* search_;
  QToolButton* gridButton_;
  QToolButton* tableButton_;
  QLabel* count_;
  QStackedWidget* pages_;
  QListView* grid_;
  QTableView* table_;
  QWidget* emptyPage_;
  QLabel* emptyText_;
  QAction* showAction_;
  QAction* revealAction_;
  QAction* removeAction_;
  QAction* simulateAction_;
  QToolButton* simulateButton_;
  QString pendingDataset_;
  QFutureWatcher<workflows::ProjectContents> watcher_;
  QList<qint64> keepSelection_;
  bool reloadPending_ = false;
  bool reading_ = false;  ///< a read started and onLoaded() has not taken its result yet
};

}  // namespace lightbox::ui
