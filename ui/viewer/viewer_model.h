#pragma once
// What the views of one ImageViewer share: the image, its window/level LUT, the cursor (the voxel every view's
// slice passes through) and the probe. Widget-free; views observe it through its signals.

#include <QObject>
#include <memory>
#include <optional>

#include "lightbox/workflows/image_view.h"
#include "viewer/slice_geometry.h"
#include "viewer/window_level.h"

namespace lightbox::ui {

class ViewerModel : public QObject {
  Q_OBJECT
 public:
  explicit ViewerModel(QObject* parent = nullptr);

  void setImage(std::shared_ptr<const workflows::ViewableImage> image);
  const workflows::ViewableImage* image() const { return image_.get(); }
  bool hasImage() const { return image_ != nullptr; }
  bool isVolume() const { return image_ && image_->image.ndim() == 3; }

  /// The layout of `plane` (2D images have one layout whatever the plane).
  const SliceLayout& layout(ViewPlane plane) const { return layouts_[size_t(plane)]; }

  const WindowLevel& window() const { return lut_.window(); }
  void setWindow(const WindowLevel& wl);
  /// DICOM's window when the file states one, else the 0.1-99.9 percentile range.
  WindowLevel defaultWindow() const { return defaultWindow_; }
  void resetWindow() { setWindow(defaultWindow_); }
  const WindowLut& lut() const { return lut_; }
  /// Values per screen pixel for left-drag window/level.
  double dragSensitivity() const { return dragSensitivity_; }

  const Index& cursor() const { return cursor_; }
  void setCursor(const Index& voxel);
  int64_t slice(ViewPlane plane) const { return layout(plane).sliceOf(cursor_); }
  void setSlice(ViewPlane plane, int64_t slice);

  void setProbe(std::optional<Index> voxel);
  const std::optional<Index>& probe() const { return probe_; }
  float value(const Index& voxel) const;
  /// "HU" for CT originals, else empty.
  QString valueUnit() const;

 Q_SIGNALS:
  void imageChanged();
  void windowChanged();
  void cursorChanged();
  void probeChanged();

 private:
  std::shared_ptr<const workflows::ViewableImage> image_;
  std::array<SliceLayout, 3> layouts_{};
  WindowLut lut_;
  WindowLevel defaultWindow_;
  double dragSensitivity_ = 1.0;
  Index cursor_{0, 0, 0};
  std::optional<Index> probe_;
};

}  // namespace lightbox::ui
