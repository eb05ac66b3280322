// lightbox-cli predict --only-unpredicted as a user runs it: on a tiny run trained by lightbox-cli itself, a second
// prediction with the flag leaves the images predicted before (and their maps) as they are.
#include <QtTest>

#include <QTemporaryDir>

#include "cli_runner.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/predict.h"
#include "phantom_project.h"

using namespace lightbox;

class TestCliPredict : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString proj_;

  static clitest::Run cli(const QStringList& args) { return clitest::cli(args); }

 private Q_SLOTS:
  void initTestCase() {
    proj_ = dir_.filePath("predict.lightbox");
    project::Project p = project::Project::create(proj_.toStdString());
    test::addPhantomImages(p, "healthy", project::DatasetRole::Healthy, 10, 10);
    test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
    test::addPhantomImages(p, "test", project::DatasetRole::Test, 3, 70);
  }

  void onlyUnpredictedLeavesPredictedImagesAlone() {
    const auto train = cli({"train", proj_, "--dataset", "healthy", "--blend", "blend", "--tasks", "0,1,2,3",
                            "--max-steps", "2", "--validate-every", "2", "--device", "cpu", "--threads", "2",
                            "--workers", "1"});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));

    const QStringList predict{"predict", proj_, "--run", "1", "--dataset", "test", "--threshold", "0.5",
                              "--device", "cpu", "--threads", "2"};
    const auto first = cli(predict + QStringList{"--only-unpredicted"});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.out.contains(": 3 images,") && first.out.contains("0 predicted before"), qPrintable(first.out));

    const auto again = cli(predict + QStringList{"--only-unpredicted"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(again.out.contains(": 0 images,") && again.out.contains("3 predicted before and left as they were"),
             qPrintable(again.out));

    // Without the flag every image is predicted again (no review to protect yet).
    const auto all = cli(predict);
    QVERIFY2(all.exitCode == 0, qPrintable(all.err));
    QVERIFY2(all.out.contains(": 3 images,") && !all.out.contains("predicted before"), qPrintable(all.out));

    const auto help = cli({"predict", "--help"});
    QVERIFY(help.out.contains("--only-unpredicted"));
  }

  // The run has no threshold (train proposes none): the workflow says so in words and, for callers such as the
  // Review page, as a code beside each warning.
  void noThresholdWarningCarriesItsCode() {
    workflows::PredictParams pp;
    pp.projectPath = proj_.toStdString();
    pp.runId = 1;
    pp.dataset = "test";
    pp.onlyUnpredicted = true;  // every image is predicted already: only the warnings are made
    pp.device = "cpu";
    NullProgress none;
    const workflows::PredictResult r = workflows::runPrediction(pp, none);
    QCOMPARE(r.warningCodes.size(), r.warnings.size());
    QCOMPARE(r.warningCodes.size(), size_t(1));
    QCOMPARE(r.warningCodes[0], std::string(workflows::kPredictWarningNoThreshold));
    QVERIFY(r.warnings[0].find("threshold") != std::string::npos);
  }
};

QTEST_MAIN(TestCliPredict)
#include "test_cli_predict.moc"
