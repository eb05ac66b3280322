#pragma once
// One plane of the viewer: draws the model's slice with the window LUT at the right aspect, orientation labels from
// the direction matrix, the slice number and (tri-planar) the cursor cross. Mouse: left-drag window/level (or, in
// cursor mode, moves the cursor), right-drag or Ctrl+wheel zoom, middle-drag pan, wheel through the slices,
// double-click fits the slice again. Hovering updates the model's probe. In annotation mode (annotation_hook.h) a
// left-drag draws instead (Shift+left or right-drag erases with the brush) and strokeFinished hands the stroke out.

#include <QImage>
#include <QLineF>
#include <QWidget>
#include <optional>
#include <vector>

#include "viewer/annotation_hook.h"
#include "viewer/viewer_model.h"

class QPainter;

namespace lightbox::ui {

class SliceView : public QWidget {
  Q_OBJECT
 public:
  SliceView(ViewerModel* model, ViewPlane plane, QWidget* parent = nullptr);

  ViewPlane plane() const { return plane_; }
  void setPlane(ViewPlane plane);
  /// Left-drag adjusts window/level (true) or moves the cursor (false).
  void setWindowDragMode(bool on) { windowDrag_ = on; }
  void setShowCursor(bool on);
  /// The current slice rendered through the LUT, one pixel per voxel (before zoom), for tests and export.
  const QImage& renderedSlice() const { return rendered_; }
  const ViewTransform& transform() const { return transform_; }
  void resetView();
  /// Pans (keeping the zoom) so that the voxel's pixel sits at the centre of the view.
  void centreOn(const Index& voxel);
  /// Pans (keeping the zoom) only as far as needed to show the array box [boxMin, boxMax) on this plane: not at all
  /// when it is wholly visible, else so that it is centred.
  void reveal(const Index& boxMin, const Index& boxMax);
  /// The overlay of the current slice as rendered (heat map through its colour table; null when none), for tests.
  const QImage& renderedOverlay() const { return overlay_; }
  /// Outline edges of the overlay's contour mask on the current slice, slice pixel coordinates.
  const std::vector<QLineF>& contourEdges() const { return contour_; }
  /// Outline edges of the overlay's region mask on the current slice, slice pixel coordinates.
  const std::vector<QLineF>& regionEdges() const { return regionEdges_; }
  /// The voxel under a point of this widget, if it is on the image.
  std::optional<Index> voxelAt(QPointF point) const;
  /// The widget point at the centre of a voxel of the current slice (tests drive drawing with it).
  QPointF pointOf(const Index& voxel) const;

  /// nullopt: the usual mouse (window/level, cursor). A stroke being drawn is dropped when the mode changes.
  void setAnnotationMode(std::optional<AnnotationMode> mode);
  const std::optional<AnnotationMode>& annotationMode() const { return annotation_; }
  bool strokeActive() const { return drag_ == Drag::Draw; }
  /// Drops the stroke being drawn (Esc), without a strokeFinished.
  void cancelStroke();

  QSize sizeHint() const override { return {420, 420}; }
  QSize minimumSizeHint() const override { return {160, 160}; }

 Q_SIGNALS:
  void activated(lightbox::ui::ViewPlane plane);
  void strokeFinished(const lightbox::ui::AnnotationStroke& stroke);

 protected:
  void paintEvent(QPaintEvent*) override;
  void resizeEvent(QResizeEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  void mouseMoveEvent(QMouseEvent*) override;
  void mouseReleaseEvent(QMouseEvent*) override;
  void mouseDoubleClickEvent(QMouseEvent*) override;
  void wheelEvent(QWheelEvent*) override;
  void leaveEvent(QEvent*) override;

 private:
  void rerender();
  void renderOverlay();
  void paintOverlay(QPainter& p, const QRectF& target);
  void updateProbe(QPointF point);
  void paintStroke(QPainter& p, const QRectF& target);
  void addStrokePoint(QPointF point);

  ViewerModel* model_;
  ViewPlane plane_;
  bool windowDrag_ = true;
  bool showCursor_ = false;
  QImage rendered_;
  QImage overlay_;
  std::vector<QLineF> contour_;
  std::vector<QLineF> regionEdges_;
  int64_t renderedSlice_ = -1;
  ViewTransform transform_;
  enum class Drag { None, Window, Zoom, Pan, Cursor, Draw } drag_ = Drag::None;
  std::optional<AnnotationMode> annotation_;
  AnnotationStroke stroke_;
  QPointF dragStart_, lastPos_;
  WindowLevel windowAtStart_;
  double wheelRemainder_ = 0.0;
};

}  // namespace lightbox::ui
