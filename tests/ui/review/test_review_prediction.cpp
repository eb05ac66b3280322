// The Review page's Predict button with a real model (offscreen; needs the models build): a tiny cpu-quick-2d run
// trained for a few steps on phantoms, its threshold proposed from the held-out task; on the page the model and a
// test dataset are chosen, Predict runs in the background on the shared job runner, and then the ranking holds every
// image by score, the project holds a map per image whose image score is the map's mean, and the findings are the
// map's regions above the threshold. Cancel mid-way through a big dataset keeps the images done so far.
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <numeric>

#include "lightbox/core/eval/findings.h"
#include "lightbox/core/phantoms.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/review.h"
#include "lightbox/workflows/train.h"
#include "review/review_models.h"
#include "review/review_page.h"
#include "shell/job_runner.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

constexpr int kTestImages = 6;
constexpr int kManyImages = 150;  // many times what the GUI thread needs to answer the first progress report
constexpr int kTimeout = 300000;

int64_t addPhantoms(project::Project& p, const char* dataset, project::DatasetRole role, int count, uint64_t seed) {
  const auto d = p.datasets().create(dataset, role);
  for (int i = 0; i < count; ++i) {
    project::NewImage n;
    n.meta.sourcePath = std::string("/data/") + dataset + std::to_string(i) + ".png";
    n.meta.contentHash = std::string(64 - std::to_string(seed + uint64_t(i)).size(), 'a') + std::to_string(seed + uint64_t(i));
    n.meta.format = "png";
    project::ArrayData a;
    a.image = phantom::objectImage(Shape(128, 128), seed + uint64_t(i));  // averaged 2x2 to the preset's 64x64
    a.mask = phantom::ellipsoidMask(Shape(128, 128));
    n.arrays.push_back(project::EncodedArray::encode(a));
    p.images().insert(d.id, n);
  }
  return d.id;
}

template <typename T>
T* child(QWidget* w, const char* name) {
  T* c = w->findChild<T*>(QString::fromLatin1(name));
  if (!c) qFatal("no child %s", name);
  return c;
}

}  // namespace

class TestReviewPrediction : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0;
  std::vector<int> folds_;
  double threshold_ = -1;
  int64_t testSet_ = 0, manySet_ = 0, mixedSet_ = 0;

  void openOn(ReviewPage& page, int64_t dataset) {
    page.resize(1500, 900);
    page.setProject(QString::fromStdString(path_));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.predictionAvailable());
    QVERIFY(page.selectModel(run_, folds_));
    QVERIFY(page.selectDataset(dataset));
  }

 private Q_SLOTS:
  void initTestCase() {
    path_ = (std::filesystem::path(dir_.path().toStdString()) / "predict.lightbox").string();
    {
      project::Project p = project::Project::create(path_);
      addPhantoms(p, "healthy", project::DatasetRole::Healthy, 5, 10);
      addPhantoms(p, "blend", project::DatasetRole::Blend, 2, 50);
      testSet_ = addPhantoms(p, "tests", project::DatasetRole::Test, kTestImages, 200);
      manySet_ = addPhantoms(p, "many", project::DatasetRole::Test, kManyImages, 1000);
      mixedSet_ = addPhantoms(p, "mixed", project::DatasetRole::Test, 2, 3000);
      project::NewImage stack;  // two slices and no preprocessed array: a 2D model cannot predict it
      stack.meta.sourcePath = "/data/two-slices.nii.gz";
      stack.meta.contentHash = std::string(64, 'e');
      stack.meta.format = "nifti";
      stack.meta.channels = 1;
      stack.meta.shape = Shape(2, 128, 128);
      for (int k = 0; k < 2; ++k) {
        project::ArrayData a;
        a.kind = "slice:000" + std::to_string(k);
        a.image = phantom::objectImage(Shape(128, 128), 4000 + uint64_t(k));
        stack.arrays.push_back(project::EncodedArray::encode(a));
      }
      p.images().insert(mixedSet_, stack);
    }
    NullProgress none;
    workflows::TrainParams t;
    t.projectPath = path_;
    t.dataset = "healthy";
    t.blendDataset = "blend";
    t.tasks = {0, 1, 2, 3};  // intensity (4) is held out: the threshold's synthetic signal
    t.seed = 9;
    t.maxSteps = 6;
    t.validateEvery = 3;
    t.threads = 2;
    t.workers = 1;
    t.device = "cpu";
    const workflows::TrainResult trained = workflows::runTraining(t, none);
    run_ = trained.runId;
    workflows::ThresholdParams th;
    th.projectPath = path_;
    th.runId = run_;
    th.samplesPerFold = 4;
    th.targetFalsePositiveRate = 0.5;  // a six-step model lights up healthy tissue too (as the demo test)
    th.device = "cpu";
    th.threads = 2;
    const workflows::ThresholdResult r = workflows::proposeModelThreshold(th, none);
    folds_ = r.folds;
    threshold_ = r.threshold;
    qInfo("run %lld, folds %d, proposed threshold %.4f", (long long)run_, int(folds_.size()), threshold_);
  }

  void predictsFromThePage() {
    JobRunner jobs;
    ReviewPage page(&jobs);
    openOn(page, testSet_);
    QCOMPARE(page.imageModel()->rowCount(), 0);  // not predicted yet
    auto* predict = child<QPushButton>(&page, "predictButton");
    QVERIFY(predict->isVisible());
    QVERIFY(predict->isEnabled());
    QVERIFY(child<QLabel>(&page, "reviewStatus")->text().contains(QStringLiteral("press Predict")));
    QVERIFY(std::abs(page.thresholdValue() - threshold_) < 0.002);  // the slider starts at the proposal

    QSignalSpy done(&page, &ReviewPage::predictionFinished);
    QTest::mouseClick(predict, Qt::LeftButton);
    QVERIFY(jobs.busy());  // in the background: the page comes back at once
    QVERIFY(!predict->isEnabled());
    QVERIFY(child<QPushButton>(&page, "predictCancelButton")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kTimeout);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    QVERIFY(!child<QPushButton>(&page, "predictCancelButton")->isVisible());
    QVERIFY(!predict->isVisible());  // predicted: nothing left to press

    // The ranking: every image, highest score first, and the first one on the viewer.
    ReviewImageModel* ranking = page.imageModel();
    QCOMPARE(ranking->rowCount(), kTestImages);
    for (int r = 1; r < ranking->rowCount(); ++r) QVERIFY(ranking->image(r - 1)->score >= ranking->image(r)->score);
    QVERIFY(page.currentImageId() != 0);

    // The project: a map per image on its working grid, scored by its clipped mean, and the findings are exactly the
    // regions of the map above the threshold in force (what predict promises), counted on the ranking too.
    const auto images = workflows::listReviewImages(path_, run_, folds_, testSet_);
    QCOMPARE(int(images.size()), kTestImages);
    int64_t findings = 0;
    for (const auto& im : images) {
      const workflows::ReviewImageData data = workflows::loadReviewImage(path_, im.predictionId);
      QCOMPARE(data.map.shape(), data.working.image.shape());
      const auto values = data.map.values();  // raw outputs; the paper's image score clips them to [0, 1]
      const double mean = std::accumulate(values.begin(), values.end(), 0.0,
                                          [](double sum, float v) { return sum + std::clamp(double(v), 0.0, 1.0); }) /
                          double(values.size());
      QVERIFY(std::abs(mean - im.score) < 1e-4);
      eval::FindingOptions fo;
      fo.threshold = threshold_;
      fo.minVoxels = workflows::PredictParams{}.minFindingVoxels;
      const auto expected = eval::findFindings(data.map, fo);
      const auto stored = workflows::listReviewFindings(path_, im.predictionId);
      QCOMPARE(stored.size(), expected.size());
      QCOMPARE(im.findings, int64_t(stored.size()));
      for (const auto& f : stored) {
        QCOMPARE(f.threshold.value_or(-1), threshold_);
        QVERIFY(f.maxScore.value_or(0) > threshold_);
        QCOMPARE(f.decision, workflows::ReviewDecision::Unreviewed);
      }
      findings += int64_t(stored.size());
    }
    QCOMPARE(ranking->totalFindings(), findings);
    QVERIFY2(findings > 0, "the proposed threshold left no finding to review");
    QCOMPARE(page.findingModel()->rowCount(), int(workflows::listReviewFindings(path_, images.front().predictionId).size()));
  }

  void cancelMidPredictionKeepsWhatIsDone() {
    JobRunner jobs;
    ReviewPage page(&jobs);
    openOn(page, manySet_);
    auto* predict = child<QPushButton>(&page, "predictButton");
    auto* cancel = child<QPushButton>(&page, "predictCancelButton");
    QVERIFY(predict->isVisible() && predict->isEnabled());
    // Cancel as a user would, once the first image is in.
    connect(&jobs, &JobRunner::progressed, &page, [cancel](qint64 done, qint64 total) {
      if (done >= 1 && total > 0 && cancel->isVisible()) QTest::mouseClick(cancel, Qt::LeftButton);
    });
    QSignalSpy finished(&jobs, &JobRunner::finished);
    QSignalSpy done(&page, &ReviewPage::predictionFinished);
    QTest::mouseClick(predict, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kTimeout);
    QVERIFY(finished.at(0).at(0).toBool());    // the runner says: cancelled
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY(done.at(0).at(1).toString().contains(QStringLiteral("cancelled")));
    QVERIFY(child<QLabel>(&page, "reviewStatus")->text().contains(QStringLiteral("cancelled")));
    QVERIFY(!cancel->isVisible());
    const auto images = workflows::listReviewImages(path_, run_, folds_, manySet_);
    QVERIFY2(!images.empty() && int(images.size()) < kManyImages, qPrintable(QString::number(images.size())));
    QCOMPARE(page.imageModel()->rowCount(), int(images.size()));  // the page shows what was done
    qInfo("cancelled after %d of %d images", int(images.size()), kManyImages);
    QVERIFY(!jobs.busy());
  }

  // After the cancel: "Predict the remaining N image(s)" predicts only those, on the device chosen beside it, and a
  // review made on the images done before is still there.
  void predictTheRemainingImagesKeepsReviews() {
    const auto before = workflows::listReviewImages(path_, run_, folds_, manySet_);
    QVERIFY(!before.empty() && int(before.size()) < kManyImages);
    qint64 reviewed = 0;
    for (const auto& im : before)
      if (const auto f = workflows::listReviewFindings(path_, im.predictionId); !f.empty() && !reviewed) {
        reviewed = f.front().id;
        workflows::recordReview(path_, reviewed, workflows::ReviewDecision::Accepted, "seen", "tester");
      }
    QVERIFY2(reviewed, "no finding among the images predicted before the cancel");

    JobRunner jobs;
    ReviewPage page(&jobs);
    openOn(page, manySet_);
    QCOMPARE(page.imageModel()->rowCount(), int(before.size()));
    auto* predict = child<QPushButton>(&page, "predictButton");
    QVERIFY(predict->isVisible() && predict->isEnabled());
    QCOMPARE(predict->text(), QStringLiteral("Predict the remaining %1 image(s)").arg(kManyImages - int(before.size())));
    QVERIFY(child<QWidget>(&page, "predictDevice")->isVisible());
    page.setPredictionDevice(QStringLiteral("cpu"), 2);
    QVERIFY(child<QSpinBox>(&page, "predictThreads")->isEnabled());
    QSignalSpy done(&page, &ReviewPage::predictionFinished);
    QTest::mouseClick(predict, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kTimeout);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    const QString status = child<QLabel>(&page, "reviewStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("CPU")) && status.contains(QStringLiteral("s per image")), qPrintable(status));
    QVERIFY(!predict->isVisible());
    QCOMPARE(page.imageModel()->rowCount(), kManyImages);
    const auto after = workflows::listReviewImages(path_, run_, folds_, manySet_);
    QCOMPARE(int(after.size()), kManyImages);
    for (const auto& im : before) {  // the images done before kept their maps (same prediction, same findings)
      const auto it = std::find_if(after.begin(), after.end(), [&](const auto& a) { return a.imageId == im.imageId; });
      QVERIFY(it != after.end());
      QCOMPARE(it->predictionId, im.predictionId);
      QCOMPARE(it->findings, im.findings);
    }
    bool found = false;
    for (const auto& im : after)
      for (const auto& f : workflows::listReviewFindings(path_, im.predictionId))
        if (f.id == reviewed) {
          found = true;
          QCOMPARE(f.decision, workflows::ReviewDecision::Accepted);
          QCOMPARE(f.note, std::string("seen"));
        }
    QVERIFY(found);
    QVERIFY(page.lastPredictionReport());
    QVERIFY(page.lastPredictionReport()->details.contains(
        QStringLiteral("left as they were: %1").arg(before.size())));
  }

  // An image that cannot be predicted: the page says so and keeps saying it (status, Details…), predictionFinished
  // is not ok, and the image stays to be predicted.
  void failedImagesAreShownWithTheirReasons() {
    JobRunner jobs;
    ReviewPage page(&jobs);
    openOn(page, mixedSet_);
    auto* predict = child<QPushButton>(&page, "predictButton");
    QCOMPARE(predict->text(), QStringLiteral("Predict"));
    QSignalSpy done(&page, &ReviewPage::predictionFinished);
    QTest::mouseClick(predict, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kTimeout);
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY2(done.at(0).at(1).toString().contains(QStringLiteral("1 failed")), qPrintable(done.at(0).at(1).toString()));
    QCOMPARE(page.imageModel()->rowCount(), 2);
    auto* status = child<QLabel>(&page, "reviewStatus");
    QVERIFY(status->text().contains(QStringLiteral("1 failed")));
    QVERIFY(predict->isVisible());
    QCOMPARE(predict->text(), QStringLiteral("Predict the remaining 1 image(s)"));
    auto* details = child<QPushButton>(&page, "predictDetailsButton");
    QVERIFY(details->isVisible());
    page.selectImageRow(1);  // browsing the images keeps the report on screen
    page.reload();
    QVERIFY(status->text().contains(QStringLiteral("1 failed")));
    QTest::mouseClick(details, Qt::LeftButton);
    auto* text = page.findChild<QPlainTextEdit*>(QStringLiteral("predictionDetailsText"));
    QVERIFY(text && text->isVisible());
    QVERIFY2(text->toPlainText().contains(QStringLiteral("/data/two-slices.nii.gz: holds 2 slices")),
             qPrintable(text->toPlainText()));
    QVERIFY(text->toPlainText().contains(QStringLiteral("Device: ")));
    // LIGHTBOX_PREDICT_SCREENSHOT=<file.png>: the page with the report, "Predict the remaining" and its device.
    if (const QString out = qEnvironmentVariable("LIGHTBOX_PREDICT_SCREENSHOT"); !out.isEmpty()) {
      QVERIFY(page.grab().save(out));
      QVERIFY(text->window()->grab().save(out + QStringLiteral(".details.png")));
    }
  }
};

QTEST_MAIN(TestReviewPrediction)
#include "test_review_prediction.moc"
