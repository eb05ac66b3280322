#pragma once
// The Review workspace (issue #7): pick a run's model and a test dataset, predict it in the background when it has
// not been predicted (builds with the models only), walk its images ranked by score, look at each on the heat-map
// overlay (colour scale shared by the dataset, legend, opacity, threshold slider beside a histogram of the image's
// scores, ground-truth contours) and triage its findings from the keyboard:
//   A accept, R reject, N note, Space / J / Right next finding, K / Left previous finding,
//   Ctrl+Shift+Right / Down next image, Ctrl+Shift+Left / Up previous image, Ctrl+Z undo, Ctrl+Y / Ctrl+Shift+Z redo.
// Every decision is one QUndoCommand that stores through the review workflow at once (append-only reviews).
// Annotation (review_page_annotation.cpp): Box, Ellipse and Brush draw a finding the model missed on the current
// slice; "Edit extent" redraws the selected finding; "Categories…" edits the category list; Esc cancels a drawing.
// Each is a command on the same undo stack, stored at once. Background jobs (predict, re-find) are in
// review_page_jobs.cpp: Predict runs on the device and CPU threads chosen beside it (the Training page's controls),
// becomes "Predict the remaining N image(s)" after a cancelled or partial run (those images only; reviews stay), and
// leaves its report (images failed with reasons, warnings, device, seconds per image) on the status line and in
// "Details…" while its model and dataset are shown.
//
// The viewer shows the working array the model saw, not the original file, so the map, the image, the findings and
// the contours share one grid with no resampling; the viewer's source line says so.

#include <QPointer>
#include <QWidget>
#include <memory>
#include <optional>

#include "lightbox/workflows/review.h"
#include "review/prediction_report.h"
#include "review/review_logic.h"

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QDialog;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableView;
class QUndoCommand;
class QUndoStack;
class QToolButton;

namespace lightbox::ui {

class AnnotationTools;
class CategoryDialog;
class ColourLegend;
class CurvesDialog;
struct AnnotationStroke;
class FindingTableModel;
class ImageViewer;
class JobRunner;
class ReviewImageFilter;
class ReviewImageModel;
class ScoreHistogramView;

class ReviewPage : public QWidget {
  Q_OBJECT
 public:
  /// `jobs`: the application's job runner (one background job at a time); null = the page makes its own.
  explicit ReviewPage(JobRunner* jobs = nullptr, QWidget* parent = nullptr);
  ~ReviewPage() override;

  void setProject(const QString& projectPath);
  /// Reads the catalogue again (after training or prediction elsewhere).
  void reload();
  /// Selects model `index` of the model combo, dataset by id; loads the ranking.
  bool selectModel(qint64 runId, const std::vector<int>& folds);
  bool selectDataset(qint64 datasetId);
  /// Shows the image of row `row` of the ranking as sorted/filtered.
  void selectImageRow(int row);
  void selectFinding(int row);
  int currentFindingRow() const;
  qint64 currentImageId() const;

  // Review actions (what the keys do).
  void acceptCurrent();
  void rejectCurrent();
  /// Sets the note of the current finding (keeps its decision); N asks for it in a dialog.
  void noteCurrent(const QString& note);
  void nextFinding();
  void previousFinding();
  void nextImage();
  void previousImage();
  /// Re-finds the findings of the model on the dataset at the slider's threshold and records it as the user's.
  void applyThreshold();
  /// The export dialog (modeless in tests: call exportDialog() after).
  void showExportDialog();

  // Annotation.
  AnnotationTools* annotationTools() const { return tools_; }
  /// Turns "Edit extent" of the selected finding on or off (on picks the brush when no tool is chosen).
  void setEditExtent(bool on);
  /// Esc: drops the stroke being drawn, else leaves "Edit extent", else goes back to Navigate.
  void cancelDrawing();
  /// Opens "Categories…" (window-modal, not blocking); categoryDialog() returns it while it is open.
  void showCategoryDialog();
  CategoryDialog* categoryDialog() const;

  QUndoStack* undoStack() const { return undo_; }
  ImageViewer* viewer() const { return viewer_; }
  ReviewImageModel* imageModel() const { return images_; }
  FindingTableModel* findingModel() const { return findings_; }
  QString progressLabelText() const;
  double thresholdValue() const;
  void setThresholdValue(double value);
  void setOpacity(double opacity);
  void setStretchPerImage(bool on);
  void setColourMap(const QString& name);
  const workflows::ReviewColourScale& colourScale() const { return scale_; }
  /// "Advance to the next unreviewed finding after A / R" (on by default).
  void setAdvanceAfterDecision(bool on);
  bool predictionAvailable() const;
  /// Prediction's device ("auto" | "cpu" | "cuda") and LibTorch CPU threads (0 = LibTorch's default).
  void setPredictionDevice(const QString& device, int threads);
  /// The last prediction's report on the model and dataset shown (its "Details…"), null when there is none.
  const PredictionReport* lastPredictionReport() const;
  /// Opens "Details…" of the last prediction (modeless); null when there is none.
  QDialog* showPredictionDetails();

  // Curves (issue #7): shows an image of the ranking (clears a filter hiding it); false when it is not there.
  bool selectImageById(qint64 imageId);
  /// Opens the modeless Curves dialog for the current model, dataset and threshold; null when it cannot.
  CurvesDialog* showCurvesDialog();

 Q_SIGNALS:
  /// A review was stored (or failed: message non-empty), for the status bar.
  void reviewStored(const QString& message);
  void imageShown(qint64 imageId);
  void predictionFinished(bool ok, const QString& message);

 protected:
  void showEvent(QShowEvent*) override;

 private:
  void buildUi();
  void installShortcuts();
  void fillModels();
  void onModelChanged();
  void onDatasetChanged();
  void loadRanking(qint64 keepImage = 0);
  void showImage(qint64 predictionId);
  void refreshOverlay();
  void refreshFindingsPanel();
  void refreshProgress();
  void refreshThresholdWidgets();
  void decide(workflows::ReviewDecision decision, std::optional<QString> note);
  void onApplied(qint64 findingId, const workflows::ReviewState& state, const QString& error);
  void startPrediction();
  QWidget* buildPredictControls();
  /// Predict / "Predict the remaining N image(s)" and the device controls for the model on the dataset shown.
  void refreshPredictControls();
  void finishPrediction(qint64 run, const std::vector<int>& folds, qint64 dataset, const PredictionReport& report);
  void fitFindingColumns();
  void suggestScale();
  QWidget* buildAnnotationUi();
  void applyDrawingMode();
  void onStroke(const AnnotationStroke& stroke);
  void onFindingStored(qint64 predictionId, qint64 findingId, const QString& error);
  /// Reads the image's findings again, selecting `select` (0: the finding selected now).
  void reloadFindings(qint64 select);
  void refreshEditedRegion();
  void refreshCategories();
  void pushCategoryCommand(QUndoCommand* command);
  void showStatus(const QString& text, bool error);
  const workflows::ReviewModel* currentModel() const;
  const workflows::ReviewDataset* currentDataset() const;
  int currentRankingRow() const;

  QString path_;
  workflows::ReviewCatalogue catalogue_;
  std::vector<std::pair<size_t, size_t>> modelRefs_;  ///< combo row -> (run, model) in catalogue_
  std::vector<std::pair<qint64, qint64>> findingImages_;  ///< finding id -> image id, of images seen this session
  JobRunner* jobs_;
  QUndoStack* undo_;
  ReviewImageModel* images_;
  ReviewImageFilter* filter_;
  FindingTableModel* findings_;
  std::shared_ptr<const workflows::ReviewImageData> data_;
  workflows::ReviewColourScale scale_;
  workflows::ReviewThreshold threshold_;
  bool stretch_ = false;
  bool advance_ = true;
  double opacity_ = 0.6;
  bool loaded_ = false;
  QString modelKey_, shownKey_;

  QComboBox* modelCombo_ = nullptr;
  QComboBox* datasetCombo_ = nullptr;
  QPushButton* predictButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QWidget* predictControls_ = nullptr;  ///< device and threads, shown with the Predict button
  QComboBox* deviceCombo_ = nullptr;
  QSpinBox* threadsSpin_ = nullptr;
  QPushButton* detailsButton_ = nullptr;
  bool cuda_ = false;
  /// The last prediction's report, kept on screen while its model and dataset are shown.
  struct LastPrediction {
    QString model;  ///< modelKey_
    qint64 dataset = 0;
    PredictionReport report;
  };
  std::optional<LastPrediction> lastPrediction_;
  QPointer<QDialog> detailsDialog_;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QComboBox* filterCombo_ = nullptr;
  QTableView* imageTable_ = nullptr;
  ImageViewer* viewer_ = nullptr;
  QComboBox* colourMapCombo_ = nullptr;
  ColourLegend* legend_ = nullptr;
  QSlider* opacitySlider_ = nullptr;
  QCheckBox* stretchBox_ = nullptr;
  QCheckBox* truthBox_ = nullptr;
  QCheckBox* hideBelowBox_ = nullptr;
  QSlider* thresholdSlider_ = nullptr;
  ScoreHistogramView* histogram_ = nullptr;
  QLabel* thresholdLabel_ = nullptr;
  QPushButton* applyThresholdButton_ = nullptr;
  QPushButton* resetThresholdButton_ = nullptr;
  QTableView* findingTable_ = nullptr;
  QLabel* progressLabel_ = nullptr;
  QLabel* imageProgressLabel_ = nullptr;
  QLabel* truthLabel_ = nullptr;
  QComboBox* categoryCombo_ = nullptr;
  QPushButton* exportButton_ = nullptr;
  QPushButton* curvesButton_ = nullptr;  ///< Curves (issue #7): enabled when the dataset has ground truth
  void addCurvesButton(QBoxLayout* layout);
  AnnotationTools* tools_ = nullptr;
  QPointer<CategoryDialog> categoryDialog_;
  std::shared_ptr<const Mask> editRegion_;  ///< the edited finding's region, outlined while editing
};

}  // namespace lightbox::ui
