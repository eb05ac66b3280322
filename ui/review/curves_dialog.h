#pragma once
// The Curves dialog of the review workspace (issue #7): ROC and precision-recall curves of the model on a dataset
// with ground truth, at sample level (one point per image, the mean score) and pixel level (every voxel), AP and
// AUROC in the titles. Clicking a curve picks its nearest point and lists the images that are false positives and
// false negatives at that threshold (pixel level: counted per image in the background); activating one (double-click
// or Enter) emits imageRequested so the review page shows it. Work runs on the dialog's own JobRunner, with progress
// and Cancel; closing the dialog cancels it.

#include <QDialog>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "lightbox/workflows/curves.h"
#include "review/curves_logic.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace lightbox::ui {

class CurveCharts;
class JobRunner;

class CurvesDialog : public QDialog {
  Q_OBJECT
 public:
  struct Request {
    QString projectPath;
    qint64 runId = 0;
    std::vector<int> folds;
    qint64 datasetId = 0;
    QString title;                          ///< model and dataset, as the review page names them
    std::optional<double> reviewThreshold;  ///< marked on the pixel curves, and listed first
  };
  explicit CurvesDialog(Request request, QWidget* parent = nullptr);
  ~CurvesDialog() override;

  /// (Re)computes the curves in the background; the Compute button does this after a cancel or an error.
  void compute();
  void cancel();
  bool busy() const;
  /// For tests: processes events until no job runs (and none is queued) or `timeoutMs` passed.
  bool waitForIdle(int timeoutMs = 60000);
  bool ready() const { return curves_ != nullptr; }
  const workflows::ModelCurves* curves() const { return curves_.get(); }

  /// What a click on a curve does: selects curve point `point` of `level` and fills its error lists.
  void pickPoint(CurveLevel level, int point);
  CurveCharts* charts(CurveLevel level) const;
  QTreeWidget* falsePositiveList(CurveLevel level) const;
  QTreeWidget* falseNegativeList(CurveLevel level) const;
  QString selectionText(CurveLevel level) const;
  QString statusText() const;
  QTabWidget* tabs() const { return tabs_; }

 Q_SIGNALS:
  /// The user asked to see this image in the review.
  void imageRequested(qint64 imageId);

 private:
  struct Level {
    CurveCharts* charts = nullptr;
    QLabel* selection = nullptr;
    QLabel* fpTitle = nullptr;
    QLabel* fnTitle = nullptr;
    QTreeWidget* fp = nullptr;
    QTreeWidget* fn = nullptr;
  };
  QWidget* buildLevel(Level& level, CurveLevel which, const QString& note);
  Level& level(CurveLevel which) { return which == CurveLevel::Sample ? sample_ : pixel_; }
  const Level& level(CurveLevel which) const { return which == CurveLevel::Sample ? sample_ : pixel_; }
  void onCurves(std::shared_ptr<workflows::ModelCurves> curves);
  void fillLists(Level& level, const QList<ErrorRow>& fp, const QList<ErrorRow>& fn);
  void countPixelErrors(double threshold);
  void showPixelErrors(const workflows::PixelErrors& errors);
  void onFinished(bool cancelled, const QString& error);

  Request request_;
  JobRunner* jobs_;
  std::shared_ptr<const workflows::ModelCurves> curves_;
  std::map<double, workflows::PixelErrors> pixelErrors_;  ///< by threshold, counted this session
  std::optional<double> pendingPixelThreshold_;            ///< picked while another job ran
  std::optional<double> countingThreshold_;                ///< the pixel errors job running, if that is what runs
  std::optional<double> shownPixelThreshold_;
  QString summary_;  ///< what the status line says once no job runs

  Level sample_, pixel_;
  QTabWidget* tabs_ = nullptr;
  QLabel* status_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QPushButton* computeButton_ = nullptr;
};

}  // namespace lightbox::ui
