// Smooth intensity change (SPEC §1.7) and cutout (SPEC §1.8).
#include <QtTest>

#include <cmath>

#include "lightbox/core/linalg.h"
#include "lightbox/core/tasks/intensity_task.h"
#include "lightbox/core/phantoms.h"

using namespace lightbox;

class TestIntensity : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void changeConfinedBoundedAndInRange_data() {
    QTest::addColumn<int>("ndim");
    QTest::newRow("2D") << 2;
    QTest::newRow("3D") << 3;
  }
  void changeConfinedBoundedAndInRange() {
    QFETCH(int, ndim);
    const Shape s = ndim == 2 ? Shape(96, 80) : Shape(40, 44, 36);
    const SmoothIntensityTask task{TaskSettings{}};
    double largest = 0;
    for (uint64_t seed = 0; seed < 40; ++seed) {
      Image img = phantom::texturedImage(s, seed);
      const Image before = img;
      const auto [lo, hi] = before.range(0);
      AnomalyShape shape(seed % 2 ? ShapeKind::Ellipse : ShapeKind::Rectangle, ndim, Point{25, 19, 21},
                         planeRotation(0, 1, 0.2 * double(seed)), Index{0, 0, 0});
      const Box box{Index{3, 4, 2}, shape.gridShape()};
      Rng rng(seed);
      ImageRangeTracker ranges(img, ImageExtremes::of(img));
      task.insert(img, box, shape, rng, ranges);
      Index i{0, 0, 0};
      do {
        const int64_t k = s.linear(i);
        const float v = img.data()[k];
        QVERIFY(v >= lo && v <= hi);
        Index local{0, 0, 0};
        bool inBox = true;
        for (int d = 0; d < ndim; ++d) {
          local[d] = i[d] - box.corner[d];
          inBox &= local[d] >= 0 && local[d] < box.size[d];
        }
        const double change = std::abs(double(v) - double(before.data()[k]));
        if (!inBox || !shape.mask().at(local)) QCOMPARE(change, 0.0);
        // a = 0.1 + Gamma(3, 0.2) is unbounded above, but the weight is at most 1: |change| <= a, and a < 5 here.
        QVERIFY(change < 5.0);
        largest = std::max(largest, change);
      } while (nextIndex(i, s));
    }
    QVERIFY(largest > 0.1);  // the task does change the image
  }

  void cutoutFillsOneValue() {
    Image img = phantom::texturedImage(Shape(50, 50), 1);
    AnomalyShape shape(ShapeKind::Rectangle, 2, Point{11, 9, 1}, identityMatrix(), Index{0, 0, 0});
    Rng rng(5);
    ImageRangeTracker ranges(img, ImageExtremes::of(img));
    CutoutTask().insert(img, Box{Index{10, 10, 0}, shape.gridShape()}, shape, rng, ranges);
    const float v = img.data()[Shape(50, 50).linear({15, 15, 0})];
    QVERIFY(v >= 0.0f && v < 1.0f);
    QCOMPARE(img.data()[Shape(50, 50).linear({11, 12, 0})], v);
  }
};

QTEST_APPLESS_MAIN(TestIntensity)
#include "test_intensity.moc"
