// Datasets and images: re-import detection, all-or-nothing imports, failures with reasons, the info summary, and
// the cascade when a dataset is deleted.
#include <QtTest>

#include "lightbox/project/project.h"
#include "project_test_support.h"

using namespace lightbox::project;
namespace fs = std::filesystem;

class TestProjectImages : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;

  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "p.lightbox"); }

  static int64_t rows(lbtest::RawDb& raw, const char* table) {
    return raw.integer(std::string("SELECT count(*) FROM ") + table);
  }

  static ImageMetadata failedAt(const char* path) {
    ImageMetadata m;
    m.sourcePath = path;
    return m;
  }

  template <typename F>
  static ErrorKind kindOf(F&& f) {
    try {
      f();
    } catch (const ProjectError& e) {
      return e.kind();
    }
    return ErrorKind::Sql; // "no error" is never what these tests expect, and Sql is never what they compare to
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void datasetsCreateFindList() {
    Project p = Project::create(freshPath());
    const Dataset h = p.datasets().create("healthy brains", DatasetRole::Healthy, "brain 3D");
    p.datasets().create("blend", DatasetRole::Blend);
    QVERIFY(kindOf([&] { p.datasets().create("healthy brains", DatasetRole::Test); }) == ErrorKind::Duplicate);
    QVERIFY(kindOf([&] { p.datasets().create("", DatasetRole::Test); }) == ErrorKind::InvalidArgument);
    QVERIFY(!p.datasets().findByName("nope").has_value());
    QCOMPARE(p.datasets().get(h.id)->name, std::string("healthy brains"));
    // Names are values, never SQL.
    const Dataset odd = p.datasets().create("x'); DROP TABLE images; --", DatasetRole::Test);
    QCOMPARE(p.datasets().findByName("x'); DROP TABLE images; --")->id, odd.id);

    p.images().insert(h.id, lbtest::sampleNewImage("a"));
    p.images().insert(h.id, lbtest::sampleNewImage("b"));
    p.images().recordFailure(h.id, failedAt("/data/bad.dcm"), "not DICOM");
    const auto list = p.datasets().list();
    QCOMPARE(list.size(), size_t(3));
    QCOMPARE(list[1].dataset.name, std::string("healthy brains")); // ordered by name
    QCOMPARE(list[1].imported, int64_t(2));
    QCOMPARE(list[1].failed, int64_t(1));
    QCOMPARE(list[0].imported, int64_t(0));
  }

  void reimportIsDetectedByHash() {
    Project p = Project::create(freshPath());
    const int64_t d = p.datasets().create("d", DatasetRole::Healthy).id;
    const int64_t other = p.datasets().create("other", DatasetRole::Test).id;
    const NewImage img = lbtest::sampleNewImage("scan");
    const int64_t id = p.images().insert(d, img);
    const auto found = p.images().findByHash(d, img.meta.contentHash);
    QVERIFY(found.has_value());
    QCOMPARE(found->id, id);
    QVERIFY(!p.images().findByHash(other, img.meta.contentHash).has_value());
    // The same bytes under another name are still the same image.
    NewImage moved = lbtest::sampleNewImage("scan");
    moved.meta.sourcePath = "/elsewhere/renamed.dcm";
    try {
      p.images().insert(d, moved);
      QFAIL("duplicate accepted");
    } catch (const ProjectError& e) {
      QVERIFY(e.kind() == ErrorKind::Duplicate);
      QVERIFY2(std::string(e.what()).find("/data/scan") != std::string::npos, e.what());
    }
    QCOMPARE(p.images().count(d), int64_t(1));
    p.images().insert(other, img); // another dataset may hold it too
    QCOMPARE(p.images().count(other), int64_t(1));
  }

  void metadataRoundTrip() {
    Project p = Project::create(freshPath());
    const int64_t d = p.datasets().create("d", DatasetRole::Healthy).id;
    const NewImage img = lbtest::sampleNewImage("meta");
    const int64_t id = p.images().insert(d, img);
    const ImageRecord r = *p.images().get(id);
    QCOMPARE(r.datasetId, d);
    QVERIFY(r.status == ImportStatus::Imported);
    QCOMPARE(r.meta.sourcePath, img.meta.sourcePath);
    QCOMPARE(r.meta.modality, std::string("MR"));
    QCOMPARE(r.meta.seriesInstanceUid, img.meta.seriesInstanceUid);
    QCOMPARE(r.meta.sopInstanceUid, std::string());
    QCOMPARE(r.meta.seriesDescription, img.meta.seriesDescription);
    QVERIFY(r.meta.shape == img.meta.shape);
    QVERIFY(lbtest::sameBits(r.meta.geometry, img.meta.geometry));
    const auto files = p.images().files(id);
    QCOMPARE(files.size(), size_t(2));
    QCOMPARE(files[1].sopInstanceUid, std::string("1.2.3.4.2"));
    NewImage badHash = lbtest::sampleNewImage("h");
    badHash.meta.contentHash = "ABC";
    QVERIFY(kindOf([&] { p.images().insert(d, badHash); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { p.images().insert(999, lbtest::sampleNewImage("q")); }) == ErrorKind::NotFound);
  }

  // An import that fails half-way leaves nothing of that image behind; the images around it are untouched.
  void importIsAllOrNothing() {
    const fs::path path = freshPath();
    Project p = Project::create(path);
    const int64_t d = p.datasets().create("d", DatasetRole::Healthy).id;
    p.images().insert(d, lbtest::sampleNewImage("before"));
    // 1. The library's own transaction: the thumbnail, stored last, is invalid.
    NewImage broken = lbtest::sampleNewImage("broken");
    broken.thumbnail->grey.pop_back();
    QVERIFY(kindOf([&] { p.images().insert(d, broken); }) == ErrorKind::InvalidArgument);
    // 2. A caller's transaction around the import, abandoned by an exception before commit.
    try {
      Transaction tx(p);
      p.images().insert(d, lbtest::sampleNewImage("abandoned"));
      QCOMPARE(p.images().count(d), int64_t(2)); // visible inside the transaction...
      throw std::runtime_error("simulated crash before commit");
    } catch (const std::runtime_error&) {
    }
    QCOMPARE(p.images().count(d), int64_t(1)); // ...and gone after it
    QVERIFY(!p.images().findByHash(d, sha256Hex("broken")).has_value());
    lbtest::RawDb raw(path);
    QCOMPARE(rows(raw, "images"), int64_t(1));
    QCOMPARE(rows(raw, "image_files"), int64_t(2));
    QCOMPARE(rows(raw, "arrays"), int64_t(1));
    QCOMPARE(rows(raw, "thumbnails"), int64_t(1));
    // The connection is usable afterwards, and a nested failure only undoes its own part.
    Transaction outer(p);
    p.images().insert(d, lbtest::sampleNewImage("kept"));
    QVERIFY(kindOf([&] { p.images().insert(d, broken); }) == ErrorKind::InvalidArgument);
    outer.commit();
    QCOMPARE(p.images().count(d), int64_t(2));
  }

  void failuresAreListedWithReasons() {
    Project p = Project::create(freshPath());
    const int64_t d = p.datasets().create("d", DatasetRole::Test).id;
    const int64_t ok = p.images().insert(d, lbtest::sampleNewImage("ok"));
    const int64_t late = p.images().insert(d, lbtest::sampleNewImage("late"));
    p.images().recordFailure(d, failedAt("/data/zero.nii"), "file is empty (0 bytes)");
    p.images().markFailed(late, "preprocessing found no foreground");
    QCOMPARE(p.images().count(d), int64_t(3));
    QCOMPARE(p.images().count(d, ImportStatus::Imported), int64_t(1));
    QCOMPARE(p.images().count(d, ImportStatus::Failed), int64_t(2));
    QVERIFY(!p.arrays().load(late).has_value()); // a failed image keeps nothing that looks usable
    QVERIFY(!p.thumbnails().load(late).has_value());
    const auto list = p.images().list(d);
    QCOMPARE(list.size(), size_t(3));
    QCOMPARE(list[0].id, ok);
    QCOMPARE(list[1].error, std::string("preprocessing found no foreground"));
    QCOMPARE(list[2].meta.shape.ndim, 0);
    const ProjectInfo info = p.info();
    QCOMPARE(info.schemaVersion, currentSchemaVersion());
    QCOMPARE(info.failed.size(), size_t(2));
    QCOMPARE(info.failed[1].error, std::string("file is empty (0 bytes)"));
    QCOMPARE(info.failed[1].dataset, std::string("d"));
    QCOMPARE(info.datasets.size(), size_t(1));
    QCOMPARE(info.datasets[0].failed, int64_t(2));
    QVERIFY(info.fileBytes > 0);
    QVERIFY(info.arrayBytes > 0);
    QCOMPARE(info.thumbnailBytes, int64_t(12));
    QVERIFY(kindOf([&] { p.images().markFailed(12345, "x"); }) == ErrorKind::NotFound);
  }

  void exclusionIsKeptAndCounted() {
    Project p = Project::create(freshPath());
    const int64_t d = p.datasets().create("d", DatasetRole::Healthy).id;
    const int64_t id = p.images().insert(d, lbtest::sampleNewImage("odd"));
    p.images().setExcluded(id, true, "audit: cyst visible");
    QVERIFY(p.images().get(id)->excluded);
    QCOMPARE(p.images().get(id)->excludedReason, std::string("audit: cyst visible"));
    QCOMPARE(p.datasets().list()[0].excluded, int64_t(1));
    p.images().setExcluded(id, false);
    QVERIFY(!p.images().get(id)->excluded);
    QCOMPARE(p.images().get(id)->excludedReason, std::string());
  }

  // Deleting a dataset removes, through ON DELETE CASCADE, everything that hangs off its images — including the
  // tables later issues fill (filled here by hand) — and leaves runs and other datasets alone.
  void deletingADatasetCascades() {
    const fs::path path = freshPath();
    Project p = Project::create(path);
    const int64_t d = p.datasets().create("test set", DatasetRole::Test).id;
    const int64_t keep = p.datasets().create("healthy", DatasetRole::Healthy).id;
    const int64_t img = p.images().insert(d, lbtest::sampleNewImage("lesion"));
    p.images().insert(keep, lbtest::sampleNewImage("fine"));
    {
      lbtest::RawDb raw(path);
      raw.exec("INSERT INTO training_runs (id, preset, config, seed, dataset_id) VALUES (1, 'cpu quick', '{}', 7, " +
               std::to_string(keep) + ")");
      raw.exec("INSERT INTO run_folds (run_id, fold, train_tasks, heldout_tasks) VALUES (1, 0, '[0,1]', '[2,3,4]')");
      raw.exec("INSERT INTO run_metrics (run_id, fold, step, name, value) VALUES (1, 0, 10, 'train_loss', 0.5)");
      raw.exec("INSERT INTO ground_truth (image_id, kind, boxes) VALUES (" + std::to_string(img) + ", 'boxes', '[]')");
      raw.exec(
          "INSERT INTO predictions (id, run_id, folds, image_id, array_id, dtype, channels, shape, codec, "
          "raw_size, data) SELECT 1, 1, '[0]', image_id, id, 'float32', 1, shape, codec, raw_size, data "
          "FROM arrays WHERE image_id = " +
          std::to_string(img));
      raw.exec(
          "INSERT INTO findings (id, prediction_id, bbox, centroid_voxel, centroid_mm, size_voxels, size_mm) "
          "VALUES (1, 1, '[0,0,1,1]', '[0.5,0.5]', '[1,2,3]', 4, 3.5)");
      raw.exec("INSERT INTO reviews (finding_id, state, reviewer) VALUES (1, 'accepted', 'dr a')");
      raw.exec("INSERT INTO reviews (finding_id, state, note) VALUES (1, 'rejected', 'artefact')");
      QCOMPARE(raw.texts("SELECT state, note FROM current_reviews"), std::vector<std::string>{"rejected|artefact"});
      QVERIFY(!raw.tryExec("UPDATE reviews SET state = 'accepted'")); // history is append-only
    }
    p.datasets().remove(d);
    lbtest::RawDb raw(path);
    QCOMPARE(rows(raw, "images"), int64_t(1));
    QCOMPARE(rows(raw, "image_files"), int64_t(2));
    QCOMPARE(rows(raw, "arrays"), int64_t(1));
    QCOMPARE(rows(raw, "thumbnails"), int64_t(1));
    for (const char* table : {"ground_truth", "predictions", "findings", "reviews"})
      QCOMPARE(rows(raw, table), int64_t(0));
    QCOMPARE(rows(raw, "training_runs"), int64_t(1));
    QCOMPARE(rows(raw, "run_metrics"), int64_t(1));
    QCOMPARE(raw.integer("PRAGMA foreign_key_check"), int64_t(-1)); // no violations: no rows
    QVERIFY(kindOf([&] { p.datasets().remove(d); }) == ErrorKind::NotFound);
    // Deleting the run's dataset keeps the run (its model is still useful) but forgets the link.
    p.datasets().remove(keep);
    QCOMPARE(raw.texts("SELECT coalesce(dataset_id, 'none') FROM training_runs"), std::vector<std::string>{"none"});
  }
};

QTEST_GUILESS_MAIN(TestProjectImages)
#include "test_project_images.moc"
