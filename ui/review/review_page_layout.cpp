// The Review tab's widgets and keys: the layout of ranking, viewer with drawing tools, heat-map and threshold
// controls and findings panel, and the keyboard shortcuts of the triage (review_page.h lists them).
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

void ReviewPage::buildUi() {
  // Model and dataset row.
  modelCombo_ = new QComboBox(this);
  modelCombo_->setObjectName(QStringLiteral("reviewModelCombo"));
  modelCombo_->setMinimumContentsLength(28);
  modelCombo_->setToolTip(tr("A trained run's model: the ensemble of its folds (voxel-wise mean) or one fold"));
  datasetCombo_ = new QComboBox(this);
  datasetCombo_->setObjectName(QStringLiteral("reviewDatasetCombo"));
  // Sized to its entries (they are elided to a sane width), so that a narrow window does not clip "… image(s)".
  datasetCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  predictButton_ = new QPushButton(tr("Predict"), this);
  predictButton_->setObjectName(QStringLiteral("predictButton"));
  cancelButton_ = new QPushButton(tr("Cancel"), this);
  cancelButton_->setObjectName(QStringLiteral("predictCancelButton"));
  cancelButton_->hide();
  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("predictProgress"));
  progress_->setMaximumWidth(220);
  progress_->hide();
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("reviewStatus"));
  status_->setWordWrap(true);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Model"), this));
  top->addWidget(modelCombo_, 2);
  top->addWidget(new QLabel(tr("Dataset"), this));
  top->addWidget(datasetCombo_, 1);
  top->addWidget(predictButton_);
  top->addWidget(buildPredictControls());
  top->addWidget(progress_);
  top->addWidget(cancelButton_);
  top->addWidget(status_, 3);
  top->addWidget(detailsButton_);

  // Left: the ranking.
  filterCombo_ = new QComboBox(this);
  filterCombo_->setObjectName(QStringLiteral("reviewFilterCombo"));
  filterCombo_->addItem(tr("All images"));
  filterCombo_->addItem(tr("To review"));
  filterCombo_->addItem(tr("Not started"));
  filterCombo_->addItem(tr("In progress"));
  filterCombo_->addItem(tr("Done"));
  imageTable_ = new QTableView(this);
  imageTable_->setObjectName(QStringLiteral("reviewImageTable"));
  imageTable_->setModel(filter_);
  imageTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
  imageTable_->setSelectionMode(QAbstractItemView::SingleSelection);
  imageTable_->setSortingEnabled(true);
  imageTable_->sortByColumn(ReviewImageModel::RankColumn, Qt::AscendingOrder);
  imageTable_->verticalHeader()->hide();
  imageTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  imageTable_->setWordWrap(false);
  imageTable_->setTextElideMode(Qt::ElideMiddle);  // the name's start and its extension both stay
  imageTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  imageTable_->horizontalHeader()->setSectionResizeMode(ReviewImageModel::NameColumn, QHeaderView::Stretch);
  // "Reviewed" says n / m and the filter the state: the name gets the room (the state is in each row's tooltip).
  imageTable_->setColumnHidden(ReviewImageModel::FindingsColumn, true);
  imageTable_->setColumnHidden(ReviewImageModel::StateColumn, true);
  progressLabel_ = new QLabel(this);
  progressLabel_->setObjectName(QStringLiteral("reviewProgressLabel"));
  exportButton_ = new QPushButton(tr("Export findings…"), this);
  exportButton_->setObjectName(QStringLiteral("exportFindingsButton"));
  auto* left = new QWidget(this);
  auto* ll = new QVBoxLayout(left);
  ll->setContentsMargins(0, 0, 0, 0);
  ll->addWidget(filterCombo_);
  ll->addWidget(imageTable_, 1);
  ll->addWidget(progressLabel_);
  ll->addWidget(exportButton_);
  addCurvesButton(ll);

  // Centre: the viewer.
  viewer_ = new ImageViewer(this);
  viewer_->setObjectName(QStringLiteral("reviewViewer"));

  // Right: overlay, threshold, findings.
  auto* overlayBox = new QGroupBox(tr("Heat map"), this);
  colourMapCombo_ = new QComboBox(overlayBox);
  colourMapCombo_->setObjectName(QStringLiteral("colourMapCombo"));
  for (const QString& n : colourMapNames()) colourMapCombo_->addItem(n, n);
  legend_ = new ColourLegend(overlayBox);
  opacitySlider_ = new QSlider(Qt::Horizontal, overlayBox);
  opacitySlider_->setObjectName(QStringLiteral("opacitySlider"));
  opacitySlider_->setRange(0, 100);
  opacitySlider_->setValue(int(std::lround(opacity_ * 100)));
  stretchBox_ = new QCheckBox(tr("Stretch to this image"), overlayBox);
  stretchBox_->setObjectName(QStringLiteral("stretchBox"));
  stretchBox_->setToolTip(tr("Off (default): one colour scale for the whole dataset, so colours compare across "
                             "images. On: this image's own minimum to maximum (colours no longer compare)."));
  hideBelowBox_ = new QCheckBox(tr("Only above threshold"), overlayBox);
  hideBelowBox_->setObjectName(QStringLiteral("hideBelowBox"));
  truthBox_ = new QCheckBox(tr("Ground-truth contours"), overlayBox);
  truthBox_->setObjectName(QStringLiteral("truthBox"));
  truthBox_->setChecked(true);
  truthLabel_ = new QLabel(overlayBox);
  truthLabel_->setObjectName(QStringLiteral("truthLabel"));
  truthLabel_->setWordWrap(true);
  auto* fit = new QToolButton(overlayBox);
  fit->setObjectName(QStringLiteral("fitScaleButton"));
  fit->setText(tr("Fit to dataset"));
  fit->setToolTip(tr("Colour scale 0 to the 99th percentile of every score of this model on this dataset, shared "
                     "by all its images and stored in the project"));
  auto* unit = new QToolButton(overlayBox);
  unit->setObjectName(QStringLiteral("unitScaleButton"));
  unit->setText(tr("0 – 1"));
  unit->setToolTip(tr("Colour scale over the whole score range (the default)"));
  auto* ol = new QVBoxLayout(overlayBox);
  auto* mapRow = new QHBoxLayout;
  mapRow->addWidget(new QLabel(tr("Colours"), overlayBox));
  mapRow->addWidget(colourMapCombo_, 1);
  mapRow->addWidget(fit);
  mapRow->addWidget(unit);
  ol->addLayout(mapRow);
  ol->addWidget(legend_);
  auto* opRow = new QHBoxLayout;
  opRow->addWidget(new QLabel(tr("Opacity"), overlayBox));
  opRow->addWidget(opacitySlider_, 1);
  ol->addLayout(opRow);
  ol->addWidget(stretchBox_);
  ol->addWidget(hideBelowBox_);
  ol->addWidget(truthBox_);
  ol->addWidget(truthLabel_);

  auto* thresholdBox = new QGroupBox(tr("Threshold"), this);
  thresholdSlider_ = new QSlider(Qt::Vertical, thresholdBox);
  thresholdSlider_->setObjectName(QStringLiteral("thresholdSlider"));
  thresholdSlider_->setRange(0, 1000);
  thresholdSlider_->setMinimumHeight(150);
  histogram_ = new ScoreHistogramView(thresholdBox);
  thresholdLabel_ = new QLabel(thresholdBox);
  thresholdLabel_->setObjectName(QStringLiteral("thresholdLabel"));
  thresholdLabel_->setWordWrap(true);
  applyThresholdButton_ = new QPushButton(tr("Find again at this threshold"), thresholdBox);
  applyThresholdButton_->setObjectName(QStringLiteral("applyThresholdButton"));
  applyThresholdButton_->setToolTip(tr("Records it as the model's threshold and finds the regions of every image of "
                                       "the dataset again; reviewed findings are kept"));
  resetThresholdButton_ = new QPushButton(tr("Proposed"), thresholdBox);
  resetThresholdButton_->setObjectName(QStringLiteral("proposedThresholdButton"));
  resetThresholdButton_->setToolTip(tr("Move the slider back to the threshold proposed from the held-out tasks"));
  auto* tl = new QHBoxLayout(thresholdBox);
  tl->addWidget(thresholdSlider_);
  tl->addWidget(histogram_, 1);
  auto* tr_ = new QVBoxLayout;
  tr_->addWidget(thresholdLabel_);
  tr_->addStretch(1);
  tr_->addWidget(resetThresholdButton_);
  tr_->addWidget(applyThresholdButton_);
  tl->addLayout(tr_, 2);

  auto* findingsBox = new QGroupBox(tr("Findings"), this);
  findingTable_ = new QTableView(findingsBox);
  findingTable_->setObjectName(QStringLiteral("findingTable"));
  findingTable_->setModel(findings_);
  findingTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
  findingTable_->setSelectionMode(QAbstractItemView::SingleSelection);
  findingTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  findingTable_->verticalHeader()->hide();
  // Columns as wide as their contents but the free-text ones, which share the rest (elided; the row's tooltip has
  // it all), and the note, category and origin columns only when a finding of the image has one: the table fits the
  // panel without a horizontal scroll bar.
  findingTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  for (int c : {int(FindingTableModel::NoteColumn), int(FindingTableModel::CategoryColumn),
                int(FindingTableModel::OriginColumn)})
    findingTable_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
  findingTable_->setWordWrap(false);
  findingTable_->setTextElideMode(Qt::ElideMiddle);
  connect(findings_, &QAbstractItemModel::modelReset, this, &ReviewPage::fitFindingColumns);
  connect(findings_, &QAbstractItemModel::dataChanged, this, &ReviewPage::fitFindingColumns);
  auto* accept = new QPushButton(tr("Accept (A)"), findingsBox);
  accept->setObjectName(QStringLiteral("acceptButton"));
  auto* reject = new QPushButton(tr("Reject (R)"), findingsBox);
  reject->setObjectName(QStringLiteral("rejectButton"));
  auto* note = new QPushButton(tr("Note (N)"), findingsBox);
  note->setObjectName(QStringLiteral("noteButton"));
  for (auto* b : {accept, reject, note}) b->setFocusPolicy(Qt::NoFocus);
  categoryCombo_ = new QComboBox(findingsBox);
  categoryCombo_->setObjectName(QStringLiteral("categoryCombo"));
  categoryCombo_->setToolTip(tr("Category of the selected finding (the project's editable list)"));
  categoryCombo_->setFocusPolicy(Qt::NoFocus);
  imageProgressLabel_ = new QLabel(findingsBox);
  imageProgressLabel_->setObjectName(QStringLiteral("imageProgressLabel"));
  auto* keys = new QLabel(tr("A accept · R reject · N note · Space/J/→ next · K/← previous · Ctrl+Shift+→/← image · "
                             "Ctrl+Z undo · Ctrl+Y redo"),
                          findingsBox);
  keys->setWordWrap(true);
  keys->setStyleSheet(QStringLiteral("color:palette(mid);"));
  auto* fl = new QVBoxLayout(findingsBox);
  fl->addWidget(findingTable_, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(accept);
  buttons->addWidget(reject);
  buttons->addWidget(note);
  buttons->addWidget(categoryCombo_, 1);
  fl->addLayout(buttons);
  fl->addWidget(imageProgressLabel_);
  fl->addWidget(keys);

  auto* right = new QWidget(this);
  auto* rl = new QVBoxLayout(right);
  rl->setContentsMargins(0, 0, 0, 0);
  rl->addWidget(overlayBox);
  rl->addWidget(thresholdBox);
  rl->addWidget(findingsBox, 1);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->setObjectName(QStringLiteral("reviewSplitter"));
  split->addWidget(left);
  split->addWidget(buildAnnotationUi());
  split->addWidget(right);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 5);
  split->setStretchFactor(2, 3);
  split->setChildrenCollapsible(false);
  // The ranking needs a file name with its slice ("ch2bet.nii.gz — slice 63") beside rank, score and progress; the
  // findings table's columns need the room on the right; the viewer takes the rest.
  split->setSizes({470, 590, 540});

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(split, 1);

  connect(modelCombo_, &QComboBox::currentIndexChanged, this, [this] { onModelChanged(); });
  connect(datasetCombo_, &QComboBox::currentIndexChanged, this, [this] { onDatasetChanged(); });
  connect(predictButton_, &QPushButton::clicked, this, &ReviewPage::startPrediction);
  connect(cancelButton_, &QPushButton::clicked, jobs_, &JobRunner::cancel);
  connect(filterCombo_, &QComboBox::currentIndexChanged, this,
          [this](int i) { filter_->setShow(ReviewImageFilter::Show(i)); });
  connect(imageTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            const auto* im = images_->image(filter_->mapToSource(current).row());
            if (im && (!data_ || data_->predictionId != im->predictionId)) showImage(im->predictionId);
          });
  connect(findingTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            const auto* f = findings_->finding(current.row());
            if (f && !f->centroidVoxel.empty()) {
              Index v{0, 0, 0};
              for (size_t a = 0; a < f->centroidVoxel.size() && a < 3; ++a) v[a] = std::llround(f->centroidVoxel[a]);
              if (f->bboxMin.size() == f->centroidVoxel.size() && f->bboxMax.size() == f->centroidVoxel.size()) {
                Index lo{0, 0, 0}, hi{1, 1, 1};
                for (size_t a = 0; a < f->bboxMin.size() && a < 3; ++a) {
                  lo[a] = f->bboxMin[a];
                  hi[a] = f->bboxMax[a];
                }
                viewer_->showRegion(v, lo, hi);  // pans only when the finding is not already in view
              } else {
                viewer_->centreOn(v);
              }
            }
            refreshOverlay();
            refreshFindingsPanel();
          });
  connect(colourMapCombo_, &QComboBox::activated, this, [this](int i) { setColourMap(colourMapCombo_->itemData(i).toString()); });
  connect(opacitySlider_, &QSlider::valueChanged, this, [this](int v) {
    opacity_ = v / 100.0;
    refreshOverlay();
  });
  connect(stretchBox_, &QCheckBox::toggled, this, [this](bool on) { setStretchPerImage(on); });
  connect(hideBelowBox_, &QCheckBox::toggled, this, [this] { refreshOverlay(); });
  connect(truthBox_, &QCheckBox::toggled, this, [this] { refreshOverlay(); });
  connect(thresholdSlider_, &QSlider::valueChanged, this, [this] { refreshThresholdWidgets(); });
  connect(applyThresholdButton_, &QPushButton::clicked, this, &ReviewPage::applyThreshold);
  connect(resetThresholdButton_, &QPushButton::clicked, this, [this] {
    if (threshold_.proposed) setThresholdValue(*threshold_.proposed);
  });
  connect(fit, &QToolButton::clicked, this, &ReviewPage::suggestScale);
  connect(unit, &QToolButton::clicked, this, [this] {
    scale_.min = 0.0;
    scale_.max = 1.0;
    if (const auto* m = currentModel()) {
      try {
        workflows::storeColourScale(path_.toStdString(), m->runId, scale_);
        scale_.stored = true;
      } catch (const std::exception& e) {
        status_->setText(QString::fromStdString(e.what()));
      }
    }
    refreshOverlay();
  });
  connect(accept, &QPushButton::clicked, this, &ReviewPage::acceptCurrent);
  connect(reject, &QPushButton::clicked, this, &ReviewPage::rejectCurrent);
  connect(note, &QPushButton::clicked, this, [this] {
    const auto* f = findings_->finding(currentFindingRow());
    if (!f) return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Note on finding %1").arg(f->id), tr("Note"),
                                                        QString::fromStdString(f->note), &ok);
    if (ok) noteCurrent(text);
  });
  connect(categoryCombo_, &QComboBox::activated, this, [this](int i) {
    const auto* f = findings_->finding(currentFindingRow());
    if (!f) return;
    const QVariant v = categoryCombo_->itemData(i);
    const std::optional<int64_t> id = v.isValid() ? std::optional<int64_t>(v.toLongLong()) : std::nullopt;
    if (id == f->categoryId) return;
    const QString name = categoryCombo_->itemText(i);
    undo_->push(new CategoryCommand(path_, f->id, f->categoryId, id, name,
                                    [this](qint64 finding, std::optional<int64_t> cat, const QString& error) {
                                      if (!error.isEmpty()) {
                                        status_->setText(tr("Category not stored: %1").arg(error));
                                        return;
                                      }
                                      QString n;
                                      for (int k = 0; k < categoryCombo_->count(); ++k)
                                        if (categoryCombo_->itemData(k).isValid() && cat &&
                                            categoryCombo_->itemData(k).toLongLong() == *cat)
                                          n = categoryCombo_->itemText(k);
                                      findings_->setCategory(finding, cat, n);
                                      refreshFindingsPanel();
                                    }));
  });
  connect(exportButton_, &QPushButton::clicked, this, &ReviewPage::showExportDialog);
  connect(jobs_, &JobRunner::progressed, this, [this](qint64 done, qint64 total, const QString& what, const QString& eta) {
    if (!progress_->isVisible()) return;
    progress_->setRange(0, int(std::max<qint64>(total, 1)));
    progress_->setValue(int(done));
    status_->setText(eta.isEmpty() ? what : tr("%1 (%2)").arg(what, eta));
  });
}

void ReviewPage::installShortcuts() {
  const auto add = [this](const QKeySequence& keys, auto slot) {
    auto* s = new QShortcut(keys, this);
    s->setContext(Qt::WidgetWithChildrenShortcut);
    connect(s, &QShortcut::activated, this, slot);
  };
  add(QKeySequence(Qt::Key_A), [this] { acceptCurrent(); });
  add(QKeySequence(Qt::Key_R), [this] { rejectCurrent(); });
  add(QKeySequence(Qt::Key_N), [this] { findChild<QPushButton*>(QStringLiteral("noteButton"))->click(); });
  for (int k : {int(Qt::Key_Space), int(Qt::Key_J), int(Qt::Key_Right)})
    add(QKeySequence(k), [this] { nextFinding(); });
  for (int k : {int(Qt::Key_K), int(Qt::Key_Left)}) add(QKeySequence(k), [this] { previousFinding(); });
  for (int k : {int(Qt::Key_Right), int(Qt::Key_Down)})
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key(k)), [this] { nextImage(); });
  for (int k : {int(Qt::Key_Left), int(Qt::Key_Up)})
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key(k)), [this] { previousImage(); });
  add(QKeySequence(Qt::Key_Escape), [this] { cancelDrawing(); });
  add(QKeySequence(Qt::CTRL | Qt::Key_Z), [this] { undo_->undo(); });
  add(QKeySequence(Qt::CTRL | Qt::Key_Y), [this] { undo_->redo(); });
  add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] { undo_->redo(); });
}

}  // namespace lightbox::ui
