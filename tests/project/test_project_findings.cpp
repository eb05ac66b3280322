// Findings: every field round-trips, replacing a prediction's automatic findings is one transaction that never
// drops reviewed work unless asked (Refuse / Keep / Discard) and never touches manual findings, listing filters by
// run, folds, dataset, image and review state, the report carries the context a CSV needs, and bad input is refused.
#include <QtTest>

#include "lightbox/project/project.h"
#include "model_fixture.h"

using namespace lightbox;
using namespace lightbox::project;
using lbtest::errorKindOf;
namespace fs = std::filesystem;

class TestProjectFindings : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;
  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "f.lightbox"); }

  static int64_t predict(lbtest::ModelFixture& f, size_t image, std::vector<int> folds = {0}) {
    return f.project.predictions().put({f.runId, std::move(folds), f.imageIds[image]}, f.arrayIds[image],
                                       lbtest::sampleMap(f.shape, uint32_t(image)), {});
  }

  // What the GUI's manual drawing will write; there is no API for it yet, so the test writes the row itself.
  static int64_t addManual(lbtest::ModelFixture& f, int64_t prediction) {
    lbtest::RawDb raw(f.project.path());
    raw.exec(
        "INSERT INTO findings (prediction_id, bbox, centroid_voxel, centroid_mm, size_voxels, size_mm, "
        "is_manual, manual_shape) VALUES (" +
        std::to_string(prediction) + ", '[0,0,0,1,2,2]', '[0,0.5,0.5]', '[1,2,3]', 4, 12.5, 1, 'box')");
    return raw.integer("SELECT max(id) FROM findings");
  }

 private Q_SLOTS:
  void roundTripsEveryField() {
    const fs::path path = freshPath();
    int64_t id = 0;
    const FindingData d = lbtest::sampleFinding(2);
    {
      auto f = lbtest::makeModelFixture(path, 1);
      id = f.project.findings().replaceAutomatic(predict(f, 0, {2, 1}), 0.375, std::vector{d})[0];
    }
    Project p = Project::open(path, OpenMode::ReadOnly);
    const auto got = p.findings().get(id);
    QVERIFY(got.has_value());
    QVERIFY(got->data.bboxMin == d.bboxMin);
    QVERIFY(got->data.bboxMax == d.bboxMax);
    QVERIFY(got->data.centroidVoxel == d.centroidVoxel);
    QVERIFY(got->data.centroidMm == d.centroidMm);  // shortest round trip: bit for bit, 7/3 included
    QCOMPARE(got->data.sizeVoxels, d.sizeVoxels);
    QCOMPARE(got->data.sizeMm, d.sizeMm);
    QCOMPARE(got->data.maxScore.value(), d.maxScore.value());
    QCOMPARE(got->data.meanScore.value(), 0.6);
    QCOMPARE(got->data.sliceIndex.value(), int64_t(1));
    QCOMPARE(got->data.sopInstanceUid, std::string("1.2.3.4.3"));
    QCOMPARE(got->threshold.value(), 0.375);
    QVERIFY((got->folds == std::vector<int>{1, 2}));
    QVERIFY(!got->manual);
    QVERIFY(got->review.state == ReviewState::Unreviewed);
    QVERIFY(!p.findings().get(id + 1));
    lbtest::RawDb raw(path);
    QCOMPARE(raw.texts("SELECT bbox FROM findings")[0], std::string("[0,2,1,2,5,4]"));  // [lo..., hi...]
  }

  void replacingRespectsReviewedWork() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    auto findings = f.project.findings();
    const int64_t pred = predict(f, 0);
    const auto first = findings.replaceAutomatic(
        pred, 0.5, std::vector{lbtest::sampleFinding(0), lbtest::sampleFinding(1), lbtest::sampleFinding(2)});
    const int64_t manual = addManual(f, pred);
    // Unreviewed findings are simply replaced; the manual one stays.
    const auto second = findings.replaceAutomatic(pred, 0.6, std::vector{lbtest::sampleFinding(3)});
    QCOMPARE(findings.counts(pred).automatic, int64_t(1));
    QCOMPARE(findings.counts(pred).manual, int64_t(1));
    QVERIFY(!findings.get(first[0]));

    // Reviewed work: accepted, and a note on an otherwise unreviewed finding.
    const auto third = findings.replaceAutomatic(
        pred, 0.5, std::vector{lbtest::sampleFinding(0), lbtest::sampleFinding(1), lbtest::sampleFinding(2)});
    f.project.reviews().record(third[0], ReviewState::Accepted);
    f.project.reviews().record(third[1], ReviewState::Unreviewed, "look again");
    f.project.reviews().record(third[2], ReviewState::Rejected);
    f.project.reviews().undo(third[2]);  // undone: back to unreviewed, no longer counts as reviewed
    const FindingCounts c = findings.counts(pred);
    QCOMPARE(c.automatic, int64_t(3));
    QCOMPARE(c.reviewed, int64_t(2));
    QCOMPARE(c.manual, int64_t(1));

    // Refuse (the default): Conflict, and nothing changed.
    const std::vector<FindingData> next{lbtest::sampleFinding(4)};
    QVERIFY(errorKindOf([&] { findings.replaceAutomatic(pred, 0.7, next); }) == ErrorKind::Conflict);
    QCOMPARE(findings.list(lbtest::where([&](FindingQuery& q) { q.predictionId = pred; })).size(), size_t(4));
    // Keep: the two reviewed findings stay (with their old threshold) beside the new one.
    const auto kept = findings.replaceAutomatic(pred, 0.7, next, ReviewedFindings::Keep);
    auto all = findings.list(lbtest::where([&](FindingQuery& q) { q.predictionId = pred; }));
    QCOMPARE(all.size(), size_t(4));  // 2 reviewed + 1 new + manual
    // (third[2] went; SQLite may give its id to the new finding, as rowids of deleted rows are reused.)
    std::vector<int64_t> left;
    for (const Finding& x : all) left.push_back(x.id);
    QVERIFY((left == std::vector<int64_t>{third[0], third[1], manual, kept[0]}) ||
            (left == std::vector<int64_t>{manual, third[0], third[1], kept[0]}));
    QCOMPARE(findings.get(third[0])->threshold.value(), 0.5);
    QCOMPARE(findings.get(kept[0])->threshold.value(), 0.7);
    // Discard: reviewed ones go with their history; the manual one still stays.
    findings.replaceAutomatic(pred, 0.8, next, ReviewedFindings::Discard);
    all = findings.list(lbtest::where([&](FindingQuery& q) { q.predictionId = pred; }));
    QCOMPARE(all.size(), size_t(2));
    QVERIFY(findings.get(manual)->manual);
    QCOMPARE(findings.get(manual)->manualShape, std::string("box"));
    QVERIFY(!findings.get(manual)->threshold);
    lbtest::RawDb raw(f.project.path());
    QCOMPARE(raw.integer("SELECT count(*) FROM reviews WHERE finding_id IN (" + std::to_string(third[0]) + ", " +
                         std::to_string(third[1]) + ")"),
             int64_t(0));
    (void)second;
  }

  void failedReplaceChangesNothing() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    auto findings = f.project.findings();
    const int64_t pred = predict(f, 0);
    findings.replaceAutomatic(pred, 0.5, std::vector{lbtest::sampleFinding(0)});
    FindingData outside = lbtest::sampleFinding(1);
    outside.bboxMax[1] = 9;  // the grid has 8 rows
    QVERIFY(errorKindOf([&] {
              findings.replaceAutomatic(pred, 0.6, std::vector{lbtest::sampleFinding(2), outside});
            }) == ErrorKind::InvalidArgument);
    const auto left = findings.list(lbtest::where([&](FindingQuery& q) { q.predictionId = pred; }));
    QCOMPARE(left.size(), size_t(1));
    QCOMPARE(left[0].threshold.value(), 0.5);
  }

  void refusesBadFindings() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    auto findings = f.project.findings();
    const int64_t pred = predict(f, 0);
    const auto refused = [&](auto change, double threshold = 0.5) {
      FindingData d = lbtest::sampleFinding(0);
      change(d);
      return errorKindOf([&] { findings.replaceAutomatic(pred, threshold, std::vector{d}); }) ==
             ErrorKind::InvalidArgument;
    };
    QVERIFY(refused([](FindingData&) {}, std::nan("")));
    QVERIFY(refused([](FindingData& d) { d.bboxMin.pop_back(); }));  // 2 axes on a 3D map
    QVERIFY(refused([](FindingData& d) { d.centroidVoxel = {1, 2}; }));
    QVERIFY(refused([](FindingData& d) { d.bboxMin[0] = d.bboxMax[0]; }));  // empty box
    QVERIFY(refused([](FindingData& d) { d.bboxMin[2] = -1; }));
    QVERIFY(refused([](FindingData& d) { d.sizeVoxels = 0; }));
    QVERIFY(refused([](FindingData& d) { d.sizeVoxels = 1000; }));  // more voxels than its box
    QVERIFY(refused([](FindingData& d) { d.sizeMm = -1; }));
    QVERIFY(refused([](FindingData& d) { d.centroidMm[1] = std::numeric_limits<double>::infinity(); }));
    QVERIFY(refused([](FindingData& d) { d.maxScore = std::nan(""); }));
    QVERIFY(refused([](FindingData& d) { d.sliceIndex = -2; }));
    QVERIFY(refused([](FindingData& d) { d.sopInstanceUid = std::string(65, '1'); }));
    QVERIFY(errorKindOf([&] { findings.replaceAutomatic(pred + 1, 0.5, std::vector{lbtest::sampleFinding(0)}); }) ==
            ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { findings.counts(pred + 1); }) == ErrorKind::NotFound);
    QVERIFY(findings.list({}).empty());
    // An empty list is valid: no region above the threshold.
    QVERIFY(findings.replaceAutomatic(pred, 0.99, {}).empty());
  }

  void listsByRunFoldsDatasetImageAndState() {
    auto f = lbtest::makeModelFixture(freshPath(), 2);
    auto findings = f.project.findings();
    const int64_t a0 = predict(f, 0), a1 = predict(f, 1), e0 = predict(f, 0, {0, 1, 2, 3});
    const auto ia0 =
        findings.replaceAutomatic(a0, 0.5, std::vector{lbtest::sampleFinding(0), lbtest::sampleFinding(1)});
    const auto ia1 = findings.replaceAutomatic(a1, 0.5, std::vector{lbtest::sampleFinding(2)});
    findings.replaceAutomatic(e0, 0.4, std::vector{lbtest::sampleFinding(3)});
    f.project.reviews().record(ia0[1], ReviewState::Accepted);
    f.project.reviews().record(ia1[0], ReviewState::Rejected);
    QCOMPARE(findings.list(lbtest::where([&](FindingQuery& q) { q.runId = f.runId; })).size(), size_t(4));
    QCOMPARE(findings
                 .list(lbtest::where([&](FindingQuery& q) {
                   q.runId = f.runId;
                   q.folds = std::vector<int>{0};
                 }))
                 .size(),
             size_t(3));
    QCOMPARE(findings
                 .list(lbtest::where([&](FindingQuery& q) {
                   q.runId = f.runId;
                   q.folds = std::vector<int>{3, 1, 2, 0};
                 }))
                 .size(),
             size_t(1));
    QCOMPARE(findings.list(lbtest::where([&](FindingQuery& q) { q.datasetId = f.datasetId; })).size(), size_t(4));
    QCOMPARE(findings.list(lbtest::where([&](FindingQuery& q) { q.datasetId = f.datasetId + 1; })).size(), size_t(0));
    QCOMPARE(findings.list(lbtest::where([&](FindingQuery& q) { q.imageId = f.imageIds[1]; })).size(), size_t(1));
    QCOMPARE(findings
                 .list(lbtest::where([&](FindingQuery& q) {
                   q.runId = f.runId;
                   q.reviews = ReviewFilter::Reviewed;
                 }))
                 .size(),
             size_t(2));
    const auto accepted = findings.list(lbtest::where([&](FindingQuery& q) {
      q.runId = f.runId;
      q.reviews = ReviewFilter::Accepted;
    }));
    QCOMPARE(accepted.size(), size_t(1));
    QCOMPARE(accepted[0].id, ia0[1]);
    // Ordered by image, then finding.
    const auto listed = findings.list(lbtest::where([&](FindingQuery& q) { q.folds = std::vector<int>{0}; }));
    QCOMPARE(listed[0].imageId, f.imageIds[0]);
    QCOMPARE(listed[2].imageId, f.imageIds[1]);
    QVERIFY(listed[0].id < listed[1].id);
  }

  void reportCarriesTheContext() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    auto findings = f.project.findings();
    const int64_t pred = predict(f, 0);
    FindingData noSlice = lbtest::sampleFinding(1);
    noSlice.sopInstanceUid.clear();
    findings.replaceAutomatic(pred, 0.5, std::vector{lbtest::sampleFinding(0), noSlice});
    const auto cats = findings.categories();
    QCOMPARE(cats.size(), size_t(4));
    QCOMPARE(cats[0].name, std::string("lesion"));
    const auto ids = findings.list({})[0].id;
    findings.setCategory(ids, cats[1].id);
    const auto report = findings.report(lbtest::where([&](FindingQuery& q) { q.runId = f.runId; }));
    QCOMPARE(report.size(), size_t(2));
    QCOMPARE(report[0].datasetName, std::string("test set"));
    QCOMPARE(report[0].imagePath, std::string("/data/img0"));
    QCOMPARE(report[0].studyInstanceUid, std::string("1.2.3"));
    QCOMPARE(report[0].seriesInstanceUid, std::string("1.2.3.4"));
    QCOMPARE(report[0].sopInstanceUid, std::string("1.2.3.4.1"));
    QCOMPARE(report[0].runName, std::string("brains v1"));
    QCOMPARE(report[0].category, std::string("artefact"));
    QVERIFY(report[1].sopInstanceUid.empty());  // a series image has no SOP UID of its own
    findings.setCategory(ids, std::nullopt);
    QVERIFY(!findings.get(ids)->categoryId);
    QVERIFY(errorKindOf([&] { findings.setCategory(ids, 999); }) == ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { findings.setCategory(ids + 99, std::nullopt); }) == ErrorKind::NotFound);
  }

  void damagedRowsAreCorrupt() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    const int64_t id =
        f.project.findings().replaceAutomatic(predict(f, 0), 0.5, std::vector{lbtest::sampleFinding(0)})[0];
    {
      lbtest::RawDb raw(f.project.path());
      raw.exec("UPDATE findings SET centroid_mm = '[1,2]'");
    }
    QVERIFY(errorKindOf([&] { f.project.findings().get(id); }) == ErrorKind::Corrupt);
  }
};

QTEST_GUILESS_MAIN(TestProjectFindings)
#include "test_project_findings.moc"
