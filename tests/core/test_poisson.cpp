// Poisson image editing invariants (SPEC §1.5, §7).
#include <QtTest>

#include <cmath>

#include "lightbox/core/poisson.h"
#include "lightbox/core/random.h"

using namespace lightbox;
Q_DECLARE_METATYPE(lightbox::Shape)

class TestPoisson : public QObject {
  Q_OBJECT

  static Patch randomPatch(const Shape& s, uint64_t seed, int channels = 1) {
    Patch p(channels, s);
    Rng r(seed);
    for (double& v : p.values) v = r.uniform(-1, 1);
    return p;
  }
  static Mask blobMask(const Shape& s) {
    Mask m(s, 0);
    Index i{0, 0, 0};
    int64_t k = 0;
    do {
      double r = 0;
      for (int d = 0; d < s.ndim; ++d) r += std::pow((i[d] - (s[d] - 1) / 2.0) / (s[d] / 2.5), 2);
      m[k++] = r < 1 ? 1 : 0;
    } while (nextIndex(i, s));
    return m;
  }
  static bool onShell(const Index& i, const Shape& s) {
    for (int d = 0; d < s.ndim; ++d)
      if (i[d] == 0 || i[d] == s[d] - 1) return true;
    return false;
  }

 private Q_SLOTS:
  void shapes_data() {
    QTest::addColumn<Shape>("shape");
    QTest::newRow("2D 23x17") << Shape(23, 17);
    QTest::newRow("3D 12x15x9") << Shape(12, 15, 9);
  }

  void emptyMaskLeavesTargetUnchanged_data() { shapes_data(); }
  void emptyMaskLeavesTargetUnchanged() {
    QFETCH(Shape, shape);
    const Patch t = randomPatch(shape, 1), s = randomPatch(shape, 2);
    Mask m(shape, 0);
    const Patch out = poissonBlend(t, s, m, true);
    for (size_t k = 0; k < t.values.size(); ++k) QVERIFY(std::abs(out.values[k] - t.values[k]) < 1e-10);
  }

  // A mask that only covers the shell is cleared in place, so nothing changes either.
  void shellIsClearedInPlace_data() { shapes_data(); }
  void shellIsClearedInPlace() {
    QFETCH(Shape, shape);
    Mask m(shape, 1);
    const Patch t = randomPatch(shape, 3), s = randomPatch(shape, 4);
    poissonBlend(t, s, m, false);
    Index i{0, 0, 0};
    int64_t k = 0;
    do {
      QCOMPARE(m[k++], uint8_t(onShell(i, shape) ? 0 : 1));
    } while (nextIndex(i, shape));
  }

  void sourceEqualTargetPlusConstantIsUnchanged_data() { shapes_data(); }
  void sourceEqualTargetPlusConstantIsUnchanged() {
    QFETCH(Shape, shape);
    const Patch t = randomPatch(shape, 5, 2);
    Patch s = t;
    for (double& v : s.values) v += 0.37;
    for (bool mix : {false, true}) {
      Mask m = blobMask(shape);
      const Patch out = poissonBlend(t, s, m, mix);
      for (size_t k = 0; k < t.values.size(); ++k) QVERIFY(std::abs(out.values[k] - t.values[k]) < 1e-9);
    }
  }

  // Shell values stay; the interior solves sum(neighbours) - 2D f = div v with the guidance field of SPEC §1.5.
  void interiorSolvesDiscretePoissonEquation_data() { shapes_data(); }
  void interiorSolvesDiscretePoissonEquation() {
    QFETCH(Shape, shape);
    const Patch t = randomPatch(shape, 6), s = randomPatch(shape, 7);
    for (bool mix : {false, true}) {
      Mask m = blobMask(shape);
      const Patch f = poissonBlend(t, s, m, mix);
      const int nd = shape.ndim;
      auto guidance = [&](const Index& p, int a) {
        Index q = p;
        ++q[a];
        const double gt = t.values[size_t(shape.linear(q))] - t.values[size_t(shape.linear(p))];
        const double gs = s.values[size_t(shape.linear(q))] - s.values[size_t(shape.linear(p))];
        if (!m.at(p)) return gt;
        return (mix && std::abs(gt) >= std::abs(gs)) ? gt : gs;
      };
      double worst = 0.0;
      Index i{0, 0, 0};
      do {
        const int64_t k = shape.linear(i);
        if (onShell(i, shape)) {
          QCOMPARE(f.values[size_t(k)], t.values[size_t(k)]);
          continue;
        }
        double lap = -2.0 * nd * f.values[size_t(k)], div = 0.0;
        for (int a = 0; a < nd; ++a) {
          Index lo = i, hi = i;
          --lo[a];
          ++hi[a];
          lap += f.values[size_t(shape.linear(lo))] + f.values[size_t(shape.linear(hi))];
          div += guidance(i, a) - guidance(lo, a);
        }
        worst = std::max(worst, std::abs(lap - div));
      } while (nextIndex(i, shape));
      QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
      // And the blend really changed something inside the mask.
      double change = 0;
      for (size_t k = 0; k < t.values.size(); ++k) change += std::abs(f.values[k] - t.values[k]);
      QVERIFY(change > 1.0);
    }
  }

  void thinBoxHasNoInterior() {
    const Shape s(2, 9);
    const Patch t = randomPatch(s, 8), src = randomPatch(s, 9);
    Mask m(s, 1);
    const Patch out = poissonBlend(t, src, m, true);
    QCOMPARE(out.values, t.values);
    QCOMPARE(countTrue(m), int64_t(0));
  }
};

QTEST_APPLESS_MAIN(TestPoisson)
#include "test_poisson.moc"
