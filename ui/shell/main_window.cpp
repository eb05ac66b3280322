#include "shell/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include "lightbox/workflows/project_overview.h"
#include "preview/task_preview_panel.h"
#include "review/review_page.h"
#include "shell/dataset_browser.h"
#include "shell/image_table_model.h"
#include "shell/import_dialog.h"
#include "shell/job_progress_widget.h"
#include "shell/job_runner.h"
#include "shell/preferences_dialog.h"
#include "review/healthy_audit_panel.h"
#include "shell/recent_projects.h"
#include "shell/simulate_lesions_dialog.h"
#include "shell/thumbnail_cache.h"
#include "training/training_page.h"
#include "viewer/image_viewer.h"

namespace lightbox::ui {

namespace {

QString projectFilter() { return MainWindow::tr("Lightbox projects (*.lightbox);;All files (*)"); }

bool isProjectFile(const QString& path) { return path.endsWith(QLatin1String(".lightbox"), Qt::CaseInsensitive); }

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("mainWindow"));
  setAcceptDrops(true);
  jobs_ = new JobRunner(this);
  createActions();

  central_ = new QStackedWidget(this);
  welcome_ = createWelcomePage();
  central_->addWidget(welcome_);
  central_->addWidget(createWorkspace());
  setCentralWidget(central_);

  createMenus();
  createToolBar();

  projectLabel_ = new QLabel(this);
  projectLabel_->setObjectName(QStringLiteral("projectSummary"));
  jobProgress_ = new JobProgressWidget(jobs_, this);
  statusBar()->addPermanentWidget(jobProgress_);
  statusBar()->addPermanentWidget(projectLabel_);

  connect(jobs_, &JobRunner::started, this, [this](const QString& title) {
    jobState_ = title;
    updateTitle();
    updateActions();
  });
  connect(jobs_, &JobRunner::progressed, this, [this](qint64 done, qint64 total, const QString&, const QString&) {
    const QString base = jobs_->title();
    jobState_ = total > 0 ? tr("%1 (%2%)").arg(base).arg(int(100 * done / total)) : base;
    updateTitle();
  });
  connect(jobs_, &JobRunner::warned, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
  connect(jobs_, &JobRunner::finished, this, &MainWindow::onJobFinished);

  restoreSettings();
  updateWelcomeRecent();
  updateActions();
  updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
  newAction_ = new QAction(tr("&New Project…"), this);
  newAction_->setObjectName(QStringLiteral("actionNew"));
  newAction_->setShortcut(QKeySequence::New);
  newAction_->setToolTip(tr("Create an empty project file (Ctrl+N)"));
  connect(newAction_, &QAction::triggered, this, &MainWindow::chooseNewProject);

  openAction_ = new QAction(tr("&Open Project…"), this);
  openAction_->setObjectName(QStringLiteral("actionOpen"));
  openAction_->setShortcut(QKeySequence::Open);
  openAction_->setToolTip(tr("Open a project file (Ctrl+O)"));
  connect(openAction_, &QAction::triggered, this, &MainWindow::chooseOpenProject);

  importAction_ = new QAction(tr("&Import Images…"), this);
  importAction_->setObjectName(QStringLiteral("actionImport"));
  importAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  importAction_->setToolTip(tr("Import DICOM, NIfTI or PNG/JPEG/TIFF images into a dataset (Ctrl+I)"));
  connect(importAction_, &QAction::triggered, this, [this] { showImportDialog(); });

  closeAction_ = new QAction(tr("&Close Project"), this);
  closeAction_->setObjectName(QStringLiteral("actionClose"));
  closeAction_->setShortcut(QKeySequence::Close);
  connect(closeAction_, &QAction::triggered, this, &MainWindow::closeProject);

  quitAction_ = new QAction(tr("&Quit"), this);
  quitAction_->setObjectName(QStringLiteral("actionQuit"));
  quitAction_->setShortcut(QKeySequence::Quit);
  quitAction_->setMenuRole(QAction::QuitRole);
  connect(quitAction_, &QAction::triggered, this, &QWidget::close);

  findAction_ = new QAction(tr("&Find Images"), this);
  findAction_->setObjectName(QStringLiteral("actionFind"));
  findAction_->setShortcut(QKeySequence::Find);
  connect(findAction_, &QAction::triggered, this, [this] {
    setArea(DataArea);
    browser_->focusSearch();
  });

  reloadAction_ = new QAction(tr("&Reload"), this);
  reloadAction_->setObjectName(QStringLiteral("actionReload"));
  reloadAction_->setShortcut(QKeySequence::Refresh);
  connect(reloadAction_, &QAction::triggered, this, [this] {
    browser_->reload();
    runs_->reload();
  });

  auto* viewGroup = new QActionGroup(this);
  gridAction_ = new QAction(tr("Thumbnail &Grid"), viewGroup);
  gridAction_->setObjectName(QStringLiteral("actionGrid"));
  gridAction_->setCheckable(true);
  tableAction_ = new QAction(tr("Metadata &Table"), viewGroup);
  tableAction_->setObjectName(QStringLiteral("actionTable"));
  tableAction_->setCheckable(true);
  connect(gridAction_, &QAction::triggered, this, [this] { browser_->setViewMode(DatasetBrowser::ViewMode::Grid); });
  connect(tableAction_, &QAction::triggered, this, [this] { browser_->setViewMode(DatasetBrowser::ViewMode::Table); });

  areaGroup_ = new QActionGroup(this);
  const QString names[AreaCount] = {tr("&Data"), tr("&Tasks"), tr("T&raining"), tr("Re&view")};
  const char* ids[AreaCount] = {"actionAreaData", "actionAreaTasks", "actionAreaTraining", "actionAreaReview"};
  for (int a = 0; a < AreaCount; ++a) {
    areaActions_[a] = new QAction(names[a], areaGroup_);
    areaActions_[a]->setObjectName(QString::fromLatin1(ids[a]));
    areaActions_[a]->setCheckable(true);
    areaActions_[a]->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + a)));
    connect(areaActions_[a], &QAction::triggered, this, [this, a] { setArea(Area(a)); });
  }

  aboutAction_ = new QAction(tr("&About Lightbox"), this);
  aboutAction_->setObjectName(QStringLiteral("actionAbout"));
  aboutAction_->setMenuRole(QAction::AboutRole);
  connect(aboutAction_, &QAction::triggered, this, [this] {
    QMessageBox::about(
        this, tr("About Lightbox"),
        tr("<h3>Lightbox %1</h3><p>Anomaly localisation learned from healthy images only, after <i>Many tasks make "
           "light work: learning to localise medical anomalies from multiple synthetic tasks</i> (Baugh et al., "
           "MICCAI 2023).</p><p>Licensed under the GNU GPL, version 3 or later. Not a medical device: for research "
           "use only.</p>")
            .arg(QApplication::applicationVersion()));
  });
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(newAction_);
  file->addAction(openAction_);
  recentMenu_ = file->addMenu(tr("Open &Recent"));
  recentMenu_->setObjectName(QStringLiteral("menuRecent"));
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
  updateRecentMenu();
  file->addSeparator();
  file->addAction(importAction_);
  file->addAction(browser_->simulateLesionsAction());
  file->addSeparator();
  file->addAction(closeAction_);
  file->addAction(quitAction_);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addAction(findAction_);
  edit->addSeparator();
  for (QAction* a : browser_->imageActions()) edit->addAction(a);
  edit->addSeparator();
  QAction* preferences = edit->addAction(tr("&Preferences…"));
  preferences->setObjectName(QStringLiteral("actionPreferences"));
  preferences->setMenuRole(QAction::PreferencesRole);
  connect(preferences, &QAction::triggered, this, [this] { PreferencesDialog(this).exec(); });

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (QAction* a : areaActions_) view->addAction(a);
  view->addSeparator();
  view->addAction(gridAction_);
  view->addAction(tableAction_);
  view->addSeparator();
  view->addAction(reloadAction_);

  // Review → the healthy-set audit (issue #7): a window of its own beside the Review tab, on the same job runner.
  QMenu* reviewMenu = menuBar()->addMenu(tr("&Review"));
  QAction* audit = reviewMenu->addAction(tr("Audit &Healthy Set…"));
  audit->setObjectName(QStringLiteral("actionAuditHealthySet"));
  connect(audit, &QAction::triggered, this, [this] {
    if (projectPath_.isEmpty()) {
      QMessageBox::information(this, tr("Audit Healthy Set"), tr("Open or create a project first."));
      return;
    }
    auto* panel = findChild<HealthyAuditPanel*>();
    if (!panel) {
      panel = new HealthyAuditPanel(jobs_, this);
      connect(this, &MainWindow::projectClosed, panel, &QWidget::close);
      connect(panel, &HealthyAuditPanel::exclusionChanged, browser_, [this] { browser_->reload(); });
    }
    panel->setProject(projectPath_);
    panel->show();
    panel->raise();
    panel->activateWindow();
  });

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(aboutAction_);
}

void MainWindow::createToolBar() {
  QToolBar* bar = addToolBar(tr("Main"));
  bar->setObjectName(QStringLiteral("mainToolBar"));
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->setMovable(false);
  bar->addAction(newAction_);
  bar->addAction(openAction_);
  bar->addAction(importAction_);
  bar->addSeparator();
  bar->addAction(findAction_);  // the areas are the tabs below (Ctrl+1..4)
}

QWidget* MainWindow::createWelcomePage() {
  auto* page = new QWidget(this);
  page->setObjectName(QStringLiteral("welcomePage"));
  auto* outer = new QVBoxLayout(page);
  auto* column = new QVBoxLayout;
  auto* title = new QLabel(tr("<h1>Lightbox</h1>"), page);
  auto* text = new QLabel(tr("Learn what healthy images look like, then find what does not fit. Create a project, "
                             "import a healthy training set, look at the synthetic anomaly tasks on your own images, "
                             "train, and review the findings."),
                          page);
  text->setWordWrap(true);
  auto* buttons = new QHBoxLayout;
  auto* newButton = new QPushButton(tr("New Project…"), page);
  newButton->setObjectName(QStringLiteral("welcomeNew"));
  auto* openButton = new QPushButton(tr("Open Project…"), page);
  openButton->setObjectName(QStringLiteral("welcomeOpen"));
  buttons->addWidget(newButton);
  buttons->addWidget(openButton);
  buttons->addStretch();
  auto* recentTitle = new QLabel(tr("<b>Recent projects</b>"), page);
  welcomeRecent_ = new QListWidget(page);
  welcomeRecent_->setObjectName(QStringLiteral("welcomeRecent"));
  welcomeRecent_->setMaximumHeight(220);
  column->addWidget(title);
  column->addWidget(text);
  column->addSpacing(12);
  column->addLayout(buttons);
  column->addSpacing(12);
  column->addWidget(recentTitle);
  column->addWidget(welcomeRecent_);
  auto* row = new QHBoxLayout;
  row->addStretch();
  auto* holder = new QWidget(page);
  holder->setLayout(column);
  holder->setMaximumWidth(620);
  row->addWidget(holder, 1);
  row->addStretch();
  outer->addStretch(1);
  outer->addLayout(row);
  outer->addStretch(2);
  connect(newButton, &QPushButton::clicked, this, &MainWindow::chooseNewProject);
  connect(openButton, &QPushButton::clicked, this, &MainWindow::chooseOpenProject);
  connect(welcomeRecent_, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* item) { openProject(item->data(Qt::UserRole).toString()); });
  return page;
}

QWidget* MainWindow::createWorkspace() {
  areas_ = new QTabWidget(this);
  areas_->setObjectName(QStringLiteral("workAreas"));
  areas_->setDocumentMode(true);

  dataSplitter_ = new QSplitter(Qt::Horizontal, areas_);
  dataSplitter_->setObjectName(QStringLiteral("dataSplitter"));
  browser_ = new DatasetBrowser(dataSplitter_);
  viewer_ = new ImageViewer(dataSplitter_);
  viewer_->setObjectName(QStringLiteral("imageViewer"));
  dataSplitter_->addWidget(browser_);
  dataSplitter_->addWidget(viewer_);
  dataSplitter_->setStretchFactor(0, 3);
  dataSplitter_->setStretchFactor(1, 2);
  dataSplitter_->setChildrenCollapsible(false);

  preview_ = new TaskPreviewPanel(areas_);
  preview_->setObjectName(QStringLiteral("taskPreview"));
  runs_ = new TrainingPage(jobs_, areas_);
  auto* review = new ReviewPage(jobs_, areas_);  // review workspace (issue #7)
  connect(this, &MainWindow::projectOpened, review, &ReviewPage::setProject);
  connect(this, &MainWindow::projectClosed, review, [review] { review->setProject({}); });

  areas_->addTab(dataSplitter_, tr("Data"));
  areas_->addTab(preview_, tr("Tasks"));
  areas_->addTab(runs_, tr("Training"));
  areas_->addTab(review, tr("Review"));
  for (int a = 0; a < AreaCount; ++a)
    areas_->setTabToolTip(a, areaActions_[a]->text().remove(QLatin1Char('&')) + QStringLiteral(" (Ctrl+%1)").arg(a + 1));
  connect(areas_, &QTabWidget::currentChanged, this, &MainWindow::onAreaChanged);

  connect(browser_, &DatasetBrowser::contentsLoaded, this, &MainWindow::onBrowserLoaded);
  connect(browser_, &DatasetBrowser::loadFailed, this,
          [this](const QString& m) { showError(tr("Cannot read the project"), m); });
  connect(browser_, &DatasetBrowser::showInViewerRequested, this, &MainWindow::showInViewer);
  connect(browser_, &DatasetBrowser::currentImageChanged, this, &MainWindow::onCurrentImageChanged);
  connect(browser_, &DatasetBrowser::removeRequested, this, &MainWindow::removeImages);
  connect(browser_, &DatasetBrowser::importRequested, this, [this] { showImportDialog(); });
  connect(browser_, &DatasetBrowser::simulateLesionsRequested, this,
          [this](const QString& source) { showSimulateLesionsDialog(source); });
  return areas_;
}

ImportDialog* MainWindow::importDialog() const { return importDialog_.data(); }

QWidget* MainWindow::areaWidget(Area area) const { return areas_->widget(int(area)); }

void MainWindow::setInteractive(bool interactive) {
  interactive_ = interactive;
  runs_->setInteractive(interactive);
}

void MainWindow::setArea(Area area) {
  if (projectPath_.isEmpty()) return;
  areas_->setCurrentIndex(int(area));
}

MainWindow::Area MainWindow::area() const { return Area(areas_->currentIndex()); }

void MainWindow::onAreaChanged(int index) {
  if (index >= 0 && index < AreaCount) areaActions_[index]->setChecked(true);
  if (index == TasksArea && previewImage_) {
    preview_->setImage(previewImage_);
    previewImage_ = 0;
  }
  if (index == TrainingArea) runs_->reload();
}

void MainWindow::onCurrentImageChanged(qint64 imageId) {
  if (!imageId) return;
  if (area() == TasksArea) {
    preview_->setImage(imageId);
  } else {
    previewImage_ = imageId;  // the preview computes when its area is shown
  }
}

void MainWindow::showInViewer(qint64 imageId) {
  if (!imageId || projectPath_.isEmpty()) return;
  setArea(DataArea);
  viewer_->openImage(projectPath_, imageId);
  const int row = browser_->model()->rowOfImage(imageId);
  const QString name = row >= 0 ? browser_->model()->index(row, 0).data().toString() : QString::number(imageId);
  statusBar()->showMessage(tr("Showing %1").arg(name), 3000);
}

bool MainWindow::openProject(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  if (jobs_->busy()) {
    showError(tr("Open Project"), tr("Wait for “%1” to finish (or cancel it) before opening another project.")
                                      .arg(jobs_->title()));
    return false;
  }
  try {
    const workflows::ProjectOverview o = workflows::describeProject(absolute.toStdString());  // fails fast on a bad file
    datasetCount_ = int(o.datasets.size());
    imageCount_ = 0;
    for (const auto& d : o.datasets) imageCount_ += int(d.imported);
  } catch (const std::exception& e) {
    RecentProjects().remove(absolute);
    showError(tr("Cannot open the project"), QString::fromStdString(e.what()));
    return false;
  }
  if (importDialog_) importDialog_->deleteLater();
  projectPath_ = absolute;
  previewImage_ = 0;
  RecentProjects().add(absolute);
  updateRecentMenu();
  browser_->setProject(absolute);
  preview_->setProject(absolute);
  runs_->setProject(absolute);
  central_->setCurrentIndex(1);
  QSettings settings;
  areas_->setCurrentIndex(qBound(0, settings.value(QStringLiteral("mainWindow/area"), 0).toInt(), AreaCount - 1));
  onAreaChanged(areas_->currentIndex());
  updateActions();
  updateTitle();
  statusBar()->showMessage(tr("Opened %1").arg(absolute), 4000);
  Q_EMIT projectOpened(absolute);
  return true;
}

bool MainWindow::newProject(const QString& path) {
  QString target = path;
  if (QFileInfo(target).suffix().isEmpty()) target += QStringLiteral(".lightbox");
  try {
    workflows::createProject(QFileInfo(target).absoluteFilePath().toStdString());
  } catch (const std::exception& e) {
    showError(tr("Cannot create the project"), QString::fromStdString(e.what()));
    return false;
  }
  return openProject(target);
}

void MainWindow::closeProject() {
  if (projectPath_.isEmpty() || jobs_->busy()) return;
  QSettings().setValue(QStringLiteral("mainWindow/area"), areas_->currentIndex());
  if (importDialog_) importDialog_->deleteLater();
  projectPath_.clear();
  browser_->setProject({});
  runs_->setProject({});
  central_->setCurrentIndex(0);
  updateWelcomeRecent();
  updateActions();
  updateTitle();
  Q_EMIT projectClosed();
}

ImportDialog* MainWindow::showImportDialog() {
  if (projectPath_.isEmpty()) return nullptr;
  if (!importDialog_ || (importDialog_->isFinished() && importDialog_->isHidden())) {
    if (importDialog_) importDialog_->deleteLater();
    QStringList datasets;
    for (const auto& d : browser_->model()->datasets()) datasets << QString::fromStdString(d.name);
    importDialog_ = new ImportDialog(projectPath_, datasets, jobs_, this);
    importDialog_->setAttribute(Qt::WA_DeleteOnClose, false);
  }
  importDialog_->show();
  importDialog_->raise();
  importDialog_->activateWindow();
  return importDialog_;
}

// A test set with simulated lesions (issue #7): made from the Data area or the File menu.
SimulateLesionsDialog* MainWindow::showSimulateLesionsDialog(const QString& sourceDataset) {
  if (projectPath_.isEmpty()) return nullptr;
  if (!simulateDialog_ || (!simulateDialog_->isRunning() && simulateDialog_->isHidden())) {
    if (simulateDialog_) simulateDialog_->deleteLater();
    simulateDialog_ = new SimulateLesionsDialog(projectPath_, browser_->model()->datasets(), jobs_, this);
    connect(simulateDialog_, &SimulateLesionsDialog::datasetCreated, this, [this](const QString& name) {
      setArea(DataArea);
      browser_->showDataset(name);
    });
    // Made for this project only: another project (or none) gets a fresh one.
    connect(this, &MainWindow::projectClosed, simulateDialog_, &QObject::deleteLater);
    connect(this, &MainWindow::projectOpened, simulateDialog_, &QObject::deleteLater);
  }
  if (!sourceDataset.isEmpty() && !simulateDialog_->isRunning()) simulateDialog_->setSourceDataset(sourceDataset);
  simulateDialog_->show();
  simulateDialog_->raise();
  simulateDialog_->activateWindow();
  return simulateDialog_;
}

SimulateLesionsDialog* MainWindow::simulateLesionsDialog() const { return simulateDialog_.data(); }

void MainWindow::removeImages(const QList<qint64>& ids) {
  if (ids.isEmpty() || projectPath_.isEmpty()) return;
  const std::string path = projectPath_.toStdString();
  const std::vector<int64_t> list(ids.begin(), ids.end());
  ThumbnailCache* cache = browser_->thumbnails();
  jobs_->start(ids.size() == 1 ? tr("Removing 1 image") : tr("Removing %1 images").arg(ids.size()),
               [path, list, cache, ids](ProgressSink& progress) -> std::function<void()> {
                 progress.progress(0, 0, "removing");
                 workflows::removeImages(path, list);
                 return [cache, ids] {
                   for (qint64 id : ids) cache->forget(id);
                 };
               });
}

void MainWindow::onBrowserLoaded(int) {
  imageCount_ = 0;
  for (const auto& d : browser_->model()->datasets()) imageCount_ += int(d.imported);
  datasetCount_ = int(browser_->model()->datasets().size());
  updateTitle();
}

void MainWindow::onJobFinished(bool cancelled, const QString& error) {
  const QString title = jobs_->title();
  jobState_.clear();
  if (!error.isEmpty())
    statusBar()->showMessage(tr("%1 failed: %2").arg(title, error), 10000);
  else
    statusBar()->showMessage(cancelled ? tr("%1: cancelled").arg(title) : tr("%1: done").arg(title), 5000);
  browser_->reload();
  runs_->reload();
  updateActions();
  updateTitle();
  if (closeAfterJob_) close();
}

void MainWindow::updateTitle() {
  QString title;
  const QLocale locale;
  if (projectPath_.isEmpty()) {
    title = tr("Lightbox");
    projectLabel_->clear();
  } else {
    const QString name = QFileInfo(projectPath_).fileName();
    const QString summary =
        (datasetCount_ == 1 ? tr("1 dataset") : tr("%1 datasets").arg(locale.toString(datasetCount_))) +
        QStringLiteral(", ") + (imageCount_ == 1 ? tr("1 image") : tr("%1 images").arg(locale.toString(imageCount_)));
    const QString state = jobState_.isEmpty() ? summary : jobState_;
    title = tr("%1 — %2 — Lightbox").arg(name, state);
    projectLabel_->setText(summary);
    projectLabel_->setToolTip(projectPath_);
  }
  setWindowTitle(title);
  setWindowFilePath(projectPath_);
}

void MainWindow::updateActions() {
  const bool open = !projectPath_.isEmpty();
  const bool busy = jobs_->busy();
  importAction_->setEnabled(open && !busy);
  closeAction_->setEnabled(open && !busy);
  findAction_->setEnabled(open);
  reloadAction_->setEnabled(open);
  gridAction_->setEnabled(open);
  tableAction_->setEnabled(open);
  for (QAction* a : areaActions_) a->setEnabled(open);
  newAction_->setEnabled(!busy);
  openAction_->setEnabled(!busy);
  recentMenu_->setEnabled(!busy);
  if (browser_->viewMode() == DatasetBrowser::ViewMode::Grid)
    gridAction_->setChecked(true);
  else
    tableAction_->setChecked(true);
}

void MainWindow::updateRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = RecentProjects().list();
  for (int i = 0; i < recent.size(); ++i) {
    const QString& p = recent[i];
    QAction* a = recentMenu_->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(p).fileName()));
    a->setToolTip(p);
    a->setStatusTip(p);
    connect(a, &QAction::triggered, this, [this, p] { openProject(p); });
  }
  if (recent.isEmpty()) recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
  recentMenu_->addSeparator();
  QAction* clear = recentMenu_->addAction(tr("Clear Menu"));
  clear->setEnabled(!recent.isEmpty());
  connect(clear, &QAction::triggered, this, [this] {
    RecentProjects().clear();
    updateRecentMenu();
    updateWelcomeRecent();
  });
}

void MainWindow::updateWelcomeRecent() {
  welcomeRecent_->clear();
  for (const QString& p : RecentProjects().list()) {
    auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(QFileInfo(p).fileName(), QFileInfo(p).absolutePath()),
                                     welcomeRecent_);
    item->setData(Qt::UserRole, p);
    item->setToolTip(p);
  }
  if (welcomeRecent_->count() == 0) {
    auto* item = new QListWidgetItem(tr("No recent projects yet"), welcomeRecent_);
    item->setFlags(Qt::NoItemFlags);
  }
}

void MainWindow::showError(const QString& title, const QString& message) {
  statusBar()->showMessage(title + QStringLiteral(": ") + message, 10000);
  if (interactive_) QMessageBox::warning(this, title, message);
}

void MainWindow::chooseNewProject() {
  QString path = QFileDialog::getSaveFileName(this, tr("New Project"), tr("study.lightbox"), projectFilter());
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".lightbox");
  if (QFileInfo::exists(path)) {
    showError(tr("New Project"), tr("“%1” already exists. Lightbox never overwrites a project; choose another name "
                                    "or open it.").arg(path));
    return;
  }
  newProject(path);
}

void MainWindow::chooseOpenProject() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), {}, projectFilter());
  if (!path.isEmpty()) openProject(path);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (jobs_->busy()) {
    if (!closeAfterJob_) {
      // A training run: cancel it (it stays resumable) or keep training; nothing queued starts afterwards.
      const bool stop = runs_->isTraining()
                            ? runs_->confirmQuit(interactive_)
                            : !interactive_ ||
                                  QMessageBox::question(this, tr("Quit Lightbox"),
                                                        tr("“%1” is still running. Stop it and quit? Everything "
                                                           "finished so far stays in the project.").arg(jobs_->title()),
                                                        QMessageBox::Yes | QMessageBox::No,
                                                        QMessageBox::No) == QMessageBox::Yes;
      if (!stop) {
        event->ignore();
        return;
      }
      runs_->clearQueue();
      closeAfterJob_ = true;
      jobs_->cancel();
    }
    event->ignore();  // closes when the job has stopped (onJobFinished)
    return;
  }
  saveSettings();
  if (importDialog_) importDialog_->close();
  event->accept();
}

void MainWindow::restoreSettings() {
  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) resize(1400, 900);
  restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
  if (!dataSplitter_->restoreState(settings.value(QStringLiteral("mainWindow/dataSplitter")).toByteArray()))
    dataSplitter_->setSizes({840, 560});
}

void MainWindow::saveSettings() {
  QSettings settings;
  settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("mainWindow/state"), saveState());
  settings.setValue(QStringLiteral("mainWindow/dataSplitter"), dataSplitter_->saveState());
  if (!projectPath_.isEmpty()) settings.setValue(QStringLiteral("mainWindow/area"), areas_->currentIndex());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList images;
  for (const QUrl& url : event->mimeData()->urls()) {
    if (!url.isLocalFile()) continue;
    const QString p = url.toLocalFile();
    if (isProjectFile(p)) {
      openProject(p);
      return;
    }
    images << p;
  }
  if (images.isEmpty()) return;
  if (ImportDialog* d = showImportDialog(); d && !d->isFinished()) d->addPaths(images);
  event->acceptProposedAction();
}

}  // namespace lightbox::ui
