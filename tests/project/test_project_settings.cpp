// Settings: text values under keys, typed helpers that refuse what they did not write, prefix listing that treats
// '%' and '_' literally, and the per-run heat-map colour scale (deleted with its run).
#include <QtTest>

#include "lightbox/project/project.h"
#include "model_fixture.h"

using namespace lightbox;
using namespace lightbox::project;
using lbtest::errorKindOf;
namespace fs = std::filesystem;

class TestProjectSettings : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;
  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "s.lightbox"); }

 private Q_SLOTS:
  void textValues() {
    Project p = Project::create(freshPath());
    auto s = p.settings();
    QVERIFY(!s.get("ui/language"));
    s.set("ui/language", "de");
    s.set("ui/language", "zh_CN");  // replaces
    s.set("ui/empty", "");
    s.set("ui%odd_key", "x");
    QCOMPARE(s.get("ui/language").value(), std::string("zh_CN"));
    QCOMPARE(s.get("ui/empty").value(), std::string());
    const auto ui = s.list("ui/");
    QCOMPARE(ui.size(), size_t(2));  // not "ui%odd_key": the prefix is literal, not a LIKE pattern
    QCOMPARE(ui[0].first, std::string("ui/empty"));
    QCOMPARE(s.list().size(), size_t(3));
    QVERIFY(s.remove("ui/empty"));
    QVERIFY(!s.remove("ui/empty"));
    QVERIFY(errorKindOf([&] { s.set("", "x"); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { s.set("k", "\xFF"); }) == ErrorKind::InvalidArgument);
  }

  void typedValues() {
    const fs::path path = freshPath();
    {
      Project p = Project::create(path);
      auto s = p.settings();
      s.setInt("a/int", -42);
      s.setReal("a/real", 0.1);
      s.setBool("a/bool", true);
      QVERIFY(errorKindOf([&] { s.setReal("a/nan", std::nan("")); }) == ErrorKind::InvalidArgument);
    }
    Project p = Project::open(path, OpenMode::ReadOnly);
    auto s = p.settings();
    QCOMPARE(s.getInt("a/int").value(), int64_t(-42));
    QCOMPARE(s.getReal("a/real").value(), 0.1);  // shortest round trip: exact
    QCOMPARE(s.get("a/real").value(), std::string("0.1"));
    QCOMPARE(s.getBool("a/bool").value(), true);
    QVERIFY(!s.getInt("a/none"));
    // A value of another type is Corrupt, never a silent 0.
    QVERIFY(errorKindOf([&] { s.getInt("a/real"); }) == ErrorKind::Corrupt);
    QVERIFY(errorKindOf([&] { s.getBool("a/int"); }) == ErrorKind::Corrupt);
    QVERIFY(errorKindOf([&] { s.getReal("a/bool"); }) == ErrorKind::Corrupt);
    QVERIFY(errorKindOf([&] { s.setInt("a/int", 1); }) == ErrorKind::ReadOnly);
  }

  void colourScalePerRun() {
    auto f = lbtest::makeModelFixture(freshPath(), 0);
    auto s = f.project.settings();
    QVERIFY(!s.colourScale(f.runId));
    s.setColourScale(f.runId, {0.05, 0.95, "inferno"});
    s.setColourScale(f.runId, {-0.5, 1.5, "hot_r"});
    const auto scale = s.colourScale(f.runId);
    QCOMPARE(scale->min, -0.5);
    QCOMPARE(scale->max, 1.5);
    QCOMPARE(scale->colormap, std::string("hot_r"));
    QCOMPARE(s.get(SettingsRepository::colourScaleKey(f.runId)).value(),
             std::string(R"({"colormap":"hot_r","max":1.5,"min":-0.5})"));
    QVERIFY(errorKindOf([&] { s.setColourScale(f.runId, {1.0, 1.0, "inferno"}); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { s.setColourScale(f.runId, {0.0, 1.0, "no spaces"}); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { s.setColourScale(f.runId + 1, {0.0, 1.0, "inferno"}); }) == ErrorKind::NotFound);
    // Hand-edited nonsense is Corrupt.
    s.set(SettingsRepository::colourScaleKey(f.runId), R"({"min":2,"max":1,"colormap":"x"})");
    QVERIFY(errorKindOf([&] { s.colourScale(f.runId); }) == ErrorKind::Corrupt);
    // Deleted with the run, so a later run that reuses the id starts without it.
    s.setColourScale(f.runId, {0.0, 1.0, "inferno"});
    const std::string audit = "audit/run/" + std::to_string(f.runId);  // the healthy-set audit (workflows/audit.h)
    s.set(audit, "{}");
    s.set("audit/run/" + std::to_string(f.runId) + "0", "{}");  // another run's: stays
    f.project.runs().remove(f.runId);
    QVERIFY(!s.get(SettingsRepository::colourScaleKey(f.runId)));
    QVERIFY(!s.get(audit));
    QVERIFY(s.get(audit + "0"));
  }
};

QTEST_GUILESS_MAIN(TestProjectSettings)
#include "test_project_settings.moc"
