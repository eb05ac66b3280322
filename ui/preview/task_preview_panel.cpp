#include "preview/task_preview_panel.h"

#include <QCheckBox>
#include <QLocale>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

#include "lightbox/workflows/task_preview.h"
#include "lightbox/workflows/task_settings_store.h"
#include "preview/image_tile.h"
#include "preview/task_text.h"
#include "viewer/slice_geometry.h"
#include "viewer/slice_renderer.h"

namespace lightbox::ui {

using workflows::TaskPreviewSample;
using workflows::TaskPreviewSession;

struct TaskPreviewPanel::SampleOutcome {
  quint64 generation = 0;
  std::shared_ptr<const TaskPreviewSample> sample;
  QString error;
  double ms = 0;
};

struct TaskPreviewPanel::GalleryOutcome {
  quint64 generation = 0;
  std::vector<std::shared_ptr<const TaskPreviewSample>> samples;
  QString error;
};

namespace {

struct SessionOutcome {
  std::shared_ptr<const TaskPreviewSession> session;
  std::map<TaskId, workflows::StoredSettings> settings;
  QString error;
};

/// Everything needed to draw one sample's slice consistently in every tile.
struct SliceFrame {
  SliceLayout layout;
  int64_t slice = 0;
  WindowLut lut;
  double aspect = 1.0;
};

SliceFrame frameFor(const TaskPreviewSample& s, int64_t slice) {
  SliceFrame f;
  const Image& img = s.source->image;
  f.layout = layoutFor(img.shape(), img.geometry(), ViewPlane::Axial);
  f.slice = std::clamp<int64_t>(slice, 0, f.layout.sliceCount - 1);
  const auto [lo, hi] = img.range(0);
  f.lut = WindowLut(lo, hi, false);
  // The same window for original and augmented, from the healthy image's 0.5-99.5 percentiles, so that changes
  // show as they are and a few extreme voxels do not wash the image out.
  // Over the object (brain) when there is a mask: the background of a z-normalised brain is 0, mid-grey.
  const Mask& obj = s.source->objectMask;
  std::vector<float> inside;
  if (!obj.empty())
    for (int64_t k = 0; k < obj.count(); ++k)
      if (obj[k]) inside.push_back(img.channel(0)[k]);
  f.lut.setWindow(inside.size() > 100 ? percentileWindow(inside.data(), int64_t(inside.size()), 0.5, 99.5)
                                      : percentileWindow(img.channel(0), img.voxelCount(), 0.5, 99.5));
  f.aspect = f.layout.widthMm() / f.layout.heightMm();
  return f;
}

/// The axial slice through the middle of the first anomaly (3D), so that a new sample is seen at once.
int64_t anomalySlice(const TaskPreviewSample& s) {
  const Image& img = s.source->image;
  if (img.ndim() != 3) return 0;
  const SliceLayout l = layoutFor(img.shape(), img.geometry(), ViewPlane::Axial);
  if (s.sample.anomalies.empty()) return l.sliceCount / 2;
  const Box& b = s.sample.anomalies.front().box;
  Index centre{0, 0, 0};
  for (int d = 0; d < 3; ++d) centre[size_t(d)] = b.corner[size_t(d)] + b.size[d] / 2;
  return l.sliceOf(centre);
}

/// Anomaly white, object (brain) mask dim, background black.
QImage maskImage(const TaskPreviewSample& s, const SliceFrame& f) {
  const SliceLayout& l = f.layout;
  QImage out(int(l.width), int(l.height), QImage::Format_Grayscale8);
  const Mask& m = s.sample.anomalyMask;
  const Mask& obj = s.source->objectMask;
  const SliceStrides st = sliceStrides(m.shape(), l, f.slice);
  for (int64_t v = 0; v < l.height; ++v) {
    uchar* dst = out.scanLine(int(v));
    for (int64_t u = 0; u < l.width; ++u) {
      const int64_t k = st.base + v * st.dv + u * st.du;
      dst[u] = m[k] ? 255 : (!obj.empty() && obj[k] ? 55 : 0);
    }
  }
  return out;
}

/// Grey image with the soft label as a heat overlay and the mask's outline.
QImage overlayImage(const QImage& grey, const TaskPreviewSample& s, const SliceFrame& f, bool heat) {
  QImage out = grey.convertToFormat(QImage::Format_ARGB32_Premultiplied);
  QPainter p(&out);
  if (heat) p.drawImage(0, 0, renderHeat(s.sample.label, f.layout, f.slice, true));
  p.end();
  const QImage mask = renderMaskGrey(s.sample.anomalyMask, f.layout, f.slice);
  const QRgb edge = qRgb(60, 220, 255);
  for (int y = 0; y < mask.height(); ++y)
    for (int x = 0; x < mask.width(); ++x) {
      if (!mask.constScanLine(y)[x]) continue;
      const bool border = x == 0 || y == 0 || x == mask.width() - 1 || y == mask.height() - 1 ||
                          !mask.constScanLine(y)[x - 1] || !mask.constScanLine(y)[x + 1] ||
                          !mask.constScanLine(y - 1)[x] || !mask.constScanLine(y + 1)[x];
      if (border) reinterpret_cast<QRgb*>(out.scanLine(y))[x] = edge;
    }
  return out;
}

QString paperValue(double v, int decimals) { return QLocale().toString(v, 'f', decimals); }

}  // namespace

TaskPreviewPanel::TaskPreviewPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("taskPreviewPanel"));

  // Controls.
  taskCombo_ = new QComboBox(this);
  taskCombo_->setObjectName(QStringLiteral("taskCombo"));
  for (TaskId id : allTasks()) taskCombo_->addItem(taskTitle(id), int(id));
  taskCombo_->insertSeparator(kPaperTaskCount);
  seedEdit_ = new QLineEdit(QString::number(seed_), this);
  seedEdit_->setObjectName(QStringLiteral("seedEdit"));
  seedEdit_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), this));
  seedEdit_->setMaximumWidth(150);
  seedEdit_->setToolTip(tr("The same seed always gives the same sample; type one to see it again"));
  shuffleButton_ = new QPushButton(tr("Shuffle"), this);
  shuffleButton_->setObjectName(QStringLiteral("shuffleButton"));
  shuffleButton_->setToolTip(tr("A new random seed"));
  overlayCheck_ = new QCheckBox(tr("Overlay"), this);
  overlayCheck_->setObjectName(QStringLiteral("overlayCheck"));
  overlayCheck_->setToolTip(tr("Show the soft label and the mask outline over the augmented image"));
  sliceSlider_ = new QSlider(Qt::Horizontal, this);
  sliceSlider_->setObjectName(QStringLiteral("previewSliceSlider"));
  sliceSlider_->setMinimumWidth(120);
  sliceLabel_ = new QLabel(this);
  sliceSlider_->hide();
  sliceLabel_->hide();
  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Task"), this));
  controls->addWidget(taskCombo_, 1);
  controls->addSpacing(10);
  controls->addWidget(new QLabel(tr("Seed"), this));
  controls->addWidget(seedEdit_);
  controls->addWidget(shuffleButton_);
  controls->addSpacing(10);
  controls->addWidget(overlayCheck_);
  controls->addWidget(sliceLabel_);
  controls->addWidget(sliceSlider_);

  taskBlurb_ = new QLabel(this);
  taskBlurb_->setObjectName(QStringLiteral("taskDescription"));
  taskBlurb_->setWordWrap(true);
  taskBlurb_->setStyleSheet(QStringLiteral("font-style:italic;"));

  // The four tiles.
  originalTile_ = new ImageTile(tr("Original"), this);
  originalTile_->setObjectName(QStringLiteral("originalTile"));
  augmentedTile_ = new ImageTile(tr("Augmented"), this);
  augmentedTile_->setObjectName(QStringLiteral("augmentedTile"));
  maskTile_ = new ImageTile(tr("Anomaly mask"), this);
  maskTile_->setObjectName(QStringLiteral("maskTile"));
  labelTile_ = new ImageTile(tr("Soft label"), this);
  labelTile_->setObjectName(QStringLiteral("labelTile"));
  auto* tiles = new QHBoxLayout;
  for (auto* t : {originalTile_, augmentedTile_, maskTile_, labelTile_}) tiles->addWidget(t, 1);

  statsLabel_ = new QLabel(this);
  statsLabel_->setObjectName(QStringLiteral("statsLabel"));
  statusLabel_ = new QLabel(this);
  statusLabel_->setObjectName(QStringLiteral("statusLabel"));
  statusLabel_->setWordWrap(true);

  // Gallery.
  auto* galleryBox = new QGroupBox(tr("Gallery"), this);
  galleryCount_ = new QSpinBox(galleryBox);
  galleryCount_->setObjectName(QStringLiteral("galleryCount"));
  galleryCount_->setRange(1, 24);
  galleryCount_->setValue(gallerySize_);
  galleryCount_->setSuffix(tr(" examples"));
  galleryInfo_ = new QLabel(galleryBox);
  galleryInfo_->setObjectName(QStringLiteral("galleryInfo"));
  auto* galleryHead = new QHBoxLayout;
  galleryHead->addWidget(galleryCount_);
  galleryHead->addWidget(galleryInfo_, 1);
  galleryArea_ = new QWidget(galleryBox);
  galleryArea_->setObjectName(QStringLiteral("galleryGrid"));
  galleryGrid_ = new QGridLayout(galleryArea_);
  galleryGrid_->setContentsMargins(0, 0, 0, 0);
  galleryGrid_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  auto* galleryLayout = new QVBoxLayout(galleryBox);
  galleryLayout->addLayout(galleryHead);
  galleryLayout->addWidget(galleryArea_, 1);

  auto* main = new QWidget(this);
  auto* mainLayout = new QVBoxLayout(main);
  mainLayout->setContentsMargins(0, 0, 0, 0);
  mainLayout->addLayout(controls);
  mainLayout->addWidget(taskBlurb_);
  mainLayout->addLayout(tiles, 3);
  mainLayout->addWidget(statsLabel_);
  mainLayout->addWidget(statusLabel_);
  mainLayout->addWidget(galleryBox, 2);

  // Parameters.
  auto* paramsBox = new QGroupBox(tr("Task parameters"), this);
  auto* paramsLayout = new QVBoxLayout(paramsBox);
  auto* scroll = new QScrollArea(paramsBox);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  paramsHost_ = new QWidget(scroll);
  paramsHost_->setObjectName(QStringLiteral("taskParameters"));
  scroll->setWidget(paramsHost_);
  settingsStatus_ = new QLabel(paramsBox);
  settingsStatus_->setObjectName(QStringLiteral("settingsStatus"));
  settingsStatus_->setWordWrap(true);
  resetParams_ = new QPushButton(tr("Restore paper defaults"), paramsBox);
  resetParams_->setObjectName(QStringLiteral("resetParametersButton"));
  paramsLayout->addWidget(scroll, 1);
  paramsLayout->addWidget(settingsStatus_);
  paramsLayout->addWidget(resetParams_);
  paramsBox->setMinimumWidth(500);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(main);
  splitter->addWidget(paramsBox);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);

  saveTimer_ = new QTimer(this);
  saveTimer_->setSingleShot(true);
  saveTimer_->setInterval(400);
  connect(saveTimer_, &QTimer::timeout, this, &TaskPreviewPanel::flushSettings);

  connect(taskCombo_, &QComboBox::currentIndexChanged, this, [this](int i) {
    const QVariant v = taskCombo_->itemData(i);
    if (v.isValid()) setTask(TaskId(v.toInt()));
  });
  connect(shuffleButton_, &QPushButton::clicked, this, &TaskPreviewPanel::shuffle);
  connect(seedEdit_, &QLineEdit::editingFinished, this, [this] {
    bool ok = false;
    const quint64 s = seedEdit_->text().toULongLong(&ok);
    if (ok) setSeed(s);
  });
  connect(overlayCheck_, &QCheckBox::toggled, this, [this] { renderTiles(); });
  connect(sliceSlider_, &QSlider::valueChanged, this, [this] { renderTiles(); });
  connect(galleryCount_, &QSpinBox::valueChanged, this, &TaskPreviewPanel::setGallerySize);
  connect(resetParams_, &QPushButton::clicked, this, [this] {
    if (!session_) return;
    saveTimer_->stop();
    saveDirty_ = false;
    try {
      workflows::resetTaskSettings(projectPath_.toStdString(), task_);
    } catch (const std::exception& e) {
      setStatus(tr("Cannot reset the settings: %1").arg(QString::fromStdString(e.what())), true);
    }
    settings_[task_] = workflows::paperTaskSettings(session_->ndim());
    stored_[task_] = false;
    rebuildParameterForm();
    requestPreview();
    requestGallery();
    Q_EMIT settingsSaved(task_);
  });

  refreshTaskInfo();
  for (auto* t : {originalTile_, augmentedTile_, maskTile_, labelTile_}) t->setMessage(tr("No image selected"));
  setStatus(tr("Select an image of a project to see what the tasks do to it."));
}

TaskPreviewPanel::~TaskPreviewPanel() {
  if (saveDirty_) {
    try {
      workflows::saveTaskSettings(projectPath_.toStdString(), dirtyTask_, settings_[dirtyTask_]);
    } catch (...) {
    }
  }
}

void TaskPreviewPanel::setProject(const QString& projectPath) {
  if (saveDirty_) flushSettings();
  projectPath_ = projectPath;
  session_.reset();
  current_.reset();
  imageId_ = -1;
  ++sessionGeneration_;
  for (auto* t : {originalTile_, augmentedTile_, maskTile_, labelTile_}) t->setMessage(tr("No image selected"));
}

void TaskPreviewPanel::setImage(qint64 imageId) {
  if (projectPath_.isEmpty()) return;
  imageId_ = imageId;
  openSession();
}

void TaskPreviewPanel::openSession() {
  const quint64 generation = ++sessionGeneration_;
  setStatus(tr("Loading the working image and the dataset…"));
  for (auto* t : {originalTile_, augmentedTile_, maskTile_, labelTile_}) t->setMessage(tr("Loading…"));
  auto* watcher = new QFutureWatcher<SessionOutcome>(this);
  connect(watcher, &QFutureWatcher<SessionOutcome>::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation != sessionGeneration_) return;
    SessionOutcome out = watcher->result();
    if (!out.session) {
      for (auto* t : {originalTile_, augmentedTile_, maskTile_, labelTile_}) t->setMessage(QString());
      originalTile_->setMessage(tr("Cannot preview this image"));
      setStatus(out.error, true);
      return;
    }
    session_ = out.session;
    settings_.clear();
    stored_.clear();
    for (auto& [id, s] : out.settings) {
      settings_[id] = s.settings;
      stored_[id] = s.stored;
    }
    refreshTaskInfo();
    rebuildParameterForm();
    setStatus(QString());
    Q_EMIT sessionReady();
    requestPreview();
    requestGallery();
  });
  const std::string path = projectPath_.toStdString();
  const qint64 id = imageId_;
  watcher->setFuture(QtConcurrent::run([path, id]() -> SessionOutcome {
    SessionOutcome out;
    try {
      out.session = TaskPreviewSession::open(path, id);
      for (TaskId t : allTasks()) out.settings[t] = workflows::loadTaskSettings(path, t, out.session->ndim());
    } catch (const std::exception& e) {
      out.session.reset();
      out.error = QString::fromStdString(e.what());
    }
    return out;
  }));
}

void TaskPreviewPanel::setTask(TaskId id) {
  if (saveDirty_) flushSettings();
  task_ = id;
  const int index = taskCombo_->findData(int(id));
  if (index >= 0 && taskCombo_->currentIndex() != index) {
    taskCombo_->blockSignals(true);
    taskCombo_->setCurrentIndex(index);
    taskCombo_->blockSignals(false);
  }
  refreshTaskInfo();
  rebuildParameterForm();
  requestPreview();
  requestGallery();
}

void TaskPreviewPanel::setSeed(quint64 seed) {
  seed_ = seed;
  if (seedEdit_->text() != QString::number(seed)) seedEdit_->setText(QString::number(seed));
  requestPreview();
  requestGallery();
}

void TaskPreviewPanel::shuffle() { setSeed(QRandomGenerator::global()->generate()); }

const TaskSettings& TaskPreviewPanel::settings(TaskId id) const {
  static const TaskSettings paper = TaskSettings::paperBrain3D();
  const auto it = settings_.find(id);
  return it == settings_.end() ? paper : it->second;
}

void TaskPreviewPanel::setGallerySize(int n) {
  gallerySize_ = std::clamp(n, 1, 24);
  if (galleryCount_->value() != gallerySize_) galleryCount_->setValue(gallerySize_);
  requestGallery();
}

void TaskPreviewPanel::refreshTaskInfo() {
  QString blurb = taskBlurb(task_);
  if (int(task_) < kPaperTaskCount) blurb = tr("Paper task %1. %2").arg(int(task_)).arg(blurb);
  taskBlurb_->setText(blurb);
  for (int i = 0; i < taskCombo_->count(); ++i) {
    const QVariant v = taskCombo_->itemData(i);
    if (!v.isValid()) continue;
    const TaskId id = TaskId(v.toInt());
    QString text = taskTitle(id);
    if (session_ && !session_->canRun(id)) text = tr("%1 (needs a blend dataset)").arg(text);
    taskCombo_->setItemText(i, text);
  }
}

void TaskPreviewPanel::rebuildParameterForm() {
  delete paramsHost_->layout();
  for (QWidget* w : paramsHost_->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) delete w;
  auto* form = new QFormLayout(paramsHost_);
  form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
  form->setRowWrapPolicy(QFormLayout::DontWrapRows);
  const int ndim = session_ ? session_->ndim() : 3;
  const TaskSettings paper = workflows::paperTaskSettings(ndim);
  const TaskSettings& current = settings(task_);
  bool sharedHeader = false, ownHeader = false;
  for (const auto& p : workflows::taskParameters(task_)) {
    if (p.shared && !sharedHeader) {
      auto* h = new QLabel(tr("<b>All tasks</b> (anomaly count, size, label)"), paramsHost_);
      form->addRow(h);
      sharedHeader = true;
    }
    if (!p.shared && !ownHeader) {
      auto* h = new QLabel(tr("<b>%1</b>").arg(taskTitle(task_).toHtmlEscaped()), paramsHost_);
      form->addRow(h);
      ownHeader = true;
    }
    const double paperV = workflows::parameterValue(paper, p.key);
    const double value = workflows::parameterValue(current, p.key);
    auto* row = new QWidget(paramsHost_);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* paperLabel = new QLabel(tr("paper: %1").arg(paperValue(paperV, p.decimals)), row);
    paperLabel->setObjectName(QStringLiteral("paper_%1").arg(QString::fromStdString(p.key)));
    const auto mark = [paperLabel, paperV](double v) {
      paperLabel->setStyleSheet(std::abs(v - paperV) > 1e-12 ? QStringLiteral("color:#b35c00; font-weight:bold;")
                                                             : QStringLiteral("color:gray;"));
    };
    mark(value);
    const std::string key = p.key;
    if (p.integer) {
      auto* spin = new QSpinBox(row);
      spin->setObjectName(QStringLiteral("param_%1").arg(QString::fromStdString(p.key)));
      spin->setRange(int(p.minimum), int(p.maximum));
      spin->setSingleStep(std::max(1, int(p.step)));
      spin->setValue(int(std::lround(value)));
      connect(spin, &QSpinBox::valueChanged, this, [this, key, mark](int v) {
        mark(v);
        parameterEdited(key, v);
      });
      h->addWidget(spin, 1);
    } else {
      auto* spin = new QDoubleSpinBox(row);
      spin->setObjectName(QStringLiteral("param_%1").arg(QString::fromStdString(p.key)));
      spin->setDecimals(p.decimals);
      spin->setRange(p.minimum, p.maximum);
      spin->setSingleStep(p.step);
      spin->setValue(value);
      spin->setKeyboardTracking(false);
      spin->setMinimumWidth(80);
      connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key, mark](double v) {
        mark(v);
        parameterEdited(key, v);
      });
      h->addWidget(spin, 1);
    }
    h->addWidget(paperLabel);
    auto* label = new QLabel(parameterLabel(p.key), paramsHost_);
    label->setToolTip(parameterHelp(p.key));
    row->setToolTip(parameterHelp(p.key));
    form->addRow(label, row);
  }
  if (!ownHeader)
    form->addRow(new QLabel(tr("This task has no parameters of its own."), paramsHost_));
  const bool stored = stored_.count(task_) && stored_.at(task_);
  settingsStatus_->setText(stored ? tr("Stored in the project; training uses these values.")
                                  : tr("Paper defaults (nothing stored for this task yet)."));
  resetParams_->setEnabled(stored);
}

void TaskPreviewPanel::parameterEdited(const std::string& key, double value) {
  if (!session_) return;
  TaskSettings& s = settings_[task_];
  workflows::setParameterValue(s, key, value);
  // Keep the pairs consistent: the lower bound never exceeds the upper one.
  if (key == "min_anomaly_proportion" && s.maxAnomalyProportion < value) s.maxAnomalyProportion = value;
  if (key == "max_anomaly_proportion" && s.minAnomalyProportion > value) s.minAnomalyProportion = value;
  if (key == "min_push_distance" && s.maxPushDistance < value) s.maxPushDistance = value;
  if (key == "max_push_distance" && s.minPushDistance > value) s.minPushDistance = value;
  if (key == "interpolation_min_alpha" && s.interpolationMaxAlpha < value) s.interpolationMaxAlpha = value;
  if (key == "interpolation_max_alpha" && s.interpolationMinAlpha > value) s.interpolationMinAlpha = value;
  saveDirty_ = true;
  dirtyTask_ = task_;
  settingsStatus_->setText(tr("Saving…"));
  saveTimer_->start();
  requestPreview();
  requestGallery();
}

void TaskPreviewPanel::flushSettings() {
  saveTimer_->stop();
  if (!saveDirty_) return;
  saveDirty_ = false;
  try {
    workflows::saveTaskSettings(projectPath_.toStdString(), dirtyTask_, settings_[dirtyTask_]);
    stored_[dirtyTask_] = true;
    if (dirtyTask_ == task_) {
      settingsStatus_->setText(tr("Stored in the project; training uses these values."));
      resetParams_->setEnabled(true);
    }
    Q_EMIT settingsSaved(dirtyTask_);
  } catch (const std::exception& e) {
    settingsStatus_->setText(tr("Not saved: %1").arg(QString::fromStdString(e.what())));
  }
}

void TaskPreviewPanel::requestPreview() {
  ++previewGeneration_;
  if (!session_) return;
  if (!session_->canRun(task_)) {
    ++previewGeneration_;
    current_.reset();
    // The original still shows, so that the user sees which image this is about.
    TaskPreviewSample plain;
    plain.source = session_->selectedImage();
    const SliceFrame f = frameFor(plain, plain.source->image.ndim() == 3 ? sliceSlider_->value() : 0);
    originalTile_->setImage(renderSlice(plain.source->image, 0, f.layout, f.slice, f.lut), f.aspect);
    for (auto* t : {augmentedTile_, maskTile_, labelTile_})
      t->setMessage(tr("Inter-dataset blending needs a blend source"));
    statsLabel_->clear();
    setStatus(tr("This project has no blend dataset, so inter-dataset Poisson blending cannot be previewed. Import "
                 "images of another kind (e.g. natural textures) with the role \"blend\"; training needs them too."),
              true);
    Q_EMIT previewUpdated();
    return;
  }
  if (!previewRunning_) startPreview();
}

void TaskPreviewPanel::startPreview() {
  previewRunning_ = true;
  const quint64 generation = previewGeneration_;
  auto* watcher = new QFutureWatcher<SampleOutcome>(this);
  connect(watcher, &QFutureWatcher<SampleOutcome>::finished, this, [this, watcher] {
    watcher->deleteLater();
    previewRunning_ = false;
    const SampleOutcome out = watcher->result();
    if (out.generation == previewGeneration_) {
      if (out.sample) {
        showSample(*out.sample, out.ms);
      } else {
        for (auto* t : {augmentedTile_, maskTile_, labelTile_}) t->setMessage(tr("No sample"));
        setStatus(out.error, true);
      }
      Q_EMIT previewUpdated();
    } else if (session_ && session_->canRun(task_)) {
      startPreview();  // superseded while it ran: make the latest one
    }
  });
  const auto session = session_;
  const TaskId id = task_;
  const TaskSettings s = settings(task_);
  const quint64 seed = seed_;
  watcher->setFuture(QtConcurrent::run([session, id, s, seed, generation]() -> SampleOutcome {
    SampleOutcome out;
    out.generation = generation;
    QElapsedTimer timer;
    timer.start();
    try {
      out.sample = std::make_shared<const TaskPreviewSample>(session->generate(id, s, seed));
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    out.ms = double(timer.nsecsElapsed()) / 1e6;
    return out;
  }));
}

void TaskPreviewPanel::showSample(const TaskPreviewSample& s, double ms) {
  current_ = std::make_shared<const TaskPreviewSample>(s);
  const bool volume = s.source->image.ndim() == 3;
  sliceSlider_->setVisible(volume);
  sliceLabel_->setVisible(volume);
  if (volume) {
    const SliceLayout l = layoutFor(s.source->image.shape(), s.source->image.geometry(), ViewPlane::Axial);
    sliceSlider_->blockSignals(true);
    sliceSlider_->setRange(0, int(l.sliceCount - 1));
    sliceSlider_->setValue(int(anomalySlice(s)));
    sliceSlider_->blockSignals(false);
  }
  int64_t inMask = 0;
  for (int64_t k = 0; k < s.sample.anomalyMask.count(); ++k) inMask += s.sample.anomalyMask[k] ? 1 : 0;
  const double fraction = 100.0 * double(inMask) / double(std::max<int64_t>(1, s.sample.anomalyMask.count()));
  const int count = int(s.sample.anomalies.size());
  const QString anomalies = count == 1 ? tr("1 anomaly") : tr("%1 anomalies").arg(count);
  statsLabel_->setText(tr("%1 covering %2% of the image · seed %3 · on %4 · %5 ms")
                           .arg(anomalies)
                           .arg(QLocale().toString(fraction, 'f', 1))
                           .arg(s.seed)
                           .arg(QString::fromStdString(s.sourceName))
                           .arg(QLocale().toString(ms, 'f', 0)));
  if (session_ && session_->hasBlendSource() && task_ == TaskId::InterPoisson)
    setStatus(tr("Blend source: %1").arg(QString::fromStdString(session_->blendSourceName())));
  else
    setStatus(QString());
  renderTiles();
}

void TaskPreviewPanel::renderTiles() {
  if (!current_) return;
  const TaskPreviewSample& s = *current_;
  const SliceFrame f = frameFor(s, sliceSlider_->isVisible() ? sliceSlider_->value() : anomalySlice(s));
  if (f.layout.sliceAxis >= 0) sliceLabel_->setText(tr("Slice %1/%2").arg(f.slice + 1).arg(f.layout.sliceCount));
  const QImage original = renderSlice(s.source->image, 0, f.layout, f.slice, f.lut);
  const QImage augmented = renderSlice(s.sample.augmented, 0, f.layout, f.slice, f.lut);
  originalTile_->setImage(original, f.aspect);
  const bool overlay = overlayCheck_->isChecked();
  augmentedTile_->setCaption(overlay ? tr("Augmented + soft label") : tr("Augmented"));
  augmentedTile_->setImage(overlay ? overlayImage(augmented, s, f, true) : augmented, f.aspect);
  maskTile_->setVisible(!overlay);
  labelTile_->setVisible(!overlay);
  maskTile_->setImage(maskImage(s, f), f.aspect);
  labelTile_->setImage(renderHeat(s.sample.label, f.layout, f.slice, false), f.aspect);
}

void TaskPreviewPanel::requestGallery() {
  ++galleryGeneration_;
  if (!session_) return;
  if (!session_->canRun(task_)) {
    while (QLayoutItem* item = galleryGrid_->takeAt(0)) {
      delete item->widget();
      delete item;
    }
    galleryInfo_->setText(tr("No blend dataset: nothing to show."));
    Q_EMIT galleryUpdated();
    return;
  }
  if (!galleryRunning_) startGallery();
}

void TaskPreviewPanel::startGallery() {
  galleryRunning_ = true;
  const quint64 generation = galleryGeneration_;
  galleryInfo_->setText(tr("Generating %1 examples…").arg(gallerySize_));
  auto* watcher = new QFutureWatcher<GalleryOutcome>(this);
  connect(watcher, &QFutureWatcher<GalleryOutcome>::finished, this, [this, watcher] {
    watcher->deleteLater();
    galleryRunning_ = false;
    const GalleryOutcome out = watcher->result();
    if (out.generation != galleryGeneration_) {
      if (session_ && session_->canRun(task_)) startGallery();
      return;
    }
    while (QLayoutItem* item = galleryGrid_->takeAt(0)) {
      delete item->widget();
      delete item;
    }
    const int columns = std::min<int>(6, std::max<int>(1, int(out.samples.size())));
    int k = 0;
    for (const auto& s : out.samples) {
      const SliceFrame f = frameFor(*s, anomalySlice(*s));
      const QImage grey = renderSlice(s->sample.augmented, 0, f.layout, f.slice, f.lut);
      auto* tile = new ImageTile(tr("%1 · #%2").arg(QString::fromStdString(s->sourceName)).arg(s->index), galleryArea_);
      tile->setObjectName(QStringLiteral("galleryTile%1").arg(k));
      tile->setMaximumSize(240, 250);
      tile->setImage(overlayImage(grey, *s, f, false), f.aspect);
      tile->setToolTip(tr("Sample %1 of seed %2 on %3: %4 anomalies")
                           .arg(s->index)
                           .arg(s->seed)
                           .arg(QString::fromStdString(s->sourceName))
                           .arg(s->sample.anomalies.size()));
      galleryGrid_->addWidget(tile, k / columns, k % columns);
      ++k;
    }
    if (!out.error.isEmpty()) galleryInfo_->setText(out.error);
    else if (session_)
      galleryInfo_->setText(
          (session_->galleryImageCount() == 1
               ? tr("%1 on the one image of dataset \"%2\"; outline = anomaly mask")
                     .arg(taskTitle(task_), QString::fromStdString(session_->datasetName()))
               : tr("%1 across %2 images of dataset \"%3\"; outline = anomaly mask")
                     .arg(taskTitle(task_), QString::number(session_->galleryImageCount()),
                          QString::fromStdString(session_->datasetName()))));
    Q_EMIT galleryUpdated();
  });
  const auto session = session_;
  const TaskId id = task_;
  const TaskSettings s = settings(task_);
  const quint64 seed = seed_;
  const int n = gallerySize_;
  watcher->setFuture(QtConcurrent::run([session, id, s, seed, n, generation]() -> GalleryOutcome {
    GalleryOutcome out;
    out.generation = generation;
    try {
      for (int k = 0; k < n; ++k)
        out.samples.push_back(std::make_shared<const TaskPreviewSample>(session->generateGallery(id, s, seed, k)));
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  }));
}

void TaskPreviewPanel::setStatus(const QString& text, bool warning) {
  statusLabel_->setText(text);
  statusLabel_->setStyleSheet(warning ? QStringLiteral("color:#b35c00;") : QString());
  statusLabel_->setVisible(!text.isEmpty());
}

}  // namespace lightbox::ui
