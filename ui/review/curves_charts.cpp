#include "review/curves_charts.h"

#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <functional>

namespace lightbox::ui {

namespace {

/// A chart view that reports where (in chart values) the user clicked, so any click picks the nearest point, not
/// only one exactly on the line.
class ClickableChartView final : public QChartView {
 public:
  ClickableChartView(QChart* chart, QWidget* parent, std::function<void(QPointF)> clicked)
      : QChartView(chart, parent), clicked_(std::move(clicked)) {}

 protected:
  void mouseReleaseEvent(QMouseEvent* event) override {
    const QPointF inChart = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (event->button() == Qt::LeftButton && chart()->plotArea().contains(inChart)) clicked_(chart()->mapToValue(inChart));
    QChartView::mouseReleaseEvent(event);
  }

 private:
  std::function<void(QPointF)> clicked_;
};

QValueAxis* unitAxis(const QString& title) {
  auto* axis = new QValueAxis;
  axis->setTitleText(title);
  // A little beyond 0 and 1, so that a marker at a corner (a threshold of 0 or 1) is drawn whole, ticks still at
  // 0, 0.2, ..., 1.
  axis->setRange(-0.03, 1.03);
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0.0);
  axis->setTickInterval(0.2);
  axis->setLabelFormat(QStringLiteral("%.1f"));
  return axis;
}

QScatterSeries* dot(const QString& name, const QColor& colour, qreal size) {
  auto* s = new QScatterSeries;
  s->setName(name);
  s->setColor(colour);
  s->setBorderColor(Qt::white);
  s->setMarkerSize(size);
  return s;
}

}  // namespace

CurveCharts::CurveCharts(CurveLevel level, QWidget* parent) : QWidget(parent), level_(level) {
  build(roc_, CurveKind::Roc);
  build(pr_, CurveKind::PrecisionRecall);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(roc_.view);
  layout->addWidget(pr_.view);
  clear();
}

void CurveCharts::build(Chart& c, CurveKind kind) {
  const bool roc = kind == CurveKind::Roc;
  c.chart = new QChart;
  c.chart->setAnimationOptions(QChart::NoAnimation);
  c.chart->setLocalizeNumbers(true);  // axis labels ("%.1f") in the UI's locale
  c.chart->legend()->setAlignment(Qt::AlignBottom);
  c.chart->setMargins(QMargins(4, 4, 4, 4));
  c.chart->layout()->setContentsMargins(0, 0, 0, 0);
  c.chart->setBackgroundRoundness(0);
  auto* x = unitAxis(roc ? tr("false-positive rate") : tr("recall"));
  auto* y = unitAxis(roc ? tr("true-positive rate") : tr("precision"));
  c.chart->addAxis(x, Qt::AlignBottom);
  c.chart->addAxis(y, Qt::AlignLeft);
  c.curve = new QLineSeries;
  c.curve->setName(level_ == CurveLevel::Sample ? tr("images") : tr("voxels"));
  c.curve->setColor(QColor(0x00, 0x72, 0xB2));
  c.chance = new QLineSeries;
  c.chance->setName(tr("chance"));
  QPen pen(QColor(0x99, 0x99, 0x99));
  pen.setStyle(Qt::DashLine);
  c.chance->setPen(pen);
  c.marker = dot(tr("review threshold"), QColor(0xE6, 0x9F, 0x00), 11);
  c.selected = dot(tr("selected"), QColor(0xCC, 0x79, 0xA7), 14);
  for (QXYSeries* s : std::initializer_list<QXYSeries*>{c.chance, c.curve, c.marker, c.selected}) {
    c.chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
  }
  if (level_ == CurveLevel::Sample)  // the review threshold is a voxel threshold: no marker here
    for (QLegendMarker* m : c.chart->legend()->markers(c.marker)) m->setVisible(false);
  c.view = new ClickableChartView(c.chart, this, [this, kind](QPointF v) { clickAt(kind, v); });
  c.view->setObjectName(QStringLiteral("%1%2Chart")
                            .arg(level_ == CurveLevel::Sample ? QStringLiteral("sample") : QStringLiteral("pixel"),
                                 roc ? QStringLiteral("Roc") : QStringLiteral("Pr")));
  c.view->setRenderHint(QPainter::Antialiasing);
  c.view->setMinimumSize(300, 260);
  c.view->setCursor(Qt::CrossCursor);
  c.view->setToolTip(tr("Click near the curve to list the images wrong at that threshold"));
}

void CurveCharts::setCurves(const eval::Curves& curves) {
  curves_ = curves;
  for (CurveKind kind : {CurveKind::Roc, CurveKind::PrecisionRecall}) {
    Chart& c = chart(kind);
    c.points = plotPoints(curves_, kind);
    c.curve->replace(seriesOf(c.points));
    c.chart->setTitle(curveTitle(curves_, kind));
    if (kind == CurveKind::Roc) {
      c.chance->replace({QPointF(0, 0), QPointF(1, 1)});
    } else {
      const uint64_t all = curves_.positives + curves_.negatives;
      const double share = all ? double(curves_.positives) / double(all) : 0.0;  // a random ranking's precision
      c.chance->replace({QPointF(0, share), QPointF(1, share)});
    }
  }
  marker_.reset();
  selected_ = -1;
  place(roc_.marker, {}, CurveKind::Roc);
  place(pr_.marker, {}, CurveKind::PrecisionRecall);
  setSelected(-1);
}

void CurveCharts::clear() {
  setCurves(eval::Curves{});
  roc_.chart->setTitle(tr("ROC"));
  pr_.chart->setTitle(tr("Precision–recall"));
  roc_.chance->clear();
  pr_.chance->clear();
}

void CurveCharts::place(QScatterSeries* series, std::optional<int> point, CurveKind kind) {
  series->clear();
  if (point && *point >= 0 && size_t(*point) < curves_.points.size()) series->append(positionOf(curves_, *point, kind));
}

void CurveCharts::setMarker(std::optional<int> point) {
  marker_ = point;
  place(roc_.marker, point, CurveKind::Roc);
  place(pr_.marker, point, CurveKind::PrecisionRecall);
}

void CurveCharts::setSelected(int point) {
  selected_ = point >= 0 && size_t(point) < curves_.points.size() ? point : -1;
  const std::optional<int> p = selected_ >= 0 ? std::optional<int>(selected_) : std::nullopt;
  place(roc_.selected, p, CurveKind::Roc);
  place(pr_.selected, p, CurveKind::PrecisionRecall);
}

void CurveCharts::clickAt(CurveKind kind, QPointF value) {
  const int point = nearestPoint(chart(kind).points, value);
  if (point < 0) return;
  setSelected(point);
  Q_EMIT pointPicked(point);
}

QChartView* CurveCharts::view(CurveKind kind) const { return chart(kind).view; }
QString CurveCharts::title(CurveKind kind) const { return chart(kind).chart->title(); }
int CurveCharts::plottedPoints(CurveKind kind) const { return int(chart(kind).curve->count()); }

QPointF CurveCharts::markerPosition(CurveKind kind) const {
  const QScatterSeries* s = chart(kind).marker;
  return s->count() ? s->at(0) : QPointF(-1, -1);
}

QPointF CurveCharts::selectedPosition(CurveKind kind) const {
  const QScatterSeries* s = chart(kind).selected;
  return s->count() ? s->at(0) : QPointF(-1, -1);
}

}  // namespace lightbox::ui
