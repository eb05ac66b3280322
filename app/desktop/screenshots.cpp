#include "screenshots.h"

#include <QApplication>
#include <QComboBox>
#include <QMouseEvent>
#include <QDir>
#include <QListView>
#include <QPixmap>
#include <QTimer>

#include "lightbox/core/task_settings.h"
#include "shell/dataset_browser.h"
#include "shell/image_table_model.h"
#include "shell/import_dialog.h"
#include "shell/main_window.h"
#include "shell/thumbnail_cache.h"

namespace lightbox::desktop {

ScreenshotDriver::ScreenshotDriver(ui::MainWindow* window, QString dir, QObject* parent)
    : QObject(parent), window_(window), dir_(std::move(dir)) {}

void ScreenshotDriver::start(const QString& project) {
  QDir().mkpath(dir_);
  grab(QStringLiteral("welcome"));
  connect(window_->browser(), &ui::DatasetBrowser::contentsLoaded, this, [this] { waitThen(1500, &ScreenshotDriver::afterLoaded); },
          Qt::SingleShotConnection);
  if (!window_->openProject(project)) {
    qCritical("cannot open %s", qPrintable(project));
    QApplication::exit(2);
  }
}

void ScreenshotDriver::waitThen(int ms, void (ScreenshotDriver::*next)()) {
  QTimer::singleShot(ms, this, next);
}

void ScreenshotDriver::grab(const QString& name) {
  QApplication::processEvents();
  const QString path = QDir(dir_).filePath(QStringLiteral("desktop-%1.png").arg(name));
  if (!window_->grab().save(path)) {
    qWarning("cannot write %s", qPrintable(path));
    ++failures_;
  } else {
    qInfo("wrote %s", qPrintable(path));
  }
}

void ScreenshotDriver::afterLoaded() {
  window_->setArea(ui::MainWindow::DataArea);
  ui::DatasetBrowser* b = window_->browser();
  b->setViewMode(ui::DatasetBrowser::ViewMode::Grid);
  // The Colin27 brain if it is there (the demo project's first healthy image), else the first image.
  int row = 0;
  for (int r = 0; r < b->model()->rowCount(); ++r)
    if (b->model()->index(r, 0).data().toString() == QLatin1String("ch2bet.nii.gz")) row = r;
  if (b->model()->rowCount() > 0) {
    const qint64 id = b->model()->index(row, 0).data(ui::ImageTableModel::ImageIdRole).toLongLong();
    b->selectImage(id);
    Q_EMIT b->showInViewerRequested(id);
  }
  waitThen(2500, &ScreenshotDriver::grabData);
}

void ScreenshotDriver::grabData() {
  grab(QStringLiteral("data"));
  // The probe reads value, voxel and patient mm under the cursor: move a synthetic cursor into the brain.
  QWidget* view = nullptr;  // the Data area's viewer: the Review area has a viewer of its own
  for (QWidget* w : window_->findChildren<QWidget*>(QStringLiteral("sliceView_axial")))
    if (w->isVisible()) view = w;
  if (view) {
    const QPointF at(view->width() * 0.42, view->height() * 0.45);
    QMouseEvent move(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view, &move);
  }
  waitThen(300, &ScreenshotDriver::grabProbe);
}

void ScreenshotDriver::grabProbe() {
  grab(QStringLiteral("data-probe"));
  window_->browser()->setViewMode(ui::DatasetBrowser::ViewMode::Table);
  waitThen(400, &ScreenshotDriver::grabTable);
}

void ScreenshotDriver::grabTable() {
  grab(QStringLiteral("data-table"));
  window_->browser()->setViewMode(ui::DatasetBrowser::ViewMode::Grid);
  window_->setArea(ui::MainWindow::TasksArea);
  waitThen(6000, &ScreenshotDriver::grabTasks);  // the task preview computes its montage off the GUI thread
}

void ScreenshotDriver::grabTasks() {
  grab(QStringLiteral("tasks"));
  grabNextTask();
}

// One picture per paper task (desktop-tasks-<key>.png), each after its montage and gallery have been generated.
void ScreenshotDriver::grabNextTask() {
  auto* combo = window_->findChild<QComboBox*>(QStringLiteral("taskCombo"));
  if (combo && nextTask_ > 0)
    grab(QStringLiteral("tasks-%1").arg(QString::fromLatin1(taskKey(TaskId(nextTask_ - 1)).data())));
  if (!combo || nextTask_ >= kPaperTaskCount) {
    window_->setArea(ui::MainWindow::TrainingArea);
    waitThen(800, &ScreenshotDriver::grabTraining);
    return;
  }
  const int index = combo->findData(nextTask_++);
  if (index >= 0) combo->setCurrentIndex(index);
  waitThen(6000, &ScreenshotDriver::grabNextTask);
}

void ScreenshotDriver::grabTraining() {
  grab(QStringLiteral("training"));
  window_->setArea(ui::MainWindow::ReviewArea);
  waitThen(300, &ScreenshotDriver::grabReview);
}

void ScreenshotDriver::grabReview() {
  grab(QStringLiteral("review"));
  window_->setArea(ui::MainWindow::DataArea);
  if (ui::ImportDialog* d = window_->showImportDialog()) {
    const QString data = qEnvironmentVariable("LIGHTBOX_DATA_DIR");
    if (!data.isEmpty()) d->addPaths({data + QStringLiteral("/mricron-data"), data + QStringLiteral("/@niivue/niivue")});
    d->setDatasetName(QStringLiteral("healthy-brains"));
    d->setPreset(QStringLiteral("brain-3d"));
  }
  waitThen(500, &ScreenshotDriver::grabImport);
}

void ScreenshotDriver::grabImport() {
  if (ui::ImportDialog* d = window_->importDialog()) {
    const QString path = QDir(dir_).filePath(QStringLiteral("desktop-import.png"));
    if (d->grab().save(path))
      qInfo("wrote %s", qPrintable(path));
    else
      ++failures_;
    d->close();
  }
  finish();
}

void ScreenshotDriver::finish() {
  window_->close();
  QApplication::exit(failures_ ? 1 : 0);
}

}  // namespace lightbox::desktop
