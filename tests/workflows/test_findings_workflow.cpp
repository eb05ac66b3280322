// From healthy slices to a CSV: a simulated-lesion test set is held out of a healthy volume, a model trains a few
// steps, a threshold is proposed from its held-out task, predictions make findings, evaluation counts exactly the
// simulated lesion pixels as positives, and the export writes one row per finding.
#include <QtTest>

#include <fstream>

#include "lightbox/core/phantoms.h"
#include "phantom_project.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/evaluate.h"
#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/simulated_lesions.h"
#include "lightbox/workflows/train.h"

using namespace lightbox;
namespace fs = std::filesystem;

namespace {

/// One "volume" of ten 128x128 slices, as the brain-slices-2d import stores it.
void addVolume(project::Project& p, const char* dataset, project::DatasetRole role, uint64_t seed) {
  const auto d = p.datasets().create(dataset, role);
  project::NewImage n;
  n.meta.sourcePath = std::string("/data/") + dataset + ".nii.gz";
  n.meta.contentHash = std::string(63, 'b') + std::to_string(seed % 10);
  n.meta.format = "nifti";
  n.meta.channels = 1;
  n.meta.shape = Shape(10, 128, 128);
  for (int s = 0; s < 10; ++s) {
    project::ArrayData a;
    a.kind = "slice:000" + std::to_string(s);
    a.image = phantom::objectImage(Shape(128, 128), seed + uint64_t(s));
    a.mask = phantom::ellipsoidMask(Shape(128, 128));
    a.mapping = "{\"to_original_index\":{\"scale\":[1,1],\"offset\":[0,0]},\"original_slice_axis0\":" +
                std::to_string(s) + "}";
    n.arrays.push_back(project::EncodedArray::encode(a));
  }
  p.images().insert(d.id, n);
}

}  // namespace

class TestFindingsWorkflow : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path_;
  int64_t run_ = 0;
  workflows::SimulatedLesionResult simulated_;

 private Q_SLOTS:
  void initTestCase() {
    path_ = (fs::path(dir_.path().toStdString()) / "f.lightbox").string();
    project::Project p = project::Project::create(path_);
    addVolume(p, "healthy", project::DatasetRole::Healthy, 10);
    test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50, /*withMask=*/false);
  }

  void simulatedLesionsAreHeldOutOfTraining() {
    NullProgress none;
    workflows::SimulatedLesionParams s;
    s.projectPath = path_;
    s.sourceDataset = "healthy";
    s.holdOutEvery = 2;
    s.lesionShare = 1.0;
    s.seed = 3;
    simulated_ = workflows::createSimulatedLesionTestSet(s, none);
    QCOMPARE(simulated_.heldOutSlices, 5);
    QCOMPARE(simulated_.withLesions, 5);
    QVERIFY(simulated_.lesionPixels > 5 * 20);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::createSimulatedLesionTestSet(s, none));  // exists

    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const auto test = p.datasets().findByName("simulated-lesions");
    QVERIFY(test && test->role == project::DatasetRole::Test);
    int64_t truth = 0;
    for (const auto& image : p.images().list(test->id)) {
      QVERIFY(QString::fromStdString(image.meta.sourcePath).startsWith("simulated-lesions:"));
      const auto mask = p.groundTruth().loadMask(image.id);
      QVERIFY(mask.has_value());
      for (int64_t i = 0; i < mask->labels.count(); ++i) truth += mask->labels[i];
    }
    QCOMPARE(truth, simulated_.lesionPixels);
    QVERIFY(p.settings().get("training/held_out/1").has_value());

    // Five slices remain for training, one per chunk: a fold still trains and validates on them.
    workflows::TrainParams t;
    t.projectPath = path_;
    t.dataset = "healthy";
    t.blendDataset = "blend";
    t.tasks = {0, 1, 2, 3};
    t.seed = 4;
    t.maxSteps = 4;
    t.validateEvery = 2;
    t.threads = 2;
    t.workers = 1;
    t.device = "cpu";
    const workflows::TrainResult r = workflows::runTraining(t, none);
    QCOMPARE(r.folds.size(), size_t(1));
    QVERIFY(r.folds[0].bestStep > 0);
    run_ = r.runId;
  }

  void thresholdIsProposedFromTheHeldOutTask() {
    NullProgress none;
    workflows::ThresholdParams t;
    t.projectPath = path_;
    t.runId = run_;
    t.samplesPerFold = 4;
    t.device = "cpu";
    const workflows::ThresholdResult r = workflows::proposeModelThreshold(t, none);
    QCOMPARE(r.heldOutTasks, std::vector<std::string>{"intensity"});
    QVERIFY(r.threshold >= 0 && r.threshold <= 1);
    QVERIFY(r.threshold >= r.f1Threshold && r.threshold >= r.fprThreshold);
    QCOMPARE(r.syntheticPixels, int64_t(4 * 64 * 64));
    QVERIFY(!r.curve.empty());
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const auto current = p.thresholds().current(run_, r.folds);
    QVERIFY(current && current->source == project::ThresholdSource::Proposed);
    QCOMPARE(current->value, r.threshold);

    t.userThreshold = 0.25;  // an override wins over the proposal, and is recorded beside it
    workflows::proposeModelThreshold(t, none);
    project::Project q = project::Project::open(path_, project::OpenMode::ReadOnly);
    QCOMPARE(q.thresholds().current(run_, r.folds)->value, 0.25);
    QCOMPARE(q.thresholds().history(run_, r.folds).size(), size_t(2));
  }

  void predictEvaluateExport() {
    NullProgress none;
    workflows::PredictParams pp;
    pp.projectPath = path_;
    pp.runId = run_;
    pp.dataset = "simulated-lesions";
    pp.threshold = 0.0;  // every non-zero region: findings are certain to exist even for a 4-step model
    pp.minFindingVoxels = 1;
    pp.device = "cpu";
    const workflows::PredictResult r = workflows::runPrediction(pp, none);
    QVERIFY2(r.failures.empty(), r.failures.empty() ? "" : r.failures[0].reason.c_str());
    QCOMPARE(r.images, 5);
    QCOMPARE(r.predictions, 5);
    QVERIFY(r.findings > 0);
    {
      project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
      const auto list = p.predictions().list(run_);
      QCOMPARE(list.size(), size_t(5));
      for (const auto& info : list) QVERIFY(info.shape == Shape(128, 128));  // back on the stored array's grid
      project::FindingQuery q;
      q.runId = run_;
      const auto findings = p.findings().list(q);
      QCOMPARE(int64_t(findings.size()), r.findings);
      // The slices came from a NIfTI volume (RAS, identity geometry here): findings are reported in LPS.
      for (const auto& f : findings) {
        QCOMPARE(f.data.centroidMm[0], -f.data.centroidVoxel[0]);
        QCOMPARE(f.data.centroidMm[1], -f.data.centroidVoxel[1]);
      }
    }

    workflows::EvaluateParams ep;
    ep.projectPath = path_;
    ep.runId = run_;
    const workflows::EvaluateResult e = workflows::runEvaluation(ep, none);
    QCOMPARE(e.datasets.size(), size_t(1));
    QCOMPARE(e.datasets[0].dataset, std::string("simulated-lesions"));
    const workflows::ModelFigures& m = e.datasets[0].models.at(0);
    QCOMPARE(m.images, 5);
    const auto pixel = std::find_if(m.scales.begin(), m.scales.end(), [](const auto& s) { return s.scale == "pixel"; });
    QVERIFY(pixel != m.scales.end());
    QCOMPARE(pixel->positives, simulated_.lesionPixels);
    QCOMPARE(pixel->items, int64_t(5 * 128 * 128));
    QVERIFY(pixel->ap >= 0 && pixel->ap <= 1 && pixel->auroc >= 0 && pixel->auroc <= 1);
    QVERIFY(pixel->apBatches.has_value());
    QVERIFY(e.json.find("\"pixel\"") != std::string::npos);

    workflows::ExportParams xp;
    xp.projectPath = path_;
    xp.runId = run_;
    xp.output = (fs::path(dir_.path().toStdString()) / "findings.csv").string();
    const workflows::ExportResult x = workflows::exportFindings(xp);
    QCOMPARE(x.rows, r.findings);
    std::ifstream csv(xp.output);
    std::string line;
    int64_t lines = 0;
    while (std::getline(csv, line)) ++lines;
    QVERIFY(lines >= x.rows + 1);  // header + rows (a quoted note could span lines; ours have none)
    xp.only = "accepted";
    QCOMPARE(workflows::exportFindings(xp).rows, int64_t(0));  // nothing reviewed yet
  }

  // Finishing a partial prediction (the Review page's "Predict the remaining images"): only the image without a
  // prediction is predicted; the predicted ones keep their maps and their reviewed findings, even under "refuse".
  void onlyUnpredictedLeavesPredictedImagesAndReviewsAlone() {
    int64_t reviewed = 0;
    std::vector<std::string> createdBefore;
    {
      project::Project p = project::Project::open(path_);
      project::FindingQuery q;
      q.runId = run_;
      const auto findings = p.findings().list(q);
      QVERIFY(!findings.empty());
      reviewed = findings.front().id;
      p.reviews().record(reviewed, project::ReviewState::Accepted, "keep me", "tester");
      for (const auto& info : p.predictions().list(run_)) createdBefore.push_back(info.createdAt);
      const auto test = p.datasets().findByName("simulated-lesions");
      project::NewImage n;  // an image added after the prediction (as if it had been cancelled before it)
      n.meta.sourcePath = "/data/late.png";
      n.meta.contentHash = std::string(64, 'c');
      n.meta.format = "png";
      project::ArrayData a;
      a.image = phantom::objectImage(Shape(128, 128), 77);
      n.arrays.push_back(project::EncodedArray::encode(a));
      p.images().insert(test->id, n);
    }
    NullProgress none;
    workflows::PredictParams pp;
    pp.projectPath = path_;
    pp.runId = run_;
    pp.dataset = "simulated-lesions";
    pp.threshold = 0.0;
    pp.minFindingVoxels = 1;
    pp.device = "cpu";
    pp.onlyUnpredicted = true;  // reviewedFindings stays "refuse": touching a reviewed image would fail it
    const workflows::PredictResult r = workflows::runPrediction(pp, none);
    QVERIFY2(r.failures.empty(), r.failures.empty() ? "" : r.failures[0].reason.c_str());
    QCOMPARE(r.images, 1);
    QCOMPARE(r.skipped, 5);
    project::Project p = project::Project::open(path_, project::OpenMode::ReadOnly);
    const auto list = p.predictions().list(run_);
    QCOMPARE(list.size(), size_t(6));
    for (size_t k = 0; k < createdBefore.size(); ++k) QCOMPARE(list[k].createdAt, createdBefore[k]);
    QVERIFY(p.findings().get(reviewed).has_value());
    QVERIFY(p.reviews().current(reviewed).state == project::ReviewState::Accepted);

    pp.onlyUnpredicted = false;  // without it the same call predicts every image again and meets the review
    const workflows::PredictResult all = workflows::runPrediction(pp, none);
    QCOMPARE(all.skipped, 0);
    QCOMPARE(int(all.failures.size()), 1);
  }
};

QTEST_GUILESS_MAIN(TestFindingsWorkflow)
#include "test_findings_workflow.moc"
