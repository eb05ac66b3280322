// Bend sink / source deformations (SPEC §1.6, §7).
#include <QtTest>

#include <cmath>

#include "lightbox/core/linalg.h"
#include "lightbox/core/tasks/deformation_task.h"
#include "lightbox/core/phantoms.h"

using namespace lightbox;

class TestDeformation : public QObject {
  Q_OBJECT

  struct Case {
    Image image;
    Image before;
    Box box;
    AnomalyShape shape;
  };
  static Case makeCase(int ndim) {
    const Shape s = ndim == 2 ? Shape(64, 64) : Shape(32, 36, 32);
    Image img = phantom::texturedImage(s, 3);
    Matrix m = planeRotation(0, 1, 0.3);
    AnomalyShape shape(ShapeKind::Ellipse, ndim, Point{21, 17, 19}, m, Index{0, 0, 0});
    Box box{Index{5, 6, 4}, shape.gridShape()};
    return Case{img, img, box, shape};
  }
  static bool insideBox(const Index& i, const Box& b, int nd) {
    for (int d = 0; d < nd; ++d)
      if (i[d] < b.corner[d] || i[d] >= b.corner[d] + b.size[d]) return false;
    return true;
  }

 private Q_SLOTS:
  void bendFactorValues() {
    const double a = 10.0;
    QVERIFY(std::abs(bendFactor(0.2 * std::sqrt(2.0) * a, a) - 3.3755) < 1e-4);
    QVERIFY(std::abs(bendFactor(0.45 * std::sqrt(2.0) * a, a) - 58.40) < 5e-3);
    QVERIFY(std::abs(bendFactor(1e-9, a) - 1.0) < 1e-6);
  }

  void radialProfiles() {
    for (double rho : {0.0, 1.0, 2.5, 4.0}) {
      QCOMPARE(sinkRadius(rho, 4.0, 1.0), rho);
      QCOMPARE(sourceRadius(rho, 4.0, 1.0), rho);
    }
    // f > 1: a source samples closer to the centre (content pushed out), a sink further (content pulled in).
    QVERIFY(sourceRadius(2.0, 4.0, 3.0) < 2.0);
    QVERIFY(sinkRadius(2.0, 4.0, 3.0) > 2.0);
    QCOMPARE(sinkRadius(4.0, 4.0, 3.0), 4.0);
    QVERIFY(std::isfinite(sinkRadius(4.0 + 1e-12, 4.0, 2.5)));
  }

  void pushDistanceWithinBounds() {
    Rng rng(1);
    for (double a : {0.5, 3.0, 20.0, 80.0}) {
      const double pmax = a / std::sqrt(2.0);
      for (int k = 0; k < 200; ++k) {
        const double p = samplePushDistance(rng, a, 0.5, 5.0);
        QVERIFY(p >= 0.1 * pmax - 1e-12 && p <= 0.9 * pmax + 1e-12);
        if (0.5 < 0.9 * pmax && 5.0 > 0.1 * pmax) QVERIFY(p >= 0.5 - 1e-12 && p <= 5.0 + 1e-12);
      }
    }
  }

  void factorOneIsIdentity_data() {
    QTest::addColumn<int>("ndim");
    QTest::newRow("2D") << 2;
    QTest::newRow("3D") << 3;
  }
  void factorOneIsIdentity() {
    QFETCH(int, ndim);
    for (auto kind : {DeformationKind::Sink, DeformationKind::Source}) {
      Case c = makeCase(ndim);
      Rng rng(2);
      ImageRangeTracker ranges(c.image, ImageExtremes::of(c.image));
      BendDeformationTask(kind, TaskSettings{}, {1.0, std::nullopt}).insert(c.image, c.box, c.shape, rng, ranges);
      double worst = 0;
      for (size_t k = 0; k < c.image.values().size(); ++k)
        worst = std::max(worst, double(std::abs(c.image.values()[k] - c.before.values()[k])));
      QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
    }
  }

  void outsideMaskUnchangedAndCentreFixed_data() { factorOneIsIdentity_data(); }
  void outsideMaskUnchangedAndCentreFixed() {
    QFETCH(int, ndim);
    for (auto kind : {DeformationKind::Sink, DeformationKind::Source}) {
      Case c = makeCase(ndim);
      const Index centre{c.box.size[0] / 2, c.box.size[1] / 2, ndim == 3 ? c.box.size[2] / 2 : 0};
      QVERIFY(c.shape.mask().at(centre));
      Rng rng(3);
      ImageRangeTracker ranges(c.image, ImageExtremes::of(c.image));
      BendDeformationTask(kind, TaskSettings{}, {std::nullopt, centre}).insert(c.image, c.box, c.shape, rng, ranges);
      const Shape& s = c.image.shape();
      Index i{0, 0, 0};
      int64_t changed = 0;
      do {
        const int64_t k = s.linear(i);
        Index local{0, 0, 0};
        for (int d = 0; d < ndim; ++d) local[d] = i[d] - c.box.corner[d];
        const bool inMask = insideBox(i, c.box, ndim) && c.shape.mask().at(local);
        const bool isCentre = inMask && local == centre;
        if (!inMask || isCentre) QCOMPARE(c.image.data()[k], c.before.data()[k]);
        else changed += c.image.data()[k] != c.before.data()[k];
      } while (nextIndex(i, s));
      QVERIFY(changed > countTrue(c.shape.mask()) / 2);
    }
  }
};

QTEST_APPLESS_MAIN(TestDeformation)
#include "test_deformation.moc"
