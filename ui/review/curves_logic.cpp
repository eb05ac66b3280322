#include "review/curves_logic.h"
#include "review/review_logic.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <cmath>
#include <limits>

namespace lightbox::ui {

namespace {

/// The translation context of the words below (lupdate sees CurvesText::tr).
class CurvesText {
  Q_DECLARE_TR_FUNCTIONS(CurvesText)
};

QString number(double v, int decimals = 3) { return QLocale().toString(v, 'f', decimals); }

QString count(uint64_t n) { return QLocale().toString(qulonglong(n)); }

ErrorRow rowOf(qint64 imageId, const std::string& path, QString detail) {
  return {imageId, imageDisplayName(path), QString::fromStdString(path), std::move(detail)};  // as the ranking names it
}

}  // namespace

std::vector<PlotPoint> plotPoints(const eval::Curves& curves, CurveKind kind) {
  std::vector<PlotPoint> out;
  if (kind == CurveKind::Roc) {
    const auto roc = eval::rocPoints(curves);
    for (size_t i = 0; i < roc.size(); ++i) out.push_back({QPointF(roc[i].fpr, roc[i].tpr), int(i)});
  } else {
    // prPoints runs from the lowest threshold (the last curve point) up to the +inf point (curve point 0).
    const auto pr = eval::prPoints(curves);
    const int n = int(curves.points.size());
    for (size_t j = 0; j < pr.size(); ++j)
      out.push_back({QPointF(pr[j].recall, pr[j].precision), j + 1 == pr.size() ? 0 : n - 1 - int(j)});
  }
  return out;
}

QList<QPointF> seriesOf(const std::vector<PlotPoint>& points) {
  QList<QPointF> out;
  out.reserve(qsizetype(points.size()));
  for (const PlotPoint& p : points) out << p.xy;
  return out;
}

int nearestPoint(const std::vector<PlotPoint>& points, QPointF value) {
  int best = -1;
  double bestDistance = std::numeric_limits<double>::infinity();
  for (const PlotPoint& p : points) {
    const double dx = p.xy.x() - value.x(), dy = p.xy.y() - value.y(), d = dx * dx + dy * dy;
    if (d < bestDistance) {
      bestDistance = d;
      best = p.point;
    }
  }
  return best;
}

QPointF positionOf(const eval::Curves& curves, int index, CurveKind kind) {
  if (index < 0 || size_t(index) >= curves.points.size()) return {};
  const eval::CurvePoint& p = curves.points[size_t(index)];
  if (kind == CurveKind::Roc) return {curves.falsePositiveRate(p), curves.truePositiveRate(p)};
  return index == 0 ? QPointF(0, 1) : QPointF(curves.recall(p), curves.precision(p));
}

QString curveTitle(const eval::Curves& curves, CurveKind kind) {
  const eval::MetricValue& m = kind == CurveKind::Roc ? curves.areaUnderRoc : curves.averagePrecision;
  const QString value = m.warning ? CurvesText::tr("undefined") : number(m.value);
  return kind == CurveKind::Roc ? CurvesText::tr("ROC — AUROC %1").arg(value)
                                : CurvesText::tr("Precision–recall — AP %1").arg(value);
}

QString thresholdText(double threshold) {
  if (std::isinf(threshold)) return CurvesText::tr("above every score");
  return QLocale().toString(threshold, 'g', 4);
}

QString pointSummary(const eval::Curves& curves, int index, CurveLevel level) {
  if (index < 0 || size_t(index) >= curves.points.size()) return {};
  const eval::CurvePoint& p = curves.points[size_t(index)];
  const QString counts = level == CurveLevel::Sample
                             ? CurvesText::tr("%1 TP, %2 FP, %3 FN, %4 TN images")
                             : CurvesText::tr("%1 TP, %2 FP, %3 FN, %4 TN voxels");
  return CurvesText::tr("Threshold %1: TPR %2, FPR %3, precision %4 (%5)")
      .arg(thresholdText(p.threshold), number(curves.truePositiveRate(p)), number(curves.falsePositiveRate(p)),
           number(curves.precision(p)),
           counts.arg(count(p.truePositives), count(p.falsePositives), count(curves.falseNegatives(p)),
                      count(curves.trueNegatives(p))));
}

QList<ErrorRow> sampleErrorRows(const std::vector<workflows::CurveImage>& images) {
  QList<ErrorRow> out;
  for (const auto& im : images) out << rowOf(im.imageId, im.sourcePath, CurvesText::tr("score %1").arg(number(im.score, 4)));
  return out;
}

QList<ErrorRow> pixelErrorRows(const std::vector<workflows::PixelErrorImage>& images, bool falsePositives) {
  QList<ErrorRow> out;
  for (const auto& im : images) {
    const int64_t n = falsePositives ? im.falsePositives : im.falseNegatives;
    const int64_t of = falsePositives ? im.voxels : im.truthVoxels;
    const double share = of > 0 ? 100.0 * double(n) / double(of) : 0.0;
    const QString detail = falsePositives ? CurvesText::tr("%1 voxels (%2 % of the image)")
                                          : CurvesText::tr("%1 voxels (%2 % of its lesion)");
    out << rowOf(im.imageId, im.sourcePath, detail.arg(count(uint64_t(n)), number(share, 1)));
  }
  return out;
}

}  // namespace lightbox::ui
