// Presentation logic of the Curves dialog without widgets: plotted points and the curve point behind each, the point
// nearest a click, titles, the selected point's words and the rows of the error lists.
#include <QtTest>

#include <cmath>
#include <limits>

#include "review/curves_logic.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

// sklearn's example: roc_curve thresholds [inf, .8, .4, .35, .1], fpr [0, 0, .5, .5, 1], tpr [0, .5, .5, 1, 1];
// precision_recall_curve precision [.5, 2/3, .5, 1, 1], recall [1, 1, .5, .5, 0]; AUROC .75, AP 5/6.
eval::Curves example() {
  const std::vector<float> s{0.1f, 0.4f, 0.35f, 0.8f};
  const std::vector<uint8_t> l{0, 0, 1, 1};
  return eval::exactCurves(s, l);
}

}  // namespace

class TestCurvesLogic : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { QLocale::setDefault(QLocale::c()); }

  void plotPointsKnowTheirCurvePoint() {
    const eval::Curves c = example();
    const auto roc = plotPoints(c, CurveKind::Roc);
    QCOMPARE(roc.size(), size_t(5));
    for (int i = 0; i < 5; ++i) QCOMPARE(roc[size_t(i)].point, i);
    QCOMPARE(roc[2].xy, QPointF(0.5, 0.5));
    const auto pr = plotPoints(c, CurveKind::PrecisionRecall);
    QCOMPARE(pr.size(), size_t(5));
    QCOMPARE(pr.front().point, 4);  // the lowest threshold (0.1): recall 1, precision 0.5
    QCOMPARE(pr.front().xy, QPointF(1, 0.5));
    QCOMPARE(pr.back().point, 0);  // sklearn's appended (0, 1)
    QCOMPARE(pr.back().xy, QPointF(0, 1));
    for (CurveKind kind : {CurveKind::Roc, CurveKind::PrecisionRecall})
      for (const PlotPoint& p : plotPoints(c, kind)) QCOMPARE(positionOf(c, p.point, kind), p.xy);
    QCOMPARE(seriesOf(roc).size(), qsizetype(5));
    QCOMPARE(positionOf(c, 9, CurveKind::Roc), QPointF());
  }

  void aClickPicksTheNearestPoint() {
    const eval::Curves c = example();
    const auto roc = plotPoints(c, CurveKind::Roc);
    QCOMPARE(nearestPoint(roc, QPointF(0.52, 0.47)), 2);
    QCOMPARE(nearestPoint(roc, QPointF(0.4, 0.97)), 3);
    QCOMPARE(nearestPoint(roc, QPointF(0.9, 0.9)), 4);
    const auto pr = plotPoints(c, CurveKind::PrecisionRecall);
    QCOMPARE(nearestPoint(pr, QPointF(0.98, 0.7)), 3);  // recall 1, precision 2/3: threshold 0.35
    QCOMPARE(c.points[3].threshold, double(0.35f));
    QCOMPARE(nearestPoint({}, QPointF(0.5, 0.5)), -1);
  }

  void words() {
    const eval::Curves c = example();
    QCOMPARE(curveTitle(c, CurveKind::Roc), QStringLiteral("ROC — AUROC 0.750"));
    QCOMPARE(curveTitle(c, CurveKind::PrecisionRecall), QStringLiteral("Precision–recall — AP 0.833"));
    const eval::Curves onlyPositives = eval::exactCurves(std::vector<float>{0.3f}, std::vector<uint8_t>{1});
    QVERIFY(curveTitle(onlyPositives, CurveKind::Roc).contains(QStringLiteral("undefined")));
    QCOMPARE(thresholdText(std::numeric_limits<double>::infinity()), QStringLiteral("above every score"));
    QCOMPARE(thresholdText(0.5), QStringLiteral("0.5"));
    QCOMPARE(thresholdText(double(0.35f)), QStringLiteral("0.35"));
    QCOMPARE(pointSummary(c, 3, CurveLevel::Sample),
             QStringLiteral("Threshold 0.35: TPR 1.000, FPR 0.500, precision 0.667 (2 TP, 1 FP, 0 FN, 1 TN images)"));
    QVERIFY(pointSummary(c, 0, CurveLevel::Pixel).endsWith(QStringLiteral("(0 TP, 0 FP, 2 FN, 2 TN voxels)")));
    QVERIFY(pointSummary(c, -1, CurveLevel::Pixel).isEmpty());
  }

  void errorRows() {
    workflows::CurveImage a;
    a.imageId = 7;
    a.sourcePath = "/data/cases/case7.nii.gz";
    a.score = 0.0612;
    const auto rows = sampleErrorRows({a});
    QCOMPARE(rows.size(), qsizetype(1));
    QCOMPARE(rows[0].imageId, qint64(7));
    QCOMPARE(rows[0].name, QStringLiteral("case7.nii.gz"));
    QCOMPARE(rows[0].path, QStringLiteral("/data/cases/case7.nii.gz"));
    QCOMPARE(rows[0].detail, QStringLiteral("score 0.0612"));
    workflows::PixelErrorImage p;
    p.imageId = 3;
    p.sourcePath = "review-demo:image3.png";
    p.falsePositives = 250;
    p.voxels = 10000;
    p.falseNegatives = 12;
    p.truthVoxels = 48;
    QCOMPARE(pixelErrorRows({p}, true)[0].detail, QStringLiteral("250 voxels (2.5 % of the image)"));
    QCOMPARE(pixelErrorRows({p}, false)[0].detail, QStringLiteral("12 voxels (25.0 % of its lesion)"));
    QCOMPARE(pixelErrorRows({p}, false)[0].name, QStringLiteral("image3.png"));  // the file, as the ranking says
    QCOMPARE(pixelErrorRows({p}, false)[0].path, QStringLiteral("review-demo:image3.png"));
  }
};

QTEST_GUILESS_MAIN(TestCurvesLogic)
#include "test_curves_logic.moc"
