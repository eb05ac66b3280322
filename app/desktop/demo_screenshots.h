#pragma once
// `lightbox --screenshot-dir DIR --demo-screenshots PROJECT` (hidden, used by scripts/review-screenshots.sh): on a
// demo project (lightbox-cli demo) grabs the issue #7 features into DIR: desktop-review-demo.png (the simulated-lesion
// test set, the top finding that overlaps a lesion selected), desktop-curves.png and desktop-curves-pixel.png (a
// point picked, its error lists filled), desktop-annotation.png (a manual box around a lesion the model missed),
// desktop-audit-demo.png (the healthy-set audit, top slice shown), desktop-simulate-lesions.png (the dialog, not
// run) and desktop-training-threshold.png (the demo run selected, its threshold panel). It writes to the project
// (the manual finding, the stored audit): the script hands it a copy. Each step waits for what it needs, with a
// time limit; a step that cannot be done is reported and counted, and the driver goes on with the next.

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <vector>

class QWidget;

namespace lightbox::ui {
class CurvesDialog;
class HealthyAuditPanel;
class MainWindow;
class ReviewPage;
}  // namespace lightbox::ui

namespace lightbox::desktop {

class DemoScreenshotDriver : public QObject {
  Q_OBJECT
 public:
  DemoScreenshotDriver(ui::MainWindow* window, QString dir, QObject* parent = nullptr);
  void start(const QString& project);

 private:
  using Step = void (DemoScreenshotDriver::*)();
  /// Runs `next` once `ready` holds (checked every 100 ms) plus `settleMs` for painting, or after `timeoutMs` with
  /// a warning naming `what`.
  void when(std::function<bool()> ready, int timeoutMs, const char* what, Step next, int settleMs = 400);
  void after(int ms, Step next);
  void grab(QWidget* widget, const QString& name);
  void fail(const QString& what);

  void showReview();
  void grabReview();
  void openCurves();
  void pickSamplePoint();
  void pickPixelPoint();
  void grabCurvesPixel();
  void drawAnnotation();
  void grabAnnotation();
  void openAudit();
  void auditTopRow();
  void grabAudit();
  void openSimulateLesions();
  void grabSimulateLesions();
  void showTraining();
  void selectTrainingRun();
  void grabTraining();
  void finish();

  ui::ReviewPage* review() const;

  ui::MainWindow* window_;
  QString dir_;
  QString project_;
  qint64 runId_ = 0;
  std::vector<int> folds_;
  qint64 datasetId_ = 0;
  QPointer<ui::CurvesDialog> curves_;
  QPointer<ui::HealthyAuditPanel> audit_;
  bool auditDone_ = false, auditMapShown_ = false;
  int failures_ = 0;
};

}  // namespace lightbox::desktop
