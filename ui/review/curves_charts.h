#pragma once
// The ROC and precision-recall charts of one level (sample or pixel) side by side (Qt Charts): the curve, the
// chance line (the diagonal; the positives' share for PR), a marker at the review threshold's operating point and
// the selected point. A click anywhere on a chart picks the nearest curve point (curves_logic.h).

#include <QWidget>
#include <optional>

#include "lightbox/core/eval/curves.h"
#include "review/curves_logic.h"

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;

namespace lightbox::ui {

class CurveCharts : public QWidget {
  Q_OBJECT
 public:
  explicit CurveCharts(CurveLevel level, QWidget* parent = nullptr);

  void setCurves(const eval::Curves& curves);
  void clear();
  const eval::Curves& curves() const { return curves_; }
  /// The review threshold's operating point (curve point index), or none.
  void setMarker(std::optional<int> point);
  /// Highlights curve point `point` (-1: none); does not emit pointPicked.
  void setSelected(int point);
  int selected() const { return selected_; }
  /// What a click at `value` (chart coordinates) on `kind`'s chart does: picks the nearest point, emits pointPicked.
  void clickAt(CurveKind kind, QPointF value);

  // For tests.
  QChartView* view(CurveKind kind) const;
  QString title(CurveKind kind) const;
  int plottedPoints(CurveKind kind) const;
  QPointF markerPosition(CurveKind kind) const;    ///< (-1, -1) when none
  QPointF selectedPosition(CurveKind kind) const;  ///< (-1, -1) when none

 Q_SIGNALS:
  void pointPicked(int point);

 private:
  struct Chart {
    QChart* chart = nullptr;
    QChartView* view = nullptr;
    QLineSeries* curve = nullptr;
    QLineSeries* chance = nullptr;
    QScatterSeries* marker = nullptr;
    QScatterSeries* selected = nullptr;
    std::vector<PlotPoint> points;
  };
  Chart& chart(CurveKind kind) { return kind == CurveKind::Roc ? roc_ : pr_; }
  const Chart& chart(CurveKind kind) const { return kind == CurveKind::Roc ? roc_ : pr_; }
  void build(Chart& c, CurveKind kind);
  void place(QScatterSeries* series, std::optional<int> point, CurveKind kind);

  CurveLevel level_;
  eval::Curves curves_;
  Chart roc_, pr_;
  std::optional<int> marker_;
  int selected_ = -1;
};

}  // namespace lightbox::ui
