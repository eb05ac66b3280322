#pragma once
// TaskPreviewPanel: the synthetic-task showcase (issue #6). For the selected image of a project, pick a
// self-supervised task, see original | augmented | anomaly mask | soft label (or the label over the augmented
// image), shuffle or type the seed, browse a gallery across the dataset's images and edit the task's parameters
// (paper defaults beside each), previewed live and stored in the project for training.
// Samples are generated off the GUI thread; a result that a newer request has superseded is dropped.
#include <QString>
#include <QWidget>
#include <map>
#include <memory>

#include "lightbox/core/task_settings.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;

namespace lightbox::workflows {
class TaskPreviewSession;
struct TaskPreviewSample;
}  // namespace lightbox::workflows

namespace lightbox::ui {

class ImageTile;

class TaskPreviewPanel : public QWidget {
  Q_OBJECT
public:
  explicit TaskPreviewPanel(QWidget* parent = nullptr);
  ~TaskPreviewPanel() override;

  void setProject(const QString& projectPath);
  void setImage(qint64 imageId);

  void setTask(TaskId id);
  TaskId task() const { return task_; }
  quint64 seed() const { return seed_; }
  void setSeed(quint64 seed);
  /// A new random seed (the Shuffle button).
  void shuffle();
  const TaskSettings& settings(TaskId id) const;
  void setGallerySize(int n);
  /// Writes pending parameter edits to the project now (they are otherwise saved shortly after the last edit).
  void flushSettings();

Q_SIGNALS:
  /// A sample (or the reason it cannot be made) is on screen for the current task and seed.
  void previewUpdated();
  void galleryUpdated();
  void settingsSaved(lightbox::TaskId id);
  void sessionReady();

private:
  struct SampleOutcome;
  struct GalleryOutcome;
  void openSession();
  void rebuildParameterForm();
  void requestPreview();
  void startPreview();
  void showSample(const workflows::TaskPreviewSample& s, double ms);
  void renderTiles();
  void requestGallery();
  void startGallery();
  void setStatus(const QString& text, bool warning = false);
  void refreshTaskInfo();
  void parameterEdited(const std::string& key, double value);

  QString projectPath_;
  qint64 imageId_ = -1;
  std::shared_ptr<const workflows::TaskPreviewSession> session_;
  std::map<TaskId, TaskSettings> settings_;
  std::map<TaskId, bool> stored_;
  TaskId task_ = TaskId::IntraPoisson;
  quint64 seed_ = 1;
  int gallerySize_ = 6;
  std::shared_ptr<const workflows::TaskPreviewSample> current_;

  quint64 sessionGeneration_ = 0, previewGeneration_ = 0, galleryGeneration_ = 0;
  bool previewRunning_ = false, galleryRunning_ = false;
  bool saveDirty_ = false;
  TaskId dirtyTask_ = TaskId::IntraPoisson;

  QComboBox* taskCombo_ = nullptr;
  QLabel* taskBlurb_ = nullptr;
  QLineEdit* seedEdit_ = nullptr;
  QPushButton* shuffleButton_ = nullptr;
  QCheckBox* overlayCheck_ = nullptr;
  QSlider* sliceSlider_ = nullptr;
  QLabel* sliceLabel_ = nullptr;
  ImageTile* originalTile_ = nullptr;
  ImageTile* augmentedTile_ = nullptr;
  ImageTile* maskTile_ = nullptr;
  ImageTile* labelTile_ = nullptr;
  QLabel* statsLabel_ = nullptr;
  QLabel* statusLabel_ = nullptr;
  QSpinBox* galleryCount_ = nullptr;
  QLabel* galleryInfo_ = nullptr;
  QGridLayout* galleryGrid_ = nullptr;
  QWidget* galleryArea_ = nullptr;
  QWidget* paramsHost_ = nullptr;
  QLabel* settingsStatus_ = nullptr;
  QPushButton* resetParams_ = nullptr;
  QTimer* saveTimer_ = nullptr;
};

}  // namespace lightbox::ui
