#pragma once
// Makes a test set with SIMULATED lesions from a healthy dataset of 2D slices (workflows/simulated_lesions.h), the
// desktop twin of `lightbox-cli simulate-lesions`: source dataset, the new dataset's name, which slices are held
// out (every k-th of each volume; they leave training for good), the share that gets lesions and the seed. It runs
// on the application's JobRunner with progress and Cancel (nothing is written unless it completes); a failure goes
// back to the form with the reason; success shows what was made and emits datasetCreated().

#include <QDialog>

#include <memory>
#include <vector>

#include "lightbox/workflows/browse.h"
#include "lightbox/workflows/simulated_lesions.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace lightbox::ui {

class JobRunner;

class SimulateLesionsDialog : public QDialog {
  Q_OBJECT
 public:
  /// `datasets`: the project's datasets (the sources offered are the non-test ones; the names are kept unique).
  SimulateLesionsDialog(const QString& projectPath, const std::vector<workflows::BrowseDataset>& datasets,
                        JobRunner* runner, QWidget* parent = nullptr);

  void setSourceDataset(const QString& name);
  QString sourceDataset() const;
  void setTestDatasetName(const QString& name);
  void setHoldOutEvery(int k);
  void setLesionShare(double share);  ///< 0..1
  void setSeed(int seed);
  workflows::SimulatedLesionParams params() const;

  /// Starts the job (the Create button); false with the reason on the form when it cannot start.
  bool start();
  bool isRunning() const { return running_; }
  /// True once a test set was made; result() then holds what the workflow reported.
  bool succeeded() const { return succeeded_; }
  const workflows::SimulatedLesionResult& result() const { return *result_; }
  QString errorText() const;

 Q_SIGNALS:
  /// The test set `name` is in the project (the Data area shows it).
  void datasetCreated(const QString& name);
  /// The job ended: made, cancelled or failed.
  void simulationFinished(bool ok);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QWidget* buildSetupPage();
  QWidget* buildProgressPage();
  QWidget* buildResultPage();
  void updateForm();
  void showError(const QString& message);
  void onFinished(bool cancelled, const QString& error);

  QString projectPath_;
  JobRunner* runner_;
  std::vector<workflows::BrowseDataset> datasets_;
  std::shared_ptr<workflows::SimulatedLesionResult> result_;
  bool running_ = false;
  bool succeeded_ = false;

  QStackedWidget* pages_;
  QComboBox* source_;
  QLineEdit* name_;
  QSpinBox* every_;
  QLabel* everyNote_;
  QDoubleSpinBox* share_;
  QSpinBox* seed_;
  QLabel* error_;
  QPushButton* createButton_;
  QLabel* progressText_;
  QProgressBar* progressBar_;
  QLabel* eta_;
  QPushButton* cancelButton_;
  QLabel* summary_;
};

}  // namespace lightbox::ui
