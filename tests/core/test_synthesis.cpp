// The anomaly loop (SPEC §1.1), placement (§1.3), every task end to end, and determinism.
#include <QtTest>

#include <cmath>

#include "lightbox/core/tasks/task_factory.h"
#include "lightbox/core/training_samples.h"
#include "lightbox/core/phantoms.h"

using namespace lightbox;

Q_DECLARE_METATYPE(lightbox::TaskId)

class TestSynthesis : public QObject {
  Q_OBJECT

  std::shared_ptr<const ImageSet> images2d_ = phantom::imageSet(Shape(96, 96), 3, 10, false);
  std::shared_ptr<const ImageSet> other2d_ = phantom::imageSet(Shape(120, 100), 2, 50, false);
  std::shared_ptr<const ImageSet> images3d_ = phantom::imageSet(Shape(40, 56, 40), 2, 20, true);
  std::shared_ptr<const ImageSet> other3d_ = phantom::imageSet(Shape(48, 48, 48), 1, 60, false);

  TaskSources sources(int ndim) const {
    return ndim == 2 ? TaskSources{images2d_, other2d_} : TaskSources{images3d_, other3d_};
  }

 private Q_SLOTS:
  // The loop continues with probability 1/2 after each anomaly: 1, 2, 3, 4 anomalies w.p. 1/2, 1/4, 1/8, 1/8.
  void anomalyCountDistribution() {
    const auto task = makeTask(TaskId::Intensity, TaskSettings{}, {});
    const ImageRecord& rec = *(*images2d_)[0];
    int counts[5] = {0, 0, 0, 0, 0};
    const int n = 2400;
    for (int i = 0; i < n; ++i) {
      Rng rng = Rng::forItem(99, uint64_t(i));
      const auto s = synthesise(*task, rec.image, rec.objectMask, TaskSettings{}, rng);
      QVERIFY(s.anomalies.size() >= 1 && s.anomalies.size() <= 4);
      ++counts[s.anomalies.size()];
    }
    const double expected[] = {0, 0.5, 0.25, 0.125, 0.125};
    for (int k = 1; k <= 4; ++k) {
      const double p = expected[k], sd = std::sqrt(p * (1 - p) / n);
      QVERIFY2(std::abs(double(counts[k]) / n - p) < 4 * sd, qPrintable(QString("%1: %2").arg(k).arg(counts[k])));
    }
  }

  void everyTaskProducesALabelledAnomaly_data() {
    QTest::addColumn<TaskId>("task");
    QTest::addColumn<int>("ndim");
    for (TaskId t : allTasks())
      for (int nd : {2, 3})
        QTest::newRow(qPrintable(QString("%1 %2D").arg(QString::fromUtf8(taskKey(t).data())).arg(nd))) << t << nd;
  }
  void everyTaskProducesALabelledAnomaly() {
    QFETCH(TaskId, task);
    QFETCH(int, ndim);
    const auto t = makeTask(task, TaskSettings{}, sources(ndim));
    QCOMPARE(t->id(), task);
    const bool poisson = task == TaskId::IntraPoisson || task == TaskId::InterPoisson;
    const auto& set = ndim == 2 ? *images2d_ : *images3d_;
    int changedSamples = 0;
    for (uint64_t seed = 0; seed < 6; ++seed) {
      Rng rng(seed);
      const ImageRecord& rec = *set[seed % set.size()];
      const SyntheticSample s = synthesise(*t, rec.image, rec.objectMask, TaskSettings{}, rng);
      QCOMPARE(s.augmented.shape(), rec.image.shape());
      QCOMPARE(s.label.shape(), rec.image.shape());
      QVERIFY(countTrue(s.anomalyMask) > 0);
      double labelInMask = 0, change = 0;
      for (int64_t k = 0; k < s.label.count(); ++k) {
        QVERIFY(s.label[k] >= 0.0f && s.label[k] <= 1.0f);  // 1 - exp(-x) rounds to 1 in float for large x
        QVERIFY(std::isfinite(s.augmented.data()[k]));
        if (s.anomalyMask[k]) labelInMask += s.label[k];
        change += std::abs(s.augmented.data()[k] - rec.image.data()[k]);
        // Outside the anomaly mask nothing changes, except that Poisson blending moves voxels of the box by less
        // than the mask-growth threshold (0.001 per anomaly).
        if (!s.anomalyMask[k])
          QVERIFY(std::abs(s.augmented.data()[k] - rec.image.data()[k]) <= (poisson ? 0.001f * 4 : 0.0f));
      }
      changedSamples += (change > 0 && labelInMask > 0);
      if (rec.hasObjectMask())
        for (const auto& a : s.anomalies) QVERIFY(a.onObject);
    }
    QVERIFY(changedSamples >= 4);
  }

  void sameSeedSameSampleDifferentSeedDifferent() {
    const auto tasks = std::vector{makeTask(TaskId::IntraPoisson, TaskSettings{}, sources(2)),
                                   makeTask(TaskId::Sink, TaskSettings{}, sources(2))};
    const TrainingSampleGenerator gen(images2d_, tasks, TaskSettings{}, 0.5);
    for (uint64_t index : {0u, 1u, 7u}) {
      const TrainingSample a = gen.generate(123, index), b = gen.generate(123, index), c = gen.generate(124, index);
      QCOMPARE(a.synthetic.augmented.values(), b.synthetic.augmented.values());
      QCOMPARE(a.synthetic.label.values(), b.synthetic.label.values());
      QCOMPARE(a.synthetic.anomalyMask.values(), b.synthetic.anomalyMask.values());
      QVERIFY(a.synthetic.augmented.values() != c.synthetic.augmented.values());
      QCOMPARE(a.positionalEncoding->channels(), 66);
    }
  }

  // Each task's own loop settings apply to the samples it makes (what a user set in the task preview).
  void perTaskSettingsApply() {
    TaskSettings one;
    one.maxAnomalies = 1;
    const auto tasks = std::vector{makeTask(TaskId::Intensity, one, sources(2)),
                                   makeTask(TaskId::Sink, TaskSettings{}, sources(2))};
    const TrainingSampleGenerator gen(images2d_, tasks, std::vector<TaskSettings>{one, TaskSettings{}}, 0.0);
    size_t sinkMax = 0;
    for (uint64_t i = 0; i < 60; ++i) {
      const TrainingSample s = gen.generate(5, i);
      if (s.synthetic.task == TaskId::Intensity) QCOMPARE(s.synthetic.anomalies.size(), size_t(1));
      else sinkMax = std::max(sinkMax, s.synthetic.anomalies.size());
    }
    QVERIFY(sinkMax > 1);  // the other task keeps the paper's 1..4
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             TrainingSampleGenerator(images2d_, tasks, std::vector<TaskSettings>{one}, 0.0));
  }

  // The healthy image of a sample: the image set's own image when not flipped (shared, not copied), its mirror image
  // along the last axis when flipped.
  void normalImageIsSharedOrFlipped() {
    const auto task = makeTask(TaskId::Intensity, TaskSettings{}, {});
    const TrainingSampleGenerator gen(images2d_, {task}, TaskSettings{}, 0.5);
    bool sawFlipped = false, sawPlain = false;
    for (uint64_t index = 0; index < 16; ++index) {
      const TrainingSample s = gen.generate(5, index);
      const Image& record = (*images2d_)[size_t(s.imageIndex)]->image;
      QVERIFY(s.normal);
      if (s.flipped) {
        sawFlipped = true;
        QCOMPARE(s.normal->values(), flipLastAxis(record).values());
      } else {
        sawPlain = true;
        QCOMPARE(s.normal.get(), &record);
      }
    }
    QVERIFY(sawFlipped && sawPlain);
  }

  // Placement honours the object mask, and falls back (flagged) when no position can satisfy it.
  void placementRespectsObjectMask() {
    Rng rng(4);
    const Shape img(60, 60);
    Mask object(img, 0);
    for (int r = 20; r < 40; ++r)
      for (int c = 20; c < 40; ++c) object.at({r, c, 0}) = 1;
    Mask shape(Shape(10, 10), 1);
    for (int k = 0; k < 200; ++k) {
      const Placement p = placeAnomaly(rng, img, shape, object, 0.5, 200);
      QVERIFY(p.onObject);
      int hits = 0;
      for (int r = 0; r < 10; ++r)
        for (int c = 0; c < 10; ++c) hits += object.at({p.corner[0] + r, p.corner[1] + c, 0});
      QVERIFY(hits >= 50);
    }
    Mask tiny(img, 0);
    tiny.at({0, 0, 0}) = 1;
    const Placement fallback = placeAnomaly(rng, img, shape, tiny, 0.5, 50);
    QVERIFY(!fallback.onObject);
  }

  // The tracked range equals a full recomputation after arbitrary box edits, including edits that remove the
  // original extremes (the fallback) and edits that widen the range.
  void rangeTrackerMatchesRecomputation() {
    Rng rng(8);
    for (int trial = 0; trial < 50; ++trial) {
      Image img = phantom::texturedImage(Shape(40, 30), uint64_t(trial));
      ImageRangeTracker tracker(img, ImageExtremes::of(img));
      for (int edit = 0; edit < 4; ++edit) {
        const Box box{Index{rng.randint(0, 20), rng.randint(0, 15), 0}, Shape(rng.randint(1, 20), rng.randint(1, 15))};
        const float value = float(rng.uniform(-1.5, 1.5));
        for (int64_t r = 0; r < box.size[0]; ++r)
          for (int64_t c = 0; c < box.size[1]; ++c)
            img.data()[img.shape().linear({box.corner[0] + r, box.corner[1] + c, 0})] = value;
        tracker.modified(box);
        QCOMPARE(tracker.ranges()[0], img.range(0));
      }
    }
  }

  // The fallback when every stored extreme voxel was overwritten: rows no box touches keep their known range, the
  // touched rows are rescanned (here the minimum sat in row 0 and is gone, in 2D and 3D).
  void rangeTrackerFallbackDropsOverwrittenExtremes() {
    for (const Shape& shape : {Shape(12, 9), Shape(5, 6, 7)}) {
      Image img(1, shape, 0.5f);
      img.data()[0] = -3.0f;                       // the only minimum, in row 0
      img.data()[img.voxelCount() - 1] = 2.0f;     // the maximum, in the last row
      ImageRangeTracker tracker(img, ImageExtremes::of(img));
      const Box box{Index{0, 0, 0}, shape.ndim == 2 ? Shape(1, 2) : Shape(1, 1, 2)};
      img.data()[0] = 0.25f;
      tracker.modified(box);
      QCOMPARE(tracker.ranges()[0], std::make_pair(0.25f, 2.0f));
      QCOMPARE(tracker.ranges()[0], img.range(0));
    }
  }

  void mismatchedBlendSourceIsReported() {
    const auto t = makeTask(TaskId::InterPoisson, TaskSettings{}, {images3d_, other2d_});
    Rng rng(1);
    const ImageRecord& rec = *(*images3d_)[0];
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, synthesise(*t, rec.image, rec.objectMask, TaskSettings{}, rng));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeTask(TaskId::InterPoisson, TaskSettings{}, {images2d_, {}}));
  }
};

QTEST_APPLESS_MAIN(TestSynthesis)
#include "test_synthesis.moc"
