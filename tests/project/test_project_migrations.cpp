// Schema versions: a file of every earlier version opens, migrates to the current schema, and keeps its data.
#include <QtTest>

#include "fixture_content.h"
#include "lightbox/project/project.h"
#include "project_test_support.h"

using namespace lightbox::project;
namespace fs = std::filesystem;

class TestProjectMigrations : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  std::vector<std::string> currentFingerprint_;

  fs::path at(const std::string& name) const { return fs::path(dir_.path().toStdString()) / name; }
  static fs::path fixture(int version) {
    return fs::path(LIGHTBOX_PROJECT_FIXTURES) / ("schema-v" + std::to_string(version) + ".lightbox");
  }

  void checkIsCurrent(const fs::path& path) {
    lbtest::RawDb raw(path);
    QCOMPARE(raw.integer("PRAGMA user_version"), int64_t(currentSchemaVersion()));
    QCOMPARE(raw.integer("PRAGMA application_id"), int64_t(kApplicationId));
    QCOMPARE(lbtest::schemaFingerprint(raw), currentFingerprint_);
  }

  static void checkFixtureContent(Project& p) {
    const auto healthy = p.datasets().findByName(lbfixture::kHealthy);
    QVERIFY(healthy.has_value());
    QVERIFY(healthy->role == DatasetRole::Healthy);
    QCOMPARE(healthy->preset, std::string("brain 3D"));
    QVERIFY(p.datasets().findByName(lbfixture::kTest).has_value());
    const NewImage expected = lbfixture::image();
    const auto img = p.images().findByHash(healthy->id, expected.meta.contentHash);
    QVERIFY(img.has_value());
    QCOMPARE(img->meta.sourcePath, expected.meta.sourcePath);
    QVERIFY(img->meta.shape == expected.meta.shape);
    const auto arr = p.arrays().load(img->id);
    QVERIFY(arr.has_value());
    const ArrayData expectedArray = lbfixture::array();
    QVERIFY(lbtest::sameBits(arr->image, expectedArray.image));
    QVERIFY(lbtest::sameBits(arr->image.geometry(), expectedArray.image.geometry()));
    QVERIFY(arr->mask.values() == expectedArray.mask.values());
    QCOMPARE(arr->mapping, expectedArray.mapping);
    QVERIFY(p.thumbnails().load(img->id)->grey == expected.thumbnail->grey);
    const ProjectInfo info = p.info();
    QCOMPARE(info.failed.size(), size_t(1));
    QCOMPARE(info.failed[0].sourcePath, std::string(lbfixture::kFailedPath));
    QCOMPARE(info.failed[0].error, std::string(lbfixture::kFailedReason));
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    const fs::path fresh = at("fresh.lightbox");
    { Project::create(fresh); }
    lbtest::RawDb raw(fresh);
    currentFingerprint_ = lbtest::schemaFingerprint(raw);
    QVERIFY(currentFingerprint_.size() > 50);
  }

  // Files made by the migration list itself, stopped at each version in turn.
  void everyVersionMigratesToCurrent() {
    for (int v = 1; v <= currentSchemaVersion(); ++v) {
      const fs::path path = at("made-v" + std::to_string(v) + ".lightbox");
      createProjectAtVersion(path, v);
      QCOMPARE(lbtest::RawDb(path).integer("PRAGMA user_version"), int64_t(v));
      {
        Project p = Project::open(path);
        QCOMPARE(p.schemaVersion(), currentSchemaVersion());
        lbfixture::write(p); // the current API works on the migrated file
        checkFixtureContent(p);
      }
      checkIsCurrent(path);
    }
  }

  // Files written by the builds of earlier versions, committed to the repository: the real test of a migration,
  // because they do not depend on today's code to make them.
  void committedFixturesOfEveryVersion() {
    int found = 0;
    for (int v = 1; v <= currentSchemaVersion(); ++v) {
      if (!fs::exists(fixture(v))) {
        QVERIFY2(v == currentSchemaVersion(),
                 qPrintable(QString("missing %1: commit it before bumping the schema version")
                                .arg(QString::fromStdString(fixture(v).string()))));
        continue;
      }
      ++found;
      const fs::path copy = at("fixture-v" + std::to_string(v) + ".lightbox");
      fs::copy_file(fixture(v), copy);
      QCOMPARE(lbtest::RawDb(copy).integer("PRAGMA user_version"), int64_t(v));
      {
        Project p = Project::open(copy);
        QCOMPARE(p.schemaVersion(), currentSchemaVersion());
        checkFixtureContent(p);
      }
      checkIsCurrent(copy);
    }
    QVERIFY(found >= 1);
  }

  void fixtureWriterAndCheckerAgree() {
    Project p = Project::create(at("fixture-now.lightbox"));
    lbfixture::write(p);
    checkFixtureContent(p);
  }

  void createAtVersionRefusesUnknownVersions() {
    for (const int v : {0, -1, currentSchemaVersion() + 1}) {
      try {
        createProjectAtVersion(at("bad-" + std::to_string(v + 5) + ".lightbox"), v);
        QFAIL("created an unknown version");
      } catch (const ProjectError& e) {
        QVERIFY(e.kind() == ErrorKind::InvalidArgument);
      }
      QVERIFY(!fs::exists(at("bad-" + std::to_string(v + 5) + ".lightbox")));
    }
  }

  // A project that claims to be one but has no schema at all (application_id set by hand, user_version 0).
  void projectWithoutSchemaIsCorrupt() {
    const fs::path path = at("hollow.lightbox");
    { lbtest::RawDb(path).exec("PRAGMA application_id = " + std::to_string(kApplicationId)); }
    const std::vector<char> before = lbtest::fileBytes(path);
    try {
      Project::open(path);
      QFAIL("opened");
    } catch (const ProjectError& e) {
      QVERIFY(e.kind() == ErrorKind::Corrupt);
      QVERIFY(std::string(e.what()).find("no schema") != std::string::npos);
    }
    QVERIFY(lbtest::fileBytes(path) == before);
  }
};

QTEST_GUILESS_MAIN(TestProjectMigrations)
#include "test_project_migrations.moc"
