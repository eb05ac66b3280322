#pragma once
// Presentation logic of the Curves dialog, free of widgets: the plotted points of a ROC or PR curve and which curve
// point each one is, the point nearest a click, the words of titles, of a selected point and of the error lists.
// Tested in tests/ui/review/test_curves_logic.cpp.

#include <QList>
#include <QPointF>
#include <QString>
#include <vector>

#include "lightbox/core/eval/curves.h"
#include "lightbox/workflows/curves.h"

namespace lightbox::ui {

enum class CurveKind { Roc, PrecisionRecall };
enum class CurveLevel { Sample, Pixel };

/// One plotted point: (FPR, TPR) or (recall, precision), and the index of its eval::Curves point.
struct PlotPoint {
  QPointF xy;
  int point = 0;
};
/// In drawing order (sklearn's: ROC by ascending FPR, PR by ascending threshold ending at (0, 1)).
std::vector<PlotPoint> plotPoints(const eval::Curves& curves, CurveKind kind);
QList<QPointF> seriesOf(const std::vector<PlotPoint>& points);

/// The curve point whose plotted position is nearest `value` (both axes span [0, 1], so distances are comparable);
/// -1 when there are none.
int nearestPoint(const std::vector<PlotPoint>& points, QPointF value);
/// Where curve point `index` is drawn on `kind`'s chart.
QPointF positionOf(const eval::Curves& curves, int index, CurveKind kind);

/// "ROC — AUROC 0.812" / "Precision–recall — AP 0.654"; "(undefined)" after a metric with a warning.
QString curveTitle(const eval::Curves& curves, CurveKind kind);
/// A threshold as shown: 4 significant digits ("0.5123"), or "above every score" for +inf (nothing positive).
QString thresholdText(double threshold);
/// "Threshold 0.512: TPR 0.800, FPR 0.100, precision 0.667 (4 TP, 2 FP, 1 FN, 13 TN)" with "images" or "voxels".
QString pointSummary(const eval::Curves& curves, int index, CurveLevel level);

/// One row of an error list.
struct ErrorRow {
  qint64 imageId = 0;
  QString name;    ///< the image's file name (the full path is the tooltip)
  QString path;
  QString detail;  ///< "score 0.061" or "312 voxels (4.1 % of the image)"
};
QList<ErrorRow> sampleErrorRows(const std::vector<workflows::CurveImage>& images);
/// falsePositives: the images' FP voxels (share of the image), else their FN voxels (share of their truth).
QList<ErrorRow> pixelErrorRows(const std::vector<workflows::PixelErrorImage>& images, bool falsePositives);

}  // namespace lightbox::ui
