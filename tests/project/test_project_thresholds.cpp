// Thresholds of a model: proposals and user overrides are appended, the one in force is the latest override else the
// latest proposal, clearing overrides returns to the proposal, and a run's thresholds go with the run.
#include <QtTest>

#include "lightbox/project/project.h"
#include "model_fixture.h"

using namespace lightbox;
using namespace lightbox::project;
using lbtest::errorKindOf;
namespace fs = std::filesystem;

class TestProjectThresholds : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;
  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "t.lightbox"); }

 private Q_SLOTS:
  void currentIsTheLatestOverrideElseTheLatestProposal() {
    auto f = lbtest::makeModelFixture(freshPath(), 0);
    auto t = f.project.thresholds();
    const std::vector<int> ensemble{0, 1, 2, 3}, reversed{3, 2, 1, 0}, single{2};
    QVERIFY(!t.current(f.runId, ensemble));
    const std::string details = R"({"healthy_fpr":0.01,"curve":[[0.1,0.9],[0.5,0.4]]})";
    const int64_t p1 = t.propose(f.runId, ensemble, 0.42, details);
    QCOMPARE(t.current(f.runId, ensemble)->id, p1);
    QCOMPARE(t.current(f.runId, reversed)->detailsJson, details);  // the same model, folds in another order
    QVERIFY(!t.current(f.runId, single));                          // another model
    const int64_t u1 = t.setUser(f.runId, ensemble, 0.6);
    const int64_t p2 = t.propose(f.runId, ensemble, 0.45, "{}");
    // A later proposal does not undo the user's decision.
    auto cur = t.current(f.runId, ensemble);
    QCOMPARE(cur->id, u1);
    QCOMPARE(cur->value, 0.6);
    QVERIFY(cur->source == ThresholdSource::User);
    QCOMPARE(cur->detailsJson, std::string("{}"));
    QVERIFY((cur->folds == ensemble));
    const int64_t u2 = t.setUser(f.runId, ensemble, 0.55);
    QCOMPARE(t.current(f.runId, ensemble)->id, u2);
    QCOMPARE(t.latest(f.runId, ensemble, ThresholdSource::Proposed)->id, p2);
    const auto history = t.history(f.runId, ensemble);
    QCOMPARE(history.size(), size_t(4));
    QCOMPARE(history.front().id, p1);
    QCOMPARE(history.back().id, u2);
    // Clearing the overrides returns to the latest proposal; proposals stay.
    QCOMPARE(t.clearUser(f.runId, ensemble), int64_t(2));
    cur = t.current(f.runId, ensemble);
    QCOMPARE(cur->id, p2);
    QCOMPARE(cur->value, 0.45);
    QCOMPARE(t.history(f.runId, ensemble).size(), size_t(2));
  }

  void refusesBadThresholds() {
    auto f = lbtest::makeModelFixture(freshPath(), 0);
    auto t = f.project.thresholds();
    const std::vector<int> fold0{0}, fold9{9}, none;
    QVERIFY(errorKindOf([&] { t.propose(f.runId + 1, fold0, 0.5, "{}"); }) == ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { t.propose(f.runId, fold9, 0.5, "{}"); }) == ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { t.propose(f.runId, none, 0.5, "{}"); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { t.setUser(f.runId, fold0, std::nan("")); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { t.propose(f.runId, fold0, 0.5, "[1,2]"); }) == ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { t.propose(f.runId, fold0, 0.5, "{not json"); }) == ErrorKind::InvalidArgument);
    QVERIFY(t.history(f.runId, fold0).empty());
  }

  void goWithTheRun() {
    auto f = lbtest::makeModelFixture(freshPath(), 0);
    const std::vector<int> fold0{0};
    f.project.thresholds().propose(f.runId, fold0, 0.5, "{}");
    f.project.thresholds().setUser(f.runId, fold0, 0.7);
    f.project.runs().remove(f.runId);
    lbtest::RawDb raw(f.project.path());
    QCOMPARE(raw.integer("SELECT count(*) FROM thresholds"), int64_t(0));
  }

  void readOnlyProjectsReadButDoNotWrite() {
    const fs::path path = freshPath();
    int64_t run = 0;
    const std::vector<int> fold1{1};
    {
      auto f = lbtest::makeModelFixture(path, 0);
      run = f.runId;
      f.project.thresholds().propose(run, fold1, 0.3, "{}");
    }
    Project p = Project::open(path, OpenMode::ReadOnly);
    QCOMPARE(p.thresholds().current(run, fold1)->value, 0.3);
    QVERIFY(errorKindOf([&] { p.thresholds().setUser(run, fold1, 0.4); }) == ErrorKind::ReadOnly);
  }
};

QTEST_GUILESS_MAIN(TestProjectThresholds)
#include "test_project_thresholds.moc"
