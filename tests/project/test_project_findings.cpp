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

  // A 1 x 2 x 2 box drawn by hand, full.
  static int64_t addManual(lbtest::ModelFixture& f, int64_t prediction) {
    const std::vector<uint8_t> mask(4, 1);
    return f.project.findings().addManual(prediction, "box", boxRegion({0, 0, 0}, {1, 2, 2}, 4), mask);
  }

  static FindingData boxRegion(std::vector<int64_t> lo, std::vector<int64_t> hi, int64_t voxels) {
    FindingData d;
    d.bboxMin = std::move(lo);
    d.bboxMax = std::move(hi);
    for (size_t a = 0; a < d.bboxMin.size(); ++a) d.centroidVoxel.push_back(0.5 * double(d.bboxMin[a] + d.bboxMax[a] - 1));
    d.centroidMm = {1, 2, 3};
    d.sizeVoxels = voxels;
    d.sizeMm = 2.5 * double(voxels);
    d.maxScore = 0.75;
    d.meanScore = 0.5;
    return d;
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

  void manualFindingsAreAddedCheckedAndRemoved() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    auto findings = f.project.findings();
    const int64_t pred = predict(f, 0);
    // A plus sign in a 1 x 3 x 3 box: the corners are off, every face of the box is touched.
    const std::vector<uint8_t> plus{0, 1, 0, 1, 1, 1, 0, 1, 0};
    const FindingData d = boxRegion({1, 2, 3}, {2, 5, 6}, 5);
    const int64_t id = findings.addManual(pred, "ellipse", d, plus);
    const auto got = findings.get(id);
    QVERIFY(got && got->manual);
    QCOMPARE(got->manualShape, std::string("ellipse"));
    QVERIFY(!got->threshold);
    QVERIFY(got->data.bboxMin == d.bboxMin && got->data.bboxMax == d.bboxMax);
    QCOMPARE(got->data.sizeMm, 12.5);
    QVERIFY(findings.extent(id) == plus);
    QCOMPARE(findings.counts(pred).manual, int64_t(1));
    {
      lbtest::RawDb raw(f.project.path());
      QCOMPARE(raw.texts("SELECT extent_shape || ' ' || extent_codec || ' ' || extent_raw_size FROM findings")[0],
               std::string("[1,3,3] zlib 9"));
    }

    const auto refused = [&](const std::string& shape, const FindingData& data, const std::vector<uint8_t>& mask) {
      return errorKindOf([&] { findings.addManual(pred, shape, data, mask); }) == ErrorKind::InvalidArgument;
    };
    QVERIFY(refused("circle", d, plus));
    QVERIFY(refused("box", d, std::vector<uint8_t>(8, 1)));                              // not the box's volume
    QVERIFY(refused("box", d, std::vector<uint8_t>{0, 2, 0, 1, 1, 1, 0, 1, 0}));         // not 0/1
    QVERIFY(refused("box", d, std::vector<uint8_t>{0, 1, 0, 1, 1, 1, 0, 0, 0}));         // 4 ones, size says 5
    QVERIFY(refused("box", d, std::vector<uint8_t>(9, 0)));                              // empty
    QVERIFY(refused("box", boxRegion({1, 2, 3}, {2, 5, 6}, 4),
                    std::vector<uint8_t>{0, 0, 0, 0, 1, 1, 0, 1, 1}));                   // box looser than the mask
    QVERIFY(refused("box", boxRegion({1, 6, 3}, {2, 9, 6}, 9), std::vector<uint8_t>(9, 1)));  // outside 8 rows
    QVERIFY(errorKindOf([&] { findings.addManual(pred + 5, "box", d, plus); }) == ErrorKind::NotFound);
    QCOMPARE(findings.counts(pred).manual, int64_t(1));  // nothing refused was written

    // Removing is the undo of adding: manual findings only, reviews go with them.
    const int64_t automatic = findings.replaceAutomatic(pred, 0.5, std::vector{lbtest::sampleFinding(0)})[0];
    QVERIFY(errorKindOf([&] { findings.removeManual(automatic); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { findings.removeManual(id + 100); }) == ErrorKind::NotFound);
    f.project.reviews().record(id, ReviewState::Accepted);
    findings.removeManual(id);
    QVERIFY(!findings.get(id));
    QCOMPARE(findings.addManual(pred, "ellipse", d, plus, id), id);  // redo: the old id, free again
    QVERIFY(findings.addManual(pred, "box", d, plus, automatic) != automatic);  // taken: a new one
    for (const int64_t x : {id, automatic + 1}) findings.removeManual(x);
    QVERIFY(findings.get(automatic));
    lbtest::RawDb raw(f.project.path());
    QCOMPARE(raw.integer("SELECT count(*) FROM reviews"), int64_t(0));
  }

  void adjustedExtentsCountAsWorkedOn() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    auto findings = f.project.findings();
    const int64_t pred = predict(f, 0);
    const FindingData original = lbtest::sampleFinding(0);
    const int64_t id = findings.replaceAutomatic(pred, 0.5, std::vector{original})[0];
    QVERIFY(!findings.extent(id));  // never adjusted: the caller derives it from the map
    QCOMPARE(findings.counts(pred).reviewed, int64_t(0));

    const std::vector<uint8_t> mask{1, 1, 0, 1};  // 1 x 2 x 2 at (0, 4, 2)
    const FindingData adjusted = boxRegion({0, 4, 2}, {1, 6, 4}, 3);
    findings.setExtent(id, adjusted, mask);
    auto got = findings.get(id);
    QVERIFY(!got->manual && got->manualShape.empty());
    QCOMPARE(got->threshold.value(), 0.5);  // it stays an automatic finding, found at its threshold
    QVERIFY(got->data.bboxMin == adjusted.bboxMin && got->data.bboxMax == adjusted.bboxMax);
    QCOMPARE(got->data.sizeVoxels, int64_t(3));
    QVERIFY(!got->data.sliceIndex);
    QVERIFY(findings.extent(id) == mask);
    QVERIFY(got->hasExtent);
    QCOMPARE(findings.counts(pred).reviewed, int64_t(1));  // adjusted = worked on, though never reviewed

    // Like a reviewed finding: replacing refuses by default, keeps it when asked.
    QVERIFY(errorKindOf([&] { findings.replaceAutomatic(pred, 0.6, std::vector{lbtest::sampleFinding(2)}); }) ==
            ErrorKind::Conflict);
    findings.replaceAutomatic(pred, 0.6, std::vector{lbtest::sampleFinding(2)}, ReviewedFindings::Keep);
    QVERIFY(findings.extent(id) == mask);
    QVERIFY(errorKindOf([&] {
              f.project.predictions().put({f.runId, {0}, f.imageIds[0]}, f.arrayIds[0], lbtest::sampleMap(f.shape, 9), {});
            }) == ErrorKind::Conflict);

    // Bad regions change nothing; a drawing shape is for manual findings only.
    QVERIFY(errorKindOf([&] { findings.setExtent(id, adjusted, std::vector<uint8_t>{1, 1, 1, 1}); }) ==
            ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { findings.setExtent(id, adjusted, mask, "brush"); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { findings.setExtent(id + 100, adjusted, mask); }) == ErrorKind::NotFound);
    QVERIFY(findings.extent(id) == mask);

    // Undo of the first adjustment: the region as found, no stored extent, no longer worked on.
    findings.clearExtent(id, original);
    got = findings.get(id);
    QVERIFY(got->data.bboxMin == original.bboxMin && got->data.centroidMm == original.centroidMm);
    QCOMPARE(got->data.sopInstanceUid, original.sopInstanceUid);
    QVERIFY(!findings.extent(id));
    QCOMPARE(findings.counts(pred).reviewed, int64_t(0));

    // A manual finding's extent can be redrawn (and its shape changed) but not forgotten.
    const int64_t manual = addManual(f, pred);
    findings.setExtent(manual, adjusted, mask, "brush");
    QCOMPARE(findings.get(manual)->manualShape, std::string("brush"));
    QVERIFY(errorKindOf([&] { findings.clearExtent(manual, original); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { findings.setExtent(manual, adjusted, mask, "blob"); }) == ErrorKind::InvalidArgument);

    // A damaged blob is Corrupt, not a wrong mask.
    {
      lbtest::RawDb raw(f.project.path());
      raw.exec("UPDATE findings SET extent_raw_size = 5 WHERE id = " + std::to_string(manual));
    }
    QVERIFY(errorKindOf([&] { findings.extent(manual); }) == ErrorKind::Corrupt);
  }

  void categoriesAreEditable() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    auto findings = f.project.findings();
    const int64_t pred = predict(f, 0);
    const auto ids = findings.replaceAutomatic(pred, 0.5, std::vector{lbtest::sampleFinding(0), lbtest::sampleFinding(1)});
    const int64_t cyst = findings.addCategory("  cyst\t");
    auto cats = findings.categories();
    QCOMPARE(cats.size(), size_t(5));
    QCOMPARE(cats.back().name, std::string("cyst"));  // trimmed, at the end
    QCOMPARE(cats.back().id, cyst);
    const auto invalid = [&](auto change) { return errorKindOf(change) == ErrorKind::InvalidArgument; };
    QVERIFY(invalid([&] { findings.addCategory("Cyst"); }));     // unique ignoring case
    QVERIFY(invalid([&] { findings.addCategory(" \t "); }));     // empty once trimmed
    QVERIFY(invalid([&] { findings.addCategory(std::string(201, 'x')); }));
    QVERIFY(invalid([&] { findings.addCategory("bad\xff"); }));  // not UTF-8
    QVERIFY(invalid([&] { findings.renameCategory(cyst, "LESION"); }));
    QVERIFY(errorKindOf([&] { findings.renameCategory(cyst + 50, "x"); }) == ErrorKind::NotFound);
    findings.renameCategory(cyst, "Cyst ");  // its own name in another case is fine
    QCOMPARE(findings.categories().back().name, std::string("Cyst"));

    findings.setCategory(ids[0], cyst);
    findings.setCategory(ids[1], cyst);
    QCOMPARE(findings.categoryUse(cyst), int64_t(2));
    QVERIFY((findings.removeCategory(cyst) == std::vector<int64_t>{ids[0], ids[1]}));
    QVERIFY(!findings.get(ids[0])->categoryId);  // ON DELETE SET NULL: the findings stay
    QCOMPARE(findings.categories().size(), size_t(4));
    QVERIFY(errorKindOf([&] { findings.removeCategory(cyst); }) == ErrorKind::NotFound);
    QCOMPARE(findings.addCategory("Cyst", cyst), cyst);  // undoing the removal: the old id, free again
    QVERIFY(findings.addCategory("polyp", cyst) != cyst);  // taken: a new one

    for (const auto& c : findings.categories())
      if (c.name == "Cyst" || c.name == "polyp") findings.removeCategory(c.id);
    cats = findings.categories();
    std::vector<int64_t> order;
    for (auto it = cats.rbegin(); it != cats.rend(); ++it) order.push_back(it->id);
    findings.reorderCategories(order);
    QCOMPARE(findings.categories().front().name, std::string("unsure"));
    QCOMPARE(findings.categories().back().name, std::string("lesion"));
    order.pop_back();
    QVERIFY(invalid([&] { findings.reorderCategories(order); }));  // one missing
    order.push_back(order.front());
    QVERIFY(invalid([&] { findings.reorderCategories(order); }));  // one twice
    QCOMPARE(findings.categories().front().name, std::string("unsure"));
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
