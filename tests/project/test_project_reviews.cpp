// Reviews: an append-only history per finding (the trigger refuses UPDATE), the current state, undo as a new review
// that restores the previous state, free-text checks, and errors for unknown findings.
#include <QtTest>

#include "lightbox/project/project.h"
#include "model_fixture.h"

using namespace lightbox;
using namespace lightbox::project;
using lbtest::errorKindOf;
namespace fs = std::filesystem;

class TestProjectReviews : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;
  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "v.lightbox"); }

  // A fixture with one prediction and two findings; returns the finding ids.
  static std::vector<int64_t> twoFindings(lbtest::ModelFixture& f) {
    const int64_t pred =
        f.project.predictions().put({f.runId, {0}, f.imageIds[0]}, f.arrayIds[0], lbtest::sampleMap(f.shape, 1), {});
    return f.project.findings().replaceAutomatic(pred, 0.5,
                                                 std::vector{lbtest::sampleFinding(0), lbtest::sampleFinding(1)});
  }

 private Q_SLOTS:
  void historyAndCurrentState() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    const auto ids = twoFindings(f);
    auto reviews = f.project.reviews();
    const CurrentReview never = reviews.current(ids[0]);
    QVERIFY(never.state == ReviewState::Unreviewed);
    QVERIFY(!never.reviewId);
    QVERIFY(never.reviewedAt.empty());
    QVERIFY(reviews.history(ids[0]).empty());

    const Review a = reviews.record(ids[0], ReviewState::Accepted, "Läsion 病变, 3 mm", "dr. a");
    QVERIFY(a.state == ReviewState::Accepted);
    QVERIFY(a.createdAt.size() == 24 && a.createdAt.back() == 'Z');  // set by SQLite, ISO 8601 with ms
    const Review b = reviews.record(ids[0], ReviewState::Rejected, "artefact after all", "dr. b");
    QVERIFY(b.id > a.id);
    const CurrentReview now = reviews.current(ids[0]);
    QVERIFY(now.state == ReviewState::Rejected);
    QCOMPARE(now.note, std::string("artefact after all"));
    QCOMPARE(now.reviewer, std::string("dr. b"));
    QCOMPARE(now.reviewId.value(), b.id);
    const auto history = reviews.history(ids[0]);
    QCOMPARE(history.size(), size_t(2));
    QCOMPARE(history[0].note, std::string("Läsion 病变, 3 mm"));
    QVERIFY(reviews.current(ids[1]).state == ReviewState::Unreviewed);  // the other finding is untouched
    // Listing findings carries the current review.
    const auto listed = f.project.findings().get(ids[0]);
    QVERIFY(listed->review.state == ReviewState::Rejected);
    QCOMPARE(listed->review.reviewId.value(), b.id);
  }

  void undoAppendsTheStateBefore() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    const int64_t id = twoFindings(f)[0];
    auto reviews = f.project.reviews();
    QVERIFY(!reviews.undo(id, "dr. a"));  // nothing to undo
    QVERIFY(reviews.history(id).empty());
    reviews.record(id, ReviewState::Accepted, "first", "dr. a");
    reviews.record(id, ReviewState::Rejected, "second", "dr. a");
    const auto undone = reviews.undo(id, "dr. c");
    QVERIFY(undone.has_value());
    QVERIFY(undone->state == ReviewState::Accepted);
    QCOMPARE(undone->note, std::string("first"));
    QCOMPARE(undone->reviewer, std::string("dr. c"));  // who undid it
    QVERIFY(reviews.current(id).state == ReviewState::Accepted);
    // Undoing the undo restores what was undone (one-step undo/redo); history keeps every row.
    reviews.undo(id, "dr. c");
    QVERIFY(reviews.current(id).state == ReviewState::Rejected);
    QCOMPARE(reviews.current(id).note, std::string("second"));
    QCOMPARE(reviews.history(id).size(), size_t(4));

    // Undoing the very first review returns to 'unreviewed' without a note.
    const int64_t other = f.project.findings().list({})[1].id;
    reviews.record(other, ReviewState::Accepted, "note");
    reviews.undo(other);
    QVERIFY(reviews.current(other).state == ReviewState::Unreviewed);
    QVERIFY(reviews.current(other).note.empty());
    QVERIFY(reviews.current(other).reviewId.has_value());  // reviewed, back to unreviewed: a row of its own
  }

  void historyIsAppendOnly() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    const int64_t id = twoFindings(f)[0];
    f.project.reviews().record(id, ReviewState::Accepted, "keep");
    lbtest::RawDb raw(f.project.path());
    QVERIFY(!raw.tryExec("UPDATE reviews SET state = 'rejected'"));
    QCOMPARE(raw.texts("SELECT state, note FROM reviews")[0], std::string("accepted|keep"));
  }

  void refusesBadInput() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    const int64_t id = twoFindings(f)[0];
    auto reviews = f.project.reviews();
    QVERIFY(errorKindOf([&] { reviews.record(id + 100, ReviewState::Accepted); }) == ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { reviews.undo(id + 100); }) == ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { reviews.history(id + 100); }) == ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { reviews.current(id + 100); }) == ErrorKind::NotFound);
    QVERIFY(errorKindOf([&] { reviews.record(id, ReviewState::Accepted, "bad \xC3\x28 byte"); }) ==
            ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { reviews.record(id, ReviewState::Accepted, std::string("nul\0here", 8)); }) ==
            ErrorKind::InvalidArgument);
    QVERIFY(errorKindOf([&] { reviews.record(id, ReviewState::Accepted, {}, "\xED\xA0\x80"); }) ==
            ErrorKind::InvalidArgument);  // a UTF-16 surrogate encoded in UTF-8
    QVERIFY(errorKindOf([&] { reviews.record(id, ReviewState::Accepted, std::string(70000, 'x')); }) ==
            ErrorKind::InvalidArgument);
    QVERIFY(reviews.history(id).empty());
    try {
      reviews.record(id + 100, ReviewState::Accepted);
    } catch (const ProjectError& e) {
      QVERIFY2(std::string(e.what()).find("finding with id " + std::to_string(id + 100)) != std::string::npos,
               e.what());
    }
  }

  void reviewsGoWithTheirFindings() {
    auto f = lbtest::makeModelFixture(freshPath(), 1);
    const auto ids = twoFindings(f);
    f.project.reviews().record(ids[0], ReviewState::Accepted);
    f.project.images().remove(f.imageIds[0]);
    lbtest::RawDb raw(f.project.path());
    QCOMPARE(raw.integer("SELECT count(*) FROM reviews"), int64_t(0));
  }
};

QTEST_GUILESS_MAIN(TestProjectReviews)
#include "test_project_reviews.moc"
