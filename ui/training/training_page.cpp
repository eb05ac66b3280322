#include "training/training_page.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <stdexcept>

#include "lightbox/core/folds.h"
#include "shell/job_runner.h"
#include "training/training_charts.h"
#include "training/training_logic.h"
#include "training/training_queue_model.h"

namespace lightbox::ui {

namespace {

constexpr int kRunIdRole = Qt::UserRole + 1;
constexpr int kFoldRole = Qt::UserRole + 2;

QString shapeText(const std::vector<int64_t>& shape) {
  QStringList parts;
  for (int64_t n : shape) parts << QString::number(n);
  return parts.join(QStringLiteral("×"));
}

QString apSummary(const std::vector<std::pair<std::string, double>>& ap) {
  QStringList parts;
  const QLocale locale;
  for (const auto& [key, value] : ap) parts << QStringLiteral("%1 %2").arg(QString::fromStdString(key), locale.toString(value, 'f', 3));
  return parts.join(QStringLiteral(", "));
}

}  // namespace

TrainingPage::TrainingPage(JobRunner* jobs, QWidget* parent) : QWidget(parent), jobs_(jobs) {
  setObjectName(QStringLiteral("trainingPage"));
  presets_ = workflows::trainingPresets();
  cuda_ = workflows::trainingAvailable() && workflows::cudaTrainingAvailable();
  queue_ = new TrainingQueueModel(this);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setObjectName(QStringLiteral("trainingSplitter"));
  auto* scroll = new QScrollArea(splitter);
  scroll->setWidget(buildForm());
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the form wraps instead
  scroll->setMinimumWidth(400);
  splitter->addWidget(scroll);
  splitter->addWidget(buildMonitor());
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({440, 1060});
  splitter->setChildrenCollapsible(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(splitter);

  pollTimer_ = new QTimer(this);
  pollTimer_->setInterval(1000);
  connect(pollTimer_, &QTimer::timeout, this, &TrainingPage::pollNow);
  pollTimer_->start();
  connect(&pollWatcher_, &QFutureWatcher<workflows::RunMetrics>::finished, this, &TrainingPage::onPolled);
  connect(&runsWatcher_, &QFutureWatcher<std::vector<workflows::RunOverview>>::finished, this,
          &TrainingPage::onRunsLoaded);
  connect(&datasetsWatcher_, &QFutureWatcher<workflows::ProjectOverview>::finished, this,
          &TrainingPage::onDatasetsLoaded);
  connect(jobs_, &JobRunner::started, this, [this] { onJobStarted(); });
  connect(jobs_, &JobRunner::progressed, this, &TrainingPage::onJobProgress);
  connect(jobs_, &JobRunner::finished, this, &TrainingPage::onJobFinished);

  fillPresetValues();
  updateFolds();
  updateTaskNote();
  updateEstimate();
  updateButtons();
}

TrainingPage::~TrainingPage() {
  pollWatcher_.waitForFinished();
  runsWatcher_.waitForFinished();
  datasetsWatcher_.waitForFinished();
}

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
  device_ = new QComboBox(runBox);
  device_->setObjectName(QStringLiteral("trainingDevice"));
  device_->addItem(cuda_ ? tr("Automatic (CUDA)") : tr("Automatic (CPU: no CUDA device)"), QStringLiteral("auto"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(tr("CUDA"), QStringLiteral("cuda"));
  if (!cuda_) {
    device_->setItemData(2, false, Qt::UserRole - 1);  // disabled item
    device_->setItemData(2, tr("This LibTorch has no CUDA, or sees no GPU"), Qt::ToolTipRole);
  }
  threads_ = new QSpinBox(runBox);
  threads_->setObjectName(QStringLiteral("trainingThreads"));
  threads_->setRange(0, 256);
  threads_->setSpecialValueText(tr("default (%1)").arg(QThread::idealThreadCount()));
  threads_->setToolTip(tr("LibTorch CPU threads"));
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

QWidget* TrainingPage::buildMonitor() {
  auto* monitor = new QWidget;
  auto* column = new QVBoxLayout(monitor);
  column->setContentsMargins(6, 0, 0, 0);
  auto* head = new QHBoxLayout;
  monitorTitle_ = new QLabel(tr("<b>No run on the monitor</b>"), monitor);
  monitorTitle_->setObjectName(QStringLiteral("trainingMonitorTitle"));
  monitorFoldBox_ = new QComboBox(monitor);
  monitorFoldBox_->setObjectName(QStringLiteral("trainingFold"));
  monitorFoldBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  monitorFoldBox_->setEnabled(false);
  connect(monitorFoldBox_, &QComboBox::activated, this, [this](int index) {
    monitorFold_ = monitorFoldBox_->itemData(index).toInt();
    pollWanted_ = true;
    pollNow();
  });
  cancel_ = new QPushButton(tr("Cancel Run"), monitor);
  cancel_->setObjectName(QStringLiteral("trainingCancel"));
  cancel_->setToolTip(tr("Stops after the current step and keeps a checkpoint: the run can be resumed"));
  connect(cancel_, &QPushButton::clicked, this, &TrainingPage::cancelTraining);
  resume_ = new QPushButton(tr("Resume"), monitor);
  resume_->setObjectName(QStringLiteral("trainingResume"));
  resume_->setToolTip(tr("Continue the selected run from its latest checkpoint (with the device, threads and time "
                         "limit of the form; the run's own preset, data, tasks and seed)"));
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (QTreeWidgetItem* item = runsTree_->currentItem()) queueResume(item->data(0, kRunIdRole).toLongLong());
  });
  head->addWidget(monitorTitle_, 1);
  head->addWidget(new QLabel(tr("Fold:"), monitor));
  head->addWidget(monitorFoldBox_);
  head->addWidget(resume_);
  head->addWidget(cancel_);
  column->addLayout(head);

  auto* progressRow = new QHBoxLayout;
  progress_ = new QProgressBar(monitor);
  progress_->setObjectName(QStringLiteral("trainingProgress"));
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setTextVisible(false);
  progressText_ = new QLabel(monitor);
  progressText_->setObjectName(QStringLiteral("trainingProgressText"));
  progressText_->setMinimumWidth(320);
  progressRow->addWidget(progress_, 1);
  progressRow->addWidget(progressText_, 1);
  column->addLayout(progressRow);

  auto* vertical = new QSplitter(Qt::Vertical, monitor);
  charts_ = new TrainingCharts(vertical);
  charts_->setObjectName(QStringLiteral("trainingCharts"));
  auto* runsBox = new QWidget(vertical);
  auto* runsLayout = new QVBoxLayout(runsBox);
  runsLayout->setContentsMargins(0, 0, 0, 0);
  auto* runsHead = new QHBoxLayout;
  runsHead->addWidget(new QLabel(tr("<b>Runs</b>"), runsBox));
  status_ = new QLabel(runsBox);
  status_->setObjectName(QStringLiteral("trainingStatus"));
  runsHead->addWidget(status_, 1);
  runsLayout->addLayout(runsHead);
  runsTree_ = new QTreeWidget(runsBox);
  runsTree_->setObjectName(QStringLiteral("trainingRuns"));
  runsTree_->setHeaderLabels({tr("Run / fold"), tr("Preset"), tr("Status"), tr("Train tasks"), tr("Held-out tasks"),
                              tr("Steps"), tr("Best val. loss"), tr("Held-out pixel AP at best"), tr("Device"),
                              tr("Updated")});
  runsTree_->setRootIsDecorated(true);
  runsTree_->setAlternatingRowColors(true);
  runsTree_->setUniformRowHeights(true);
  connect(runsTree_, &QTreeWidget::itemSelectionChanged, this, &TrainingPage::onRunSelected);
  runsLayout->addWidget(runsTree_, 1);
  vertical->addWidget(charts_);
  vertical->addWidget(runsBox);
  vertical->setStretchFactor(0, 3);
  vertical->setStretchFactor(1, 1);
  vertical->setChildrenCollapsible(false);
  column->addWidget(vertical, 1);
  return monitor;
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

bool TrainingPage::effectiveCpu() const {
  const QString d = device_->currentData().toString();
  return d == QLatin1String("cpu") || (d == QLatin1String("auto") && !cuda_);
}

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

void TrainingPage::updateButtons() {
  const bool can = workflows::trainingAvailable() && !projectPath_.isEmpty() && dataset_->count() > 0;
  start_->setEnabled(can);
  start_->setText(jobs_->busy() || queue_->waitingCount() > 0 ? tr("Add to Queue") : tr("Start Training"));
  for (QWidget* w : std::initializer_list<QWidget*>{preset_, dataset_, blend_, explicitTasks_, allFolds_, maxSteps_,
                                                    minutes_, validateEvery_, seed_, device_, threads_})
    w->setEnabled(workflows::trainingAvailable());
  const QModelIndex current = queueView_->currentIndex();
  removeQueued_->setEnabled(current.isValid() && current.data(TrainingQueueModel::StateRole).toInt() ==
                                                     int(QueuedTraining::State::Waiting));
  cancel_->setEnabled(isTraining() && !jobs_->cancelRequested());
  bool resumable = false;
  if (QTreeWidgetItem* item = runsTree_->currentItem()) {
    const qint64 id = item->data(0, kRunIdRole).toLongLong();
    const bool here = isTraining() && id == activeRunId_;
    bool queued = false;
    for (int r = 0; r < queue_->rowCount(); ++r)
      queued = queued || (queue_->at(r).params.resumeRun == id && (queue_->at(r).state == QueuedTraining::State::Waiting ||
                                                                   queue_->at(r).state == QueuedTraining::State::Running));
    for (const auto& run : runs_)
      if (run.id == id) resumable = isResumable(QString::fromStdString(run.status), here) && !queued;
  }
  resume_->setEnabled(resumable && workflows::trainingAvailable());
}

void TrainingPage::setProject(const QString& projectPath) {
  projectPath_ = projectPath;
  monitorRunId_ = 0;
  monitorFold_ = -1;
  pollWanted_ = false;
  runs_.clear();
  datasets_.clear();
  runsTree_->clear();
  dataset_->clear();
  blend_->clear();
  status_->clear();
  charts_->clear();
  monitorTitle_->setText(tr("<b>No run on the monitor</b>"));
  monitorFoldBox_->clear();
  progress_->setValue(0);
  progressText_->clear();
  reload();
  updateButtons();
}

void TrainingPage::reload() {
  if (projectPath_.isEmpty()) return;
  const std::string path = projectPath_.toStdString();
  if (!datasetsWatcher_.isRunning())
    datasetsWatcher_.setFuture(QtConcurrent::run([path] { return workflows::describeProject(path); }));
  if (runsWatcher_.isRunning()) {
    runsReloadPending_ = true;
    return;
  }
  runsWatcher_.setFuture(QtConcurrent::run([path] { return workflows::listRuns(path); }));
}

int TrainingPage::runCount() const { return runsTree_->topLevelItemCount(); }

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

void TrainingPage::queueResume(qint64 runId) {
  if (runId <= 0 || projectPath_.isEmpty() || !workflows::trainingAvailable()) return;
  workflows::TrainParams t;
  t.projectPath = projectPath_.toStdString();
  t.resumeRun = runId;
  t.minutes = minutes_->value();
  t.device = device_->currentData().toString().toStdString();
  t.threads = threads_->value();
  queue_->enqueue(t, TrainingQueueModel::describe(t));
  startNext();
  updateButtons();
}

void TrainingPage::cancelTraining() {
  if (!isTraining()) return;
  jobs_->cancel();
  progressText_->setText(tr("Cancelling: the run stops after this step and keeps a checkpoint to resume from…"));
  updateButtons();
}

bool TrainingPage::isTraining() const { return ownJob_ && jobs_->busy(); }

void TrainingPage::clearQueue() { queue_->clearWaiting(); }

bool TrainingPage::confirmQuit(bool interactive) {
  if (interactive) {
    QMessageBox box(QMessageBox::Question, tr("Quit Lightbox"),
                    activeRunId_ > 0 ? tr("Run %1 is training.").arg(activeRunId_) : tr("A run is training."),
                    QMessageBox::NoButton, this);
    const int waiting = queue_->waitingCount();
    box.setInformativeText(
        tr("Cancel it and quit? It keeps its latest checkpoint and shows as resumable on the Training page.") +
        (waiting > 0 ? QLatin1Char(' ') + tr("The %1 queued run(s) will not start.").arg(waiting) : QString()));
    QPushButton* stop = box.addButton(tr("Cancel Run and Quit"), QMessageBox::AcceptRole);
    QPushButton* keep = box.addButton(tr("Keep Training"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != stop) return false;
  }
  quitting_ = true;
  clearQueue();
  return true;
}

void TrainingPage::startNext() {
  if (quitting_ || jobs_->busy() || projectPath_.isEmpty()) return;
  const int row = queue_->nextWaiting();
  if (row < 0) return;
  const workflows::TrainParams params = queue_->at(row).params;
  auto active = std::make_shared<Active>();
  const std::string path = params.projectPath;
  const bool started = jobs_->start(
      tr("Training: %1").arg(queue_->at(row).label), [active, params, path](ProgressSink& progress) {
        active->newerThan.store(workflows::newestRunId(path));
#ifdef LIGHTBOX_HAS_TRAINING
        active->result = workflows::runTraining(params, progress);
#else
        (void)params;
        (void)progress;
        throw std::runtime_error("this build of Lightbox cannot train (built without LibTorch)");
#endif
        return std::function<void()>();
      });
  if (!started) return;
  ownJob_ = true;
  activeRow_ = row;
  active_ = active;
  queue_->setState(row, QueuedTraining::State::Running);
  monitorRunId_ = activeRunId_ = params.resumeRun;  // a new run's id is found by polling (the newest run after `newerThan`)
  monitorFold_ = -1;
  pollWanted_ = true;
  charts_->clear();
  monitorFoldBox_->clear();
  monitorTitle_->setText(params.resumeRun > 0 ? tr("<b>Run %1</b> — resuming").arg(params.resumeRun)
                                              : tr("<b>New run</b> — starting"));
  progress_->setValue(0);
  progressText_->setText(tr("Loading images…"));
  updateButtons();
}

void TrainingPage::onJobStarted() { updateButtons(); }

void TrainingPage::onJobProgress(qint64 done, qint64 total, const QString& what, const QString& eta) {
  if (!ownJob_) return;
  if (total > 0) progress_->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
  const QLocale locale;
  QString text;
  if (const auto s = parseStepProgress(what))
    text = tr("Step %1 of %2").arg(locale.toString(s->step), locale.toString(s->maxSteps));
  else if (what == QLatin1String("loading images"))
    text = tr("Loading images…");
  else
    text = what;
  if (!eta.isEmpty()) text += QStringLiteral(" · ") + eta;
  if (!jobs_->cancelRequested()) progressText_->setText(text);
  progressText_->setToolTip(what);
}

void TrainingPage::onJobFinished(bool cancelled, const QString& error) {
  if (!ownJob_) {
    QTimer::singleShot(0, this, &TrainingPage::startNext);  // another job held the runner: the queue may go on
    return;
  }
  ownJob_ = false;
  activeRunId_ = 0;
  const std::shared_ptr<Active> active = std::move(active_);
  const workflows::TrainResult& r = active->result;
  using S = QueuedTraining::State;
  QString detail;
  S state = S::Finished;
  if (!error.isEmpty()) {
    state = S::Failed;
    detail = error;
  } else if (r.failed) {
    state = S::Failed;
    detail = r.folds.empty() ? QString() : QString::fromStdString(r.folds.back().message);
  } else if (cancelled || r.cancelled) {
    state = S::Cancelled;
    detail = tr("cancelled; resumable from its latest checkpoint");
  } else if (!r.folds.empty() && r.folds.back().stop == "time-limit") {
    detail = tr("time limit reached; paused and resumable");
  }
  if (r.runId > 0) {
    queue_->setRunId(activeRow_, r.runId);
    monitorRunId_ = r.runId;
  }
  queue_->setState(activeRow_, state, detail);
  activeRow_ = -1;
  progress_->setValue(state == S::Finished ? 1000 : progress_->value());
  progressText_->setText(state == S::Failed      ? tr("Failed: %1").arg(detail)
                         : state == S::Cancelled ? tr("Cancelled — the run can be resumed")
                         : detail.isEmpty()      ? tr("Finished")
                                                 : tr("Stopped: %1").arg(detail));
  pollWanted_ = monitorRunId_ > 0;
  pollNow();
  reload();
  updateButtons();
  Q_EMIT trainingFinished(r.runId, state == S::Cancelled, state == S::Failed ? detail : QString());
  QTimer::singleShot(0, this, &TrainingPage::startNext);
}

void TrainingPage::pollNow() {
  if (projectPath_.isEmpty() || pollWatcher_.isRunning()) return;
  const bool live = isTraining();
  if (!pollWanted_ && !live) return;
  qint64 runId = monitorRunId_, newerThan = 0;
  if (runId <= 0) {
    if (!live || !active_) return;
    newerThan = active_->newerThan.load();
    if (newerThan < 0) return;  // the worker has not looked yet
  }
  if (live && ++pollCount_ % 3 == 0) reload();  // the runs list's steps and best figures
  const std::string path = projectPath_.toStdString();
  pollWatcher_.setFuture(
      QtConcurrent::run([path, runId, newerThan] { return workflows::readRunMetrics(path, runId, newerThan); }));
}

void TrainingPage::onPolled() {
  workflows::RunMetrics run;
  try {
    run = pollWatcher_.result();
  } catch (const std::exception& e) {
    progressText_->setToolTip(tr("Could not read the run's metrics: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  if (run.runId == 0) return;
  if (monitorRunId_ <= 0 && isTraining()) {
    monitorRunId_ = activeRunId_ = run.runId;
    queue_->setRunId(activeRow_, run.runId);
  }
  if (run.runId != monitorRunId_) return;  // the selection moved on meanwhile
  const bool ours = isTraining() && run.runId == activeRunId_;
  // A run that is not training (here or elsewhere) does not change: one read is enough.
  if (!ours && run.status != "running") pollWanted_ = false;
  showMetrics(run);
  updateButtons();
  Q_EMIT monitorUpdated();
}

void TrainingPage::showMetrics(const workflows::RunMetrics& run) {
  // The fold to show: the chosen one, else the running one, else the last that trained.
  int fold = -1;
  for (const auto& f : run.folds)
    if (f.fold == monitorFold_) fold = f.fold;
  if (fold < 0) {
    for (const auto& f : run.folds)
      if (f.steps > 0 || f.status == "running") fold = f.fold;
    for (const auto& f : run.folds)
      if (f.status == "running") fold = f.fold;
    if (fold < 0 && !run.folds.empty()) fold = run.folds.front().fold;
  }
  monitorFoldBox_->blockSignals(true);
  monitorFoldBox_->clear();
  for (const auto& f : run.folds)
    monitorFoldBox_->addItem(tr("%1 (trains %2, holds out %3)").arg(f.fold).arg(taskIdList(f.trainTasks),
                                                                                taskIdList(f.heldoutTasks)),
                             f.fold);
  monitorFoldBox_->setCurrentIndex(std::max(0, monitorFoldBox_->findData(fold)));
  monitorFoldBox_->setEnabled(run.folds.size() > 1);
  monitorFoldBox_->blockSignals(false);

  const QLocale locale;
  const bool here = isTraining() && run.runId == activeRunId_;
  QString status = QString::fromStdString(run.status);
  if (status == QLatin1String("running") && !here) status = tr("interrupted or running elsewhere — resumable");
  monitorTitle_->setText(tr("<b>Run %1</b> — %2 — %3 — %4")
                             .arg(run.runId)
                             .arg(QString::fromStdString(run.preset).toHtmlEscaped(), status.toHtmlEscaped(),
                                  QString::fromStdString(run.device).toHtmlEscaped()));
  for (const auto& f : run.folds) {
    if (f.fold != fold) continue;
    charts_->showSeries(buildMonitorSeries(f));
    if (!here) {
      const qint64 max = run.maxSteps > 0 ? run.maxSteps : 0;
      progress_->setValue(max > 0 ? int(std::min<qint64>(1000, f.steps * 1000 / max)) : (f.status == "finished" ? 1000 : 0));
      QString text = max > 0 ? tr("Fold %1: step %2 of %3").arg(f.fold).arg(locale.toString(qint64(f.steps)),
                                                                         locale.toString(max))
                             : tr("Fold %1: %2 steps").arg(f.fold).arg(locale.toString(qint64(f.steps)));
      if (f.bestStep >= 0)
        text += tr(" · best validation loss %1 at step %2")
                    .arg(locale.toString(f.bestValidationLoss, 'g', 4), locale.toString(qint64(f.bestStep)));
      progressText_->setText(text);
    }
  }
  charts_->showCoverage(buildCoverage(run));
}

QString TrainingPage::statusText(const workflows::RunOverview& run) const {
  const QString s = QString::fromStdString(run.status);
  const bool here = isTraining() && run.id == activeRunId_;
  if (s == QLatin1String("running")) return here ? tr("training") : tr("interrupted — resumable");
  if (s == QLatin1String("paused")) return tr("paused — resumable");
  if (s == QLatin1String("cancelled")) return tr("cancelled — resumable");
  if (s == QLatin1String("failed")) return tr("failed");
  if (s == QLatin1String("finished")) return tr("finished");
  return s;
}

void TrainingPage::onRunsLoaded() {
  if (runsReloadPending_) {
    runsReloadPending_ = false;
    QTimer::singleShot(0, this, &TrainingPage::reload);
  }
  try {
    runs_ = runsWatcher_.result();
  } catch (const std::exception& e) {
    status_->setText(tr("Could not read the runs: %1").arg(QString::fromStdString(e.what())));
    Q_EMIT loaded();
    return;
  }
  const qint64 selected = runsTree_->currentItem() ? runsTree_->currentItem()->data(0, kRunIdRole).toLongLong() : 0;
  const int selectedFold = runsTree_->currentItem() ? runsTree_->currentItem()->data(0, kFoldRole).toInt() : -1;
  runsTree_->blockSignals(true);
  runsTree_->clear();
  const QLocale locale;
  QTreeWidgetItem* reselect = nullptr;
  for (const auto& r : runs_) {
    auto* item = new QTreeWidgetItem(runsTree_);
    item->setData(0, kRunIdRole, qint64(r.id));
    item->setData(0, kFoldRole, -1);
    item->setText(0, tr("Run %1").arg(r.id));
    item->setText(1, QString::fromStdString(r.preset));
    item->setText(2, statusText(r));
    item->setText(8, QString::fromStdString(r.device));
    const QDateTime updated = QDateTime::fromString(QString::fromStdString(r.updatedAt), Qt::ISODateWithMs);
    item->setText(9, updated.isValid() ? locale.toString(updated.toLocalTime(), QLocale::ShortFormat)
                                       : QString::fromStdString(r.updatedAt));
    if (!r.error.empty()) item->setToolTip(2, QString::fromStdString(r.error));
    if (r.status == "running" && !(isTraining() && r.id == activeRunId_))
      item->setToolTip(2, tr("Marked as training, but not by this window: the process that trained it was "
                             "interrupted (a crash, a kill), or it trains in another process. Resume continues "
                             "from its latest checkpoint."));
    double bestLoss = 0;
    bool anyBest = false;
    qint64 steps = 0;
    for (const auto& f : r.folds) {
      auto* fold = new QTreeWidgetItem(item);
      fold->setData(0, kRunIdRole, qint64(r.id));
      fold->setData(0, kFoldRole, f.fold);
      fold->setText(0, tr("fold %1").arg(f.fold));
      fold->setText(2, QString::fromStdString(f.status));
      fold->setText(3, taskIdList(f.trainTasks));
      fold->setText(4, taskIdList(f.heldoutTasks));
      fold->setText(5, locale.toString(qint64(f.steps)));
      fold->setText(6, f.bestStep >= 0 ? locale.toString(f.bestValidationLoss, 'g', 4) : QString());
      fold->setText(7, apSummary(f.bestPixelAp));
      steps += f.steps;
      if (f.bestStep >= 0 && (!anyBest || f.bestValidationLoss < bestLoss)) {
        bestLoss = f.bestValidationLoss;
        anyBest = true;
      }
      if (r.id == selected && f.fold == selectedFold) reselect = fold;
    }
    if (r.folds.size() == 1) {
      item->setText(3, taskIdList(r.folds[0].trainTasks));
      item->setText(4, taskIdList(r.folds[0].heldoutTasks));
      item->setText(7, apSummary(r.folds[0].bestPixelAp));
    } else {
      item->setText(3, tr("%1 folds").arg(r.folds.size()));
    }
    item->setText(5, locale.toString(steps));
    item->setText(6, anyBest ? locale.toString(bestLoss, 'g', 4) : QString());
    if (r.id == selected && selectedFold < 0) reselect = item;
  }
  runsTree_->expandAll();
  if (reselect) runsTree_->setCurrentItem(reselect);
  runsTree_->blockSignals(false);
  for (int c = 0; c < runsTree_->columnCount(); ++c) runsTree_->resizeColumnToContents(c);
  if (runs_.empty())
    status_->setText(tr("No training runs in this project yet."));
  else if (status_->text().startsWith(tr("No training runs")) || status_->text().startsWith(tr("Could not")))
    status_->clear();
  // Without a run on the monitor, show the newest.
  if (monitorRunId_ <= 0 && !isTraining() && !runs_.empty()) {
    monitorRunId_ = runs_.front().id;
    pollWanted_ = true;
    pollNow();
  }
  updateButtons();
  Q_EMIT loaded();
}

void TrainingPage::onRunSelected() {
  QTreeWidgetItem* item = runsTree_->currentItem();
  if (!item) return;
  const qint64 id = item->data(0, kRunIdRole).toLongLong();
  const int fold = item->data(0, kFoldRole).toInt();
  if (id != monitorRunId_ || (fold >= 0 && fold != monitorFold_)) {
    if (id != monitorRunId_) charts_->clear();
    monitorRunId_ = id;
    monitorFold_ = fold;
    pollWanted_ = true;
    pollNow();
  }
  updateButtons();
}

}  // namespace lightbox::ui
