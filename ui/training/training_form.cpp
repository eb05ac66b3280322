// The Training page's form (see training_page.h): the preset and its values, the data, the training tasks, the
// run's limits and device, the time estimate, and queueing a run from it.
#include "training/training_page.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <limits>

#include "lightbox/core/folds.h"
#include "shell/device_controls.h"
#include "shell/job_runner.h"
#include "training/training_logic.h"
#include "training/training_queue_model.h"

namespace lightbox::ui {

namespace {

QString shapeText(const std::vector<int64_t>& shape) {
  QStringList parts;
  for (int64_t n : shape) parts << QString::number(n);
  return parts.join(QStringLiteral("×"));
}

}  // namespace

QWidget* TrainingPage::buildForm() {
  auto* form = new QWidget;
  auto* column = new QVBoxLayout(form);
  column->setContentsMargins(0, 0, 6, 0);

  unavailable_ = new QLabel(tr("<b>Training is not available in this build</b> (it was built without LibTorch). The "
                               "project's runs are listed on the right; train with a build that has the models "
                               "library, or on another machine with <code>lightbox-cli train</code>."),
                            form);
  unavailable_->setObjectName(QStringLiteral("trainingUnavailable"));
  unavailable_->setWordWrap(true);
  unavailable_->setVisible(!workflows::trainingAvailable());
  column->addWidget(unavailable_);

  // Preset and its values.
  auto* presetBox = new QGroupBox(tr("Preset"), form);
  auto* presetLayout = new QVBoxLayout(presetBox);
  preset_ = new QComboBox(presetBox);
  preset_->setObjectName(QStringLiteral("trainingPreset"));
  for (const auto& p : presets_) preset_->addItem(QString::fromStdString(p.name));
  const int quick = preset_->findText(QStringLiteral("cpu-quick-2d"));
  if (quick >= 0) preset_->setCurrentIndex(quick);
  presetDescription_ = new QLabel(presetBox);
  presetDescription_->setWordWrap(true);
  presetValues_ = new QLabel(presetBox);
  presetValues_->setObjectName(QStringLiteral("trainingPresetValues"));
  presetValues_->setTextFormat(Qt::RichText);
  presetValues_->setWordWrap(true);
  presetValues_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* presetNote = new QLabel(tr("<small>Network and learning-rate values are the preset's, read-only here: the run "
                                   "stores all of them, so resuming or predicting rebuilds exactly this network. "
                                   "Choose another preset to change them.</small>"),
                                presetBox);
  presetNote->setWordWrap(true);
  presetLayout->addWidget(preset_);
  presetLayout->addWidget(presetDescription_);
  presetLayout->addWidget(presetValues_);
  presetLayout->addWidget(presetNote);
  column->addWidget(presetBox);

  // Data.
  auto* dataBox = new QGroupBox(tr("Data"), form);
  auto* dataForm = new QFormLayout(dataBox);
  dataset_ = new QComboBox(dataBox);
  dataset_->setObjectName(QStringLiteral("trainingDataset"));
  dataset_->setToolTip(tr("The healthy images to train on"));
  blend_ = new QComboBox(dataBox);
  blend_->setObjectName(QStringLiteral("trainingBlend"));
  blend_->setToolTip(tr("Source images of task 1 (inter-dataset Poisson blending), needed whether it trains or is "
                        "held out"));
  dataForm->addRow(tr("Healthy images:"), dataset_);
  dataForm->addRow(tr("Blend source:"), blend_);
  column->addWidget(dataBox);

  // Tasks.
  auto* taskBox = new QGroupBox(tr("Training tasks"), form);
  auto* taskLayout = new QVBoxLayout(taskBox);
  explicitTasks_ = new QRadioButton(tr("These tasks train; the others are held out for validation:"), taskBox);
  explicitTasks_->setObjectName(QStringLiteral("trainingExplicitTasks"));
  explicitTasks_->setChecked(true);
  taskLayout->addWidget(explicitTasks_);
  for (int t = 0; t < kPaperTaskCount; ++t) {
    taskBoxes_[t] = new QCheckBox(paperTaskName(t, true), taskBox);
    taskBoxes_[t]->setObjectName(QStringLiteral("trainingTask%1").arg(t));
    taskBoxes_[t]->setChecked(t != 4);
    auto* indent = new QHBoxLayout;
    indent->addSpacing(20);
    indent->addWidget(taskBoxes_[t]);
    taskLayout->addLayout(indent);
    connect(taskBoxes_[t], &QCheckBox::toggled, this, [this] {
      updateTaskNote();
      updateEstimate();
      updateButtons();
    });
  }
  allFolds_ = new QRadioButton(tr("Cross-validation: every fold of T training tasks"), taskBox);
  allFolds_->setObjectName(QStringLiteral("trainingAllFolds"));
  taskLayout->addWidget(allFolds_);
  auto* foldRow = new QHBoxLayout;
  foldRow->addSpacing(20);
  foldRow->addWidget(new QLabel(tr("T ="), taskBox));
  trainingCount_ = new QSpinBox(taskBox);
  trainingCount_->setObjectName(QStringLiteral("trainingT"));
  trainingCount_->setRange(1, 4);
  trainingCount_->setValue(4);
  fold_ = new QComboBox(taskBox);
  fold_->setObjectName(QStringLiteral("trainingFoldChoice"));
  foldRow->addWidget(trainingCount_);
  foldRow->addWidget(fold_, 1);
  taskLayout->addLayout(foldRow);
  taskNote_ = new QLabel(taskBox);
  taskNote_->setObjectName(QStringLiteral("trainingTaskNote"));
  taskNote_->setWordWrap(true);
  taskLayout->addWidget(taskNote_);
  auto* modes = new QButtonGroup(taskBox);
  modes->addButton(explicitTasks_);
  modes->addButton(allFolds_);
  connect(explicitTasks_, &QRadioButton::toggled, this, [this] {
    updateTaskNote();
    updateEstimate();
    updateButtons();
  });
  connect(trainingCount_, &QSpinBox::valueChanged, this, [this] {
    updateFolds();
    updateTaskNote();
    updateEstimate();
  });
  connect(fold_, &QComboBox::currentIndexChanged, this, [this] {
    updateTaskNote();
    updateEstimate();
  });
  column->addWidget(taskBox);

  for (QComboBox* c : {preset_, dataset_, blend_, fold_}) {
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(12);
  }

  // Limits and device.
  auto* runBox = new QGroupBox(tr("Run"), form);
  auto* runForm = new QFormLayout(runBox);
  maxSteps_ = new QSpinBox(runBox);
  maxSteps_->setObjectName(QStringLiteral("trainingMaxSteps"));
  maxSteps_->setRange(0, 10'000'000);
  maxSteps_->setSingleStep(100);
  maxSteps_->setSpecialValueText(tr("the preset's epochs"));
  maxSteps_->setToolTip(tr("Optimiser steps per fold; 0 = the preset's number of epochs"));
  minutes_ = new QDoubleSpinBox(runBox);
  minutes_->setObjectName(QStringLiteral("trainingMinutes"));
  minutes_->setRange(0, 100'000);
  minutes_->setDecimals(1);
  minutes_->setSpecialValueText(tr("no limit"));
  minutes_->setSuffix(tr(" min"));
  minutes_->setToolTip(tr("Wall-clock limit of this call; a run stopped by it is paused and can be resumed"));
  validateEvery_ = new QSpinBox(runBox);
  validateEvery_->setObjectName(QStringLiteral("trainingValidateEvery"));
  validateEvery_->setRange(0, 1'000'000);
  validateEvery_->setSpecialValueText(tr("every epoch"));
  validateEvery_->setSuffix(tr(" steps"));
  seed_ = new QSpinBox(runBox);
  seed_->setObjectName(QStringLiteral("trainingSeed"));
  seed_->setRange(0, std::numeric_limits<int>::max());
  device_ = makeDeviceCombo(cuda_, runBox);
  device_->setObjectName(QStringLiteral("trainingDevice"));
  threads_ = makeThreadsSpinBox(runBox);
  threads_->setObjectName(QStringLiteral("trainingThreads"));
  runForm->addRow(tr("Max steps:"), maxSteps_);
  runForm->addRow(tr("Time limit:"), minutes_);
  runForm->addRow(tr("Validate:"), validateEvery_);
  runForm->addRow(tr("Seed:"), seed_);
  runForm->addRow(tr("Device:"), device_);
  runForm->addRow(tr("CPU threads:"), threads_);
  column->addWidget(runBox);
  for (QSpinBox* s : {maxSteps_, threads_}) connect(s, &QSpinBox::valueChanged, this, [this] { updateEstimate(); });
  connect(device_, &QComboBox::currentIndexChanged, this, [this] { updateEstimate(); });
  connect(dataset_, &QComboBox::currentIndexChanged, this, [this] { updateEstimate(); });
  connect(preset_, &QComboBox::currentIndexChanged, this, [this] {
    fillPresetValues();
    updateEstimate();
  });

  estimate_ = new QLabel(form);
  estimate_->setObjectName(QStringLiteral("trainingEstimate"));
  estimate_->setWordWrap(true);
  estimate_->setTextFormat(Qt::RichText);
  column->addWidget(estimate_);

  start_ = new QPushButton(tr("Start Training"), form);
  start_->setObjectName(QStringLiteral("trainingStart"));
  start_->setDefault(true);
  connect(start_, &QPushButton::clicked, this, [this] { queueFromForm(); });
  column->addWidget(start_);

  auto* queueBox = new QGroupBox(tr("Queue (one run at a time)"), form);
  auto* queueLayout = new QVBoxLayout(queueBox);
  queueView_ = new QListView(queueBox);
  queueView_->setObjectName(QStringLiteral("trainingQueue"));
  queueView_->setModel(queue_);
  queueView_->setMaximumHeight(110);
  removeQueued_ = new QPushButton(tr("Remove from Queue"), queueBox);
  removeQueued_->setObjectName(QStringLiteral("trainingRemoveQueued"));
  connect(removeQueued_, &QPushButton::clicked, this, [this] {
    queue_->removeWaiting(queueView_->currentIndex().row());
    updateButtons();
  });
  connect(queueView_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { updateButtons(); });
  connect(queue_, &QAbstractItemModel::dataChanged, this, [this] { updateButtons(); });
  queueLayout->addWidget(queueView_);
  queueLayout->addWidget(removeQueued_, 0, Qt::AlignRight);
  column->addWidget(queueBox);
  column->addStretch();
  return form;
}


const workflows::TrainingPresetInfo* TrainingPage::currentPreset() const {
  const int i = preset_->currentIndex();
  return i >= 0 && i < int(presets_.size()) ? &presets_[size_t(i)] : nullptr;
}

void TrainingPage::fillPresetValues() {
  const workflows::TrainingPresetInfo* p = currentPreset();
  if (!p) {
    presetDescription_->clear();
    presetValues_->clear();
    return;
  }
  const QLocale locale;
  presetDescription_->setText(QString::fromStdString(p->description));
  const auto row = [](const QString& name, const QString& value) {
    return QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
  };
  QString rows;
  rows += row(tr("Network"), tr("%1D U-Net, %2 levels, %3 → max %4 features, %5 convolutions per stage")
                                 .arg(p->dims).arg(p->levels).arg(p->baseFeatures).arg(p->featureCap)
                                 .arg(p->convsPerStage));
  rows += row(tr("Input"), tr("%1, %2 image + %3 position channels")
                               .arg(shapeText(p->inputShape)).arg(p->imageChannels)
                               .arg(p->inputChannels - p->imageChannels));
  rows += row(tr("Batch size"), locale.toString(p->batchSize));
  rows += row(tr("Base learning rate"), locale.toString(p->baseLr, 'g', 3));
  rows += row(tr("Warm-up"), tr("%1 steps").arg(locale.toString(qint64(p->warmupSteps))));
  rows += row(tr("Decay per step"), locale.toString(p->decayPerStep, 'g', 8));
  rows += row(tr("LR floor"), tr("%1 × base").arg(locale.toString(p->floorFraction, 'g', 3)));
  rows += row(tr("Epochs"), locale.toString(p->maxEpochs));
  rows += row(tr("Early-stop patience"), tr("%1 steps").arg(locale.toString(qint64(p->patience))));
  rows += row(tr("Loss average"), tr("EMA %1").arg(locale.toString(p->emaDecay, 'g', 3)));
  rows += row(tr("Left-right flips"), locale.toString(p->flipProbability, 'g', 2));
  rows += row(tr("Meant for"), p->meantForGpu ? tr("a GPU (the paper's setting)") : tr("a CPU"));
  presetValues_->setText(QStringLiteral("<table>%1</table>").arg(rows));
}

void TrainingPage::updateFolds() {
  const int t = trainingCount_->value();
  const int previous = fold_->currentData().isValid() ? fold_->currentData().toInt() : -1;
  fold_->clear();
  fold_->addItem(tr("all %1 folds").arg(foldCount(t)), -1);
  for (int f = 0; f < foldCount(t); ++f) {
    const FoldTasks ft = foldTasks(t, f);
    fold_->addItem(tr("fold %1: trains %2, holds out %3").arg(f).arg(taskIdList(ft.training), taskIdList(ft.validation)),
                   f);
  }
  const int keep = fold_->findData(previous);
  fold_->setCurrentIndex(keep >= 0 ? keep : 0);
}

void TrainingPage::updateTaskNote() {
  const bool explicitMode = explicitTasks_->isChecked();
  for (QCheckBox* b : taskBoxes_) b->setEnabled(explicitMode && workflows::trainingAvailable());
  trainingCount_->setEnabled(!explicitMode && workflows::trainingAvailable());
  fold_->setEnabled(!explicitMode && workflows::trainingAvailable());
  if (explicitMode) {
    std::vector<int> train, held;
    for (int t = 0; t < kPaperTaskCount; ++t) (taskBoxes_[t]->isChecked() ? train : held).push_back(t);
    if (train.empty() || held.empty())
      taskNote_->setText(tr("Check 1 to 4 of the five tasks: at least one must be held out to validate on."));
    else
      taskNote_->setText(tr("Held out for validation (the calibration signal): %1.").arg(taskIdList(held)));
  } else {
    const int t = trainingCount_->value();
    const int f = fold_->currentData().toInt();
    taskNote_->setText(f < 0 ? tr("%1 folds one after another; each holds out the tasks it does not train on.")
                                   .arg(foldCount(t))
                             : tr("Only fold %1 (a cluster array job trains one fold each).").arg(f));
  }
}

bool TrainingPage::effectiveCpu() const { return deviceIsCpu(device_, cuda_); }

void TrainingPage::updateEstimate() {
  const workflows::TrainingPresetInfo* p = currentPreset();
  if (!p) {
    estimate_->clear();
    return;
  }
  qint64 images = 0;
  for (const auto& d : datasets_)
    if (QString::fromStdString(d.name) == dataset_->currentText()) images = d.imported;
  int t = trainingCount_->value();
  if (explicitTasks_->isChecked()) {
    t = 0;
    for (QCheckBox* b : taskBoxes_) t += b->isChecked() ? 1 : 0;
  }
  const qint64 steps = expectedSteps(*p, maxSteps_->value(), images, t);
  const QLocale locale;
  const double perStep = paperCpuSecondsPerStep(*p, threads_->value(), QThread::idealThreadCount());
  if (p->meantForGpu && effectiveCpu()) {
    estimate_->setText(tr("<b>%1 is the paper's GPU setting.</b> On this CPU one step takes about %2 (benchmark: "
                          "~35 s per step for the 2D network at batch 50, ~50 s for the 3D one, on 2 cores), so %3 "
                          "steps would take about <b>%4</b> per fold. Use cpu-quick-2d here, or train on a GPU "
                          "machine with <code>lightbox-cli train</code>.")
                           .arg(QString::fromStdString(p->name), formatDuration(perStep), locale.toString(steps),
                                formatDuration(perStep * double(steps))));
  } else {
    estimate_->setText(maxSteps_->value() > 0 || images > 0
                           ? tr("%1 steps per fold.").arg(locale.toString(steps))
                           : QString());
  }
}


void TrainingPage::onDatasetsLoaded() {
  try {
    const workflows::ProjectOverview o = datasetsWatcher_.result();
    datasets_ = o.datasets;
  } catch (const std::exception& e) {
    status_->setText(tr("Could not read the datasets: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  const QString keepData = dataset_->currentText(), keepBlend = blend_->currentData().toString();
  dataset_->clear();
  blend_->clear();
  blend_->addItem(tr("(none)"), QString());
  for (const auto& d : datasets_) {
    const QString name = QString::fromStdString(d.name);
    const QString text = tr("%1 (%2, %3 images)").arg(name, QString::fromStdString(d.role)).arg(d.imported);
    if (d.role != "test") dataset_->addItem(text, name);
    blend_->addItem(text, name);
  }
  // Keep the choice; otherwise the first healthy dataset trains and the first blend dataset is the blend source.
  int di = -1, bi = -1;
  for (int i = 0; i < dataset_->count(); ++i)
    if (dataset_->itemData(i).toString() == keepData) di = i;
  for (size_t k = 0; k < datasets_.size() && di < 0; ++k)
    if (datasets_[k].role == "healthy") di = dataset_->findData(QString::fromStdString(datasets_[k].name));
  bi = keepBlend.isEmpty() ? -1 : blend_->findData(keepBlend);
  for (size_t k = 0; k < datasets_.size() && bi < 0; ++k)
    if (datasets_[k].role == "blend") bi = blend_->findData(QString::fromStdString(datasets_[k].name));
  dataset_->setCurrentIndex(std::max(0, di));
  blend_->setCurrentIndex(std::max(0, bi));
  updateEstimate();
  updateButtons();
}

workflows::TrainParams TrainingPage::formParams() const {
  workflows::TrainParams t;
  t.projectPath = projectPath_.toStdString();
  t.dataset = dataset_->currentData().toString().toStdString();
  t.blendDataset = blend_->currentData().toString().toStdString();
  t.preset = preset_->currentText().toStdString();
  if (explicitTasks_->isChecked()) {
    for (int k = 0; k < kPaperTaskCount; ++k)
      if (taskBoxes_[k]->isChecked()) t.tasks.push_back(k);
  } else {
    t.trainingTaskCount = trainingCount_->value();
    t.fold = fold_->currentData().toInt();
  }
  t.seed = uint64_t(seed_->value());
  t.maxSteps = maxSteps_->value();
  t.minutes = minutes_->value();
  t.validateEvery = validateEvery_->value();
  t.device = device_->currentData().toString().toStdString();
  t.threads = threads_->value();
  return t;
}

bool TrainingPage::queueFromForm() {
  if (!workflows::trainingAvailable() || projectPath_.isEmpty()) return false;
  const workflows::TrainParams t = formParams();
  if (t.dataset.empty()) {
    status_->setText(tr("Choose the healthy images to train on."));
    return false;
  }
  if (explicitTasks_->isChecked() && (t.tasks.empty() || t.tasks.size() >= size_t(kPaperTaskCount))) {
    status_->setText(tr("Check 1 to 4 training tasks; the others are held out."));
    return false;
  }
  if (t.blendDataset.empty()) {
    status_->setText(tr("Task 1 (inter-dataset blending) needs a blend source, whether it trains or is held out."));
    return false;
  }
  const workflows::TrainingPresetInfo* p = currentPreset();
  if (p && p->meantForGpu && effectiveCpu() && interactive_) {
    const QString text = estimate_->text();
    if (QMessageBox::warning(this, tr("Paper preset on a CPU"), text + tr("<p>Start it anyway?</p>"),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
      return false;
  }
  queue_->enqueue(t, TrainingQueueModel::describe(t));
  status_->setText(jobs_->busy() ? tr("Queued: it starts when “%1” is done.").arg(jobs_->title()) : QString());
  startNext();
  updateButtons();
  return true;
}


}  // namespace lightbox::ui
