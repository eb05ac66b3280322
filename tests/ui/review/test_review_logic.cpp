// Presentation logic of the review workspace without widgets: colour tables and legend maths, the score histogram,
// the threshold slider mapping, the ranking model and its review-state filter, and the undo stack's effect on the
// stored reviews (each command stores at once; undo appends the remembered state).
#include <QUndoStack>
#include <QtTest>

#include <filesystem>

#include "review/review_commands.h"
#include "review/review_logic.h"
#include "review/prediction_report.h"
#include "review/review_models.h"
#include "viewer/slice_geometry.h"
#include "viewer/slice_renderer.h"

using namespace lightbox;
using namespace lightbox::ui;

class TestReviewLogic : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void colourTablesRunFromDarkToBright() {
    for (const QString& name : colourMapNames()) {
      const auto t = colourTable(name);
      QVERIFY2(qGray(t[0]) < 40, qPrintable(name));
      QVERIFY2(qGray(t[255]) > 150, qPrintable(name));
      QVERIFY2(qGray(t[200]) > qGray(t[50]), qPrintable(name));
    }
    QCOMPARE(colourTable("unknown"), colourTable("inferno"));
    const auto inferno = colourTable("inferno");
    QCOMPARE(inferno[0], qRgb(0, 0, 4));          // matplotlib's ends
    QCOMPARE(inferno[255], qRgb(252, 255, 164));
  }

  void normaliseAndTicks() {
    QCOMPARE(normalise(0.5, 0, 1), 0.5);
    QCOMPARE(normalise(-1, 0, 1), 0.0);
    QCOMPARE(normalise(2, 0, 1), 1.0);
    QCOMPARE(normalise(0.3, 0.2, 0.2), 0.0);
    QCOMPARE(legendTicks(0, 1, 6), (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0}));
    const auto t = legendTicks(0.05, 0.93, 5);
    QVERIFY(t.size() >= 2 && t.size() <= 5);
    for (double v : t) QVERIFY(v >= 0.05 - 1e-12 && v <= 0.93 + 1e-12);
    QCOMPARE(legendTicks(1, 1), (std::vector<double>{1, 1}));
    QCOMPARE(stretchRange(std::vector<float>{0.2f, 0.7f, 0.4f}), (std::pair<double, double>{0.2f, 0.7f}));
  }

  void histogramAndSlider() {
    std::vector<float> v{0.0f, 0.05f, 0.5f, 0.99f, 1.0f, 1.5f, -0.2f};
    const ScoreHistogram h = scoreHistogram(v, 10);
    QCOMPARE(h.total, int64_t(7));
    QCOMPARE(h.counts[0], int64_t(3));  // 0, 0.05 and the clipped -0.2
    QCOMPARE(h.counts[5], int64_t(1));
    QCOMPARE(h.counts[9], int64_t(3));  // 0.99, 1 and the clipped 1.5
    QCOMPARE(h.above(0.5), int64_t(4));
    QCOMPARE(thresholdToSlider(0.437), 437);
    QCOMPARE(sliderToThreshold(437), 0.437);
    QCOMPARE(thresholdToSlider(2.0), 1000);
  }

  void colourMapRendering() {
    Image map(1, Shape(2, 3), 0.0f);
    map.values() = {0.0f, 0.25f, 0.5f, 0.75f, 1.0f, 2.0f};
    const SliceLayout l = layoutFor(map.shape(), map.geometry(), ViewPlane::Axial);
    const auto lut = colourTable("grey");
    const QImage img = renderColourMap(map, l, 0, lut, 0.0, 1.0, 0.1, 255);
    QCOMPARE(img.size(), QSize(3, 2));
    QCOMPARE(qAlpha(img.pixel(0, 0)), 0);  // below the cutoff: transparent
    QCOMPARE(qRed(img.pixel(2, 1)), 255);  // above max: the last colour
    QVERIFY(qRed(img.pixel(2, 0)) > 120 && qRed(img.pixel(2, 0)) < 135);
    Mask m(Shape(3, 3), 0);
    m.at({1, 1, 0}) = 1;
    QCOMPARE(maskOutline(m, layoutFor(m.shape(), Geometry{}, ViewPlane::Axial), 0).size(), size_t(4));
  }

  void rankingModelSortsAndFilters() {
    std::vector<workflows::ReviewImage> list(4);
    for (int i = 0; i < 4; ++i) {
      list[size_t(i)].imageId = 10 + i;
      list[size_t(i)].score = 0.9 - 0.1 * i;
      list[size_t(i)].sourcePath = "/x/img" + std::to_string(i) + ".png";
      list[size_t(i)].findings = i == 3 ? 0 : 2;
    }
    list[1].accepted = 1;                      // in progress
    list[2].accepted = 1, list[2].rejected = 1;  // done
    ReviewImageModel model;
    model.setImages(list);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, ReviewImageModel::RankColumn).data().toInt(), 1);
    QCOMPARE(model.index(2, ReviewImageModel::ReviewedColumn).data().toString(), QStringLiteral("2 / 2"));
    QCOMPARE(model.totalFindings(), int64_t(6));
    QCOMPARE(model.totalReviewed(), int64_t(3));
    ReviewImageFilter filter;
    filter.setSourceModel(&model);
    filter.sort(ReviewImageModel::ScoreColumn, Qt::AscendingOrder);
    QCOMPARE(filter.index(0, 0).data(ReviewImageModel::ImageIdRole).toLongLong(), 13);
    filter.setShow(ReviewImageFilter::Show::ToReview);
    QCOMPARE(filter.rowCount(), 2);
    filter.setShow(ReviewImageFilter::Show::Done);
    QCOMPARE(filter.rowCount(), 1);
    model.setCounts(11, 2, 1, 1, 0);  // the in-progress image is done now
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(imageReviewState(list[3]), ImageReviewState::NoFindings);
    QCOMPARE(progressText(3, 6), QStringLiteral("3 of 6 reviewed"));
  }

  // What the page says after a prediction: complete, partial (failed images with their reasons), cancelled.
  void predictionReportNamesFailuresWarningsDeviceAndSpeed() {
    QLocale::setDefault(QLocale::c());
    workflows::PredictResult r;
    r.device = "cpu";
    r.images = 6;
    r.predictions = 6;
    r.secondsPerImage = 0.12345;
    r.threshold = 0.5;
    r.findings = 10;
    PredictionReport ok = describePrediction(r, false);
    QVERIFY(ok.complete);
    QCOMPARE(ok.failed, 0);
    QVERIFY2(ok.status.contains("6 image") && ok.status.contains("CPU") && ok.status.contains("0.123 s per image"),
             qPrintable(ok.status));
    QVERIFY(!ok.status.contains("Details"));
    QVERIFY(ok.details.contains("Findings: 10 at threshold 0.500"));

    r.images = 5;
    r.skipped = 2;
    r.threshold = -1;
    r.findings = 0;
    // The page recognises the workflow's threshold warning by its code, whatever its words say.
    r.warnings = {"this model has none yet: maps and scores are stored, findings are not (run `lightbox-cli "
                  "threshold` first, or give --threshold)",
                  "preset 'paper-2d' is the paper's GPU network: expect seconds per image"};
    r.warningCodes = {workflows::kPredictWarningNoThreshold, workflows::kPredictWarningGpuPresetOnCpu};
    r.failures = {{"/data/two-slices.nii.gz", "holds 2 slices; predicting a stack of slices is not implemented yet"}};
    const PredictionReport partial = describePrediction(r, false);
    QVERIFY(!partial.complete);
    QCOMPARE(partial.failed, 1);
    QVERIFY2(partial.status.contains("1 failed") && partial.status.contains("2 warning") &&
                 partial.status.contains("Details"),
             qPrintable(partial.status));
    QVERIFY(partial.details.contains("/data/two-slices.nii.gz: holds 2 slices"));
    QVERIFY(partial.details.contains("Training page"));       // the GUI's way to a threshold ...
    QVERIFY(!partial.details.contains("lightbox-cli"));        // ... not the command line's
    QVERIFY(partial.details.contains("the paper's GPU network"));
    QVERIFY(partial.details.contains("left as they were: 2"));
    QVERIFY(partial.details.contains("Device: CPU"));

    r.failures.clear();
    r.warnings.clear();
    r.threshold = 0.5;
    const PredictionReport cancelled = describePrediction(r, true);
    QVERIFY(!cancelled.complete);
    QVERIFY(cancelled.status.contains("cancelled"));
    QVERIFY(!describePredictionError("no such run").complete);
    QVERIFY(describePredictionError("no such run").status.contains("no such run"));
    QLocale::setDefault(QLocale::system());
  }

  // The ranking's Image column shows the file name, not the end of a "dataset:" path; the tooltip the whole path.
  void rankingShowsFileNames() {
    QCOMPARE(imageDisplayName("review-demo:volume4.nii.gz"), QStringLiteral("volume4.nii.gz"));
    QCOMPARE(imageDisplayName("simulated-lesions:/data/b.nii.gz#slice:0003"), QStringLiteral("b.nii.gz — slice 4"));
    QCOMPARE(imageDisplayName("simulated-lesions:/data/b.nii.gz#preprocessed"), QStringLiteral("b.nii.gz#preprocessed"));
    QCOMPARE(imageDisplayName("/data/scans/case 12.dcm"), QStringLiteral("case 12.dcm"));
    QCOMPARE(imageDisplayName("C:\\scans\\a.png"), QStringLiteral("a.png"));
    QCOMPARE(imageDisplayName("/data/odd:name.png"), QStringLiteral("odd:name.png"));
    QCOMPARE(imageDisplayName("plain.png"), QStringLiteral("plain.png"));
    QCOMPARE(imageDisplayName("/data/dir/"), QStringLiteral("/data/dir/"));  // no name: the path as it is
    std::vector<workflows::ReviewImage> list(1);
    list[0].sourcePath = "review-demo:volume4.nii.gz";
    ReviewImageModel model;
    model.setImages(list);
    QCOMPARE(model.index(0, ReviewImageModel::NameColumn).data().toString(), QStringLiteral("volume4.nii.gz"));
    QVERIFY(model.index(0, ReviewImageModel::NameColumn).data(Qt::ToolTipRole).toString().startsWith(
        QStringLiteral("review-demo:volume4.nii.gz\n")));
  }

  // Display 1-based, files 0-based: the ranking, the audit, the curves lists and the findings table say the same
  // number for the same stored slice.
  void sliceNumbersAreOneBasedWhereverShown() {
    QCOMPARE(displaySliceNumber(0), qint64(1));
    QCOMPARE(sliceText(62), QStringLiteral("slice 63"));
    QCOMPARE(sliceText(62, 181), QStringLiteral("slice 63 of 181"));
    QCOMPARE(fileAndSliceText("ch2bet.nii.gz", "slice:0062"), QStringLiteral("ch2bet.nii.gz — slice 63"));
    QCOMPARE(fileAndSliceText("ch2bet.nii.gz", "preprocessed"), QStringLiteral("ch2bet.nii.gz"));
    QCOMPARE(imageDisplayName("simulated-lesions:/d/ch2bet.nii.gz#slice:0062"), QStringLiteral("ch2bet.nii.gz — slice 63"));

    std::vector<workflows::ReviewFinding> findings(1);
    findings[0].id = 7;
    findings[0].ndim = 2;
    findings[0].sliceIndex = 62;
    findings[0].sizeVoxels = 1;
    FindingTableModel model;
    model.setFindings(findings);
    QCOMPARE(model.index(0, FindingTableModel::SliceColumn).data().toLongLong(), qint64(63));
    const QString tip = model.index(0, FindingTableModel::SliceColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("slice 63")) && !tip.contains(QStringLiteral("slice 62")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("1 voxel(s)")), qPrintable(tip));  // %n: one voxel is "1 voxel"
  }

  void undoStackStoresEveryStep() {
    QTemporaryDir dir;
    const std::string path = (std::filesystem::path(dir.path().toStdString()) / "u.lightbox").string();
    const int64_t run = workflows::writeSyntheticReviewProject(path, 1, false);
    const auto catalogue = workflows::loadReviewCatalogue(path);
    const auto images = workflows::listReviewImages(path, run, {0, 1}, catalogue.datasets[0].id);
    const auto findings = workflows::listReviewFindings(path, images[0].predictionId);
    QVERIFY(findings.size() >= 2);
    FindingTableModel model;
    model.setFindings(findings);
    int applied = 0;
    const auto onApplied = [&](qint64 id, const workflows::ReviewState& s, const QString& error) {
      QVERIFY(error.isEmpty());
      model.setReview(id, s);
      ++applied;
    };
    QUndoStack stack;
    const QString p = QString::fromStdString(path);
    const auto state = [&](int64_t id) { return workflows::currentReview(path, id).decision; };
    using D = workflows::ReviewDecision;
    stack.push(new ReviewCommand(p, findings[0].id, {}, D::Accepted, {}, "t", onApplied));
    QCOMPARE(state(findings[0].id), D::Accepted);  // stored the moment it was pushed
    stack.push(new ReviewCommand(p, findings[0].id, {D::Accepted, "", "t", ""}, D::Rejected, "no", "t", onApplied));
    stack.push(new ReviewCommand(p, findings[1].id, {}, D::Rejected, {}, "t", onApplied));
    QCOMPARE(model.rejected(), int64_t(2));
    stack.undo();
    QCOMPARE(state(findings[1].id), D::Unreviewed);
    stack.undo();
    QCOMPARE(state(findings[0].id), D::Accepted);  // two levels deep: the remembered state, not the file's one step
    QCOMPARE(workflows::currentReview(path, findings[0].id).note, std::string());
    stack.redo();
    QCOMPARE(state(findings[0].id), D::Rejected);
    QCOMPARE(workflows::currentReview(path, findings[0].id).note, std::string("no"));
    QCOMPARE(applied, 6);
    QCOMPARE(model.accepted() + model.rejected(), int64_t(1));

    // A store that fails makes the command obsolete and leaves the stack as it was.
    QString failure;
    stack.push(new ReviewCommand(p, 987654, {}, D::Accepted, {}, "t",
                                 [&](qint64, const workflows::ReviewState&, const QString& e) { failure = e; }));
    QVERIFY(!failure.isEmpty());
    QCOMPARE(stack.count(), 2);  // the redone-then-overwritten tail is dropped, the failed command too
  }
};

QTEST_GUILESS_MAIN(TestReviewLogic)
#include "test_review_logic.moc"
