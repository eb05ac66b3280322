#include "review/review_page.h"

#include <QApplication>
#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>

#include "review/curves_dialog.h"
#include "review/review_commands.h"
#include "review/review_models.h"
#include "review/review_widgets.h"
#include "shell/job_runner.h"
#include "viewer/image_viewer.h"
#include "viewer/viewer_model.h"

namespace lightbox::ui {

namespace {

QString foldsText(const std::vector<int>& folds) {
  QStringList parts;
  for (int f : folds) parts << QString::number(f);
  return parts.join(QStringLiteral(", "));
}

QString reviewerName() {
  const QString stored = QSettings().value(QStringLiteral("review/reviewer")).toString();
  if (!stored.isEmpty()) return stored;
  const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
  return user;
}

}  // namespace

ReviewPage::ReviewPage(JobRunner* jobs, QWidget* parent)
    : QWidget(parent),
      jobs_(jobs ? jobs : new JobRunner(this)),
      undo_(new QUndoStack(this)),
      images_(new ReviewImageModel(this)),
      filter_(new ReviewImageFilter(this)),
      findings_(new FindingTableModel(this)) {
  setObjectName(QStringLiteral("reviewPage"));
  filter_->setSourceModel(images_);
  buildUi();
  installShortcuts();
  setProject({});
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::setProject(const QString& projectPath) {
  path_ = projectPath;
  undo_->clear();
  findingImages_.clear();
  data_.reset();
  editRegion_.reset();
  viewer_->setOverlay(nullptr);
  images_->setImages({});
  findings_->setFindings({});
  loaded_ = false;
  if (path_.isEmpty()) {
    catalogue_ = {};
    fillModels();
    return;
  }
  if (isVisible()) reload();
}

void ReviewPage::showEvent(QShowEvent* e) {
  QWidget::showEvent(e);
  // Training or a prediction elsewhere may have added models: read the catalogue again (selection and undo stay).
  if (!path_.isEmpty() && !jobs_->busy()) reload();
}

void ReviewPage::reload() {
  if (path_.isEmpty()) return;
  loaded_ = true;
  try {
    catalogue_ = workflows::loadReviewCatalogue(path_.toStdString());
  } catch (const std::exception& e) {
    catalogue_ = {};
    status_->setText(tr("Cannot read the project: %1").arg(QString::fromStdString(e.what())));
  }
  refreshCategories();
  fillModels();
}

void ReviewPage::fillModels() {
  const QVariant keepModel = modelCombo_->currentData();
  const QVariant keepDataset = datasetCombo_->currentData();
  modelCombo_->blockSignals(true);
  datasetCombo_->blockSignals(true);
  modelCombo_->clear();
  datasetCombo_->clear();
  modelRefs_.clear();
  for (size_t r = 0; r < catalogue_.runs.size(); ++r) {
    const auto& run = catalogue_.runs[r];
    for (size_t m = 0; m < run.models.size(); ++m) {
      const auto& model = run.models[m];
      const QString name = run.name.empty() ? tr("Run %1").arg(run.id)
                                            : tr("Run %1 “%2”").arg(run.id).arg(QString::fromStdString(run.name));
      const QString what = model.ensemble() ? tr("ensemble of folds %1").arg(foldsText(model.folds))
                                            : tr("fold %1").arg(foldsText(model.folds));
      modelCombo_->addItem(tr("%1 — %2").arg(name, what), QStringLiteral("%1:%2").arg(run.id).arg(foldsText(model.folds)));
      modelRefs_.emplace_back(r, m);
    }
  }
  for (const auto& d : catalogue_.datasets) {
    QString truth;
    if (d.groundTruthMasks) truth = tr(", %n with masks", nullptr, int(d.groundTruthMasks));
    else if (d.groundTruthBoxLists) truth = tr(", %n with boxes", nullptr, int(d.groundTruthBoxLists));
    const QString text = tr("%1 (%2, %n image(s)%3)", nullptr, int(d.images))
                             .arg(QString::fromStdString(d.name), QString::fromStdString(d.role), truth);
    datasetCombo_->addItem(elideComboText(text, datasetCombo_->fontMetrics()), QVariant::fromValue<qlonglong>(d.id));
    datasetCombo_->setItemData(datasetCombo_->count() - 1, text, Qt::ToolTipRole);
  }
  // The layout squeezes a combo down to its minimum, which QComboBox computes once: the entries' width is the
  // minimum here (bounded, as they are elided).
  datasetCombo_->setMinimumWidth(datasetCombo_->sizeHint().width());
  if (const int i = modelCombo_->findData(keepModel); i >= 0) modelCombo_->setCurrentIndex(i);
  if (const int i = datasetCombo_->findData(keepDataset); i >= 0) datasetCombo_->setCurrentIndex(i);
  // Prefer a dataset the chosen model has predicted.
  if (!keepDataset.isValid())
    if (const auto* m = currentModel())
      for (int i = 0; i < datasetCombo_->count(); ++i)
        if (m->predictions(datasetCombo_->itemData(i).toLongLong()) > 0) {
          datasetCombo_->setCurrentIndex(i);
          break;
        }
  modelCombo_->blockSignals(false);
  datasetCombo_->blockSignals(false);
  onModelChanged();
}

const workflows::ReviewModel* ReviewPage::currentModel() const {
  const int i = modelCombo_->currentIndex();
  if (i < 0 || size_t(i) >= modelRefs_.size()) return nullptr;
  return &catalogue_.runs[modelRefs_[size_t(i)].first].models[modelRefs_[size_t(i)].second];
}

const workflows::ReviewDataset* ReviewPage::currentDataset() const {
  const int i = datasetCombo_->currentIndex();
  if (i < 0 || size_t(i) >= catalogue_.datasets.size()) return nullptr;
  return &catalogue_.datasets[size_t(i)];
}

bool ReviewPage::predictionAvailable() const { return catalogue_.canPredict; }

bool ReviewPage::selectModel(qint64 runId, const std::vector<int>& folds) {
  const int i = modelCombo_->findData(QStringLiteral("%1:%2").arg(runId).arg(foldsText(folds)));
  if (i < 0) return false;
  modelCombo_->setCurrentIndex(i);
  return true;
}

bool ReviewPage::selectDataset(qint64 datasetId) {
  const int i = datasetCombo_->findData(QVariant::fromValue<qlonglong>(datasetId));
  if (i < 0) return false;
  datasetCombo_->setCurrentIndex(i);
  return true;
}

void ReviewPage::onModelChanged() {
  const QString key = modelCombo_->currentData().toString();
  if (key != modelKey_) undo_->clear();  // another model's findings; everything is stored already
  modelKey_ = key;
  const auto* m = currentModel();
  if (m) {
    try {
      scale_ = workflows::loadColourScale(path_.toStdString(), m->runId);
      threshold_ = workflows::loadThreshold(path_.toStdString(), m->runId, m->folds);
    } catch (const std::exception& e) {
      status_->setText(QString::fromStdString(e.what()));
    }
    colourMapCombo_->setCurrentIndex(std::max(0, colourMapCombo_->findData(QString::fromStdString(scale_.colormap))));
    if (key != shownKey_) setThresholdValue(threshold_.value.value_or(0.5));  // the model's threshold to start with
    shownKey_ = key;
  }
  onDatasetChanged();
}

void ReviewPage::onDatasetChanged() {
  const auto* d = currentDataset();
  if (path_.isEmpty()) {
    status_->setText(tr("Open a project to review its findings."));
  } else if (catalogue_.runs.empty()) {
    status_->setText(tr("No trained model yet: train a run on the Training page, then predict its test images here."));
  } else if (!d) {
    status_->setText(tr("No dataset with images: import a test dataset on the Data page."));
  } else {
    status_->setText(QString());
  }
  refreshPredictControls();  // says what is left to predict, or the last prediction's report
  loadRanking();
}

void ReviewPage::fitFindingColumns() {
  const auto& list = findings_->findings();
  const auto any = [&](auto has) { return std::any_of(list.begin(), list.end(), has); };
  findingTable_->setColumnHidden(FindingTableModel::NoteColumn, !any([](const auto& f) { return !f.note.empty(); }));
  findingTable_->setColumnHidden(FindingTableModel::CategoryColumn,
                                 !any([](const auto& f) { return !f.category.empty(); }));
  findingTable_->setColumnHidden(FindingTableModel::OriginColumn,
                                 !any([](const auto& f) { return f.manual || f.adjusted; }));
  findingTable_->setColumnHidden(FindingTableModel::SliceColumn,
                                 !any([](const auto& f) { return f.sliceIndex.has_value(); }));
}

void ReviewPage::loadRanking(qint64 keepImage) {
  const auto* m = currentModel();
  const auto* d = currentDataset();
  std::vector<workflows::ReviewImage> list;
  if (m && d && m->predictions(d->id) > 0) {
    try {
      list = workflows::listReviewImages(path_.toStdString(), m->runId, m->folds, d->id);
    } catch (const std::exception& e) {
      status_->setText(tr("Cannot list the predictions: %1").arg(QString::fromStdString(e.what())));
    }
  }
  images_->setImages(std::move(list));
  refreshProgress();
  refreshThresholdWidgets();
  if (keepImage == 0 && data_) keepImage = data_->imageId;
  int row = 0;
  if (keepImage) {
    const int source = images_->rowOfImage(keepImage);
    if (source >= 0) row = std::max(0, filter_->mapFromSource(images_->index(source, 0)).row());
  }
  data_.reset();
  if (filter_->rowCount() > 0) {
    selectImageRow(row);
  } else {
    findings_->setFindings({});
    editRegion_.reset();
    viewer_->setOverlay(nullptr);
    refreshFindingsPanel();
    applyDrawingMode();  // nothing to draw on
  }
}

void ReviewPage::selectImageRow(int row) {
  if (row < 0 || row >= filter_->rowCount()) return;
  const QModelIndex index = filter_->index(row, 0);
  imageTable_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  const auto* im = images_->image(filter_->mapToSource(index).row());
  if (im && (!data_ || data_->predictionId != im->predictionId)) showImage(im->predictionId);
}

int ReviewPage::currentRankingRow() const {
  const QModelIndex c = imageTable_->selectionModel()->currentIndex();
  return c.isValid() ? c.row() : -1;
}

qint64 ReviewPage::currentImageId() const { return data_ ? data_->imageId : 0; }

void ReviewPage::showImage(qint64 predictionId) {
  std::shared_ptr<workflows::ReviewImageData> loaded;
  std::vector<workflows::ReviewFinding> list;
  try {
    WaitCursor wait;
    loaded = std::make_shared<workflows::ReviewImageData>(workflows::loadReviewImage(path_.toStdString(), predictionId));
    list = workflows::listReviewFindings(path_.toStdString(), predictionId);
  } catch (const std::exception& e) {
    status_->setText(tr("Cannot show the prediction: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  data_ = loaded;
  editRegion_.reset();  // belonged to the previous image
  for (const auto& f : list) {
    const auto it = std::find_if(findingImages_.begin(), findingImages_.end(), [&](const auto& p) { return p.first == f.id; });
    if (it == findingImages_.end()) findingImages_.emplace_back(f.id, f.imageId);
  }
  viewer_->setOverlay(nullptr);
  // The viewer holds the working array; alias the image inside the data we keep.
  viewer_->showImage(std::shared_ptr<const workflows::ViewableImage>(loaded, &loaded->working));
  findings_->setFindings(std::move(list));
  images_->setCounts(data_->imageId, findings_->rowCount(), findings_->accepted(), findings_->rejected(), findings_->noted());
  histogram_->setHistogram(scoreHistogram(data_->map.values()));
  if (data_->truth)
    truthLabel_->setText(data_->truthKind == "mask" ? tr("Ground truth: mask (outlined in green)")
                                                    : tr("Ground truth: boxes (outlined in green)"));
  else
    truthLabel_->setText(tr("No ground truth for this image"));
  truthBox_->setEnabled(data_->truth.has_value());
  refreshOverlay();
  refreshThresholdWidgets();
  // First unreviewed finding, else the first.
  int first = findings_->rowCount() ? 0 : -1;
  for (int r = 0; r < findings_->rowCount(); ++r)
    if (findings_->finding(r)->decision == workflows::ReviewDecision::Unreviewed) {
      first = r;
      break;
    }
  if (first >= 0) selectFinding(first);
  refreshFindingsPanel();
  refreshProgress();
  applyDrawingMode();  // a tool chosen before there was an image applies now
  Q_EMIT imageShown(data_->imageId);
}

void ReviewPage::refreshOverlay() {
  if (!data_) {
    viewer_->setOverlay(nullptr);
    return;
  }
  auto o = std::make_shared<OverlayLayer>();
  o->heat = std::shared_ptr<const Image>(data_, &data_->map);
  o->lut = colourTable(QString::fromStdString(scale_.colormap));
  if (stretch_) {
    const auto [lo, hi] = stretchRange(data_->map.values());
    o->min = lo;
    o->max = hi;
  } else {
    o->min = scale_.min;
    o->max = scale_.max;
  }
  o->cutoff = hideBelowBox_->isChecked() ? thresholdValue() : o->min + 0.02 * (o->max - o->min);
  o->opacity = opacity_;
  if (data_->truth && truthBox_->isChecked()) o->contour = std::shared_ptr<const Mask>(data_, &*data_->truth);
  for (const auto& f : findings_->findings()) {
    o->boxes.emplace_back(f.bboxMin, f.bboxMax);
    o->boxStyles.push_back(f.manual ? OverlayLayer::BoxStyle::Drawn : OverlayLayer::BoxStyle::Found);
  }
  o->region = editRegion_;
  o->highlighted = currentFindingRow();
  viewer_->setOverlay(o);
  legend_->setScale(o->lut, o->min, o->max);
  legend_->setThreshold(thresholdValue());
  legend_->setCaption(stretch_ ? tr("Stretched to this image: %1 – %2 (colours do not compare across images)")
                                     .arg(QLocale().toString(o->min, 'g', 3))
                                     .arg(QLocale().toString(o->max, 'g', 3))
                               : tr("Dataset-wide scale %1 – %2%3")
                                     .arg(QLocale().toString(o->min, 'g', 3))
                                     .arg(QLocale().toString(o->max, 'g', 3))
                                     .arg(scale_.stored ? tr(" (stored in the project)") : tr(" (default)")));
}

void ReviewPage::refreshThresholdWidgets() {
  const double t = thresholdValue();
  QString source;
  if (threshold_.source == "user") source = tr("user's");
  else if (threshold_.source == "proposed") source = tr("proposed");
  QString text = tr("Slider: %1").arg(QLocale().toString(t, 'f', 3));
  if (threshold_.value) text += tr("\nIn force: %1 (%2)").arg(QLocale().toString(*threshold_.value, 'f', 3)).arg(source);
  else text += tr("\nNo threshold yet");
  if (threshold_.proposed && threshold_.source == "user") text += tr("\nProposed: %1").arg(QLocale().toString(*threshold_.proposed, 'f', 3));
  if (data_) {
    const auto& h = histogram_->histogram();
    if (h.total > 0) text += tr("\n%1 % of voxels above").arg(QLocale().toString(100.0 * double(h.above(t)) / double(h.total), 'f', 2));
  }
  thresholdLabel_->setText(text);
  histogram_->setThreshold(t);
  legend_->setThreshold(t);
  resetThresholdButton_->setEnabled(threshold_.proposed.has_value());
  applyThresholdButton_->setEnabled(currentModel() && !images_->images().empty() && !jobs_->busy());
  if (hideBelowBox_->isChecked()) refreshOverlay();
}

void ReviewPage::refreshFindingsPanel() {
  const int n = findings_->rowCount();
  imageProgressLabel_->setText(n ? tr("This image: %1").arg(progressText(findings_->reviewed(), n))
                                 : tr("No findings in this image at the threshold"));
  const auto* f = findings_->finding(currentFindingRow());
  categoryCombo_->setEnabled(f != nullptr && categoryCombo_->count() > 1);
  if (f) {
    int idx = 0;
    for (int k = 1; k < categoryCombo_->count(); ++k)
      if (f->categoryId && categoryCombo_->itemData(k).toLongLong() == *f->categoryId) idx = k;
    categoryCombo_->setCurrentIndex(idx);
  }
}

void ReviewPage::refreshProgress() {
  progressLabel_->setText(images_->images().empty()
                              ? QString()
                              : tr("Dataset: %1").arg(progressText(images_->totalReviewed(), images_->totalFindings())));
  exportButton_->setEnabled(currentModel() != nullptr && !images_->images().empty());
}

QString ReviewPage::progressLabelText() const { return progressLabel_->text(); }

double ReviewPage::thresholdValue() const { return sliderToThreshold(thresholdSlider_->value()); }

void ReviewPage::setThresholdValue(double value) { thresholdSlider_->setValue(thresholdToSlider(value)); }

void ReviewPage::setOpacity(double opacity) { opacitySlider_->setValue(int(std::lround(opacity * 100))); }

void ReviewPage::setStretchPerImage(bool on) {
  stretch_ = on;
  stretchBox_->blockSignals(true);
  stretchBox_->setChecked(on);
  stretchBox_->blockSignals(false);
  refreshOverlay();
}

void ReviewPage::setColourMap(const QString& name) {
  scale_.colormap = name.toStdString();
  colourMapCombo_->setCurrentIndex(std::max(0, colourMapCombo_->findData(name)));
  if (const auto* m = currentModel()) {
    try {
      workflows::storeColourScale(path_.toStdString(), m->runId, scale_);
      scale_.stored = true;
    } catch (const std::exception& e) {
      status_->setText(tr("Colour scale not stored: %1").arg(QString::fromStdString(e.what())));
    }
  }
  refreshOverlay();
}

void ReviewPage::setAdvanceAfterDecision(bool on) { advance_ = on; }

void ReviewPage::selectFinding(int row) {
  if (row < 0 || row >= findings_->rowCount()) return;
  findingTable_->selectionModel()->setCurrentIndex(findings_->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  findingTable_->scrollTo(findings_->index(row, 0));
}

int ReviewPage::currentFindingRow() const {
  const QModelIndex c = findingTable_->selectionModel()->currentIndex();
  return c.isValid() ? c.row() : -1;
}

void ReviewPage::acceptCurrent() { decide(workflows::ReviewDecision::Accepted, std::nullopt); }
void ReviewPage::rejectCurrent() { decide(workflows::ReviewDecision::Rejected, std::nullopt); }

void ReviewPage::noteCurrent(const QString& note) {
  const auto* f = findings_->finding(currentFindingRow());
  if (!f) return;
  decide(f->decision, note);
}

void ReviewPage::decide(workflows::ReviewDecision decision, std::optional<QString> note) {
  const int row = currentFindingRow();
  const auto* f = findings_->finding(row);
  if (!f) return;
  const QString newNote = note ? *note : QString::fromStdString(f->note);
  if (decision == f->decision && newNote == QString::fromStdString(f->note)) return;  // nothing would change
  const workflows::ReviewState before{f->decision, f->note, f->reviewer, f->reviewedAt};
  auto* command = new ReviewCommand(path_, f->id, before, decision, newNote, reviewerName(),
                                    [this](qint64 id, const workflows::ReviewState& s, const QString& error) {
                                      onApplied(id, s, error);
                                    });
  const bool advance = advance_ && !note;
  undo_->push(command);  // stores now (redo)
  if (advance && findings_->finding(row) && findings_->finding(row)->decision == decision) {
    for (int k = 1; k <= findings_->rowCount(); ++k) {
      const int r = (row + k) % findings_->rowCount();
      if (findings_->finding(r)->decision == workflows::ReviewDecision::Unreviewed) {
        selectFinding(r);
        return;
      }
    }
  }
}

void ReviewPage::onApplied(qint64 findingId, const workflows::ReviewState& state, const QString& error) {
  if (!error.isEmpty()) {
    status_->setText(tr("Review not stored: %1").arg(error));
    status_->setStyleSheet(QStringLiteral("color:#c0392b;"));
    Q_EMIT reviewStored(error);
    return;
  }
  status_->setStyleSheet(QString());
  if (findings_->rowOfFinding(findingId) < 0) {
    // An undo or redo of another image's finding: show that image with the finding selected.
    const auto it = std::find_if(findingImages_.begin(), findingImages_.end(),
                                 [&](const auto& p) { return p.first == findingId; });
    const int source = it != findingImages_.end() ? images_->rowOfImage(it->second) : -1;
    if (source >= 0) {
      filterCombo_->setCurrentIndex(0);  // the image may be filtered out as done
      selectImageRow(filter_->mapFromSource(images_->index(source, 0)).row());
    }
  }
  findings_->setReview(findingId, state);
  if (findings_->rowOfFinding(findingId) >= 0) {
    selectFinding(findings_->rowOfFinding(findingId));
    if (data_)
      images_->setCounts(data_->imageId, findings_->rowCount(), findings_->accepted(), findings_->rejected(),
                         findings_->noted());
  }
  refreshFindingsPanel();
  refreshProgress();
  const QString message = tr("Finding %1: %2").arg(findingId).arg(decisionText(state.decision));
  status_->setText(message);
  Q_EMIT reviewStored(QString());
}

void ReviewPage::nextFinding() {
  const int n = findings_->rowCount();
  if (n == 0) return nextImage();
  const int r = currentFindingRow();
  if (r + 1 < n) selectFinding(r + 1);
  else nextImage();  // past the last finding: on to the next image
}

void ReviewPage::previousFinding() {
  const int r = currentFindingRow();
  if (r > 0) selectFinding(r - 1);
}

void ReviewPage::nextImage() {
  const int r = currentRankingRow();
  if (r + 1 < filter_->rowCount()) selectImageRow(r + 1);
}

void ReviewPage::previousImage() {
  const int r = currentRankingRow();
  if (r > 0) selectImageRow(r - 1);
}

// --- Curves (issue #7): one block, so that it merges easily. ---
void ReviewPage::addCurvesButton(QBoxLayout* layout) {
  curvesButton_ = new QPushButton(tr("Curves…"), this);
  curvesButton_->setObjectName(QStringLiteral("curvesButton"));
  curvesButton_->setToolTip(tr("ROC and precision-recall curves, and the images wrong at a threshold"));
  layout->addWidget(curvesButton_);
  const auto refresh = [this] {
    const auto* d = currentDataset();
    curvesButton_->setEnabled(currentModel() && d && d->groundTruthMasks + d->groundTruthBoxLists > 0 &&
                              images_->rowCount() > 0);
  };
  connect(images_, &QAbstractItemModel::modelReset, this, refresh);
  connect(datasetCombo_, &QComboBox::currentIndexChanged, this, refresh);
  connect(curvesButton_, &QPushButton::clicked, this, [this] { showCurvesDialog(); });
  refresh();
}

bool ReviewPage::selectImageById(qint64 imageId) {
  const int source = images_->rowOfImage(imageId);
  if (source < 0) return false;
  if (filter_->mapFromSource(images_->index(source, 0)).row() < 0) filterCombo_->setCurrentIndex(0);  // filtered out
  selectImageRow(filter_->mapFromSource(images_->index(source, 0)).row());
  return currentImageId() == imageId;
}

CurvesDialog* ReviewPage::showCurvesDialog() {
  const auto* m = currentModel();
  const auto* d = currentDataset();
  if (!m || !d) return nullptr;
  const QString title = modelCombo_->currentText() + QStringLiteral(" · ") + QString::fromStdString(d->name);
  auto* dialog = new CurvesDialog({path_, m->runId, m->folds, d->id, title, thresholdValue()}, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &CurvesDialog::imageRequested, this, [this](qint64 id) { selectImageById(id); });
  dialog->show();
  return dialog;
}  // --- end of Curves ---
}  // namespace lightbox::ui
