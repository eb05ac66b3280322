#include "demo_screenshots.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMouseEvent>
#include <QPixmap>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>

#include "demo_screenshot_picks.h"
#include "review/annotation_tools.h"
#include "review/curves_dialog.h"
#include "review/healthy_audit_panel.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "shell/dataset_browser.h"
#include "shell/main_window.h"
#include "shell/simulate_lesions_dialog.h"
#include "training/training_page.h"
#include "training/training_threshold.h"
#include "viewer/image_viewer.h"
#include "viewer/slice_view.h"

namespace lightbox::desktop {

namespace {

constexpr const char* kTestDataset = "simulated-lesions";  // workflows::DemoSummary's names
constexpr const char* kHealthyDataset = "colin27-slices";

void sendMouse(QWidget* view, QEvent::Type type, const QPointF& at, Qt::MouseButtons buttons) {
  QMouseEvent event(type, at, view->mapToGlobal(at), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                    buttons, Qt::NoModifier);
  QApplication::sendEvent(view, &event);
}

/// The curve point with the best F1; `bothWays`: among those with false positives and false negatives when there
/// are any, so both error lists have rows.
int bestF1Point(const eval::Curves& c, bool bothWays) {
  int best = -1, bestAny = -1;
  double bestF1 = -1, bestAnyF1 = -1;
  for (size_t i = 1; i < c.points.size(); ++i) {
    const auto& p = c.points[i];
    const double f1 = 2.0 * double(p.truePositives) / double(2 * p.truePositives + p.falsePositives + c.falseNegatives(p));
    if (f1 > bestAnyF1) bestAnyF1 = f1, bestAny = int(i);
    if (p.falsePositives > 0 && c.falseNegatives(p) > 0 && f1 > bestF1) bestF1 = f1, best = int(i);
  }
  return bothWays && best >= 0 ? best : bestAny;
}

}  // namespace

DemoScreenshotDriver::DemoScreenshotDriver(ui::MainWindow* window, QString dir, QObject* parent)
    : QObject(parent), window_(window), dir_(std::move(dir)) {}

ui::ReviewPage* DemoScreenshotDriver::review() const {
  return qobject_cast<ui::ReviewPage*>(window_->areaWidget(ui::MainWindow::ReviewArea));
}

void DemoScreenshotDriver::start(const QString& project) {
  QDir().mkpath(dir_);
  project_ = project;
  connect(window_->browser(), &ui::DatasetBrowser::contentsLoaded, this, [this] { after(500, &DemoScreenshotDriver::showReview); },
          Qt::SingleShotConnection);
  if (!window_->openProject(project)) {
    qCritical("cannot open %s", qPrintable(project));
    QApplication::exit(2);
  }
}

void DemoScreenshotDriver::after(int ms, Step next) { QTimer::singleShot(ms, this, next); }

void DemoScreenshotDriver::when(std::function<bool()> ready, int timeoutMs, const char* what, Step next, int settleMs) {
  auto* timer = new QTimer(this);
  auto waited = std::make_shared<int>(0);
  connect(timer, &QTimer::timeout, this, [=, this] {
    const bool ok = ready();
    *waited += 100;
    if (!ok && *waited < timeoutMs) return;
    timer->stop();
    timer->deleteLater();
    if (!ok) fail(QStringLiteral("timed out waiting for %1").arg(QLatin1String(what)));
    after(settleMs, next);
  });
  timer->start(100);
}

void DemoScreenshotDriver::fail(const QString& what) {
  qWarning("demo screenshots: %s", qPrintable(what));
  ++failures_;
}

void DemoScreenshotDriver::grab(QWidget* widget, const QString& name) {
  QApplication::processEvents();
  const QString path = QDir(dir_).filePath(QStringLiteral("desktop-%1.png").arg(name));
  if (!widget) return fail(QStringLiteral("nothing to grab for %1").arg(path));
  if (!widget->grab().save(path)) return fail(QStringLiteral("cannot write %1").arg(path));
  qInfo("wrote %s", qPrintable(path));
}

// The demo's run is the one that predicted the simulated-lesions set; its model is the first one with predictions.
void DemoScreenshotDriver::showReview() {
  window_->setArea(ui::MainWindow::ReviewArea);
  ui::ReviewPage* page = review();
  if (!page) return fail(QStringLiteral("no Review page")), finish();
  page->reload();
  try {
    const auto catalogue = workflows::loadReviewCatalogue(project_.toStdString());
    for (const auto& d : catalogue.datasets)
      if (d.name == kTestDataset) datasetId_ = d.id;
    for (const auto& run : catalogue.runs)
      for (const auto& m : run.models)
        if (!runId_ && datasetId_ && m.predictions(datasetId_) > 0) {
          runId_ = run.id;
          folds_ = m.folds;
        }
  } catch (const std::exception& e) {
    return fail(QString::fromUtf8(e.what())), finish();
  }
  if (!runId_) return fail(QStringLiteral("no model has predicted %1; is this a demo project?").arg(QLatin1String(kTestDataset))), finish();
  if (!page->selectModel(runId_, folds_) || !page->selectDataset(datasetId_))
    return fail(QStringLiteral("cannot select run %1 on %2").arg(runId_).arg(QLatin1String(kTestDataset))), finish();
  try {
    if (const auto pick = topFindingOnLesion(project_.toStdString(), page->imageModel()->images())) {
      page->selectImageById(pick->imageId);
      page->selectFinding(page->findingModel()->rowOfFinding(pick->findingId));
      qInfo("review: image rank %d, finding %lld overlaps a lesion", pick->rank, static_cast<long long>(pick->findingId));
    } else {
      fail(QStringLiteral("no finding overlaps a lesion; showing the top image"));
      page->selectImageRow(0);
      page->selectFinding(0);
    }
  } catch (const std::exception& e) {
    fail(QString::fromUtf8(e.what()));
  }
  when([page] { return page->viewer()->image() != nullptr; }, 10000, "the review image", &DemoScreenshotDriver::grabReview,
       1500);
}

void DemoScreenshotDriver::grabReview() {
  grab(window_, QStringLiteral("review-demo"));
  openCurves();
}

void DemoScreenshotDriver::openCurves() {
  curves_ = review()->showCurvesDialog();
  if (!curves_) {
    fail(QStringLiteral("the Curves dialog did not open"));
    return drawAnnotation();
  }
  when([this] { return !curves_ || (curves_->ready() && !curves_->busy()); }, 120000, "the curves",
       &DemoScreenshotDriver::pickSamplePoint);
}

void DemoScreenshotDriver::pickSamplePoint() {
  if (!curves_ || !curves_->ready()) return drawAnnotation();
  const int point = bestF1Point(curves_->curves()->sample, true);
  curves_->tabs()->setCurrentIndex(0);
  curves_->pickPoint(ui::CurveLevel::Sample, point);
  qInfo("curves: %s", qPrintable(curves_->selectionText(ui::CurveLevel::Sample)));
  after(600, &DemoScreenshotDriver::pickPixelPoint);
}

// The pixel-level point with the best F1: away from the review threshold, so both markers show.
void DemoScreenshotDriver::pickPixelPoint() {
  if (!curves_) return drawAnnotation();
  grab(curves_, QStringLiteral("curves"));
  const int point = bestF1Point(curves_->curves()->pixel, false);
  curves_->tabs()->setCurrentIndex(1);
  curves_->pickPoint(ui::CurveLevel::Pixel, point);
  when([this] { return !curves_ || (!curves_->busy() && curves_->falsePositiveList(ui::CurveLevel::Pixel)->topLevelItemCount() +
                                                           curves_->falseNegativeList(ui::CurveLevel::Pixel)->topLevelItemCount() > 0); },
       60000, "the pixel errors", &DemoScreenshotDriver::grabCurvesPixel);
}

void DemoScreenshotDriver::grabCurvesPixel() {
  if (curves_) {
    qInfo("curves (pixel): %s", qPrintable(curves_->selectionText(ui::CurveLevel::Pixel)));
    grab(curves_, QStringLiteral("curves-pixel"));
    curves_->close();
  }
  drawAnnotation();
}

// A box dragged with synthetic mouse events around a lesion no finding touches: what a reviewer adds by hand.
void DemoScreenshotDriver::drawAnnotation() {
  ui::ReviewPage* page = review();
  std::optional<MissedLesion> missed;
  try {
    missed = missedLesion(project_.toStdString(), page->imageModel()->images());
  } catch (const std::exception& e) {
    fail(QString::fromUtf8(e.what()));
  }
  if (!missed) {
    fail(QStringLiteral("no lesion without a finding to draw around"));
    return openAudit();
  }
  page->selectImageById(missed->imageId);
  page->annotationTools()->setTool(ui::AnnotationTools::Tool::Box);
  ui::SliceView* view = page->viewer()->view(ui::ViewPlane::Axial);
  const int nd = page->viewer()->image() ? page->viewer()->image()->image.ndim() : 2;
  Index from = missed->min, to = missed->max;
  for (int d = nd - 2; d < nd; ++d) {  // the in-plane axes: a margin of 3 voxels around the lesion
    from[size_t(d)] -= 3;
    to[size_t(d)] += 3;
  }
  const int rows = int(to[size_t(nd - 2)] - from[size_t(nd - 2)] + 1), columns = int(to[size_t(nd - 1)] - from[size_t(nd - 1)] + 1);
  const int before = page->findingModel()->rowCount();
  sendMouse(view, QEvent::MouseButtonPress, view->pointOf(from), Qt::LeftButton);
  sendMouse(view, QEvent::MouseMove, view->pointOf(to), Qt::LeftButton);
  sendMouse(view, QEvent::MouseButtonRelease, view->pointOf(to), Qt::NoButton);
  if (page->findingModel()->rowCount() != before + 1) fail(QStringLiteral("the drawn box made no finding"));
  else qInfo("annotation: a %d x %d voxel box on image %lld", columns, rows, static_cast<long long>(missed->imageId));
  page->annotationTools()->setTool(ui::AnnotationTools::Tool::Navigate);
  // The findings table is narrower than its columns: scroll to Origin, where the new row says "manual (box)".
  if (auto* table = page->findChild<QTableView*>(QStringLiteral("findingTable"))) {
    table->resizeColumnToContents(ui::FindingTableModel::OriginColumn);
    table->scrollTo(page->findingModel()->index(page->currentFindingRow(), ui::FindingTableModel::OriginColumn));
  }
  after(1000, &DemoScreenshotDriver::grabAnnotation);
}

void DemoScreenshotDriver::grabAnnotation() {
  grab(window_, QStringLiteral("annotation"));
  openAudit();
}

// Review → Audit Healthy Set…, as the menu does it, then the audit of the demo run on its Colin27 slices.
void DemoScreenshotDriver::openAudit() {
  if (auto* action = window_->findChild<QAction*>(QStringLiteral("actionAuditHealthySet"))) action->trigger();
  audit_ = window_->findChild<ui::HealthyAuditPanel*>();
  if (!audit_) {
    fail(QStringLiteral("the healthy-set audit did not open"));
    return openSimulateLesions();
  }
  connect(audit_, &ui::HealthyAuditPanel::auditFinished, this, [this](bool ok, const QString& message) {
    if (!ok) fail(QStringLiteral("the audit failed: %1").arg(message));
    auditDone_ = true;
  });
  connect(audit_, &ui::HealthyAuditPanel::imageShown, this, [this](qint64, bool withMap) { auditMapShown_ = withMap; });
  auditMapShown_ = false;
  if (!audit_->selectRun(runId_) || !audit_->startAudit()) {
    fail(QStringLiteral("the audit of run %1 did not start: %2").arg(runId_).arg(audit_->statusText()));
    return openSimulateLesions();
  }
  when([this] { return auditDone_; }, 300000, "the audit", &DemoScreenshotDriver::auditTopRow, 200);
}

void DemoScreenshotDriver::auditTopRow() {
  if (!audit_) return openSimulateLesions();
  // The panel may have shown its top row with the map already when the audit ended; otherwise select it.
  if (audit_->currentRow() != 0 || !auditMapShown_) {
    auditMapShown_ = false;
    audit_->selectRow(0);
  }
  when([this] { return auditMapShown_; }, 60000, "the audit's heat map", &DemoScreenshotDriver::grabAudit, 800);
}

void DemoScreenshotDriver::grabAudit() {
  if (audit_) {
    qInfo("audit: %s", qPrintable(audit_->summaryText()));
    grab(audit_, QStringLiteral("audit-demo"));
    audit_->close();
  }
  openSimulateLesions();
}

// The dialog as the user fills it in from the Colin27 slices; it is not run (the demo already has its test set).
void DemoScreenshotDriver::openSimulateLesions() {
  window_->setArea(ui::MainWindow::DataArea);
  if (!window_->showSimulateLesionsDialog(QString::fromLatin1(kHealthyDataset))) fail(QStringLiteral("the simulated-lesions dialog did not open"));
  after(600, &DemoScreenshotDriver::grabSimulateLesions);
}

void DemoScreenshotDriver::grabSimulateLesions() {
  if (ui::SimulateLesionsDialog* d = window_->simulateLesionsDialog()) {
    grab(d, QStringLiteral("simulate-lesions"));
    d->close();
  }
  showTraining();
}

void DemoScreenshotDriver::showTraining() {
  window_->setArea(ui::MainWindow::TrainingArea);
  window_->training()->reload();
  when([this] { return window_->training()->runCount() > 0; }, 20000, "the runs list", &DemoScreenshotDriver::selectTrainingRun,
       200);
}

void DemoScreenshotDriver::selectTrainingRun() {
  auto* runs = window_->findChild<QTreeWidget*>(QStringLiteral("trainingRuns"));
  QTreeWidgetItem* item = nullptr;
  for (int i = 0; runs && i < runs->topLevelItemCount(); ++i)
    if (runs->topLevelItem(i)->text(0) == ui::TrainingPage::tr("Run %1").arg(runId_)) item = runs->topLevelItem(i);
  if (!item) {
    fail(QStringLiteral("run %1 is not in the Training page's list").arg(runId_));
    return finish();
  }
  auto shown = std::make_shared<bool>(false);
  connect(window_->training()->thresholdPanel(), &ui::ThresholdPanel::statusShown, this, [shown] { *shown = true; });
  runs->setCurrentItem(nullptr);  // selecting it again shows its threshold even when the list had it selected
  runs->setCurrentItem(item);
  when([shown] { return *shown; }, 20000, "the threshold panel", &DemoScreenshotDriver::grabTraining, 1500);
}

void DemoScreenshotDriver::grabTraining() {
  qInfo("threshold panel: %s", qPrintable(window_->training()->thresholdPanel()->statusText()));
  grab(window_, QStringLiteral("training-threshold"));
  finish();
}

void DemoScreenshotDriver::finish() {
  window_->close();
  QApplication::exit(failures_ ? 1 : 0);
}

}  // namespace lightbox::desktop
