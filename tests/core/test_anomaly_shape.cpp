// Anomaly shapes (SPEC §1.2) and the ray/boundary intersection pinned by the reference tests (SPEC §7.1).
#include <QtTest>

#include <cmath>

#include "lightbox/core/anomaly_shape.h"
#include "lightbox/core/linalg.h"

using namespace lightbox;

Q_DECLARE_METATYPE(lightbox::ShapeKind)

class TestAnomalyShape : public QObject {
  Q_OBJECT

  static AnomalyShape aligned(ShapeKind kind) {
    return AnomalyShape(kind, 2, Point{100, 50, 1}, identityMatrix(), Index{0, 0, 0});
  }
  static void expectPoint(const Point& got, double x, double y) {
    QVERIFY2(got[0] == x && got[1] == y,
             qPrintable(QString("(%1, %2) != (%3, %4)").arg(got[0]).arg(got[1]).arg(x).arg(y)));
  }

 private Q_SLOTS:
  void rayFromCentre_data() {
    QTest::addColumn<ShapeKind>("kind");
    QTest::newRow("rectangle") << ShapeKind::Rectangle;
    QTest::newRow("ellipse") << ShapeKind::Ellipse;
  }
  void rayFromCentre() {
    QFETCH(ShapeKind, kind);
    const AnomalyShape s = aligned(kind);
    for (double scale : {1.0, 0.5}) {  // directions need not be normalised
      expectPoint(s.edgeIntersection({0, 0, 0}, {scale, 0, 0}), 50, 0);
      expectPoint(s.edgeIntersection({0, 0, 0}, {-scale, 0, 0}), -50, 0);
      expectPoint(s.edgeIntersection({0, 0, 0}, {0, scale, 0}), 0, 25);
      expectPoint(s.edgeIntersection({0, 0, 0}, {0, -scale, 0}), 0, -25);
    }
  }

  void rectangleRayFromOffCentreOrigin() {
    const AnomalyShape s = aligned(ShapeKind::Rectangle);
    expectPoint(s.edgeIntersection({20, -10, 0}, {1, 0, 0}), 50, -10);
    expectPoint(s.edgeIntersection({20, -10, 0}, {-1, 0, 0}), -50, -10);
    expectPoint(s.edgeIntersection({20, -10, 0}, {0, 1, 0}), 20, 25);
    expectPoint(s.edgeIntersection({20, -10, 0}, {0, -1, 0}), 20, -25);
  }

  void ellipseRayFromBoundaryKeepsTheOrigin() {
    const AnomalyShape s = aligned(ShapeKind::Ellipse);
    expectPoint(s.edgeIntersection({50, 0, 0}, {1, 0, 0}), 50, 0);
    expectPoint(s.edgeIntersection({-50, 0, 0}, {-1, 0, 0}), -50, 0);
    expectPoint(s.edgeIntersection({0, 25, 0}, {0, 1, 0}), 0, 25);
    expectPoint(s.edgeIntersection({0, -25, 0}, {0, -1, 0}), 0, -25);
  }

  // Through a rotated, sheared map the intersection must still land on the shape boundary.
  void intersectionOnBoundaryUnderShear() {
    Matrix m = multiply(planeRotation(0, 1, 0.4), identityMatrix(), 2);
    m[0][1] += 0.3;
    const AnomalyShape s(ShapeKind::Ellipse, 2, Point{30, 14, 1}, m, Index{0, 0, 0});
    const Matrix inv = inverse(m, 2);
    for (double angle = 0; angle < 6.28; angle += 0.3) {
      const Point e = s.edgeIntersection({1, -1, 0}, {std::cos(angle), std::sin(angle), 0});
      const Point a = apply(inv, e, 2);
      QVERIFY(std::abs(std::pow(a[0] / 15, 2) + std::pow(a[1] / 7, 2) - 1.0) < 1e-9);
    }
  }

  void boundsForPaperShapes() {
    const ShapeBounds brain = shapeBoundsFor(Shape(80, 112, 80));
    QCOMPARE(brain.lo, (Index{5, 7, 5}));
    QCOMPARE(brain.hi, (Index{64, 90, 64}));
    const ShapeBounds cxr = shapeBoundsFor(Shape(256, 256));
    QCOMPARE(cxr.lo[0], int64_t(15));
    QCOMPARE(cxr.hi[1], int64_t(205));
  }

  // Axis lengths are clipped to [lo, hi]; the grid is capped at hi (up to the reference's floor/ceil slack).
  void sampledShapesRespectBounds_data() {
    QTest::addColumn<int>("ndim");
    QTest::newRow("2D 256x256") << 2;
    QTest::newRow("3D 80x112x80") << 3;
  }
  void sampledShapesRespectBounds() {
    QFETCH(int, ndim);
    const Shape image = ndim == 2 ? Shape(256, 256) : Shape(80, 112, 80);
    const ShapeBounds b = shapeBoundsFor(image);
    Rng rng(11);
    int ellipses = 0;
    const int n = ndim == 2 ? 2000 : 400;
    for (int k = 0; k < n; ++k) {
      const AnomalyShape s = sampleAnomalyShape(rng, image, b);
      for (int d = 0; d < ndim; ++d) {
        QVERIFY(s.axisLengths()[d] >= double(b.lo[d]) && s.axisLengths()[d] <= double(b.hi[d]));
        QVERIFY(s.axisLengths()[d] == std::trunc(s.axisLengths()[d]));
        QVERIFY2(s.gridShape()[d] <= b.hi[d] + 2, qPrintable(QString::fromStdString(s.gridShape().toString())));
      }
      QVERIFY(countTrue(s.mask()) > 0);
      ellipses += s.kind() == ShapeKind::Ellipse;
    }
    QVERIFY(std::abs(ellipses - n / 2) < 4 * std::sqrt(n / 4.0));
  }

  // The rasterised grid is centred: mask voxel i is grid point i - (G-1)/2 and an axis-aligned ellipse is symmetric.
  void rasterisedEllipseIsSymmetric() {
    const AnomalyShape s(ShapeKind::Ellipse, 2, Point{21, 11, 1}, identityMatrix(), Index{0, 0, 0});
    QCOMPARE(s.gridShape(), Shape(21, 11));
    const Mask& m = s.mask();
    for (int64_t r = 0; r < 21; ++r)
      for (int64_t c = 0; c < 11; ++c) QCOMPARE(m.at({r, c, 0}), m.at({20 - r, 10 - c, 0}));
    QCOMPARE(m.at({10, 5, 0}), uint8_t(1));
    QCOMPARE(m.at({0, 0, 0}), uint8_t(0));
  }
};

QTEST_APPLESS_MAIN(TestAnomalyShape)
#include "test_anomaly_shape.moc"
