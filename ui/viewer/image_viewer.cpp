#include "viewer/image_viewer.h"

#include <QComboBox>
#include <QLocale>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "lightbox/workflows/image_view.h"
#include "viewer/viewer_text.h"
#include "viewer/slice_view.h"
#include "viewer/viewer_model.h"
#include "viewer/window_level.h"

namespace lightbox::ui {

namespace {

struct LoadOutcome {
  std::shared_ptr<const workflows::ViewableImage> image;
  QString error;
};

QString presetName(int i) {
  switch (i) {
    case 0: return ImageViewer::tr("Soft tissue");
    case 1: return ImageViewer::tr("Lung");
    case 2: return ImageViewer::tr("Liver");
    case 3: return ImageViewer::tr("Bone");
    case 4: return ImageViewer::tr("Brain");
  }
  return {};
}

QString number(double v) { return QLocale().toString(v, 'g', 6); }

QString formatName(const std::string& f) {
  if (f == "dicom") return QStringLiteral("DICOM");
  if (f == "nifti") return QStringLiteral("NIfTI");
  return QString::fromStdString(f).toUpper();
}

}  // namespace

ImageViewer::ImageViewer(QWidget* parent) : QWidget(parent), model_(new ViewerModel(this)) {
  setObjectName(QStringLiteral("imageViewer"));
  setFocusPolicy(Qt::StrongFocus);

  // Tool row.
  layoutCombo_ = new QComboBox(this);
  layoutCombo_->setObjectName(QStringLiteral("layoutCombo"));
  layoutCombo_->addItem(tr("Single view"));
  layoutCombo_->addItem(tr("Tri-planar"));
  layoutCombo_->setToolTip(tr("One plane, or axial, coronal and sagittal side by side"));
  planeCombo_ = new QComboBox(this);
  planeCombo_->setObjectName(QStringLiteral("planeCombo"));
  planeCombo_->addItem(tr("Axial"));
  planeCombo_->addItem(tr("Coronal"));
  planeCombo_->addItem(tr("Sagittal"));
  windowMode_ = new QToolButton(this);
  windowMode_->setObjectName(QStringLiteral("windowModeButton"));
  windowMode_->setText(tr("W/L drag"));
  windowMode_->setCheckable(true);
  windowMode_->setChecked(true);
  windowMode_->setToolTip(tr("On: left-drag changes window (horizontal) and level (vertical).\n"
                             "Off: left-click moves the cursor. Shift+left-drag always moves the cursor."));
  presetCombo_ = new QComboBox(this);
  presetCombo_->setObjectName(QStringLiteral("presetCombo"));
  presetCombo_->addItem(tr("Window preset…"));
  for (int i = 0; i < 5; ++i) {
    const WindowLevel w = windowPresets()[size_t(i)].window;
    presetCombo_->addItem(tr("%1: %2  (W %3 / L %4)").arg(i + 1).arg(presetName(i)).arg(w.width).arg(w.centre));
  }
  presetCombo_->setToolTip(tr("CT presets in Hounsfield units (keys 1-5); meaningful on CT originals"));
  auto* reset = new QPushButton(tr("Reset"), this);
  reset->setObjectName(QStringLiteral("resetWindowButton"));
  reset->setToolTip(tr("Back to the file's window, else the 0.1-99.9 percentile range (key 0 or R)"));
  windowLabel_ = new QLabel(this);
  windowLabel_->setObjectName(QStringLiteral("windowLabel"));

  auto* tools = new QHBoxLayout;
  tools->setContentsMargins(0, 0, 0, 0);
  tools->addWidget(layoutCombo_);
  tools->addWidget(planeCombo_);
  tools->addSpacing(12);
  tools->addWidget(windowMode_);
  tools->addWidget(presetCombo_);
  tools->addWidget(reset);
  tools->addWidget(windowLabel_);
  tools->addStretch(1);

  sourceLabel_ = new QLabel(this);
  sourceLabel_->setObjectName(QStringLiteral("sourceLabel"));
  sourceLabel_->setWordWrap(true);
  sourceLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  // Views.
  viewArea_ = new QWidget(this);
  grid_ = new QGridLayout(viewArea_);
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(2);
  for (int p = 0; p < 3; ++p) {
    views_[size_t(p)] = new SliceView(model_, ViewPlane(p), viewArea_);
    connect(views_[size_t(p)], &SliceView::activated, this, [this](ViewPlane plane) {
      if (layout_ == Layout::TriPlanar && plane != active_) {
        active_ = plane;
        planeCombo_->blockSignals(true);
        planeCombo_->setCurrentIndex(int(plane));
        planeCombo_->blockSignals(false);
        refreshSlider();
      }
    });
    connect(views_[size_t(p)], &SliceView::strokeFinished, this, &ImageViewer::annotationStroke);
  }
  infoPanel_ = new QLabel(viewArea_);
  infoPanel_->setObjectName(QStringLiteral("imageInfo"));
  infoPanel_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  infoPanel_->setWordWrap(true);
  infoPanel_->setMargin(10);
  infoPanel_->setStyleSheet(QStringLiteral("background:#16161a; color:#ddd;"));
  message_ = new QLabel(tr("No image open"), this);
  message_->setObjectName(QStringLiteral("viewerStatus"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);

  // Slice row and probe.
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setObjectName(QStringLiteral("sliceSlider"));
  slider_->setToolTip(tr("Slice (mouse wheel over the image)"));
  sliceLabel_ = new QLabel(this);
  sliceLabel_->setObjectName(QStringLiteral("sliceLabel"));
  sliceLabel_->setMinimumWidth(90);
  sliceRow_ = new QWidget(this);
  auto* sliceRow = new QHBoxLayout(sliceRow_);
  sliceRow->setContentsMargins(0, 0, 0, 0);
  sliceRow->addWidget(new QLabel(tr("Slice"), this));
  sliceRow->addWidget(slider_, 1);
  sliceRow->addWidget(sliceLabel_);
  probeLabel_ = new QLabel(this);
  probeLabel_->setObjectName(QStringLiteral("probeLabel"));
  probeLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  probeLabel_->setMinimumHeight(probeLabel_->fontMetrics().height());

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(tools);
  layout->addWidget(sourceLabel_);
  layout->addWidget(message_);
  layout->addWidget(viewArea_, 1);
  layout->addWidget(sliceRow_);
  layout->addWidget(probeLabel_);

  connect(layoutCombo_, &QComboBox::currentIndexChanged, this,
          [this](int i) { setLayoutMode(i == 1 ? Layout::TriPlanar : Layout::Single); });
  connect(planeCombo_, &QComboBox::currentIndexChanged, this, [this](int i) { setActivePlane(ViewPlane(i)); });
  connect(windowMode_, &QToolButton::toggled, this, [this](bool on) {
    for (auto* v : views_) v->setWindowDragMode(on);
  });
  connect(presetCombo_, &QComboBox::activated, this, [this](int i) {
    if (i > 0) applyPreset(i - 1);
    presetCombo_->setCurrentIndex(0);
    setFocus();
  });
  connect(reset, &QPushButton::clicked, this, &ImageViewer::resetWindow);
  connect(slider_, &QSlider::valueChanged, this, [this](int v) { model_->setSlice(active_, v); });
  connect(model_, &ViewerModel::cursorChanged, this, [this] {
    refreshSlider();
    refreshProbe();
  });
  connect(model_, &ViewerModel::probeChanged, this, &ImageViewer::refreshProbe);
  connect(model_, &ViewerModel::windowChanged, this, &ImageViewer::refreshWindowLabel);

  arrangeViews();
  viewArea_->hide();
  showMessage(tr("No image open"), false);
}

ImageViewer::~ImageViewer() = default;

void ImageViewer::openImage(const QString& projectPath, qint64 imageId) {
  const quint64 generation = ++generation_;
  showMessage(tr("Loading image %1…").arg(imageId), false);
  auto* watcher = new QFutureWatcher<LoadOutcome>(this);
  connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this, [this, watcher, generation, imageId] {
    watcher->deleteLater();
    if (generation != generation_) return;  // superseded by a later openImage
    const LoadOutcome out = watcher->result();
    if (!out.image) {
      showMessage(tr("Cannot show image %1: %2").arg(imageId).arg(out.error), true);
      Q_EMIT openFailed(out.error);
      return;
    }
    showImage(out.image);
    Q_EMIT imageOpened(imageId);
  });
  const std::string path = projectPath.toStdString();
  watcher->setFuture(QtConcurrent::run([path, imageId]() -> LoadOutcome {
    try {
      return {std::make_shared<const workflows::ViewableImage>(workflows::loadImageForView(path, imageId)), {}};
    } catch (const std::exception& e) {
      return {nullptr, QString::fromStdString(e.what())};
    }
  }));
}

void ImageViewer::showImage(std::shared_ptr<const workflows::ViewableImage> image) {
  model_->setImage(image);
  message_->hide();
  viewArea_->show();
  const bool volume = model_->isVolume();
  layoutCombo_->setEnabled(volume);
  planeCombo_->setEnabled(volume);
  if (!volume) setLayoutMode(Layout::Single);
  arrangeViews();

  const auto& img = *image;
  const QString fileName = QFileInfo(QString::fromStdString(img.sourcePath)).fileName();
  if (img.source == workflows::ViewSource::OriginalFile) {
    sourceLabel_->setText(tr("Original %1 file: %2").arg(formatName(img.format), QString::fromStdString(img.readPath)));
    sourceLabel_->setStyleSheet(QString());
  } else {
    // The review and the audit choose the working array on purpose: said here in the UI's words. Otherwise the
    // reason is the reader's error about the original (a file name and a system message), quoted as it is.
    const QString kind = arrayKindText(QString::fromStdString(img.arrayKind));
    sourceLabel_->setText(
        img.sameGridAsMap
            ? tr("Showing the stored working array (%1), the one the model saw, so that map and image share one grid. "
                 "Values are preprocessed, not in the modality's units.")
                  .arg(kind)
            : tr("Showing the stored working array (%1), not the original, which could not be read: %2. Values are "
                 "preprocessed, not in the modality's units.")
                  .arg(kind, QString::fromStdString(img.fallbackReason)));
    sourceLabel_->setStyleSheet(QStringLiteral("color:#b35c00; font-weight:bold;"));
  }
  const Geometry& g = img.image.geometry();
  const Shape& s = img.image.shape();
  QString dims;
  for (int d = s.ndim - 1; d >= 0; --d) dims += (dims.isEmpty() ? QString() : QStringLiteral(" × ")) + QString::number(s[d]);
  QString sp;
  for (int d = s.ndim - 1; d >= 0; --d)
    sp += (sp.isEmpty() ? QString() : QStringLiteral(" × ")) + QLocale().toString(g.spacing[size_t(d)], 'g', 4);
  QString info = tr("<b>%1</b><br>%2 %3<br>Size (x × y × z): %4<br>Spacing: %5 mm")
                     .arg(fileName.toHtmlEscaped(), formatName(img.format),
                          QString::fromStdString(img.modality).toHtmlEscaped(), dims, sp);
  if (img.hasPatientGeometry)
    info += tr("<br>Origin (LPS): %1, %2, %3 mm").arg(number(g.origin[0]), number(g.origin[1]), number(g.origin[2]));
  if (img.convertedFromRas) info += tr("<br>NIfTI RAS+ converted to LPS+ for display");
  if (img.window) info += tr("<br>File window: %1").arg(windowLevelText({img.window->centre, img.window->width}));
  if (!img.seriesDescription.empty())
    info += QStringLiteral("<br>") + QString::fromStdString(img.seriesDescription).toHtmlEscaped();
  for (const auto& w : img.warnings) info += QStringLiteral("<br><i>") + QString::fromStdString(w).toHtmlEscaped() + QStringLiteral("</i>");
  infoPanel_->setText(info);
  infoPanel_->setToolTip(info);
  refreshSlider();
  refreshWindowLabel();
  refreshProbe();
  setFocus();
}

void ImageViewer::setLayoutMode(Layout layout) {
  if (layout == Layout::TriPlanar && !model_->isVolume()) layout = Layout::Single;
  layout_ = layout;
  layoutCombo_->blockSignals(true);
  layoutCombo_->setCurrentIndex(layout == Layout::TriPlanar ? 1 : 0);
  layoutCombo_->blockSignals(false);
  arrangeViews();
}

void ImageViewer::setActivePlane(ViewPlane plane) {
  active_ = plane;
  planeCombo_->blockSignals(true);
  planeCombo_->setCurrentIndex(int(plane));
  planeCombo_->blockSignals(false);
  arrangeViews();
}

void ImageViewer::arrangeViews() {
  for (auto* v : views_) grid_->removeWidget(v);
  grid_->removeWidget(infoPanel_);
  if (layout_ == Layout::Single) {
    for (int p = 0; p < 3; ++p) views_[size_t(p)]->setVisible(ViewPlane(p) == active_);
    infoPanel_->hide();
    grid_->addWidget(views_[size_t(active_)], 0, 0);
  } else {
    grid_->addWidget(views_[0], 0, 0);
    grid_->addWidget(views_[1], 0, 1);
    grid_->addWidget(views_[2], 1, 0);
    grid_->addWidget(infoPanel_, 1, 1);
    for (auto* v : views_) v->show();
    infoPanel_->show();
  }
  for (auto* v : views_) v->setShowCursor(layout_ == Layout::TriPlanar);
  refreshSlider();
}

void ImageViewer::refreshSlider() {
  const bool volume = model_->isVolume();
  slider_->setEnabled(volume);
  sliceRow_->setVisible(volume);
  if (!model_->hasImage()) {
    sliceLabel_->clear();
    return;
  }
  const SliceLayout& l = model_->layout(active_);
  const int64_t s = model_->slice(active_);
  slider_->blockSignals(true);
  slider_->setRange(0, int(l.sliceCount - 1));
  slider_->setValue(int(s));
  slider_->blockSignals(false);
  sliceLabel_->setText(volume ? tr("%1 / %2").arg(s + 1).arg(l.sliceCount) : tr("2D"));
}

void ImageViewer::refreshProbe() {
  const auto& probe = model_->probe();
  if (!model_->hasImage() || !probe) {
    probeLabel_->setText(model_->hasImage() ? tr("Move the mouse over the image to read values") : QString());
    return;
  }
  const auto* img = model_->image();
  const Index& i = *probe;
  const float v = model_->value(i);
  const QString unit = model_->valueUnit();
  const QString value = voxelValueText(double(v)) + (unit.isEmpty() ? QString() : QStringLiteral(" ") + unit);
  // Voxel indices are shown x (fastest array axis) first, as most viewers do.
  const QString voxel = img->image.ndim() == 3 ? tr("(%1, %2, %3)").arg(i[2]).arg(i[1]).arg(i[0])
                                               : tr("(%1, %2)").arg(i[1]).arg(i[0]);
  if (img->hasPatientGeometry) {
    const Vec3 p = voxelToPatient(img->image.geometry(), img->image.ndim() == 3 ? i : Index{i[0], i[1], 0});
    probeLabel_->setText(tr("Value %1   Voxel %2   Patient LPS (%3, %4, %5) mm")
                             .arg(value, voxel)
                             .arg(QLocale().toString(p[0], 'f', 1))
                             .arg(QLocale().toString(p[1], 'f', 1))
                             .arg(QLocale().toString(p[2], 'f', 1)));
  } else {
    probeLabel_->setText(tr("Value %1   Pixel %2").arg(value, voxel));
  }
}

void ImageViewer::refreshWindowLabel() {
  if (!model_->hasImage()) return windowLabel_->clear();
  const WindowLevel& w = model_->window();
  windowLabel_->setText(windowLevelText(w));
}

void ImageViewer::showMessage(const QString& text, bool error) {
  message_->setText(text);
  message_->setStyleSheet(error ? QStringLiteral("color:#c0392b; font-weight:bold;") : QString());
  message_->show();
  if (error || !model_->hasImage()) viewArea_->hide();
}

bool ImageViewer::hasImage() const { return model_->hasImage(); }
const workflows::ViewableImage* ImageViewer::image() const { return model_->image(); }
WindowLevel ImageViewer::window() const { return model_->window(); }
void ImageViewer::setWindow(const WindowLevel& wl) { model_->setWindow(wl); }
void ImageViewer::applyPreset(int index) {
  if (index >= 0 && index < int(windowPresets().size())) model_->setWindow(windowPresets()[size_t(index)].window);
}
void ImageViewer::resetWindow() { model_->resetWindow(); }
int64_t ImageViewer::currentSlice() const { return model_->hasImage() ? model_->slice(active_) : 0; }
SliceView* ImageViewer::view(ViewPlane plane) const { return views_[size_t(plane)]; }

void ImageViewer::setOverlay(std::shared_ptr<const OverlayLayer> overlay) { model_->setOverlay(std::move(overlay)); }
const OverlayLayer* ImageViewer::overlay() const { return model_->overlay(); }

void ImageViewer::centreOn(const Index& voxel) {
  if (!model_->hasImage() || !model_->image()->image.shape().contains(voxel)) return;
  model_->setCursor(voxel);
  for (auto* v : views_) v->centreOn(voxel);
}

void ImageViewer::showRegion(const Index& voxel, const Index& boxMin, const Index& boxMax) {
  if (!model_->hasImage() || !model_->image()->image.shape().contains(voxel)) return;
  model_->setCursor(voxel);
  for (auto* v : views_) v->reveal(boxMin, boxMax);
}

void ImageViewer::setAnnotationMode(std::optional<AnnotationMode> mode) {
  annotation_ = mode;
  for (auto* v : views_) v->setAnnotationMode(mode);
  windowMode_->setEnabled(!mode);
}

bool ImageViewer::cancelAnnotationStroke() {
  bool active = false;
  for (auto* v : views_) {
    active = active || v->strokeActive();
    v->cancelStroke();
  }
  return active;
}

void ImageViewer::keyPressEvent(QKeyEvent* e) {
  if (!model_->hasImage()) return QWidget::keyPressEvent(e);
  const int k = e->key();
  if (k >= Qt::Key_1 && k <= Qt::Key_5) {
    applyPreset(k - Qt::Key_1);
  } else if (k == Qt::Key_0 || k == Qt::Key_R) {
    resetWindow();
  } else if (k == Qt::Key_Up || k == Qt::Key_PageUp) {
    model_->setSlice(active_, model_->slice(active_) + 1);
  } else if (k == Qt::Key_Down || k == Qt::Key_PageDown) {
    model_->setSlice(active_, model_->slice(active_) - 1);
  } else {
    return QWidget::keyPressEvent(e);
  }
  e->accept();
}

}  // namespace lightbox::ui
