// Grey closing, reconstruction by erosion and grey hole filling: hand-made cases, and the fast algorithms against
// brute-force definitions on random 2D and 3D grids.
#include <QtTest>

#include "morphology_reference.h"

using namespace morphology_reference;


class TestGreyMorphology : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void closingMatchesBruteForce_data() { addShapes(); }
  void closingMatchesBruteForce() {
    QFETCH(Shape, shape);
    const Grid<double> g = randomGrid(shape, 25);
    const Grid<double> closed = lightbox::greyClosing(g);
    const Grid<double> expected = bruteFlatFilter(bruteFlatFilter(g, true), false);
    QVERIFY(closed.shape() == shape);
    QCOMPARE(closed.values(), expected.values());
    for (int64_t p = 0; p < g.count(); ++p) QVERIFY(closed[p] >= g[p]);  // closing is extensive
  }

  void closingFillsANarrowPit() {
    Grid<double> g(Shape(5, 5), 1.0);
    g.at({2, 2, 0}) = 0.0;
    QCOMPARE(lightbox::greyClosing(g).values(), Grid<double>(Shape(5, 5), 1.0).values());
    // 3D: the pit is filled by its 18 footprint neighbours.
    Grid<double> g3(Shape(5, 5, 5), 1.0);
    g3.at({2, 2, 2}) = 0.0;
    QCOMPARE(lightbox::greyClosing(g3).at({2, 2, 2}), 1.0);
  }

  void reconstructionMatchesBruteForce_data() { addShapes(); }
  void reconstructionMatchesBruteForce() {
    QFETCH(Shape, shape);
    Rng r(26);
    const Grid<double> mask = randomGrid(shape, 27);
    Grid<double> seed = mask;
    for (auto& v : seed.values()) v += r.bernoulli(0.7) ? static_cast<double>(r.randint(0, 4)) * 0.25 : 0.0;
    const Grid<double> rec = lightbox::reconstructionByErosion(seed, mask);
    QCOMPARE(rec.values(), bruteReconstruction(seed, mask).values());
  }

  void fillGreyHolesMatchesBruteForce_data() { addShapes(); }
  void fillGreyHolesMatchesBruteForce() {
    QFETCH(Shape, shape);
    const Grid<double> g = randomGrid(shape, 28);
    const double top = *std::max_element(g.values().begin(), g.values().end());
    Grid<double> seed(shape);
    forEachIndex(shape, [&](const Index& i, int64_t p) { seed[p] = onShell(shape, i) ? g[p] : top; });
    const Grid<double> filled = lightbox::fillGreyHoles(g);
    QCOMPARE(filled.values(), bruteReconstruction(seed, g).values());
    for (int64_t p = 0; p < g.count(); ++p) QVERIFY(filled[p] >= g[p]);
  }

  void fillGreyHolesRaisesEnclosedBasinToRim() {
    // 7x7: shell at 0.2, a ring at 0.9 around a basin of 0.3 with a 0.1 pit in the middle.
    Grid<double> g(Shape(7, 7), 0.2);
    forEachIndex(g.shape(), [&](const Index& i, int64_t p) {
      const int64_t ring = std::max(std::abs(i[0] - 3), std::abs(i[1] - 3));
      if (ring == 2) g[p] = 0.9;
      if (ring <= 1) g[p] = 0.3;
    });
    g.at({3, 3, 0}) = 0.1;
    const Grid<double> filled = lightbox::fillGreyHoles(g);
    forEachIndex(g.shape(), [&](const Index& i, int64_t p) {
      const int64_t ring = std::max(std::abs(i[0] - 3), std::abs(i[1] - 3));
      QCOMPARE(filled[p], ring <= 2 ? 0.9 : 0.2);
    });
    // A pass at 0.5 in the rim: the basin fills only up to the pass.
    g.at({1, 3, 0}) = 0.5;
    const Grid<double> passed = lightbox::fillGreyHoles(g);
    QCOMPARE(passed.at({3, 3, 0}), 0.5);
    QCOMPARE(passed.at({2, 2, 0}), 0.5);
    QCOMPARE(passed.at({1, 1, 0}), 0.9);
  }

  void fillGreyHolesLeavesOpenBasin() {
    // A 0.1 valley that runs to the border: nothing to fill.
    Grid<double> g(Shape(7, 7), 0.8);
    for (int64_t b = 0; b <= 3; ++b) g.at({3, b, 0}) = 0.1;
    g.at({2, 3, 0}) = 0.1;
    g.at({4, 3, 0}) = 0.1;
    QCOMPARE(lightbox::fillGreyHoles(g).values(), g.values());
    // 2D connectivity 2 includes diagonals: a diagonal channel drains too.
    Grid<double> d(Shape(5, 5), 1.0);
    d.at({0, 0, 0}) = d.at({1, 1, 0}) = d.at({2, 2, 0}) = 0.0;
    QCOMPARE(lightbox::fillGreyHoles(d).values(), d.values());
  }

  void fillGreyHoles3DFootprintHasNoCorners() {
    // An edge-diagonal channel (offsets like (1, 1, 0)) drains the centre...
    Grid<double> edge(Shape(5, 5, 5), 1.0);
    edge.at({2, 2, 2}) = edge.at({1, 1, 2}) = edge.at({0, 0, 2}) = 0.0;
    QCOMPARE(lightbox::fillGreyHoles(edge).values(), edge.values());
    // ...a corner-diagonal one (offsets (1, 1, 1)) does not.
    Grid<double> corner(Shape(5, 5, 5), 1.0);
    corner.at({2, 2, 2}) = corner.at({1, 1, 1}) = corner.at({0, 0, 0}) = 0.0;
    const Grid<double> filled = lightbox::fillGreyHoles(corner);
    QCOMPARE(filled.at({2, 2, 2}), 1.0);
    QCOMPARE(filled.at({1, 1, 1}), 1.0);
    QCOMPARE(filled.at({0, 0, 0}), 0.0);
  }

  void fillGreyHolesThinGridsUnchanged() {
    for (const Shape& shape : {Shape(2, 9), Shape(9, 1), Shape(5, 5, 2)}) {
      const Grid<double> g = randomGrid(shape, 29);
      QCOMPARE(lightbox::fillGreyHoles(g).values(), g.values());
    }
  }

  void reconstructionRejectsSeedBelowMask() {
    const Grid<double> mask(Shape(3, 3), 0.5);
    Grid<double> seed(Shape(3, 3), 1.0);
    seed[4] = 0.4;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lightbox::reconstructionByErosion(seed, mask));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             lightbox::reconstructionByErosion(Grid<double>(Shape(3, 4), 1.0), mask));
  }
};

QTEST_APPLESS_MAIN(TestGreyMorphology)
#include "test_grey_morphology.moc"
