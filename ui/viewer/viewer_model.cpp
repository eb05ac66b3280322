#include "viewer/viewer_model.h"

#include <algorithm>

namespace lightbox::ui {

ViewerModel::ViewerModel(QObject* parent) : QObject(parent) {}

void ViewerModel::setImage(std::shared_ptr<const workflows::ViewableImage> image) {
  image_ = std::move(image);
  probe_.reset();
  if (!image_) {
    Q_EMIT imageChanged();
    return;
  }
  const Image& img = image_->image;
  for (int p = 0; p < 3; ++p) layouts_[size_t(p)] = layoutFor(img.shape(), img.geometry(), ViewPlane(p));
  const float* v = img.channel(0);
  const auto [lo, hi] = img.range(0);
  lut_ = WindowLut(lo, hi, looksIntegerValued(v, img.voxelCount()));
  const WindowLevel percentile = percentileWindow(v, img.voxelCount());
  defaultWindow_ = image_->window ? WindowLevel{image_->window->centre, image_->window->width} : percentile;
  dragSensitivity_ = std::max(percentile.width, 1e-3) / 256.0;
  lut_.setWindow(defaultWindow_);
  const Shape& s = img.shape();
  cursor_ = {s[0] / 2, s[1] / 2, s.ndim == 3 ? s[2] / 2 : 0};
  Q_EMIT imageChanged();
  Q_EMIT windowChanged();
  Q_EMIT cursorChanged();
}

void ViewerModel::setWindow(const WindowLevel& wl) {
  WindowLevel w = wl;
  if (!(w.width > 0)) w.width = 1e-6;
  if (w == lut_.window()) return;
  lut_.setWindow(w);
  Q_EMIT windowChanged();
}

void ViewerModel::setCursor(const Index& voxel) {
  if (!image_) return;
  const Shape& s = image_->image.shape();
  Index c = voxel;
  for (int d = 0; d < 3; ++d) c[size_t(d)] = d < s.ndim ? std::clamp<int64_t>(c[size_t(d)], 0, s[d] - 1) : 0;
  if (c == cursor_) return;
  cursor_ = c;
  Q_EMIT cursorChanged();
}

void ViewerModel::setSlice(ViewPlane plane, int64_t slice) {
  const SliceLayout& l = layout(plane);
  if (!image_ || l.sliceAxis < 0) return;
  Index c = cursor_;
  slice = std::clamp<int64_t>(slice, 0, l.sliceCount - 1);
  c[size_t(l.sliceAxis)] = l.flipSlice ? l.sliceCount - 1 - slice : slice;
  setCursor(c);
}

void ViewerModel::setProbe(std::optional<Index> voxel) {
  if (voxel == probe_) return;
  probe_ = voxel;
  Q_EMIT probeChanged();
}

float ViewerModel::value(const Index& voxel) const {
  if (!image_) return 0.f;
  const Shape& s = image_->image.shape();
  const Index i = s.ndim == 3 ? voxel : Index{voxel[0], voxel[1], 0};
  return image_->image.channel(0)[s.linear(i)];
}

QString ViewerModel::valueUnit() const {
  if (image_ && image_->source == workflows::ViewSource::OriginalFile && image_->modality == "CT")
    return QStringLiteral("HU");
  return {};
}

void ViewerModel::setOverlay(std::shared_ptr<const OverlayLayer> overlay) {
  overlay_ = std::move(overlay);
  Q_EMIT overlayChanged();
}

}  // namespace lightbox::ui
