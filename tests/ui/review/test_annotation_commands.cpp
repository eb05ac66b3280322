// The annotation undo commands on a QUndoStack without widgets: each stores when pushed, undone and redone; a
// drawn finding comes back under its id; an extent change is undone to the very bytes; category list edits undo in
// order; a failing store makes the command obsolete and reports the error.
#include <QUndoStack>
#include <QtTest>

#include <filesystem>

#include "review/review_annotation_commands.h"

using namespace lightbox;
using namespace lightbox::ui;

class TestAnnotationCommands : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;
  int64_t prediction_ = 0;

  workflows::RegionMask block(int64_t y, int64_t x, int64_t h, int64_t w) {
    workflows::RegionMask r;
    r.min = {y, x};
    r.max = {y + h, x + w};
    r.values.assign(size_t(h * w), 1);
    return r;
  }

 private Q_SLOTS:
  void initTestCase() {
    path_ = dir_.filePath(QStringLiteral("c.lightbox"));
    const int64_t run = workflows::writeSyntheticReviewProject(path_.toStdString(), 1, false);
    const auto c = workflows::loadReviewCatalogue(path_.toStdString());
    prediction_ = workflows::listReviewImages(path_.toStdString(), run, {0, 1}, c.datasets.at(0).id).at(0).predictionId;
  }

  void drawingAndExtentUndoRedo() {
    const std::string path = path_.toStdString();
    QUndoStack stack;
    std::vector<std::pair<qint64, QString>> calls;
    const FindingApplied applied = [&](qint64, qint64 id, const QString& error) { calls.emplace_back(id, error); };
    auto* add = new AddManualFindingCommand(path_, prediction_, workflows::ManualShape::Ellipse, block(5, 5, 3, 4), applied);
    stack.push(add);
    const qint64 id = add->findingId();
    QVERIFY(id > 0);
    QCOMPARE(calls.back().first, id);
    QCOMPARE(workflows::loadFindingExtent(path, id).region.voxels(), int64_t(12));

    const auto before = workflows::saveFindingRegion(path, id);
    stack.push(new ExtentCommand(path_, prediction_, before, block(5, 5, 2, 2), workflows::ManualShape::Box, applied));
    QCOMPARE(workflows::saveFindingRegion(path, id).sizeVoxels, int64_t(4));
    QCOMPARE(workflows::saveFindingRegion(path, id).manualShape, std::string("box"));
    stack.undo();
    const auto back = workflows::saveFindingRegion(path, id);
    QVERIFY(back.extent == before.extent);
    QCOMPARE(back.manualShape, std::string("ellipse"));
    stack.undo();  // the drawing goes
    QCOMPARE(calls.back().first, qint64(0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::loadFindingExtent(path, id));
    stack.redo();
    QCOMPARE(add->findingId(), id);  // back under its id, so the next redo finds it
    stack.redo();
    QCOMPARE(workflows::saveFindingRegion(path, id).sizeVoxels, int64_t(4));

    // A store that fails (the finding removed behind the stack's back) is reported and leaves the command obsolete.
    workflows::removeManualFinding(path, id);
    calls.clear();
    stack.undo();
    QVERIFY(!calls.empty() && !calls.back().second.isEmpty());
  }

  void categoryListUndoRedo() {
    const std::string path = path_.toStdString();
    const auto names = [&] {
      QStringList out;
      for (const auto& c : workflows::loadFindingCategories(path)) out << QString::fromStdString(c.name);
      return out;
    };
    QUndoStack stack;
    QStringList errors;
    const CategoryListCommand::Applied applied = [&](const QString& e) { errors << e; };
    stack.push(CategoryListCommand::add(path_, QStringLiteral("cyst"), applied));
    QCOMPARE(names().last(), QStringLiteral("cyst"));
    const qint64 cyst = workflows::loadFindingCategories(path).back().id;
    stack.push(CategoryListCommand::rename(path_, cyst, QStringLiteral("cyst"), QStringLiteral("Cyst"), applied));
    QCOMPARE(names().last(), QStringLiteral("Cyst"));
    stack.push(CategoryListCommand::remove(path_, cyst, QStringLiteral("Cyst"), 4, applied));
    QCOMPARE(names().size(), 4);
    std::vector<int64_t> order;
    for (const auto& c : workflows::loadFindingCategories(path)) order.push_back(c.id);
    std::vector<int64_t> reversed(order.rbegin(), order.rend());
    stack.push(CategoryListCommand::reorder(path_, order, reversed, applied));
    QCOMPARE(names().first(), QStringLiteral("unsure"));
    stack.undo();
    QCOMPARE(names().first(), QStringLiteral("lesion"));
    stack.undo();
    QCOMPARE(names().last(), QStringLiteral("Cyst"));
    QCOMPARE(workflows::loadFindingCategories(path).back().id, cyst);  // the same id
    stack.undo();
    QCOMPARE(names().last(), QStringLiteral("cyst"));
    stack.undo();
    QCOMPARE(names().size(), 4);
    stack.redo();
    QCOMPARE(workflows::loadFindingCategories(path).back().id, cyst);
    QVERIFY(std::all_of(errors.begin(), errors.end(), [](const QString& e) { return e.isEmpty(); }));
    // A clash is refused with the reason, and nothing changes.
    stack.push(CategoryListCommand::add(path_, QStringLiteral("LESION"), applied));
    QVERIFY(!errors.last().isEmpty());
    QCOMPARE(names().size(), 5);
  }
};

QTEST_GUILESS_MAIN(TestAnnotationCommands)
#include "test_annotation_commands.moc"
