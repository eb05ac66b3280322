#include "training/training_charts.h"

#include <QGraphicsLayout>
#include <QLocale>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

#include "lightbox/core/task_settings.h"

namespace lightbox::ui {

namespace {

/// One colour per paper task, the same in every chart (colour-blind-safe Okabe-Ito order).
QColor taskColor(int task) {
  static const QColor colors[] = {QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
                                  QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2),
                                  QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99)};
  return task >= 0 && task < 8 ? colors[task] : QColor(Qt::darkGray);
}

QChart* newChart(const QString& title) {
  auto* chart = new QChart;
  chart->setTitle(title);
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setLocalizeNumbers(true);  // axis labels ("%.2f") in the UI's locale: 0,25 in German
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  chart->layout()->setContentsMargins(0, 0, 0, 0);
  chart->setBackgroundRoundness(0);
  return chart;
}

/// `format` is one QChart's localised labels understand: "%d" draws no labels at all there (values are doubles), so
/// step axes use "%.0f".
QValueAxis* newAxis(const QString& title, const QString& format) {
  auto* axis = new QValueAxis;
  axis->setTitleText(title);
  axis->setLabelFormat(format);
  axis->setTickCount(5);
  return axis;
}

void attach(QChart* chart, QLineSeries* series, QValueAxis* x, QValueAxis* y) {
  chart->addSeries(series);
  series->attachAxis(x);
  series->attachAxis(y);
}

/// Steps from 0 to the last one. Below 8 steps the range is 0..4 or 0..8, so that the five ticks fall on whole steps
/// (not 0, 0.25, ... drawn as "0 0 1 1 1" by the step axis' whole-number labels).
void fitSteps(QValueAxis* x, qreal lastStep) {
  if (lastStep < 8) {
    x->setRange(0, lastStep <= 4 ? 4 : 8);
    return;
  }
  x->setRange(0, lastStep);
  x->applyNiceNumbers();  // 0, 20, 40, 60 rather than 0, 14, 28, 42
}

/// x over the steps (fitSteps); y over the values of `lists`, padded, or `fallback` when empty.
void fit(QValueAxis* x, QValueAxis* y, const QList<const QList<QPointF>*>& lists, qreal lastStep,
         std::pair<qreal, qreal> fallback, bool fromZero = false) {
  fitSteps(x, lastStep);
  qreal lo = std::numeric_limits<qreal>::max(), hi = std::numeric_limits<qreal>::lowest();
  for (const auto* l : lists)
    for (const QPointF& p : *l) {
      lo = std::min(lo, p.y());
      hi = std::max(hi, p.y());
    }
  if (lo > hi) {
    y->setRange(fallback.first, fallback.second);
    return;
  }
  if (fromZero) lo = std::min<qreal>(0, lo);
  const qreal pad = hi > lo ? (hi - lo) * 0.08 : std::max<qreal>(std::abs(hi) * 0.1, 1e-6);
  y->setRange(fromZero && lo >= 0 ? 0 : lo - pad, hi + pad);
  y->applyNiceNumbers();
}

}  // namespace

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
  lossChart_ = newChart(tr("Loss"));
  trainLoss_ = new QLineSeries;
  trainLoss_->setName(tr("Training (moving average)"));
  valLoss_ = new QLineSeries;
  valLoss_->setName(tr("Validation (held-out tasks)"));
  valLoss_->setPointsVisible(true);
  lossX_ = newAxis(tr("step"), QStringLiteral("%.0f"));
  lossY_ = newAxis(QString(), QStringLiteral("%.3g"));
  lossChart_->addAxis(lossX_, Qt::AlignBottom);
  lossChart_->addAxis(lossY_, Qt::AlignLeft);
  attach(lossChart_, trainLoss_, lossX_, lossY_);
  attach(lossChart_, valLoss_, lossX_, lossY_);

  lrChart_ = newChart(tr("Learning rate"));
  lr_ = new QLineSeries;
  lr_->setName(tr("Learning rate per step"));
  lrX_ = newAxis(tr("step"), QStringLiteral("%.0f"));
  lrY_ = newAxis(QString(), QStringLiteral("%.1e"));
  lrChart_->addAxis(lrX_, Qt::AlignBottom);
  lrChart_->addAxis(lrY_, Qt::AlignLeft);
  attach(lrChart_, lr_, lrX_, lrY_);
  lrChart_->legend()->hide();

  apChart_ = newChart(tr("Held-out task pixel AP"));
  apX_ = newAxis(tr("step"), QStringLiteral("%.0f"));
  apY_ = newAxis(QString(), QStringLiteral("%.2f"));
  apY_->setRange(0, 1);
  apChart_->addAxis(apX_, Qt::AlignBottom);
  apChart_->addAxis(apY_, Qt::AlignLeft);

  coverageChart_ = newChart(tr("Pixel AP per task"));
  coverage_ = new QBarSeries;
  heldOutBars_ = new QBarSet(tr("Held out (at the best step)"));
  coverage_->append(heldOutBars_);
  coverageChart_->addSeries(coverage_);
  coverageX_ = new QBarCategoryAxis;
  QStringList categories;
  // Short names that fit under a bar; the note's tooltip and the AP chart's legend give the full ones.
  const QString shortNames[kPaperTaskCount] = {tr("intra"), tr("inter"), tr("sink"), tr("source"), tr("intensity")};
  for (int t = 0; t < kPaperTaskCount; ++t) categories << tr("%1 %2").arg(t).arg(shortNames[t]);
  coverageX_->append(categories);
  coverageX_->setTitleText(tr("task"));
  QFont small = coverageX_->labelsFont();
  small.setPointSizeF(small.pointSizeF() > 0 ? small.pointSizeF() * 0.85 : 8);
  coverageX_->setLabelsFont(small);
  coverageY_ = newAxis(QString(), QStringLiteral("%.2f"));
  coverageY_->setRange(0, 1);
  coverageChart_->addAxis(coverageX_, Qt::AlignBottom);
  coverageChart_->addAxis(coverageY_, Qt::AlignLeft);
  coverage_->attachAxis(coverageX_);
  coverage_->attachAxis(coverageY_);
  for (int t = 0; t < kPaperTaskCount; ++t) heldOutBars_->append(0);
  heldOutBars_->setColor(QColor(0x00, 0x72, 0xB2));

  coverageNote_ = new QLabel(this);
  coverageNote_->setObjectName(QStringLiteral("trainingCoverageNote"));
  coverageNote_->setWordWrap(true);

  auto* grid = new QGridLayout;
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(4);
  grid->addWidget(makeView(lossChart_, QStringLiteral("trainingLossChart")), 0, 0);
  grid->addWidget(makeView(lrChart_, QStringLiteral("trainingLrChart")), 0, 1);
  grid->addWidget(makeView(apChart_, QStringLiteral("trainingApChart")), 1, 0);
  auto* coverageBox = new QWidget(this);
  auto* coverageLayout = new QVBoxLayout(coverageBox);
  coverageLayout->setContentsMargins(0, 0, 0, 0);
  coverageLayout->setSpacing(2);
  coverageLayout->addWidget(makeView(coverageChart_, QStringLiteral("trainingCoverageChart")), 1);
  coverageLayout->addWidget(coverageNote_);
  grid->addWidget(coverageBox, 1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(grid);
  clear();
}

QChartView* TrainingCharts::makeView(QChart* chart, const QString& objectName) {
  auto* view = new QChartView(chart, this);
  view->setObjectName(objectName);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(260, 200);
  return view;
}

void TrainingCharts::showSeries(const MonitorSeries& s) {
  trainLoss_->replace(s.trainLossAverage);
  valLoss_->replace(s.validationLoss);
  lr_->replace(s.learningRate);
  const qreal last = qreal(s.lastStep);
  fit(lossX_, lossY_, {&s.trainLossAverage, &s.validationLoss}, last, {0, 1}, true);
  fit(lrX_, lrY_, {&s.learningRate}, last, {0, 1e-3}, true);
  fitSteps(apX_, last);

  QList<int> tasks;
  for (const TaskSeries& t : s.heldoutAp) tasks << t.task;
  if (tasks != apTasks_) {  // another fold or run: one series per held-out task
    for (QLineSeries* old : apSeries_) {
      apChart_->removeSeries(old);
      delete old;
    }
    apSeries_.clear();
    for (const TaskSeries& t : s.heldoutAp) {
      auto* series = new QLineSeries;
      series->setName(tr("%1 %2").arg(t.task).arg(t.label));
      series->setColor(taskColor(t.task));
      series->setPointsVisible(true);
      attach(apChart_, series, apX_, apY_);
      apSeries_ << series;
    }
    apTasks_ = tasks;
  }
  for (int i = 0; i < s.heldoutAp.size(); ++i) apSeries_[i]->replace(s.heldoutAp[i].points);
}

void TrainingCharts::showCoverage(const QList<TaskCoverage>& coverage) {
  measuredBars_ = 0;
  QStringList trainedOnly;
  const bool withTraining = hasTrainingAp(coverage);
  if (withTraining && !trainingBars_) {
    trainingBars_ = new QBarSet(tr("Training tasks"));
    trainingBars_->setColor(QColor(0xE6, 0x9F, 0x00));
    for (int t = 0; t < kPaperTaskCount; ++t) trainingBars_->append(0);
    coverage_->append(trainingBars_);
  }
  for (int i = 0; i < coverage.size() && i < heldOutBars_->count(); ++i) {
    const TaskCoverage& c = coverage[i];
    heldOutBars_->replace(i, c.heldOutAp.value_or(0));
    if (trainingBars_) trainingBars_->replace(i, c.trainingAp.value_or(0));
    if (c.heldOutAp) ++measuredBars_;
    if (!c.heldOutAp && c.trainingFolds > 0 && c.heldOutFolds == 0) trainedOnly << QString::number(c.task);
  }
  QString note;
  if (!withTraining)
    note = tr("The trainer logs pixel AP on held-out tasks only, so the bars show held-out tasks; AP on the training "
              "tasks is not measured.");
  if (!trainedOnly.isEmpty())
    note += QLatin1Char(' ') + tr("No bar for task %1: trained on in every fold of this run.")
                                   .arg(trainedOnly.join(QStringLiteral(", ")));
  coverageNote_->setText(note.trimmed());
  QStringList tips;
  for (const TaskCoverage& c : coverage)
    tips << tr("%1 %2: %3").arg(c.task).arg(c.label,
                                            c.heldOutAp ? QLocale().toString(*c.heldOutAp, 'f', 3) : tr("not measured"));
  coverageNote_->setToolTip(tips.join(QLatin1Char('\n')));
}

void TrainingCharts::clear() {
  MonitorSeries empty;
  showSeries(empty);
  QList<TaskCoverage> none;
  for (int t = 0; t < kPaperTaskCount; ++t) none.append(TaskCoverage{t, paperTaskName(t), 0, 0, {}, {}});
  showCoverage(none);
  coverageNote_->clear();
}

int TrainingCharts::trainLossPoints() const { return int(trainLoss_->count()); }
int TrainingCharts::learningRatePoints() const { return int(lr_->count()); }
int TrainingCharts::validationLossPoints() const { return int(valLoss_->count()); }
int TrainingCharts::heldoutApPoints() const {
  int n = 0;
  for (const QLineSeries* s : apSeries_) n += int(s->count());
  return n;
}
int TrainingCharts::coverageBars() const { return measuredBars_; }

}  // namespace lightbox::ui
