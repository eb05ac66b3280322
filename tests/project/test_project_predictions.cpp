// Predictions in the project file: maps round-trip bit for bit in their array's working space, scores as JSON,
// replacement in place on the same (run, folds, image) with the reviewed-findings policy, listing without decoding,
// removal by run, cascades, damaged rows, and errors that name what is missing.
#include <QtTest>

#include "lightbox/project/project.h"
#include "model_fixture.h"
#include "project_test_support.h"

using namespace lightbox;
using namespace lightbox::project;
using lbtest::errorKindOf;
namespace fs = std::filesystem;

class TestProjectPredictions : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;
  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "p.lightbox"); }

 private Q_SLOTS:
  void roundTripsInTheArraysWorkingSpace() {
    const fs::path path = freshPath();
    int64_t id = 0;
    Image map = lbtest::sampleImage(1, Shape(2, 8, 6), 11);  // -0, denormal, huge, NaN payload: bits must survive
    {
      auto f = lbtest::makeModelFixture(path);
      const PredictionKey key{f.runId, {3, 0}, f.imageIds[0]};
      id = f.project.predictions().put(key, f.arrayIds[0], map, lbtest::sampleScores(2));
    }
    Project p = Project::open(path, OpenMode::ReadOnly);
    const auto got = p.predictions().get(id);
    QVERIFY(got.has_value());
    QVERIFY(lbtest::sameBits(got->map, map));
    // The geometry is the working array's, not whatever the map carried.
    const auto array = p.arrays().load(got->info.imageId);
    QVERIFY(lbtest::sameBits(got->map.geometry(), array->image.geometry()));
    QVERIFY((got->info.folds == std::vector<int>{0, 3}));  // sorted: {3, 0} and {0, 3} are one model
    QCOMPARE(got->info.arrayId, p.arrays().id(got->info.imageId).value());
    QCOMPARE(got->info.scores.image.top25Mean, 0.5);
    QCOMPARE(got->info.scores.perSlice.size(), size_t(2));
    QCOMPARE(got->info.scores.perSlice[1].p75, 0.2);
    QVERIFY(!got->info.createdAt.empty());
    // Same model, folds in another order: found by key.
    QVERIFY(p.predictions().get(PredictionKey{got->info.runId, {0, 3}, got->info.imageId}).has_value());
    QVERIFY(!p.predictions().get(PredictionKey{got->info.runId, {0}, got->info.imageId}).has_value());
    QVERIFY(!p.predictions().get(id + 100).has_value());
    // Stored as the documented JSON and fold text.
    lbtest::RawDb raw(path);
    QCOMPARE(raw.texts("SELECT folds FROM predictions")[0], std::string("[0,3]"));
    QCOMPARE(raw.texts("SELECT json_extract(scores, '$.per_slice.top25_mean[1]') FROM predictions")[0],
             std::string("0.4"));
  }

  void encodedMapsGoThroughTheSamePath() {
    auto f = lbtest::makeModelFixture(freshPath());
    ArrayData a;
    a.image = lbtest::sampleMap(f.shape, 5);
    const EncodedArray e = EncodedArray::encode(a);  // what a worker thread would do
    const int64_t id = f.project.predictions().put({f.runId, {1}, f.imageIds[1]}, f.arrayIds[1], e, {});
    QVERIFY(lbtest::sameBits(f.project.predictions().get(id)->map, a.image));
  }

  void replacesInPlaceAndDropsStaleFindings() {
    auto f = lbtest::makeModelFixture(freshPath());
    auto preds = f.project.predictions();
    auto findings = f.project.findings();
    const PredictionKey key{f.runId, {0}, f.imageIds[0]};
    const int64_t id = preds.put(key, f.arrayIds[0], lbtest::sampleMap(f.shape, 1), {});
    const std::vector<FindingData> found{lbtest::sampleFinding(0), lbtest::sampleFinding(1)};
    findings.replaceAutomatic(id, 0.5, found);
    // No review yet: a new map replaces the old one, keeps the id, and the stale findings go.
    const Image second = lbtest::sampleMap(f.shape, 2);
    QCOMPARE(preds.put(key, f.arrayIds[0], second, lbtest::sampleScores(2)), id);
    QVERIFY(lbtest::sameBits(preds.get(id)->map, second));
    QCOMPARE(findings.counts(id).automatic, int64_t(0));
    QCOMPARE(preds.list(f.runId).size(), size_t(1));

    // A reviewed finding: refused by default, and nothing changes.
    const auto ids = findings.replaceAutomatic(id, 0.5, found);
    f.project.reviews().record(ids[1], ReviewState::Accepted, "real lesion", "dr. a");
    const Image third = lbtest::sampleMap(f.shape, 3);
    QVERIFY(errorKindOf([&] { preds.put(key, f.arrayIds[0], third, {}); }) == ErrorKind::Conflict);
    QVERIFY(lbtest::sameBits(preds.get(id)->map, second));
    QCOMPARE(findings.counts(id).automatic, int64_t(2));
    // Keep: the reviewed one stays with its review, the unreviewed one goes.
    preds.put(key, f.arrayIds[0], third, {}, ReviewedFindings::Keep);
    QVERIFY(lbtest::sameBits(preds.get(id)->map, third));
    const auto kept = findings.list(lbtest::where([&](FindingQuery& q) { q.predictionId = id; }));
    QCOMPARE(kept.size(), size_t(1));
    QCOMPARE(kept[0].id, ids[1]);
    QVERIFY(kept[0].review.state == ReviewState::Accepted);
    // Discard: everything goes.
    preds.put(key, f.arrayIds[0], second, {}, ReviewedFindings::Discard);
    QVERIFY(findings.list(lbtest::where([&](FindingQuery& q) { q.predictionId = id; })).empty());
  }

  void listsMetadataByRunFoldsAndDataset() {
    auto f = lbtest::makeModelFixture(freshPath(), 3);
    auto preds = f.project.predictions();
    const Dataset other = f.project.datasets().create("second site", DatasetRole::Test);
    const int64_t otherImage = f.project.images().insert(other.id, lbtest::sampleNewImage("elsewhere"));
    const int64_t otherArray = f.project.arrays().id(otherImage).value();
    for (size_t k = 0; k < f.imageIds.size(); ++k) {
      preds.put({f.runId, {0}, f.imageIds[k]}, f.arrayIds[k], lbtest::sampleMap(f.shape, uint32_t(k)), {});
      preds.put({f.runId, {0, 1, 2, 3}, f.imageIds[k]}, f.arrayIds[k], lbtest::sampleMap(f.shape, 9), {});
    }
    preds.put({f.runId, {0}, otherImage}, otherArray, lbtest::sampleMap(f.shape, 4), {});
    QCOMPARE(preds.list(f.runId).size(), size_t(7));
    const auto single = preds.list(f.runId, std::vector<int>{0});
    QCOMPARE(single.size(), size_t(4));
    QCOMPARE(preds.list(f.runId, std::vector<int>{3, 2, 1, 0}).size(), size_t(3));
    const auto site = preds.list(f.runId, std::vector<int>{0}, other.id);
    QCOMPARE(site.size(), size_t(1));
    QCOMPARE(site[0].imageId, otherImage);
    QCOMPARE(site[0].datasetId, other.id);
    QCOMPARE(site[0].shape.toString(), f.shape.toString());
    QVERIFY(preds.list(f.runId + 1).empty());
    QVERIFY(preds.info(site[0].id).has_value());
    QVERIFY(preds.find({f.runId, {0}, otherImage}).has_value());
  }

  void removesByRunAndCascades() {
    auto f = lbtest::makeModelFixture(freshPath(), 2);
    auto preds = f.project.predictions();
    int64_t first = 0;
    for (size_t k = 0; k < 2; ++k) {
      first = preds.put({f.runId, {0}, f.imageIds[k]}, f.arrayIds[k], lbtest::sampleMap(f.shape, 1), {});
      preds.put({f.runId, {1}, f.imageIds[k]}, f.arrayIds[k], lbtest::sampleMap(f.shape, 2), {});
    }
    const auto ids = f.project.findings().replaceAutomatic(first, 0.4, std::vector{lbtest::sampleFinding(0)});
    f.project.reviews().record(ids[0], ReviewState::Rejected);
    QCOMPARE(preds.removeByRun(f.runId, std::vector<int>{1}), int64_t(2));
    QCOMPARE(preds.list(f.runId).size(), size_t(2));
    QVERIFY(errorKindOf([&] { preds.removeByRun(f.runId + 7); }) == ErrorKind::NotFound);
    // Replacing the working array removes what was computed from it.
    ArrayData a;
    a.image = lbtest::sampleImage(1, f.shape, 3);
    f.project.arrays().store(f.imageIds[0], a);
    QCOMPARE(preds.list(f.runId).size(), size_t(1));
    // Deleting the run removes its predictions, their findings and reviews.
    f.project.runs().remove(f.runId);
    lbtest::RawDb raw(f.project.path());
    QCOMPARE(raw.integer("SELECT count(*) FROM predictions"), int64_t(0));
    QCOMPARE(raw.integer("SELECT count(*) FROM findings"), int64_t(0));
    QCOMPARE(raw.integer("SELECT count(*) FROM reviews"), int64_t(0));
  }

  void refusesWhatItCannotStore() {
    auto f = lbtest::makeModelFixture(freshPath(), 2);
    auto preds = f.project.predictions();
    const Image map = lbtest::sampleMap(f.shape, 1);
    const auto kind = [&](PredictionKey key, int64_t arrayId, const Image& m, PredictionScores s = {}) {
      return errorKindOf([&] { preds.put(key, arrayId, m, s); });
    };
    QVERIFY(kind({f.runId + 5, {0}, f.imageIds[0]}, f.arrayIds[0], map) == ErrorKind::NotFound);    // run
    QVERIFY(kind({f.runId, {0, 9}, f.imageIds[0]}, f.arrayIds[0], map) == ErrorKind::NotFound);     // fold
    QVERIFY(kind({f.runId, {0}, 999}, f.arrayIds[0], map) == ErrorKind::NotFound);                  // image
    QVERIFY(kind({f.runId, {0}, f.imageIds[0]}, 999, map) == ErrorKind::NotFound);                  // array
    QVERIFY(kind({f.runId, {}, f.imageIds[0]}, f.arrayIds[0], map) == ErrorKind::InvalidArgument);  // no folds
    QVERIFY(kind({f.runId, {-1}, f.imageIds[0]}, f.arrayIds[0], map) == ErrorKind::InvalidArgument);
    // The array of another image, a map of another shape, two channels.
    QVERIFY(kind({f.runId, {0}, f.imageIds[0]}, f.arrayIds[1], map) == ErrorKind::InvalidArgument);
    QVERIFY(kind({f.runId, {0}, f.imageIds[0]}, f.arrayIds[0], lbtest::sampleMap(Shape(2, 8, 5), 1)) ==
            ErrorKind::InvalidArgument);
    QVERIFY(kind({f.runId, {0}, f.imageIds[0]}, f.arrayIds[0], Image(2, f.shape)) == ErrorKind::InvalidArgument);
    // Scores: not finite; per-slice of the wrong length.
    PredictionScores nan;
    nan.image.mean = std::nan("");
    QVERIFY(kind({f.runId, {0}, f.imageIds[0]}, f.arrayIds[0], map, nan) == ErrorKind::InvalidArgument);
    QVERIFY(kind({f.runId, {0}, f.imageIds[0]}, f.arrayIds[0], map, lbtest::sampleScores(3)) ==
            ErrorKind::InvalidArgument);
    QVERIFY(preds.list(f.runId).empty());
    try {
      preds.put({f.runId, {0}, f.imageIds[0]}, f.arrayIds[1], map, {});
    } catch (const ProjectError& e) {
      QVERIFY2(std::string(e.what()).find("belongs to image") != std::string::npos, e.what());
      QVERIFY(e.file() == f.project.path());
    }
  }

  void damagedRowsAreCorrupt() {
    const fs::path path = freshPath();
    int64_t id = 0;
    {
      auto f = lbtest::makeModelFixture(path);
      id = f.project.predictions().put({f.runId, {0}, f.imageIds[0]}, f.arrayIds[0], lbtest::sampleMap(f.shape, 1), {});
    }
    // Each damage is applied on top of the previous ones; metadata damage is read through info(), which never
    // touches the (already damaged) blob.
    const auto corrupt = [&](const std::string& sql, bool metadataOnly = false) {
      {
        lbtest::RawDb raw(path);
        raw.exec("SAVEPOINT s");
        raw.exec(sql);
        raw.exec("RELEASE s");
      }
      Project p = Project::open(path);
      return errorKindOf([&] {
        if (metadataOnly) p.predictions().info(id);
        else p.predictions().get(id);
      });
    };
    QVERIFY(corrupt("UPDATE predictions SET raw_size = 999999999999") == ErrorKind::Corrupt);
    QVERIFY(corrupt("UPDATE predictions SET raw_size = 384, data = x'789c'") == ErrorKind::Corrupt);
    QVERIFY(corrupt("UPDATE predictions SET scores = '{\"mean\": \"high\"}'", true) == ErrorKind::Corrupt);
    QVERIFY(corrupt("UPDATE predictions SET scores = '{\"mean\":0,\"p75\":0,\"top25_mean\":0}', folds = '[3,1]'",
                    true) == ErrorKind::Corrupt);
  }
};

QTEST_GUILESS_MAIN(TestProjectPredictions)
#include "test_project_predictions.moc"
