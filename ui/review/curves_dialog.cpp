#include "review/curves_dialog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "review/curves_charts.h"
#include "shell/job_runner.h"

namespace lightbox::ui {

namespace {

constexpr int kImageIdRole = Qt::UserRole + 1;

QTreeWidget* errorList(const QString& objectName, QWidget* parent) {
  auto* list = new QTreeWidget(parent);
  list->setObjectName(objectName);
  list->setColumnCount(2);
  list->setHeaderLabels({CurvesDialog::tr("Image"), CurvesDialog::tr("Detail")});
  list->setRootIsDecorated(false);
  list->setUniformRowHeights(true);
  list->setAlternatingRowColors(true);
  list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  list->header()->setStretchLastSection(false);
  list->setToolTip(CurvesDialog::tr("Double-click or press Enter to show the image in the review"));
  return list;
}

}  // namespace

CurvesDialog::CurvesDialog(Request request, QWidget* parent)
    : QDialog(parent), request_(std::move(request)), jobs_(new JobRunner(this)) {
  setObjectName(QStringLiteral("curvesDialog"));
  setWindowTitle(tr("Curves — %1").arg(request_.title));
  setSizeGripEnabled(true);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("curvesStatus"));
  status_->setWordWrap(true);
  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("curvesProgress"));
  progress_->setMaximumWidth(240);
  cancelButton_ = new QPushButton(tr("Cancel"), this);
  cancelButton_->setObjectName(QStringLiteral("curvesCancelButton"));
  computeButton_ = new QPushButton(tr("Compute again"), this);
  computeButton_->setObjectName(QStringLiteral("curvesComputeButton"));
  computeButton_->hide();
  auto* top = new QHBoxLayout;
  top->addWidget(status_, 1);
  top->addWidget(progress_);
  top->addWidget(cancelButton_);
  top->addWidget(computeButton_);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("curvesTabs"));
  tabs_->addTab(buildLevel(sample_, CurveLevel::Sample,
                           tr("One point per image: its score is the mean of its map (the paper's image score), its "
                              "label whether it has any ground-truth voxel. The review threshold applies to voxels, "
                              "so its marker is on the Pixel tab.")),
                tr("Sample"));
  tabs_->addTab(buildLevel(pixel_, CurveLevel::Pixel,
                           tr("Every voxel of the images with ground truth. The orange point is the review "
                              "threshold; a click counts each image's false-positive and missed voxels.")),
                tr("Pixel"));

  auto* close = new QPushButton(tr("Close"), this);
  connect(close, &QPushButton::clicked, this, &QDialog::reject);
  auto* bottom = new QHBoxLayout;
  bottom->addStretch(1);
  bottom->addWidget(close);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(tabs_, 1);
  layout->addLayout(bottom);
  resize(980, 760);

  connect(cancelButton_, &QPushButton::clicked, this, &CurvesDialog::cancel);
  connect(computeButton_, &QPushButton::clicked, this, &CurvesDialog::compute);
  connect(jobs_, &JobRunner::progressed, this, [this](qint64 done, qint64 total, const QString& what, const QString&) {
    progress_->setRange(0, int(std::max<qint64>(total, 0)));
    if (total > 0) progress_->setValue(int(done));
    status_->setText(what);
  });
  connect(jobs_, &JobRunner::finished, this, &CurvesDialog::onFinished);
  compute();
}

CurvesDialog::~CurvesDialog() {
  delete jobs_;  // cancels and waits first, so no work outlives the widgets it reports to
  jobs_ = nullptr;
}

QWidget* CurvesDialog::buildLevel(Level& l, CurveLevel which, const QString& note) {
  const QString prefix = which == CurveLevel::Sample ? QStringLiteral("sample") : QStringLiteral("pixel");
  auto* page = new QWidget(this);
  l.charts = new CurveCharts(which, page);
  connect(l.charts, &CurveCharts::pointPicked, this, [this, which](int point) { pickPoint(which, point); });
  auto* noteLabel = new QLabel(note, page);
  noteLabel->setWordWrap(true);
  l.selection = new QLabel(tr("Click a point on a curve to list the images it gets wrong."), page);
  l.selection->setObjectName(prefix + QStringLiteral("CurveSelection"));
  l.selection->setWordWrap(true);
  l.fp = errorList(prefix + QStringLiteral("FalsePositives"), page);
  l.fn = errorList(prefix + QStringLiteral("FalseNegatives"), page);
  l.fpTitle = new QLabel(tr("False positives"), page);
  l.fnTitle = new QLabel(tr("False negatives"), page);
  for (QTreeWidget* list : {l.fp, l.fn})
    connect(list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
      if (item) Q_EMIT imageRequested(item->data(0, kImageIdRole).toLongLong());
    });
  auto* lists = new QHBoxLayout;
  auto* fpBox = new QVBoxLayout;
  fpBox->addWidget(l.fpTitle);
  fpBox->addWidget(l.fp);
  auto* fnBox = new QVBoxLayout;
  fnBox->addWidget(l.fnTitle);
  fnBox->addWidget(l.fn);
  lists->addLayout(fpBox);
  lists->addLayout(fnBox);
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(l.charts, 3);
  layout->addWidget(noteLabel);
  layout->addWidget(l.selection);
  layout->addLayout(lists, 2);
  return page;
}

void CurvesDialog::compute() {
  if (jobs_->busy()) return;
  workflows::CurvesParams p;
  p.projectPath = request_.projectPath.toStdString();
  p.runId = request_.runId;
  p.folds = request_.folds;
  p.datasetId = request_.datasetId;
  if (request_.reviewThreshold) p.keepThresholds = {*request_.reviewThreshold};
  auto result = std::make_shared<workflows::ModelCurves>();
  computeButton_->hide();
  cancelButton_->show();
  progress_->show();
  progress_->setRange(0, 0);
  status_->setText(tr("Computing the curves…"));
  jobs_->start(tr("Computing curves"), [this, p, result](ProgressSink& progress) -> std::function<void()> {
    *result = workflows::computeCurves(p, progress);
    if (result->cancelled) return {};
    return [this, result] { onCurves(result); };
  });
}

void CurvesDialog::cancel() {
  pendingPixelThreshold_.reset();
  jobs_->cancel();
}

bool CurvesDialog::busy() const { return jobs_->busy(); }

bool CurvesDialog::waitForIdle(int timeoutMs) {
  QDeadlineTimer deadline(timeoutMs);
  while ((jobs_->busy() || pendingPixelThreshold_) && !deadline.hasExpired()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (jobs_->busy()) QThread::msleep(2);
  }
  return !jobs_->busy() && !pendingPixelThreshold_;
}

void CurvesDialog::onCurves(std::shared_ptr<workflows::ModelCurves> curves) {
  curves_ = std::move(curves);
  sample_.charts->setCurves(curves_->sample);
  pixel_.charts->setCurves(curves_->pixel);
  QString text = tr("%n image(s) with ground truth", nullptr, int(curves_->images.size()));
  if (curves_->imagesWithoutGroundTruth > 0)
    text += QLatin1String("; ") +
            tr("%n without, left out", nullptr, curves_->imagesWithoutGroundTruth);
  for (const auto* w : {&curves_->sample.warning, &curves_->pixel.warning})
    if (*w) text += QLatin1String(". ") + QString::fromStdString(**w);
  summary_ = text;
  status_->setText(text);
  if (request_.reviewThreshold) {
    // Open on the errors at the threshold the user reviews at; counted once this job has finished (onFinished).
    const int at = int(curves_->pixel.indexAt(*request_.reviewThreshold));
    pixel_.charts->setMarker(at);
    pixel_.charts->setSelected(at);
    pixel_.selection->setText(pointSummary(curves_->pixel, at, CurveLevel::Pixel));
    pendingPixelThreshold_ = curves_->pixel.points[size_t(at)].threshold;
    shownPixelThreshold_ = pendingPixelThreshold_;
  }
}

void CurvesDialog::pickPoint(CurveLevel which, int point) {
  Level& l = level(which);
  const eval::Curves& c = l.charts->curves();
  if (!curves_ || point < 0 || size_t(point) >= c.points.size()) return;
  l.charts->setSelected(point);
  const double threshold = c.points[size_t(point)].threshold;
  l.selection->setText(pointSummary(c, point, which));
  if (which == CurveLevel::Sample) {
    const auto errors = workflows::sampleErrorsAt(*curves_, threshold);
    fillLists(l, sampleErrorRows(errors.falsePositives), sampleErrorRows(errors.falseNegatives));
    return;
  }
  countPixelErrors(threshold);
}

void CurvesDialog::fillLists(Level& l, const QList<ErrorRow>& fp, const QList<ErrorRow>& fn) {
  for (auto [list, rows] : {std::pair{l.fp, &fp}, std::pair{l.fn, &fn}}) {
    list->clear();
    for (const ErrorRow& r : *rows) {
      auto* item = new QTreeWidgetItem(list, {r.name, r.detail});
      item->setData(0, kImageIdRole, r.imageId);
      item->setToolTip(0, r.path);
    }
    if (!rows->isEmpty()) list->setCurrentItem(list->topLevelItem(0));
  }
  l.fpTitle->setText(tr("False positives: %n image(s)", nullptr, int(fp.size())));
  l.fnTitle->setText(tr("False negatives: %n image(s)", nullptr, int(fn.size())));
}

void CurvesDialog::countPixelErrors(double threshold) {
  if (const auto it = pixelErrors_.find(threshold); it != pixelErrors_.end()) {
    pendingPixelThreshold_.reset();
    showPixelErrors(it->second);
    return;
  }
  pixel_.fp->clear();
  pixel_.fn->clear();
  pixel_.fpTitle->setText(tr("False positives: counting…"));
  pixel_.fnTitle->setText(tr("False negatives: counting…"));
  shownPixelThreshold_ = threshold;
  if (jobs_->busy()) {
    pendingPixelThreshold_ = threshold;
    if (countingThreshold_ && *countingThreshold_ != threshold) jobs_->cancel();  // the old count is not wanted
    return;
  }
  pendingPixelThreshold_.reset();
  workflows::PixelErrorsParams p{request_.projectPath.toStdString(), request_.runId, request_.folds,
                                 request_.datasetId, threshold};
  auto result = std::make_shared<workflows::PixelErrors>();
  countingThreshold_ = threshold;
  cancelButton_->show();
  progress_->show();
  jobs_->start(tr("Counting errors per image"), [this, p, result](ProgressSink& progress) -> std::function<void()> {
    *result = workflows::pixelErrorsAt(p, progress);
    if (result->cancelled) return {};
    return [this, result] {
      pixelErrors_[result->threshold] = *result;
      if (shownPixelThreshold_ == result->threshold) showPixelErrors(*result);
    };
  });
}

void CurvesDialog::showPixelErrors(const workflows::PixelErrors& errors) {
  fillLists(pixel_, pixelErrorRows(errors.falsePositives, true), pixelErrorRows(errors.falseNegatives, false));
}

void CurvesDialog::onFinished(bool cancelled, const QString& error) {
  const bool wasCounting = countingThreshold_.has_value();
  countingThreshold_.reset();
  progress_->hide();
  cancelButton_->hide();
  if (!error.isEmpty()) {
    status_->setText(wasCounting ? tr("Cannot count the errors: %1").arg(error)
                                 : tr("Cannot compute the curves: %1").arg(error));
  } else if (cancelled && !wasCounting) {
    status_->setText(tr("Cancelled."));
  } else {
    status_->setText(summary_);
  }
  if (!curves_) computeButton_->show();
  if (pendingPixelThreshold_) {
    const double t = *pendingPixelThreshold_;
    pendingPixelThreshold_.reset();
    countPixelErrors(t);
  } else if (wasCounting && cancelled && !pixelErrors_.count(shownPixelThreshold_.value_or(-1))) {
    pixel_.fpTitle->setText(tr("False positives: cancelled"));
    pixel_.fnTitle->setText(tr("False negatives: cancelled"));
  }
}

CurveCharts* CurvesDialog::charts(CurveLevel which) const { return level(which).charts; }
QTreeWidget* CurvesDialog::falsePositiveList(CurveLevel which) const { return level(which).fp; }
QTreeWidget* CurvesDialog::falseNegativeList(CurveLevel which) const { return level(which).fn; }
QString CurvesDialog::selectionText(CurveLevel which) const { return level(which).selection->text(); }
QString CurvesDialog::statusText() const { return status_->text(); }

}  // namespace lightbox::ui
