#include "shell/dataset_browser.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "shell/image_filter_proxy.h"
#include "shell/image_table_model.h"
#include "shell/thumbnail_cache.h"

namespace lightbox::ui {

namespace {
constexpr int kIconSide = 112;
const QSize kCell(kIconSide + 48, kIconSide + 34);

/// Every grid cell is the same size: the file name gets the cell's width (not the icon's), and no row is asked for
/// its size.
class GridDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const override { return kCell - QSize(6, 4); }
};
}  // namespace

DatasetBrowser::DatasetBrowser(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("datasetBrowser"));
  thumbnails_ = new ThumbnailCache(this);
  thumbnails_->setTargetSize(QSize(kIconSide, kIconSide));
  model_ = new ImageTableModel(this);
  model_->setThumbnailCache(thumbnails_);
  proxy_ = new ImageFilterProxy(this);
  proxy_->setSourceModel(model_);
  selection_ = new QItemSelectionModel(proxy_, this);

  // Filter bar
  datasetFilter_ = new QComboBox(this);
  datasetFilter_->setObjectName(QStringLiteral("browserDatasetFilter"));
  datasetFilter_->setToolTip(tr("Show the images of one dataset"));
  datasetFilter_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  search_ = new QLineEdit(this);
  search_->setObjectName(QStringLiteral("browserSearch"));
  search_->setPlaceholderText(tr("Search file, modality, series, status… (Ctrl+F)"));
  search_->setClearButtonEnabled(true);
  gridButton_ = new QToolButton(this);
  gridButton_->setObjectName(QStringLiteral("browserGridButton"));
  gridButton_->setText(tr("Grid"));
  gridButton_->setToolTip(tr("Thumbnails"));
  gridButton_->setCheckable(true);
  tableButton_ = new QToolButton(this);
  tableButton_->setObjectName(QStringLiteral("browserTableButton"));
  tableButton_->setText(tr("Table"));
  tableButton_->setToolTip(tr("One row per image with its metadata"));
  tableButton_->setCheckable(true);
  count_ = new QLabel(this);
  count_->setObjectName(QStringLiteral("browserCount"));
  simulateAction_ = new QAction(tr("Test Set with Simulated &Lesions…"), this);
  simulateAction_->setObjectName(QStringLiteral("actionSimulateLesions"));
  simulateAction_->setToolTip(tr("Hold out every k-th slice of a healthy dataset (they leave training) and make a "
                                 "test dataset of them, most with simulated lesions and their masks"));
  simulateButton_ = new QToolButton(this);
  simulateButton_->setObjectName(QStringLiteral("browserSimulateButton"));
  simulateButton_->setDefaultAction(simulateAction_);
  auto* bar = new QHBoxLayout;
  bar->addWidget(datasetFilter_);
  bar->addWidget(search_, 1);
  bar->addWidget(count_);
  bar->addWidget(gridButton_);
  bar->addWidget(tableButton_);
  bar->addWidget(simulateButton_);

  // Grid
  grid_ = new QListView(this);
  grid_->setObjectName(QStringLiteral("thumbnailGrid"));
  grid_->setViewMode(QListView::IconMode);
  grid_->setMovement(QListView::Static);
  grid_->setResizeMode(QListView::Adjust);
  grid_->setUniformItemSizes(true);  // layout without asking 10,000 rows for their size
  grid_->setIconSize(QSize(kIconSide, kIconSide));
  grid_->setGridSize(kCell);
  grid_->setItemDelegate(new GridDelegate(grid_));
  grid_->setSpacing(4);
  grid_->setWordWrap(false);
  grid_->setTextElideMode(Qt::ElideMiddle);
  grid_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  grid_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  grid_->setContextMenuPolicy(Qt::CustomContextMenu);
  grid_->setModel(proxy_);
  grid_->setSelectionModel(selection_);

  // Table
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("imageTable"));
  table_->setModel(proxy_);
  table_->setSelectionModel(selection_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setSortingEnabled(true);
  table_->sortByColumn(-1, Qt::AscendingOrder);  // import order until the user picks a column
  table_->setIconSize(QSize(20, 20));
  table_->setWordWrap(false);
  table_->setAlternatingRowColors(true);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  table_->horizontalHeader()->setStretchLastSection(false);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  table_->horizontalHeader()->setSectionResizeMode(ImageTableModel::SeriesColumn, QHeaderView::Stretch);
  table_->setColumnWidth(ImageTableModel::FileColumn, 260);
  table_->setContextMenuPolicy(Qt::CustomContextMenu);

  // Empty project
  emptyPage_ = new QWidget(this);
  emptyPage_->setObjectName(QStringLiteral("browserEmptyPage"));
  auto* emptyLayout = new QVBoxLayout(emptyPage_);
  emptyText_ = new QLabel(emptyPage_);
  emptyText_->setAlignment(Qt::AlignCenter);
  emptyText_->setWordWrap(true);
  auto* importButton = new QPushButton(tr("Import Images…"), emptyPage_);
  importButton->setObjectName(QStringLiteral("browserImportButton"));
  emptyLayout->addStretch();
  emptyLayout->addWidget(emptyText_);
  emptyLayout->addWidget(importButton, 0, Qt::AlignHCenter);
  emptyLayout->addStretch();
  connect(importButton, &QPushButton::clicked, this, &DatasetBrowser::importRequested);

  pages_ = new QStackedWidget(this);
  pages_->addWidget(grid_);
  pages_->addWidget(table_);
  pages_->addWidget(emptyPage_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(pages_, 1);

  // Actions
  showAction_ = new QAction(tr("Show in Viewer"), this);
  showAction_->setObjectName(QStringLiteral("actionShowInViewer"));
  showAction_->setToolTip(tr("Open the image in the viewer (Enter or double-click in the grid or table)"));
  revealAction_ = new QAction(tr("Reveal File"), this);
  revealAction_->setObjectName(QStringLiteral("actionRevealFile"));
  revealAction_->setToolTip(tr("Open the folder of the original file"));
  removeAction_ = new QAction(tr("Remove from Project…"), this);
  removeAction_->setObjectName(QStringLiteral("actionRemoveImages"));
  removeAction_->setShortcut(QKeySequence::Delete);
  removeAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  addActions({showAction_, revealAction_, removeAction_});
  connect(showAction_, &QAction::triggered, this, [this] {
    if (const qint64 id = currentImageId()) Q_EMIT showInViewerRequested(id);
  });
  connect(revealAction_, &QAction::triggered, this, &DatasetBrowser::revealSelected);
  connect(removeAction_, &QAction::triggered, this, &DatasetBrowser::removeSelected);
  connect(simulateAction_, &QAction::triggered, this, [this] {
    // The filtered dataset is the likely source, unless it is itself a test set.
    QString source;
    for (const auto& d : model_->datasets())
      if (d.id == proxy_->datasetId() && d.role != "test") source = QString::fromStdString(d.name);
    Q_EMIT simulateLesionsRequested(source);
  });

  connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
    proxy_->setSearchText(text);
    updateCount();
  });
  connect(datasetFilter_, &QComboBox::currentIndexChanged, this, [this] {
    proxy_->setDatasetId(datasetFilter_->currentData().toLongLong());
    updateCount();
  });
  connect(gridButton_, &QToolButton::clicked, this, [this] { setViewMode(ViewMode::Grid); });
  connect(tableButton_, &QToolButton::clicked, this, [this] { setViewMode(ViewMode::Table); });
  connect(grid_, &QListView::activated, this, &DatasetBrowser::activate);
  connect(table_, &QTableView::activated, this, &DatasetBrowser::activate);
  connect(grid_, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& pos) { showContextMenu(grid_, nullptr, pos); });
  connect(table_, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& pos) { showContextMenu(nullptr, table_, pos); });
  connect(selection_, &QItemSelectionModel::currentRowChanged, this, [this] {
    Q_EMIT currentImageChanged(currentImageId());
  });
  connect(selection_, &QItemSelectionModel::selectionChanged, this, [this] { updateActions(); });
  connect(&watcher_, &QFutureWatcher<workflows::ProjectContents>::finished, this, &DatasetBrowser::onLoaded);

  QSettings settings;
  setViewMode(settings.value(QStringLiteral("browser/viewMode")).toString() == QLatin1String("table") ? ViewMode::Table
                                                                                                      : ViewMode::Grid);
  if (const QByteArray header = settings.value(QStringLiteral("browser/tableHeader")).toByteArray(); !header.isEmpty())
    table_->horizontalHeader()->restoreState(header);
  rebuildDatasetFilter();
  updateCount();
  updateActions();
}

DatasetBrowser::~DatasetBrowser() {
  QSettings settings;
  settings.setValue(QStringLiteral("browser/viewMode"),
                    mode_ == ViewMode::Table ? QStringLiteral("table") : QStringLiteral("grid"));
  settings.setValue(QStringLiteral("browser/tableHeader"), table_->horizontalHeader()->saveState());
  watcher_.waitForFinished();
}

void DatasetBrowser::setProject(const QString& projectPath) {
  projectPath_ = projectPath;
  keepSelection_.clear();
  search_->clear();
  model_->clear();
  thumbnails_->setProject(projectPath);
  rebuildDatasetFilter();
  updateCount();
  updateActions();
  pendingDataset_.clear();
  if (!projectPath.isEmpty()) reload();
}

// Not the watcher's isRunning(): that turns false when the read ends, before onLoaded() has put it in the model.
bool DatasetBrowser::isLoading() const { return reading_ || reloadPending_; }

void DatasetBrowser::reload() {
  if (projectPath_.isEmpty()) return;
  if (reading_) {  // read again once the running read is done
    reloadPending_ = true;
    return;
  }
  if (keepSelection_.isEmpty()) keepSelection_ = selectedImageIds();
  const std::string path = projectPath_.toStdString();
  reading_ = true;
  watcher_.setFuture(QtConcurrent::run([path] { return workflows::loadProjectContents(path); }));
}

void DatasetBrowser::onLoaded() {
  reading_ = false;
  const QString loadedPath = projectPath_;
  try {
    workflows::ProjectContents contents = watcher_.result();
    const qint64 previousFilter = proxy_->datasetId();
    model_->setContents(std::move(contents));
    rebuildDatasetFilter();
    if (const int i = datasetFilter_->findData(QVariant::fromValue<qint64>(previousFilter)); i >= 0)
      datasetFilter_->setCurrentIndex(i);
    if (!reloadPending_) showDataset(pendingDataset_);
  } catch (const std::exception& e) {
    model_->clear();
    rebuildDatasetFilter();
    Q_EMIT loadFailed(QString::fromStdString(e.what()));
  }
  for (qint64 id : std::as_const(keepSelection_)) {
    const int row = model_->rowOfImage(id);
    if (row < 0) continue;
    const QModelIndex i = proxy_->mapFromSource(model_->index(row, 0));
    if (i.isValid()) selection_->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
  }
  keepSelection_.clear();
  updateCount();
  updateActions();
  if (reloadPending_) {
    reloadPending_ = false;
    reload();
    return;
  }
  Q_EMIT contentsLoaded(model_->rowCount());
}

void DatasetBrowser::rebuildDatasetFilter() {
  const QSignalBlocker block(datasetFilter_);
  datasetFilter_->clear();
  datasetFilter_->addItem(tr("All datasets"), QVariant::fromValue<qint64>(0));
  const QLocale locale;
  for (const auto& d : model_->datasets()) {
    const QString role = QString::fromStdString(d.role);
    datasetFilter_->addItem(tr("%1 (%2, %3)").arg(QString::fromStdString(d.name), role, locale.toString(d.imported)),
                            QVariant::fromValue<qint64>(d.id));
  }
  proxy_->setDatasetId(0);
}

void DatasetBrowser::setViewMode(ViewMode mode) {
  mode_ = mode;
  gridButton_->setChecked(mode == ViewMode::Grid);
  tableButton_->setChecked(mode == ViewMode::Table);
  updateCount();
}

void DatasetBrowser::updateCount() {
  const QLocale locale;
  const int shown = proxy_->rowCount(), total = model_->rowCount();
  if (projectPath_.isEmpty()) {
    count_->clear();
  } else if (isLoading() && total == 0) {
    count_->setText(tr("reading…"));
  } else if (shown == total) {
    count_->setText(total == 1 ? tr("1 image") : tr("%1 images").arg(locale.toString(total)));
  } else {
    count_->setText(tr("%1 of %2 images").arg(locale.toString(shown), locale.toString(total)));
  }
  const bool empty = !isLoading() && total == 0 && !projectPath_.isEmpty();
  if (empty) {
    emptyText_->setText(tr("This project holds no images yet.\nImport a healthy training set (DICOM series, NIfTI "
                           "volumes, PNG/JPEG/TIFF images) to begin."));
    pages_->setCurrentWidget(emptyPage_);
  } else {
    pages_->setCurrentWidget(mode_ == ViewMode::Grid ? static_cast<QWidget*>(grid_) : table_);
  }
}

void DatasetBrowser::updateActions() {
  const int n = int(selectedImageIds().size());
  showAction_->setEnabled(currentImageId() != 0);
  revealAction_->setEnabled(n > 0);
  removeAction_->setEnabled(n > 0);
  removeAction_->setText(n > 1 ? tr("Remove %1 Images from Project…").arg(n) : tr("Remove from Project…"));
  const auto& datasets = model_->datasets();
  simulateAction_->setEnabled(!projectPath_.isEmpty() && std::any_of(datasets.begin(), datasets.end(), [](const auto& d) {
                                return d.role != "test" && d.imported > 0;
                              }));
}

void DatasetBrowser::focusSearch() {
  search_->setFocus(Qt::ShortcutFocusReason);
  search_->selectAll();
}

void DatasetBrowser::setSearchText(const QString& text) { search_->setText(text); }

void DatasetBrowser::showDataset(const QString& name) {
  pendingDataset_ = name;
  if (name.isEmpty() || isLoading()) return;
  for (const auto& d : model_->datasets()) {
    if (QString::fromStdString(d.name) != name) continue;
    if (const int i = datasetFilter_->findData(QVariant::fromValue<qint64>(d.id)); i >= 0) {
      datasetFilter_->setCurrentIndex(i);
      pendingDataset_.clear();
    }
  }
}

QList<qint64> DatasetBrowser::selectedImageIds() const {
  QList<qint64> ids;
  for (const QModelIndex& i : selection_->selectedRows(0)) ids << i.data(ImageTableModel::ImageIdRole).toLongLong();
  return ids;
}

qint64 DatasetBrowser::currentImageId() const {
  const QModelIndex i = selection_->currentIndex();
  return i.isValid() ? i.data(ImageTableModel::ImageIdRole).toLongLong() : 0;
}

void DatasetBrowser::selectImage(qint64 imageId) {
  const int row = model_->rowOfImage(imageId);
  if (row < 0) return;
  const QModelIndex i = proxy_->mapFromSource(model_->index(row, 0));
  if (!i.isValid()) return;
  selection_->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  grid_->scrollTo(i);
  table_->scrollTo(i);
}

QList<QAction*> DatasetBrowser::imageActions() const { return {showAction_, revealAction_, removeAction_}; }

void DatasetBrowser::activate(const QModelIndex& proxyIndex) {
  if (proxyIndex.isValid()) Q_EMIT showInViewerRequested(proxyIndex.data(ImageTableModel::ImageIdRole).toLongLong());
}

void DatasetBrowser::showContextMenu(QListView* grid, QTableView* table, const QPoint& pos) {
  QAbstractItemView* view = grid ? static_cast<QAbstractItemView*>(grid) : table;
  const QModelIndex at = view->indexAt(pos);
  if (at.isValid() && !selection_->isRowSelected(at.row(), at.parent()))
    selection_->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  const bool images = !selectedImageIds().isEmpty();
  if (!images && !simulateAction_->isEnabled()) return;
  QMenu menu(this);
  if (images) {
    menu.addAction(showAction_);
    menu.addAction(revealAction_);
    menu.addSeparator();
    menu.addAction(removeAction_);
    menu.addSeparator();
  }
  menu.addAction(simulateAction_);
  menu.exec(view->viewport()->mapToGlobal(pos));
}

void DatasetBrowser::revealSelected() {
  const QModelIndexList rows = selection_->selectedRows(0);
  if (rows.isEmpty()) return;
  const QString path = rows.first().data(ImageTableModel::SourcePathRole).toString();
  const QFileInfo info(path);
  const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
  if (!QFileInfo::exists(folder) ||
      !QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
    QMessageBox::information(this, tr("Reveal File"),
                             tr("The original file is not reachable from this computer:\n%1").arg(path));
}

void DatasetBrowser::removeSelected() {
  const QList<qint64> ids = selectedImageIds();
  if (ids.isEmpty()) return;
  const auto answer = QMessageBox::question(
      this, tr("Remove from Project"),
      (ids.size() == 1 ? tr("Remove this image from the project?") : tr("Remove %1 images from the project?").arg(ids.size())) +
          QStringLiteral("\n\n") +
          tr("Their preprocessed arrays, thumbnails and ground truth are deleted from the project file. The original "
             "files on disk are not touched."),
      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
  if (answer == QMessageBox::Yes) Q_EMIT removeRequested(ids);
}

}  // namespace lightbox::ui
