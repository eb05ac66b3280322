#pragma once
// What the views of one ImageViewer share: the image, its window/level LUT, the cursor (the voxel every view's
// slice passes through) and the probe. Widget-free; views observe it through its signals.

#include <QColor>
#include <QObject>
#include <QRgb>
#include <array>
#include <memory>
#include <vector>
#include <optional>

#include "lightbox/workflows/image_view.h"
#include "viewer/slice_geometry.h"
#include "viewer/window_level.h"

namespace lightbox::ui {

/// A layer drawn over the image (the review workspace's heat map, ground-truth contours and finding boxes). All
/// grids must have the image's shape; the heat map's values map through `min`..`max` to `lut` (values at or below
/// `cutoff` are transparent, so a threshold hides the background), blended at `opacity`.
struct OverlayLayer {
  std::shared_ptr<const Image> heat;   ///< one channel; null = no heat map
  std::array<QRgb, 256> lut{};         ///< colour of normalised value k / 255
  double min = 0.0, max = 1.0;
  double cutoff = -1.0;                ///< values <= cutoff are not drawn
  double opacity = 0.6;                ///< 0..1
  std::shared_ptr<const Mask> contour; ///< outlined; null = none
  QColor contourColour{80, 220, 120};
  /// Boxes (array axis order, min inclusive, max exclusive) outlined on the slices they cross; `highlighted` is
  /// drawn brighter (the selected finding), -1 = none.
  std::vector<std::pair<std::vector<int64_t>, std::vector<int64_t>>> boxes;
  int highlighted = -1;
  /// Per box (missing = Found): Drawn boxes (regions a person drew) are outlined dotted in another colour.
  enum class BoxStyle { Found, Drawn };
  std::vector<BoxStyle> boxStyles;
  /// A region outlined over the image (the finding whose extent is being edited); null = none.
  std::shared_ptr<const Mask> region;
  QColor regionColour{255, 170, 60};
};

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
  /// The overlay layer (none by default); replaced as a whole, views redraw on overlayChanged.
  void setOverlay(std::shared_ptr<const OverlayLayer> overlay);
  const OverlayLayer* overlay() const { return overlay_.get(); }
  /// "HU" for CT originals, else empty.
  QString valueUnit() const;

 Q_SIGNALS:
  void imageChanged();
  void windowChanged();
  void cursorChanged();
  void probeChanged();
  void overlayChanged();

 private:
  std::shared_ptr<const workflows::ViewableImage> image_;
  std::array<SliceLayout, 3> layouts_{};
  WindowLut lut_;
  WindowLevel defaultWindow_;
  double dragSensitivity_ = 1.0;
  Index cursor_{0, 0, 0};
  std::optional<Index> probe_;
  std::shared_ptr<const OverlayLayer> overlay_;
};

}  // namespace lightbox::ui
