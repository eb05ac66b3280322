// The .lightbox file itself: creating, opening, recognising foreign files without touching them, read-only mode,
// and two connections at once.
#include <QtTest>

#include <unistd.h>

#include <algorithm>

#include "lightbox/project/project.h"
#include "project_test_support.h"

using namespace lightbox::project;
namespace fs = std::filesystem;

class TestProjectFile : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  fs::path at(const char* name) const { return fs::path(dir_.path().toStdString()) / name; }

  // Opening `path` in either mode fails with `kind`, a message naming the file and containing `words`, and the
  // file's bytes are exactly what they were.
  static std::vector<std::string> folderListing(const fs::path& path) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(path.parent_path())) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  // ... and nothing appears beside it either (no -wal or -shm file left by a probing connection).
  static void expectRejected(const fs::path& path, ErrorKind kind, const char* words,
                             std::vector<OpenMode> modes = {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
    const std::vector<char> before = lbtest::fileBytes(path);
    const std::vector<std::string> listing = folderListing(path);
    for (const OpenMode mode : modes) {
      try {
        Project::open(path, mode);
        QFAIL("open succeeded");
      } catch (const ProjectError& e) {
        QCOMPARE(toString(e.kind()), toString(kind));
        const std::string what = e.what();
        QVERIFY2(what.find(path.string()) == 0, what.c_str());
        QVERIFY2(what.find(words) != std::string::npos, what.c_str());
      }
      QVERIFY(lbtest::fileBytes(path) == before);
      QCOMPARE(folderListing(path), listing);
    }
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void createThenOpenRoundTrip() {
    const fs::path path = at("round.lightbox");
    int64_t id = 0;
    {
      Project p = Project::create(path);
      QCOMPARE(p.schemaVersion(), currentSchemaVersion());
      QCOMPARE(p.path(), path);
      QVERIFY(p.mode() == OpenMode::ReadWrite);
      id = p.datasets().create("brains", DatasetRole::Healthy, "brain 3D").id;
    }
    QVERIFY(!fs::exists(path.string() + "-wal")); // the last close checkpoints: one self-contained file
    Project p = Project::open(path);
    const auto d = p.datasets().findByName("brains");
    QVERIFY(d.has_value());
    QCOMPARE(d->id, id);
    QVERIFY(d->role == DatasetRole::Healthy);
    QCOMPARE(d->preset, std::string("brain 3D"));
    QVERIFY(!d->createdAt.empty());
  }

  void fileHasTheDocumentedPragmas() {
    const fs::path path = at("pragmas.lightbox");
    Project p = Project::create(path);
    lbtest::RawDb raw(path);
    QCOMPARE(raw.integer("PRAGMA application_id"), int64_t(kApplicationId));
    QCOMPARE(raw.integer("PRAGMA user_version"), int64_t(currentSchemaVersion()));
    QCOMPARE(raw.texts("PRAGMA journal_mode"), std::vector<std::string>{"wal"});
  }

  void createRefusesAnExistingPath() {
    const fs::path path = at("taken.lightbox");
    lbtest::writeFile(path, "precious");
    try {
      Project::create(path);
      QFAIL("create succeeded");
    } catch (const ProjectError& e) {
      QVERIFY(e.kind() == ErrorKind::AlreadyExists);
      QVERIFY(std::string(e.what()).find("already exists") != std::string::npos);
    }
    QCOMPARE(lbtest::fileBytes(path), (std::vector<char>{'p', 'r', 'e', 'c', 'i', 'o', 'u', 's'}));
  }

  void missingFileIsNotFound() {
    try {
      Project::open(at("nowhere.lightbox"));
      QFAIL("open succeeded");
    } catch (const ProjectError& e) {
      QVERIFY(e.kind() == ErrorKind::NotFound);
    }
    QVERIFY(!fs::exists(at("nowhere.lightbox")));
  }

  void nonSqliteFilesAreRejectedUntouched() {
    lbtest::writeFile(at("notes.lightbox"),
                      std::string("This is a text file, not a project.\n") + std::string(200, 'x'));
    expectRejected(at("notes.lightbox"), ErrorKind::NotSqlite, "is not an SQLite database");
    lbtest::writeFile(at("empty.lightbox"), "");
    expectRejected(at("empty.lightbox"), ErrorKind::NotSqlite, "is empty");
    lbtest::writeFile(at("short.lightbox"), "SQLite format 3");
    expectRejected(at("short.lightbox"), ErrorKind::NotSqlite, "is not an SQLite database");
  }

  void foreignSqliteIsRejectedUntouched() {
    const fs::path path = at("foreign.db");
    {
      lbtest::RawDb raw(path);
      raw.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat')");
    }
    expectRejected(path, ErrorKind::NotProject, "not a Lightbox project (application_id 0x00000000");
    const fs::path walMode = at("foreign-wal.db");
    {
      lbtest::RawDb raw(walMode);
      raw.exec("PRAGMA journal_mode = WAL; PRAGMA application_id = 42; CREATE TABLE t (x)");
    }
    expectRejected(walMode, ErrorKind::NotProject, "application_id 0x0000002A");
  }

  void newerSchemaIsRejectedUntouched() {
    const fs::path path = at("future.lightbox");
    { Project::create(path).datasets().create("kept", DatasetRole::Test); }
    { lbtest::RawDb(path).exec("PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1)); }
    expectRejected(path, ErrorKind::TooNew, "newer Lightbox");
    lbtest::RawDb raw(path);
    QCOMPARE(raw.integer("PRAGMA user_version"), int64_t(currentSchemaVersion() + 1));
    QCOMPARE(raw.integer("SELECT count(*) FROM datasets"), int64_t(1));
  }

  void truncatedProjectIsCorruptAndUntouched() {
    const fs::path path = at("cut.lightbox");
    { Project::create(path).images(); }
    fs::resize_file(path, fs::file_size(path) / 2);
    expectRejected(path, ErrorKind::Corrupt, "is truncated");
  }

  // While another connection has the project open, the newest user_version may exist only in the -wal file.
  void newerSchemaInTheWalIsSeen() {
    const fs::path path = at("live.lightbox");
    Project holder = Project::create(path);
    { lbtest::RawDb(path).exec("PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1)); }
    QVERIFY(fs::file_size(path.string() + "-wal") > 0);
    try {
      Project::open(path);
      QFAIL("open succeeded");
    } catch (const ProjectError& e) {
      QVERIFY2(e.kind() == ErrorKind::TooNew, e.what());
    }
  }

  void readOnlyRefusesWrites() {
    const fs::path path = at("readonly.lightbox");
    int64_t datasetId = 0;
    { datasetId = Project::create(path).datasets().create("d", DatasetRole::Healthy).id; }
    const std::vector<char> before = lbtest::fileBytes(path);
    Project p = Project::open(path, OpenMode::ReadOnly);
    QVERIFY(p.mode() == OpenMode::ReadOnly);
    QCOMPARE(p.datasets().list().size(), size_t(1)); // reading works
    const auto refuses = [](auto&& write, const char* words) {
      try {
        write();
        QFAIL("write succeeded");
      } catch (const ProjectError& e) {
        QVERIFY(e.kind() == ErrorKind::ReadOnly);
        QVERIFY2(std::string(e.what()).find("opened read-only") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find(words) != std::string::npos, e.what());
      }
    };
    refuses([&] { p.datasets().create("e", DatasetRole::Test); }, "create a dataset");
    refuses([&] { p.images().insert(datasetId, lbtest::sampleNewImage("x")); }, "import an image");
    refuses([&] { p.datasets().remove(datasetId); }, "delete a dataset");
    refuses([&] { Transaction tx(p); }, "be changed");
    QVERIFY(lbtest::fileBytes(path) == before);
  }

  void writeProtectedFileSaysSo() {
    if (geteuid() == 0) QSKIP("root ignores file permissions");
    const fs::path path = at("protected.lightbox");
    { Project::create(path); }
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    try {
      Project::open(path);
      QFAIL("opened a write-protected file for writing");
    } catch (const ProjectError& e) {
      QVERIFY(e.kind() == ErrorKind::ReadOnly);
      QVERIFY2(std::string(e.what()).find("write-protected") != std::string::npos, e.what());
    }
    QCOMPARE(Project::open(path, OpenMode::ReadOnly).datasets().list().size(), size_t(0));
  }

  void readOnlyRefusesAnOlderSchema() {
    if (currentSchemaVersion() == 1) QSKIP("only one schema version exists; nothing older to refuse");
    const fs::path path = at("older.lightbox");
    createProjectAtVersion(path, currentSchemaVersion() - 1);
    expectRejected(path, ErrorKind::NeedsUpgrade, "open it read-write once", {OpenMode::ReadOnly});
    QCOMPARE(Project::open(path).schemaVersion(), currentSchemaVersion()); // read-write migrates it
    QCOMPARE(Project::open(path, OpenMode::ReadOnly).schemaVersion(), currentSchemaVersion());
  }

  // WAL: a reader is never blocked by a writer and sees only committed data.
  void writerAndReaderOnOneFile() {
    const fs::path path = at("shared.lightbox");
    Project writer = Project::create(path);
    Project reader = Project::open(path);
    const int64_t id = writer.datasets().create("d", DatasetRole::Healthy).id;
    QCOMPARE(reader.images().count(id), int64_t(0));
    {
      Transaction tx(writer);
      writer.images().insert(id, lbtest::sampleNewImage("a"));
      QCOMPARE(reader.images().count(id), int64_t(0)); // not blocked, and uncommitted work is invisible
      QVERIFY(reader.arrays().kinds(1).empty());
      tx.commit();
    }
    QCOMPARE(reader.images().count(id), int64_t(1));
    const auto arr = reader.arrays().load(reader.images().list(id).front().id);
    QVERIFY(arr.has_value());
    // The second writer waits for the lock instead of failing, and both writes land.
    reader.datasets().create("e", DatasetRole::Test);
    QCOMPARE(writer.datasets().list().size(), size_t(2));
  }

  void secondWriterGetsBusyNotAHang() {
    const fs::path path = at("busy.lightbox");
    Project a = Project::create(path);
    Project b = Project::open(path);
    Transaction held(a);
    QElapsedTimer t;
    t.start();
    try {
      b.datasets().create("x", DatasetRole::Test);
      QFAIL("second writer got the lock");
    } catch (const ProjectError& e) {
      QVERIFY2(e.kind() == ErrorKind::Busy, e.what());
    }
    QVERIFY(t.elapsed() < 20000);
  }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "test_project_file.moc"
