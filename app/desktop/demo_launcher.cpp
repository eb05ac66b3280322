#include "demo_launcher.h"

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include "review/review_page.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#ifdef LIGHTBOX_HAS_TRAINING
#include "lightbox/workflows/demo.h"
#endif

namespace lightbox::desktop {

DemoLauncher::DemoLauncher(ui::MainWindow* window, Options options, QObject* parent)
    : QObject(parent), window_(window), options_(std::move(options)) {}

void DemoLauncher::fail(const QString& message) {
  window_->statusBar()->showMessage(message);
  if (!options_.screenshotDir.isEmpty()) {
    qCritical("%s", qPrintable(message));
    QApplication::exit(1);
    return;
  }
  QMessageBox::warning(window_, tr("Demo"), message);
}

void DemoLauncher::start() {
#ifdef LIGHTBOX_HAS_TRAINING
  workflows::DemoParams params;
  params.projectPath = options_.projectPath.toStdString();
  params.trainMinutes = options_.minutes;
  auto summary = std::make_shared<workflows::DemoSummary>();
  const bool started = window_->jobs()->start(
      tr("Building the demo project"), [params, summary](ProgressSink& progress) -> std::function<void()> {
        *summary = workflows::buildDemoProject(params, progress);
        return {};
      });
  if (!started) {
    fail(tr("Another job is running; start the demo when it has finished."));
    return;
  }
  window_->statusBar()->showMessage(
      tr("Building the demo project: Colin27 slices, simulated lesions, %n minute(s) of training", nullptr,
         int(std::ceil(options_.minutes))));
  auto connection = std::make_shared<QMetaObject::Connection>();
  *connection = connect(window_->jobs(), &ui::JobRunner::finished, this,
                        [this, summary, connection](bool cancelled, const QString& error) {
                          disconnect(*connection);
                          if (cancelled || summary->cancelled) {
                            fail(tr("The demo was cancelled; start it again to build it from the beginning."));
                            return;
                          }
                          if (!error.isEmpty()) {
                            fail(tr("The demo could not be built: %1").arg(error));
                            return;
                          }
                          const auto& s = *summary;
                          const QString text =
                              (s.reused ? tr("Demo project reused: %1 findings on %2 slices with simulated lesions "
                                             "(threshold %3)")
                                        : tr("Demo project built: %1 findings on %2 slices with simulated lesions "
                                             "(threshold %3)"))
                                  .arg(s.findings)
                                  .arg(s.predictedImages)
                                  .arg(s.threshold, 0, 'f', 2);
                          const QString path = QString::fromStdString(s.projectPath);
                          // The runner is still busy until finished() returns: open the project just after.
                          QTimer::singleShot(0, this, [this, path, run = s.runId, folds = s.folds,
                                                       dataset = s.testDatasetId, text] {
                            if (!window_->openProject(path)) {
                              fail(tr("The demo project %1 could not be opened.").arg(path));
                              return;
                            }
                            showInReview(run, folds, dataset, text);
                          });
                        });
#else
  fail(tr("This build of Lightbox has no training (built without LibTorch), so it cannot build the demo."));
#endif
}

void DemoLauncher::showInReview(qint64 runId, const std::vector<int>& folds, qint64 datasetId, const QString& summary) {
  window_->setArea(ui::MainWindow::ReviewArea);
  auto* review = qobject_cast<ui::ReviewPage*>(window_->areaWidget(ui::MainWindow::ReviewArea));
  if (review) {
    review->reload();
    if (!review->selectModel(runId, folds))
      window_->statusBar()->showMessage(tr("The demo run %1 is not in the review list.").arg(runId));
    review->selectDataset(datasetId);
    review->selectImageRow(0);
    review->selectFinding(0);
  }
  window_->statusBar()->showMessage(summary);
  if (!options_.screenshotDir.isEmpty()) QTimer::singleShot(2500, this, &DemoLauncher::grabAndQuit);
}

void DemoLauncher::grabAndQuit() {
  QDir().mkpath(options_.screenshotDir);
  const QString path = QDir(options_.screenshotDir).filePath(QStringLiteral("demo-review.png"));
  const bool ok = window_->grab().save(path);
  if (!ok) qCritical("cannot write %s", qPrintable(path));
  QApplication::exit(ok ? 0 : 1);
}

}  // namespace lightbox::desktop
