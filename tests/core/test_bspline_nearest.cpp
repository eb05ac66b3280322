// The mode='nearest' cubic B-spline of the deformation tasks (SPEC §1.6, §9): parity with
// scipy.ndimage.map_coordinates(order=3, mode='nearest'), which edge-pads the input by 12 before prefiltering.
#include <QtTest>

#include <cmath>
#include <functional>
#include <vector>

#include "lightbox/core/bspline.h"
#include "lightbox/core/random.h"

using lightbox::CubicBSpline;
using lightbox::Grid;
using lightbox::Index;
using lightbox::NearestCubicBSpline;
using lightbox::Point;
using lightbox::Rng;
using lightbox::Shape;

namespace {

double smoothField(const Index& i, int ndim) {
  const double a = static_cast<double>(i[0]), b = static_cast<double>(i[1]), c = static_cast<double>(i[2]);
  if (ndim == 2) return std::sin(1.3 * a) + std::cos(0.7 * b) + 0.1 * a * b;
  return std::sin(1.3 * a) + std::cos(0.7 * b) + 0.1 * a * b - 0.05 * c * c + std::sin(0.9 * c + 0.4 * a);
}

Grid<double> makeGrid(const Shape& shape, const std::function<double(const Index&)>& f) {
  Grid<double> g(shape);
  Index i{0, 0, 0};
  int64_t p = 0;
  do g[p++] = f(i);
  while (lightbox::nextIndex(i, shape));
  return g;
}

struct Probe {
  Point at;
  double scipy;
};
struct NearestCase {
  const char* name;
  Shape shape;
  std::vector<Probe> probes;
};

// scipy 1.10.1: ndi.map_coordinates(field(shape), points.T, order=3, mode='nearest') with field() = smoothField();
// positions inside, on the edge and up to 2.5 voxels outside the grid.
const NearestCase kCases[] = {
    {"2D", Shape(6, 7),
     {{{-0.5, 3.2, 0}, -0.7448315306947002},
      {{2.3, -0.8, 0}, 1.1472287491454156},
      {{5.4, 6.7, 0}, 2.9453734083061036},
      {{6.2, 1.1, 0}, 1.4633061994915422},
      {{-2.4, -1.9, 0}, 0.9916137357929247},
      {{3.3, 3.6, 0}, -0.5391921369927889},
      {{0, 0, 0}, 1.0000000000000002},
      {{5, 6, 0}, 2.7248591667471156},
      {{4.75, -2.5, 0}, 0.9803435051402866},
      {{1.5, 7.9, 0}, 1.3627916602424857},
      {{-0.001, 2.0, 0}, 0.16923009160661245},
      {{2.7, 8.0, 0}, 0.772353020248973}}},
    {"3D", Shape(4, 5, 6),
     {{{-0.6, 2.2, 3.1}, -0.175488701837766},
      {{1.4, -0.9, 5.6}, -0.2276298254824166},
      {{3.8, 4.3, -0.4}, 0.4692066796537756},
      {{2.2, 2.6, 2.9}, -0.18607914856605995},
      {{0, 0, 0}, 1.0000000000000004},
      {{3, 4, 5}, -2.2306740424502705},
      {{-1.9, 5.7, 6.8}, -3.149874087421428},
      {{1.1, 1.7, -2.2}, 1.9947834224381609}}},
    {"length-1 axis", Shape(1, 6),
     {{{0, 2.5, 0}, -0.17677853780505404},
      {{-0.7, -0.3, 0}, 1.0120277609427295},
      {{0.8, 5.6, 0}, -0.9292261541040442},
      {{0.2, 1.0, 0}, 0.7648421872844888}}},
    {"length-2 axis", Shape(2, 3),
     {{{0.5, 1.5, 0}, 1.0055789254049239},
      {{-0.8, -0.4, 0}, 0.9679837784323265},
      {{1.9, 2.7, 0}, 1.3264946593690676},
      {{0.3, -1.5, 0}, 1.2579326674269318}}},
    {"long axis (beyond the exact-sum horizon)", Shape(3, 40),
     {{{1.2, -0.7, 0}, 1.9742552636830697},
      {{0.4, 17.3, 0}, 1.8178740118909862},
      {{2.6, 39.8, 0}, 7.922044503988898},
      {{-0.3, 33.1, 0}, -0.7463588826308416},
      {{1.0, 41.0, 0}, 4.301838909536047}}},
};

}  // namespace

class TestBSplineNearest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchesScipyNearest_data() {
    QTest::addColumn<int>("caseIndex");
    for (int c = 0; c < static_cast<int>(std::size(kCases)); ++c) QTest::newRow(kCases[c].name) << c;
  }
  void matchesScipyNearest() {
    QFETCH(int, caseIndex);
    const NearestCase& c = kCases[caseIndex];
    const Grid<double> samples = makeGrid(c.shape, [&](const Index& i) { return smoothField(i, c.shape.ndim); });
    const NearestCubicBSpline spline(samples.data(), c.shape);
    for (const Probe& p : c.probes) {
      const double v = spline.at(p.at);
      QVERIFY2(std::abs(v - p.scipy) < 1e-12,
               qPrintable(QString("(%1, %2, %3): %4 vs scipy %5")
                              .arg(p.at[0]).arg(p.at[1]).arg(p.at[2]).arg(v, 0, 'g', 17).arg(p.scipy, 0, 'g', 17)));
    }
  }

  // What the padding changes: clamping positions on the mirror-boundary spline (the former deformation sampler) is
  // off by more than 1e-2 next to the edge of this smooth field, the padded spline is not.
  void clampedMirrorSplineDiffersNearEdges() {
    const NearestCase& c = kCases[0];
    const Grid<double> samples = makeGrid(c.shape, [&](const Index& i) { return smoothField(i, 2); });
    const CubicBSpline mirror(samples);
    double worst = 0.0;
    for (const Probe& p : c.probes) worst = std::max(worst, std::abs(mirror.atClamped(p.at) - p.scipy));
    QVERIFY2(worst > 1e-2, qPrintable(QString::number(worst)));
  }

  // The spline interpolates: integer positions give the samples back, inside any grid.
  void reproducesSamples() {
    Rng rng(5);
    for (const Shape& shape : {Shape(7, 9), Shape(1, 5), Shape(4, 6, 5), Shape(2, 1, 3)}) {
      const Grid<double> samples = makeGrid(shape, [&](const Index&) { return rng.uniform(-1.0, 1.0); });
      const NearestCubicBSpline spline(samples.data(), shape);
      Index i{0, 0, 0};
      int64_t p = 0;
      do {
        const Point at{double(i[0]), double(i[1]), double(i[2])};
        QVERIFY(std::abs(spline.at(at) - samples[p++]) < 1e-12);
      } while (lightbox::nextIndex(i, shape));
    }
  }

  // Beyond the kept margin positions are clamped; a smaller pad (accepted down to the margin) changes values only
  // slightly, and a constant grid stays constant everywhere.
  void clampsFarPositionsAndValidatesPad() {
    const Shape shape(5, 6);
    const Grid<double> samples = makeGrid(shape, [&](const Index& i) { return smoothField(i, 2); });
    const NearestCubicBSpline spline(samples.data(), shape);
    const double edgeLow = -double(NearestCubicBSpline::kMargin - 1);
    QCOMPARE(spline.at({-40.0, 2.5, 0}), spline.at({edgeLow, 2.5, 0}));
    QCOMPARE(spline.at({std::nan(""), 2.5, 0}), spline.at({edgeLow, 2.5, 0}));
    const NearestCubicBSpline padded8(samples.data(), shape, 8);
    QVERIFY(std::abs(padded8.at({-0.5, 5.5, 0}) - spline.at({-0.5, 5.5, 0})) < 1e-6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NearestCubicBSpline(samples.data(), shape, 3));
    const Grid<double> flat(Shape(3, 4, 5), 0.25);
    const NearestCubicBSpline constant(flat.data(), flat.shape());
    for (const Point& at : {Point{-2.5, 1.5, 6.0}, Point{1.2, -1.0, 2.2}, Point{9.0, 9.0, 9.0}})
      QVERIFY(std::abs(constant.at(at) - 0.25) < 1e-14);
  }
};

QTEST_APPLESS_MAIN(TestBSplineNearest)
#include "test_bspline_nearest.moc"
