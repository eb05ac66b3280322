#include "viewer/slice_view.h"

#include <QMouseEvent>
#include <QLocale>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "viewer/slice_renderer.h"
#include "viewer/window_level.h"

namespace lightbox::ui {

namespace {
QString planeName(ViewPlane p) {
  switch (p) {
    case ViewPlane::Axial: return SliceView::tr("Axial");
    case ViewPlane::Coronal: return SliceView::tr("Coronal");
    case ViewPlane::Sagittal: return SliceView::tr("Sagittal");
  }
  return {};
}
const char* planeId(ViewPlane p) {
  switch (p) {
    case ViewPlane::Axial: return "sliceView_axial";
    case ViewPlane::Coronal: return "sliceView_coronal";
    case ViewPlane::Sagittal: return "sliceView_sagittal";
  }
  return "sliceView";
}
}  // namespace

SliceView::SliceView(ViewerModel* model, ViewPlane plane, QWidget* parent)
    : QWidget(parent), model_(model), plane_(plane) {
  setObjectName(QString::fromLatin1(planeId(plane)));
  setMouseTracking(true);
  setFocusPolicy(Qt::ClickFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setCursor(Qt::CrossCursor);
  connect(model_, &ViewerModel::imageChanged, this, [this] {
    resetView();
    rerender();
  });
  connect(model_, &ViewerModel::windowChanged, this, [this] { rerender(); });
  connect(model_, &ViewerModel::overlayChanged, this, [this] {
    renderOverlay();
    update();
  });
  connect(model_, &ViewerModel::cursorChanged, this, [this] {
    if (!model_->hasImage()) return;
    if (model_->slice(plane_) != renderedSlice_) rerender();
    else update();
  });
}

void SliceView::setPlane(ViewPlane plane) {
  if (plane == plane_) return;
  plane_ = plane;
  setObjectName(QString::fromLatin1(planeId(plane)));
  resetView();
  rerender();
}

void SliceView::setShowCursor(bool on) {
  showCursor_ = on;
  update();
}

void SliceView::resetView() {
  transform_.zoom = 1.0;
  transform_.panX = transform_.panY = 0.0;
  update();
}

void SliceView::rerender() {
  if (!model_->hasImage()) {
    rendered_ = QImage();
    renderedSlice_ = -1;
    update();
    return;
  }
  renderedSlice_ = model_->slice(plane_);
  rendered_ = renderSlice(model_->image()->image, 0, model_->layout(plane_), renderedSlice_, model_->lut());
  renderOverlay();
  update();
}

void SliceView::renderOverlay() {
  overlay_ = QImage();
  contour_.clear();
  const OverlayLayer* o = model_->overlay();
  if (!o || !model_->hasImage() || renderedSlice_ < 0) return;
  const Shape& shape = model_->image()->image.shape();
  const SliceLayout& l = model_->layout(plane_);
  if (o->heat && o->heat->shape() == shape)
    overlay_ = renderColourMap(*o->heat, l, renderedSlice_, o->lut, o->min, o->max, o->cutoff,
                               int(std::lround(std::clamp(o->opacity, 0.0, 1.0) * 255)));
  if (o->contour && o->contour->shape() == shape) contour_ = maskOutline(*o->contour, l, renderedSlice_);
  regionEdges_.clear();
  if (o->region && o->region->shape() == shape) regionEdges_ = maskOutline(*o->region, l, renderedSlice_);
}

void SliceView::paintOverlay(QPainter& p, const QRectF& target) {
  const OverlayLayer* o = model_->overlay();
  if (!o) return;
  if (!overlay_.isNull()) p.drawImage(target, overlay_);
  const SliceLayout& l = model_->layout(plane_);
  const double sx = target.width() / double(l.width), sy = target.height() / double(l.height);
  const auto toScreen = [&](double u, double v) { return QPointF(target.left() + u * sx, target.top() + v * sy); };
  p.save();
  p.setRenderHint(QPainter::Antialiasing, false);
  if (!contour_.empty()) {
    p.setPen(QPen(o->contourColour, 1.5));
    for (const QLineF& e : contour_) p.drawLine(toScreen(e.x1(), e.y1()), toScreen(e.x2(), e.y2()));
  }
  if (!regionEdges_.empty()) {
    p.setPen(QPen(o->regionColour, 2.0));
    for (const QLineF& e : regionEdges_) p.drawLine(toScreen(e.x1(), e.y1()), toScreen(e.x2(), e.y2()));
  }
  // Finding boxes: the corners of the box projected onto this plane, when the slice crosses the box.
  const int nd = model_->image()->image.ndim();
  for (size_t b = 0; b < o->boxes.size(); ++b) {
    const auto& [lo, hi] = o->boxes[b];
    if (int(lo.size()) != nd || int(hi.size()) != nd) continue;
    if (l.sliceAxis >= 0) {
      const int64_t idx = l.flipSlice ? l.sliceCount - 1 - renderedSlice_ : renderedSlice_;
      if (idx < lo[size_t(l.sliceAxis)] || idx >= hi[size_t(l.sliceAxis)]) continue;
    }
    const auto span = [&](int axis, bool flip, int64_t extent) {
      double a = double(lo[size_t(axis)]), c = double(hi[size_t(axis)]);
      if (flip) {
        a = double(extent) - double(hi[size_t(axis)]);
        c = double(extent) - double(lo[size_t(axis)]);
      }
      return std::pair<double, double>(a, c);
    };
    const auto [u0, u1] = span(l.uAxis, l.flipU, l.width);
    const auto [v0, v1] = span(l.vAxis, l.flipV, l.height);
    const bool hl = int(b) == o->highlighted;
    const bool drawn = b < o->boxStyles.size() && o->boxStyles[b] == OverlayLayer::BoxStyle::Drawn;
    // Drawn by hand: orange and dotted, so a reviewer tells them from the model's at a glance.
    const QColor base = drawn ? QColor(255, 170, 60) : QColor(80, 200, 255);
    QColor colour = base;
    if (!hl) colour.setAlpha(110);
    p.setPen(QPen(colour, hl ? 2.0 : 1.0, drawn ? Qt::DotLine : hl ? Qt::SolidLine : Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(toScreen(u0, v0), toScreen(u1, v1)).adjusted(-2, -2, 2, 2));
  }
  p.restore();
}

void SliceView::centreOn(const Index& voxel) {
  if (!model_->hasImage()) return;
  const SliceLayout& l = model_->layout(plane_);
  const auto px = l.pixelOf(voxel);
  const auto at = transform_.sliceToScreen(l, double(px[0]) + 0.5, double(px[1]) + 0.5);
  transform_.panX += transform_.viewWidth / 2 - at[0];
  transform_.panY += transform_.viewHeight / 2 - at[1];
  update();
}

void SliceView::reveal(const Index& boxMin, const Index& boxMax) {
  if (!model_->hasImage()) return;
  const SliceLayout& l = model_->layout(plane_);
  const auto r = slicePixelRect(l, boxMin, boxMax);
  if (transform_.reveal(l, r[0], r[1], r[2], r[3])) update();
}

void SliceView::resizeEvent(QResizeEvent*) {
  transform_.viewWidth = std::max(1, width());
  transform_.viewHeight = std::max(1, height());
}

QPointF SliceView::pointOf(const Index& voxel) const {
  if (!model_->hasImage()) return {};
  const SliceLayout& l = model_->layout(plane_);
  const auto px = l.pixelOf(voxel);
  const auto at = transform_.sliceToScreen(l, double(px[0]) + 0.5, double(px[1]) + 0.5);
  return {at[0], at[1]};
}

void SliceView::setAnnotationMode(std::optional<AnnotationMode> mode) {
  annotation_ = mode;
  cancelStroke();
  setCursor(mode ? Qt::PointingHandCursor : Qt::CrossCursor);
}

void SliceView::cancelStroke() {
  if (drag_ == Drag::Draw) drag_ = Drag::None;
  stroke_.points.clear();
  update();
}

void SliceView::addStrokePoint(QPointF point) {
  const auto uv = transform_.screenToSlice(model_->layout(plane_), point.x(), point.y());
  // Clamped to the slice, so that a drag past the edge draws along it rather than nowhere.
  const SliceLayout& l = model_->layout(plane_);
  stroke_.points.push_back({std::clamp(uv[0], 0.0, double(l.width) - 1e-6), std::clamp(uv[1], 0.0, double(l.height) - 1e-6)});
  update();
}

void SliceView::paintStroke(QPainter& p, const QRectF& target) {
  if (drag_ != Drag::Draw || stroke_.points.empty()) return;
  const SliceLayout& l = model_->layout(plane_);
  const double sx = target.width() / double(l.width), sy = target.height() / double(l.height);
  const auto toScreen = [&](const std::array<double, 2>& q) {
    return QPointF(target.left() + q[0] * sx, target.top() + q[1] * sy);
  };
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  const QColor colour = stroke_.erase ? QColor(240, 80, 80) : QColor(255, 170, 60);
  if (stroke_.shape == StrokeShape::Brush) {
    QColor fill = colour;
    fill.setAlpha(110);
    QPen pen(fill, std::max(1.0, 2.0 * stroke_.brushRadius * sx), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    if (stroke_.points.size() == 1) {
      p.drawPoint(toScreen(stroke_.points[0]));
    } else {
      QPolygonF line;
      for (const auto& q : stroke_.points) line << toScreen(q);
      p.drawPolyline(line);
    }
  } else {
    // The rubber band covers whole pixels, as the drawn region will.
    const auto& a = stroke_.points.front();
    const auto& b = stroke_.points.back();
    const QRectF band(toScreen({std::floor(std::min(a[0], b[0])), std::floor(std::min(a[1], b[1]))}),
                      toScreen({std::floor(std::max(a[0], b[0])) + 1, std::floor(std::max(a[1], b[1])) + 1}));
    p.setPen(QPen(colour, 1.5, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    if (stroke_.shape == StrokeShape::Ellipse) p.drawEllipse(band);
    else p.drawRect(band);
  }
  p.restore();
}

std::optional<Index> SliceView::voxelAt(QPointF p) const {
  if (!model_->hasImage()) return std::nullopt;
  const SliceLayout& l = model_->layout(plane_);
  const auto uv = transform_.screenToSlice(l, p.x(), p.y());
  const auto u = int64_t(std::floor(uv[0])), v = int64_t(std::floor(uv[1]));
  if (u < 0 || v < 0 || u >= l.width || v >= l.height) return std::nullopt;
  return l.voxel(u, v, model_->slice(plane_));
}

void SliceView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(12, 12, 14));
  if (rendered_.isNull()) return;
  const SliceLayout& l = model_->layout(plane_);
  const auto r = transform_.imageRect(l);
  const QRectF target(r[0], r[1], r[2], r[3]);
  // Nearest neighbour when magnified, so voxels stay voxels; smooth when minified, against aliasing.
  p.setRenderHint(QPainter::SmoothPixmapTransform, target.width() < rendered_.width());
  p.drawImage(target, rendered_);
  paintOverlay(p, target);
  paintStroke(p, target);

  const workflows::ViewableImage* img = model_->image();
  if (showCursor_ && l.sliceAxis >= 0) {
    const auto px = l.pixelOf(model_->cursor());
    const auto c = transform_.sliceToScreen(l, double(px[0]) + 0.5, double(px[1]) + 0.5);
    QPen pen(QColor(80, 200, 255, 150), 1, Qt::DashLine);
    p.setPen(pen);
    p.drawLine(QPointF(target.left(), c[1]), QPointF(target.right(), c[1]));
    p.drawLine(QPointF(c[0], target.top()), QPointF(c[0], target.bottom()));
  }

  QFont f = font();
  f.setBold(true);
  p.setFont(f);
  const QFontMetrics fm(f);
  if (img->hasPatientGeometry) {
    const EdgeLabels e = edgeLabels(l, img->image.geometry());
    p.setPen(QColor(255, 210, 90));
    const int m = 6;
    const auto text = [&](const std::string& s) { return QString::fromStdString(s); };
    p.drawText(QRect(m, 0, width() - 2 * m, height()), Qt::AlignLeft | Qt::AlignVCenter, text(e.left));
    p.drawText(QRect(m, 0, width() - 2 * m, height()), Qt::AlignRight | Qt::AlignVCenter, text(e.right));
    p.drawText(QRect(0, m, width(), height() - 2 * m), Qt::AlignHCenter | Qt::AlignTop, text(e.top));
    p.drawText(QRect(0, m, width(), height() - 2 * m), Qt::AlignHCenter | Qt::AlignBottom, text(e.bottom));
  }
  p.setPen(QColor(220, 220, 220));
  f.setBold(false);
  p.setFont(f);
  QString corner = img->image.ndim() == 3
                       ? tr("%1  %2 / %3").arg(planeName(plane_)).arg(renderedSlice_ + 1).arg(l.sliceCount)
                       : tr("2D image");
  p.drawText(QRect(8, 6, width() - 16, fm.height()), Qt::AlignLeft | Qt::AlignTop, corner);
  const WindowLevel& wl = model_->window();
  p.drawText(QRect(8, height() - fm.height() - 6, width() - 16, fm.height()), Qt::AlignLeft | Qt::AlignBottom,
             windowLevelText(wl));
  if (std::abs(transform_.zoom - 1.0) > 1e-6)
    p.drawText(QRect(8, height() - fm.height() - 6, width() - 16, fm.height()), Qt::AlignRight | Qt::AlignBottom,
               tr("%1%").arg(int(std::lround(transform_.zoom * 100))));
}

void SliceView::mousePressEvent(QMouseEvent* e) {
  Q_EMIT activated(plane_);
  dragStart_ = lastPos_ = e->position();
  const bool brushErase = annotation_ && annotation_->shape == StrokeShape::Brush &&
                          (e->button() == Qt::RightButton || (e->modifiers() & Qt::ShiftModifier));
  if (annotation_ && model_->hasImage() && (e->button() == Qt::LeftButton || brushErase)) {
    drag_ = Drag::Draw;
    stroke_ = AnnotationStroke{};
    stroke_.plane = plane_;
    stroke_.slice = model_->slice(plane_);
    stroke_.layout = model_->layout(plane_);
    stroke_.shape = annotation_->shape;
    stroke_.brushRadius = annotation_->brushRadius;
    stroke_.erase = brushErase;
    addStrokePoint(e->position());
  } else if (e->button() == Qt::LeftButton) {
    if (windowDrag_ && !(e->modifiers() & Qt::ShiftModifier)) {
      drag_ = Drag::Window;
      windowAtStart_ = model_->window();
    } else {
      drag_ = Drag::Cursor;
      if (auto v = voxelAt(e->position())) model_->setCursor(*v);
    }
  } else if (e->button() == Qt::RightButton) {
    drag_ = Drag::Zoom;
  } else if (e->button() == Qt::MiddleButton) {
    drag_ = Drag::Pan;
    setCursor(Qt::ClosedHandCursor);
  }
  e->accept();
}

void SliceView::mouseMoveEvent(QMouseEvent* e) {
  const QPointF pos = e->position();
  const SliceLayout& l = model_->layout(plane_);
  switch (drag_) {
    case Drag::Window: {
      const QPointF d = pos - dragStart_;
      model_->setWindow(dragWindow(windowAtStart_, d.x(), d.y(), model_->dragSensitivity()));
      break;
    }
    case Drag::Zoom: {
      const double dy = pos.y() - lastPos_.y();
      transform_.zoomAbout(l, std::exp(-dy * 0.01), dragStart_.x(), dragStart_.y());
      update();
      break;
    }
    case Drag::Pan:
      transform_.panX += pos.x() - lastPos_.x();
      transform_.panY += pos.y() - lastPos_.y();
      update();
      break;
    case Drag::Cursor:
      if (auto v = voxelAt(pos)) model_->setCursor(*v);
      break;
    case Drag::Draw:
      addStrokePoint(pos);
      break;
    case Drag::None: break;
  }
  lastPos_ = pos;
  updateProbe(pos);
}

void SliceView::mouseReleaseEvent(QMouseEvent* e) {
  if (drag_ == Drag::Pan) setCursor(annotation_ ? Qt::PointingHandCursor : Qt::CrossCursor);
  if (drag_ == Drag::Draw) {
    addStrokePoint(e->position());
    drag_ = Drag::None;
    // A click is not a rubber band: a box or ellipse needs a drag (a brush dab is a stroke). Three screen pixels, not
    // the platform's drag distance (about ten): a box of one or two voxels must stay drawable when zoomed out.
    if (stroke_.shape != StrokeShape::Brush && (e->position() - dragStart_).manhattanLength() < 3.0) {
      stroke_ = AnnotationStroke{};
      update();
      return;
    }
    AnnotationStroke done = std::move(stroke_);
    stroke_ = AnnotationStroke{};
    update();
    Q_EMIT strokeFinished(done);
    return;
  }
  drag_ = Drag::None;
}

void SliceView::mouseDoubleClickEvent(QMouseEvent*) {
  // Drawing: the first click did what a click does; the second neither draws again nor resets the view.
  if (!annotation_) resetView();
}

void SliceView::wheelEvent(QWheelEvent* e) {
  if (!model_->hasImage()) return;
  Q_EMIT activated(plane_);
  const double steps = e->angleDelta().y() / 120.0;
  if (e->modifiers() & Qt::ControlModifier) {
    transform_.zoomAbout(model_->layout(plane_), std::pow(1.15, steps), e->position().x(), e->position().y());
    update();
  } else {
    wheelRemainder_ += steps;
    const auto whole = int64_t(wheelRemainder_ > 0 ? std::floor(wheelRemainder_) : std::ceil(wheelRemainder_));
    wheelRemainder_ -= double(whole);
    if (whole != 0) model_->setSlice(plane_, model_->slice(plane_) + whole);
  }
  updateProbe(e->position());
  e->accept();
}

void SliceView::leaveEvent(QEvent*) { model_->setProbe(std::nullopt); }

void SliceView::updateProbe(QPointF point) { model_->setProbe(voxelAt(point)); }

}  // namespace lightbox::ui
