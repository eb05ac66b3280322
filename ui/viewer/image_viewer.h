#pragma once
// ImageViewer: the 2D image / 3D volume viewer of the desktop application (issue #6).
// Opens one image of a project through the image_view workflow (the original file when reachable, so values are
// in the modality's units; else the stored working array, which the viewer says) and shows it with
// window/level (left-drag, presets on keys 1-5, 0 or R resets), zoom (right-drag, Ctrl+wheel), pan (middle-drag),
// slices (wheel, slider; axial/coronal/sagittal, single or tri-planar), a probe (value, voxel, patient mm) and
// orientation labels from the direction matrix. Patient coordinates are LPS+ (DICOM's), see image_view.h.
// setAnnotationMode turns left-drag into drawing on every view (annotation_hook.h); strokes come out of
// annotationStroke.
#include <QString>
#include <QWidget>
#include <memory>

#include "viewer/annotation_hook.h"
#include "viewer/slice_geometry.h"
#include "viewer/window_level.h"

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;
class QGridLayout;

namespace lightbox::workflows {
struct ViewableImage;
}

namespace lightbox::ui {

class SliceView;
class ViewerModel;
struct OverlayLayer;

class ImageViewer : public QWidget {
  Q_OBJECT
public:
  explicit ImageViewer(QWidget* parent = nullptr);
  ~ImageViewer() override;

  // Loads image `imageId` of the project at `projectPath` in the background; errors are shown in the viewer itself
  // (and signalled). A newer call supersedes one still loading.
  void openImage(const QString& projectPath, qint64 imageId);
  /// Shows an already loaded image (tests, other panels).
  void showImage(std::shared_ptr<const workflows::ViewableImage> image);

  enum class Layout { Single, TriPlanar };
  void setLayoutMode(Layout layout);
  Layout layoutMode() const { return layout_; }
  void setActivePlane(ViewPlane plane);
  ViewPlane activePlane() const { return active_; }

  bool hasImage() const;
  const workflows::ViewableImage* image() const;
  WindowLevel window() const;
  void setWindow(const WindowLevel& wl);
  /// Applies preset 0..4 (keys 1-5): soft tissue, lung, liver, bone, brain.
  void applyPreset(int index);
  void resetWindow();
  int64_t currentSlice() const;
  SliceView* view(ViewPlane plane) const;

  /// The overlay drawn over every view (see OverlayLayer); null removes it. Kept when another image is shown only
  /// if the caller sets it again (an overlay belongs to one image).
  void setOverlay(std::shared_ptr<const OverlayLayer> overlay);
  const OverlayLayer* overlay() const;
  /// Moves the cursor to the voxel, so that every plane shows its slice, and pans each view to centre it.
  void centreOn(const Index& voxel);
  /// Shows a region: the cursor moves to `voxel` (so a volume's planes show its slices), and each view pans only
  /// when the region's box [boxMin, boxMax) (max exclusive) is not wholly visible, keeping the zoom.
  void showRegion(const Index& voxel, const Index& boxMin, const Index& boxMax);

  /// Drawing instead of window/level on every view; nullopt back to the usual mouse.
  void setAnnotationMode(std::optional<AnnotationMode> mode);
  const std::optional<AnnotationMode>& annotationMode() const { return annotation_; }
  /// Drops a stroke being drawn; true when there was one.
  bool cancelAnnotationStroke();

Q_SIGNALS:
  void imageOpened(qint64 imageId);
  void openFailed(const QString& message);
  void annotationStroke(const lightbox::ui::AnnotationStroke& stroke);

protected:
  void keyPressEvent(QKeyEvent* event) override;

private:
  void arrangeViews();
  void refreshSlider();
  void refreshProbe();
  void refreshWindowLabel();
  void showMessage(const QString& text, bool error);

  ViewerModel* model_;
  std::array<SliceView*, 3> views_{};
  Layout layout_ = Layout::Single;
  ViewPlane active_ = ViewPlane::Axial;
  QWidget* viewArea_ = nullptr;
  QGridLayout* grid_ = nullptr;
  QLabel* infoPanel_ = nullptr;
  QLabel* message_ = nullptr;
  QLabel* sourceLabel_ = nullptr;
  QLabel* probeLabel_ = nullptr;
  QLabel* windowLabel_ = nullptr;
  QLabel* sliceLabel_ = nullptr;
  QSlider* slider_ = nullptr;
  QWidget* sliceRow_ = nullptr;
  QComboBox* layoutCombo_ = nullptr;
  QComboBox* planeCombo_ = nullptr;
  QComboBox* presetCombo_ = nullptr;
  QToolButton* windowMode_ = nullptr;
  quint64 generation_ = 0;
  std::optional<AnnotationMode> annotation_;
};

} // namespace lightbox::ui
