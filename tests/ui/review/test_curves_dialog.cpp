// The Curves dialog offscreen on the synthetic review project (one mask emptied, so one test image is healthy): it
// computes in the background, marks the review threshold on the pixel curves and lists that threshold's errors,
// a real mouse click on the sample ROC lists the false positives and negatives there, activating an entry emits its
// image id, and the review page's Curves button and selectImageById show that image. With
// LIGHTBOX_CURVES_SCREENSHOT=<file.png> it also saves a picture of each tab (<file>-sample.png, <file>-pixel.png).
#include <QPushButton>
#include <QTreeWidget>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <QtTest>

#include "lightbox/project/project.h"
#include "lightbox/workflows/curves.h"
#include "review/curves_charts.h"
#include "review/curves_dialog.h"
#include "review/review_page.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

/// Where a chart value is drawn, in the view's viewport coordinates.
QPoint viewportPosition(QChartView* view, QPointF value) {
  QChart* chart = view->chart();
  return view->mapFromScene(chart->mapToScene(chart->mapToPosition(value)));
}

std::vector<qint64> idsOf(const QTreeWidget* list) {
  std::vector<qint64> ids;
  for (int i = 0; i < list->topLevelItemCount(); ++i) ids.push_back(list->topLevelItem(i)->data(0, Qt::UserRole + 1).toLongLong());
  return ids;
}

}  // namespace

class TestCurvesDialog : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;
  qint64 run_ = 0, dataset_ = 0, healthy_ = 0;
  const std::vector<int> model_{0, 1};

  CurvesDialog::Request request(std::optional<double> threshold = 0.5) const {
    return {path_, run_, model_, dataset_, QStringLiteral("demo · review-demo"), threshold};
  }

 private Q_SLOTS:
  void initTestCase() {
    QLocale::setDefault(QLocale::c());
    path_ = dir_.filePath(QStringLiteral("curves.lightbox"));
    run_ = workflows::writeSyntheticReviewProject(path_.toStdString(), 4, true);
    dataset_ = workflows::loadReviewCatalogue(path_.toStdString()).datasets.at(0).id;
    const auto images = workflows::listReviewImages(path_.toStdString(), run_, model_, dataset_);
    healthy_ = images.at(0).imageId;  // the top-scoring image has no lesion after all: a false positive
    project::Project proj = project::Project::open(path_.toStdString());
    proj.groundTruth().storeMask(healthy_, Mask(proj.images().get(healthy_)->meta.shape, 0), "emptied by the test");
  }

  void opensOnTheReviewThreshold() {
    CurvesDialog d(request());
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QVERIFY(d.waitForIdle());
    QVERIFY(d.ready());
    QCOMPARE(d.curves()->images.size(), size_t(5));
    QVERIFY2(d.statusText().startsWith(QStringLiteral("5 image")), qPrintable(d.statusText()));  // no .qm: "image(s)"
    CurveCharts* sample = d.charts(CurveLevel::Sample);
    CurveCharts* pixel = d.charts(CurveLevel::Pixel);
    for (QChartView* v : d.findChildren<QChartView*>())  // axis numbers in the UI's locale, not printf's
      QVERIFY2(v->chart()->localizeNumbers(), qPrintable(v->objectName()));
    QCOMPARE(sample->title(CurveKind::Roc),
             QStringLiteral("ROC — AUROC %1").arg(d.curves()->sample.areaUnderRoc.value, 0, 'f', 3));
    QVERIFY(pixel->title(CurveKind::PrecisionRecall).startsWith(QStringLiteral("Precision–recall — AP 0.")));
    QCOMPARE(sample->plottedPoints(CurveKind::Roc), 6);
    QCOMPARE(sample->plottedPoints(CurveKind::PrecisionRecall), 6);
    // The marker is the exact operating point at 0.5, and its errors are listed: the healthy image leads the FPs.
    const auto& px = d.curves()->pixel;
    const auto& at = px.points[px.indexAt(0.5)];
    QCOMPARE(pixel->markerPosition(CurveKind::Roc), QPointF(px.falsePositiveRate(at), px.truePositiveRate(at)));
    QCOMPARE(sample->markerPosition(CurveKind::Roc), QPointF(-1, -1));
    QVERIFY(d.selectionText(CurveLevel::Pixel).startsWith(QStringLiteral("Threshold 0.5")));
    NullProgress none;
    const auto expected = workflows::pixelErrorsAt({path_.toStdString(), run_, model_, dataset_, 0.5}, none);
    QTreeWidget* fp = d.falsePositiveList(CurveLevel::Pixel);
    QCOMPARE(fp->topLevelItemCount(), int(expected.falsePositives.size()));
    QCOMPARE(idsOf(fp).at(0), healthy_);
    QCOMPARE(d.falseNegativeList(CurveLevel::Pixel)->topLevelItemCount(), int(expected.falseNegatives.size()));
    QVERIFY(fp->topLevelItem(0)->text(1).endsWith(QStringLiteral("% of the image)")));
  }

  void clickingTheSampleRocListsItsErrors() {
    CurvesDialog d(request());
    d.resize(1000, 800);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QVERIFY(d.waitForIdle());
    d.tabs()->setCurrentIndex(0);
    CurveCharts* sample = d.charts(CurveLevel::Sample);
    QTRY_VERIFY(sample->view(CurveKind::Roc)->isVisible());
    QCoreApplication::processEvents();
    // The point whose threshold is the healthy image's score: it is the one false positive there.
    const auto& curves = *d.curves();
    double healthyScore = 0;
    for (const auto& im : curves.images)
      if (im.imageId == healthy_) healthyScore = double(float(im.score));
    const int point = int(curves.sample.indexAt(healthyScore));
    QCOMPARE(curves.sample.points[size_t(point)].threshold, healthyScore);
    QSignalSpy picked(sample, &CurveCharts::pointPicked);
    QChartView* view = sample->view(CurveKind::Roc);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      viewportPosition(view, positionOf(curves.sample, point, CurveKind::Roc)));
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.at(0).at(0).toInt(), point);
    QCOMPARE(sample->selected(), point);
    const auto expected = workflows::sampleErrorsAt(curves, healthyScore);
    QTreeWidget* fp = d.falsePositiveList(CurveLevel::Sample);
    QTreeWidget* fn = d.falseNegativeList(CurveLevel::Sample);
    QCOMPARE(idsOf(fp), std::vector<qint64>{healthy_});
    std::vector<qint64> missed;
    for (const auto& im : expected.falseNegatives) missed.push_back(im.imageId);
    QCOMPARE(idsOf(fn), missed);
    QVERIFY(!missed.empty());
    QVERIFY(d.selectionText(CurveLevel::Sample).contains(QStringLiteral("1 FP")));
    // Both axes reach a little past 0 and 1: a marker in a corner (as this one may be) is drawn whole.
    for (QAbstractAxis* axis : view->chart()->axes()) {
      const auto* value = qobject_cast<QValueAxis*>(axis);
      QVERIFY(value && value->min() < 0 && value->max() > 1);
    }
    QCOMPARE(fp->topLevelItem(0)->text(0).contains(QLatin1Char(':')), false);  // the file name, as the ranking says
    const QString shot = qEnvironmentVariable("LIGHTBOX_CURVES_SCREENSHOT");
    if (!shot.isEmpty()) QVERIFY(d.grab().save(QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-sample.png"))));

    // Enter and double-click on an entry both ask for that image.
    QSignalSpy requested(&d, &CurvesDialog::imageRequested);
    fn->setFocus();
    fn->setCurrentItem(fn->topLevelItem(0));
    QTest::keyClick(fn, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), missed.at(0));
    const QRect r = fp->visualItemRect(fp->topLevelItem(0));
    QTest::mouseClick(fp->viewport(), Qt::LeftButton, {}, r.center());  // a double-click follows a press
    QTest::mouseDClick(fp->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(0).toLongLong(), healthy_);

    // A click on the pixel ROC counts that threshold's errors in the background.
    d.tabs()->setCurrentIndex(1);
    CurveCharts* pixel = d.charts(CurveLevel::Pixel);
    QTRY_VERIFY(pixel->view(CurveKind::Roc)->isVisible());
    QCoreApplication::processEvents();
    const int last = int(curves.pixel.points.size()) - 2;  // near full recall: most voxels predicted positive
    QChartView* pv = pixel->view(CurveKind::Roc);
    QTest::mouseClick(pv->viewport(), Qt::LeftButton, {}, viewportPosition(pv, positionOf(curves.pixel, last, CurveKind::Roc)));
    QVERIFY(d.waitForIdle());
    const double t = curves.pixel.points[size_t(pixel->selected())].threshold;
    NullProgress none;
    const auto counted = workflows::pixelErrorsAt({path_.toStdString(), run_, model_, dataset_, t}, none);
    QCOMPARE(d.falsePositiveList(CurveLevel::Pixel)->topLevelItemCount(), int(counted.falsePositives.size()));
    QCOMPARE(d.falseNegativeList(CurveLevel::Pixel)->topLevelItemCount(), int(counted.falseNegatives.size()));
    QVERIFY(t < 0.5);
    if (!shot.isEmpty()) QVERIFY(d.grab().save(QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-pixel.png"))));
  }

  void cancelAndComputeAgain() {
    CurvesDialog d(request(std::nullopt));
    d.cancel();
    QVERIFY(d.waitForIdle());
    // The job may have finished before the cancel reached it; either way a new computation gives the curves.
    if (!d.ready()) {
      QCOMPARE(d.statusText(), QStringLiteral("Cancelled."));
      QVERIFY(d.findChild<QPushButton*>(QStringLiteral("curvesComputeButton"))->isVisibleTo(&d));
      d.compute();
      QVERIFY(d.waitForIdle());
    }
    QVERIFY(d.ready());
    QCOMPARE(d.charts(CurveLevel::Pixel)->markerPosition(CurveKind::Roc), QPointF(-1, -1));  // no threshold given
  }

  void reviewPageOpensItAndShowsTheImage() {
    ReviewPage page;
    page.resize(1400, 900);
    page.setProject(path_);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.selectDataset(dataset_));
    auto* button = page.findChild<QPushButton*>(QStringLiteral("curvesButton"));
    QVERIFY(button);
    QTRY_VERIFY(button->isEnabled());
    CurvesDialog* d = page.showCurvesDialog();
    QVERIFY(d);
    QVERIFY(d->waitForIdle());
    QVERIFY(d->ready());
    const auto images = workflows::listReviewImages(path_.toStdString(), run_, model_, dataset_);
    const qint64 last = images.back().imageId;
    Q_EMIT d->imageRequested(last);
    QTRY_COMPARE(page.currentImageId(), last);
    QVERIFY(page.selectImageById(images.front().imageId));
    QCOMPARE(page.currentImageId(), images.front().imageId);
    QVERIFY(!page.selectImageById(987654));
    d->close();
  }
};

QTEST_MAIN(TestCurvesDialog)
#include "test_curves_dialog.moc"
