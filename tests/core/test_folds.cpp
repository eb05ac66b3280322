// Folds over synthetic tasks and the data partition (SPEC §3.2-3.3).
#include <QtTest>

#include "lightbox/core/folds.h"

using namespace lightbox;

class TestFolds : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void foldCounts() {
    QCOMPARE(foldCount(1), 5);
    QCOMPARE(foldCount(2), 10);
    QCOMPARE(foldCount(3), 10);
    QCOMPARE(foldCount(4), 5);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, foldCount(5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, foldCount(0));
  }

  void foldTableMatchesReference() {
    const std::vector<std::vector<int>> t2 = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2},
                                              {1, 3}, {1, 4}, {2, 3}, {2, 4}, {3, 4}};
    for (int f = 0; f < 10; ++f) QCOMPARE(foldTasks(2, f).training, t2[size_t(f)]);
    const std::vector<std::vector<int>> t3 = {{0, 1, 2}, {0, 1, 3}, {0, 1, 4}, {0, 2, 3}, {0, 2, 4},
                                              {0, 3, 4}, {1, 2, 3}, {1, 2, 4}, {1, 3, 4}, {2, 3, 4}};
    for (int f = 0; f < 10; ++f) QCOMPARE(foldTasks(3, f).training, t3[size_t(f)]);
    QCOMPARE(foldTasks(1, 3).training, std::vector<int>{3});
    QCOMPARE(foldTasks(1, 3).validation, (std::vector<int>{0, 1, 2, 4}));
    QCOMPARE(foldTasks(4, 0).training, (std::vector<int>{0, 1, 2, 3}));
    QCOMPARE(foldTasks(4, 4).validation, std::vector<int>{0});
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, foldTasks(4, 5));
  }

  void arraySplit() {
    const auto chunks = splitIntoChunks(12, 5);
    const std::vector<size_t> sizes = {3, 3, 2, 2, 2};
    for (size_t i = 0; i < 5; ++i) QCOMPARE(chunks[i].size(), sizes[i]);
    QCOMPARE(chunks[1].front(), 3);
  }

  void partitionSizes() {
    // N = 4000 (VinDr): 3200/800, 2400/1600, 2400/1600, 3200/800 for T = 1..4.
    const std::pair<size_t, size_t> expected[] = {{3200, 800}, {2400, 1600}, {2400, 1600}, {3200, 800}};
    for (int t = 1; t <= 4; ++t)
      for (int f = 0; f < foldCount(t); ++f) {
        const DataPartition p = partitionImages(4000, foldTasks(t, f));
        QCOMPARE(p.training.size(), expected[t - 1].first);
        QCOMPARE(p.validation.size(), expected[t - 1].second);
      }
  }

  // T = 2 trains on the chunks of the held-out tasks (SPEC §8.2): the lists swap, the tasks do not.
  void partitionSwapKeepsTasks() {
    const FoldTasks fold = foldTasks(2, 0);  // train (0, 1), validate (2, 3, 4)
    const DataPartition p = partitionImages(10, fold);
    QVERIFY(p.swapped);
    QCOMPARE(p.training, (std::vector<int>{4, 5, 6, 7, 8, 9}));
    QCOMPARE(p.validation, (std::vector<int>{0, 1, 2, 3}));
    const DataPartition q = partitionImages(10, foldTasks(1, 2));  // train (2): chunks 0,1,3,4 after the swap
    QCOMPARE(q.training, (std::vector<int>{0, 1, 2, 3, 6, 7, 8, 9}));
    QCOMPARE(q.validation, (std::vector<int>{4, 5}));
  }
};

QTEST_APPLESS_MAIN(TestFolds)
#include "test_folds.moc"
