// Cubic B-spline prefilter, evaluation and affine resampling: interpolation properties, boundary handling, and
// parity with scipy.ndimage.affine_transform(order=3, mode='constant').
#include <QtTest>

#include <cmath>
#include <functional>
#include <vector>

#include "lightbox/core/bspline.h"
#include "lightbox/core/random.h"

using lightbox::affineResampleCubic;
using lightbox::CubicBSpline;
using lightbox::Grid;
using lightbox::Index;
using lightbox::Matrix;
using lightbox::Point;
using lightbox::Rng;
using lightbox::Shape;

namespace {

// scipy 1.10.1 reference outputs: ndi.affine_transform(field(shape), M, offset, output_shape, order=3,
// mode='constant', cval=0) with field() as in smoothField() below; generated once with Debian's python3-scipy.
// clang-format off
const double kRotated2D[] = {
    0.0, 1.716948567648873, 1.000980948740136, 0.0, 0.0, 0.0, 0.0, 0.0, 1.942493279928001, 1.765322518384564,
    0.7788986761139461, -0.34526413849456317, 0.0, 0.0, 0.5821997966089634, 1.1346215760997802, 1.3383592235102912,
    1.171504970158052, 0.5709089216982878, -0.41485443761563356, -0.9689002388414019, 0.0489220291876055,
    0.22333683887160358, 0.3241451944978557, 0.44263165942445837, 0.5872809698449404, 0.6139318109349331,
    0.48257401234910857, 0.730259491125514, -0.002736266441198121, -0.38844890528769477, -0.3654219210438945,
    -0.06643396140198203, 0.5297069239970399, 1.3374540981384275, 0.0, 1.0298961696741322, 0.10447575727055988,
    -0.4949901428519704, -0.4381761983227244, 0.3763471134751583, 0.0,
};
const double kAffine3D[] = {
    0.0, 0.0, 0.0, 0.0, 0.0, 1.6592128857004937, 2.056691427225436, 1.527052561681637, 0.4912899470600475,
    -0.832578750715107, 1.4293945665152308, 1.807866460791215, 1.3166503862622436, 0.26374169046727625,
    -1.0622905383104313, 1.119511879790665, 1.4437653638387917, 1.0644489228486247, 0.029891142048874313,
    -1.2659077570749213, 0.0, 0.0, 0.0, 0.0, 0.0, 2.763952705442306, 2.9491312630248667, 2.19116189852041,
    1.0890973512169448, -0.0027776256845435687, 2.3430013922197674, 2.6238746411808065, 1.9594130421804565,
    0.8695979025283124, -0.21849825625943423, 1.654388378840508, 1.9784910170782155, 1.477379976355849,
    0.4518040996781706, -0.6056572636936282, 0.0, 0.0, 0.0, 0.0, 0.0, 1.9461445436578126, 1.89914897975185,
    1.1572062329393955, 0.28684923095285153, -0.3134299351097293, 1.5628708934627844, 1.516279031965485,
    0.7715649401450383, -0.13358245540922187, -0.7873228786119263, 0.9415558502476017, 0.8902575579629677,
    0.1730508860689382, -0.7488933100405708, -1.4322504054203355,
};
const double kLengthOneAxis[] = {
    0.9776496555228333, 0.6130816815832477, -0.03723967998704268, -0.6799919540938987, -0.9657406302243516, 0.0,
};
const double kLengthTwoAxis[] = {
    1.4785134021042117, 1.1344889014108064, 0.0, 0.0, 0.0, 0.0,
};
const double kLongAxis[] = {
    1.2884352288434229, 0.9697669325332069, 0.3445711515946179, -0.27734423392202473, -0.5953040714144406,
    -0.44955454270937656, 0.10102347903567029, 0.8072979685210263, 1.3468712945768062, 1.4757584712874714,
    1.1431238169265665, 0.5151933310663468, -0.10292494471899823, -0.4107377505343583, -0.25369335214796895,
    0.30413038182151275, 1.0101627978412098, 1.5421283836641606, 1.6596179770791342, 1.3171569514919237,
    0.6855926433406713, 0.07174218023946972, -0.22590840839076304, -0.057586834556137036, 0.5073251996098134,
    1.212923305704142, 1.7371362220346167, 1.8432010332788302, 1.4910161974532525, 0.8560029414476645,
    0.24659813367347933, -0.040794275092291186, 0.13874064404870842, 0.7106697021975119, 1.4153317727627648,
    1.932799590103, 2.023124030849335, 1.6773368652846208, 0.9792874492206429, 0.0, 1.8610620054341829,
    1.7048091179379539, 1.2085353495399191, 0.7245165050470728, 0.5420484909189178, 0.8239341851431405,
    1.5104757214472924, 2.3527599871770715, 3.0283306936960535, 3.2932185723094882, 3.096583729874303,
    2.604653294408435, 2.1225350051199636, 1.9507222029227556, 2.243766600339664, 2.9375903345689163,
    3.7796227505190108, 4.4475883363605995, 4.701077929770628, 4.494616904184559, 3.9990525960336867,
    3.5212021329298238, 3.359551544309859, 3.6638731181060713, 4.364785152415409, 5.206383257974601,
    5.866596176302228, 6.108660980092967, 5.892476172084141, 5.393462812265023, 4.920058391928201, 4.768664537226514,
    5.084204852673814, 5.79211377153333, 6.632851002949435, 7.286038316175549, 7.513409612527513, 7.2997155286544,
    6.752246930218397, 0.0,
};
// clang-format on

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

Grid<double> randomGrid(const Shape& shape, uint64_t seed) {
  Rng r(seed);
  return makeGrid(shape, [&](const Index&) { return r.uniform(-1.0, 1.0); });
}

Point toPoint(const Index& i) {
  return {static_cast<double>(i[0]), static_cast<double>(i[1]), static_cast<double>(i[2])};
}

Matrix identityMatrix() { return {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}; }

double maxAbsDiff(const Grid<double>& a, const Grid<double>& b) {
  double m = 0;
  for (int64_t p = 0; p < a.count(); ++p) m = std::max(m, std::abs(a[p] - b[p]));
  return m;
}

struct ScipyCase {
  const char* name;
  Shape inShape, outShape;
  Matrix matrix;
  Point offset;
  const double* expected;
};

const Matrix kIdentity = identityMatrix();
const ScipyCase kScipyCases[] = {
    {"2D rotation and scale", Shape(6, 7), Shape(6, 7),
     Matrix{{{0.7794228634059948, -0.4499999999999999, 0}, {0.4499999999999999, 0.7794228634059948, 0}, {}}},
     Point{1.2, -0.7, 0}, kRotated2D},
    {"3D general affine", Shape(4, 5, 6), Shape(3, 4, 5),
     Matrix{{{0.9, 0.2, -0.1}, {-0.15, 1.05, 0.1}, {0.05, -0.2, 0.95}}}, Point{0.3, -0.4, 0.65}, kAffine3D},
    {"length-1 axis", Shape(1, 6), Shape(1, 6), kIdentity, Point{0, 0.3, 0}, kLengthOneAxis},
    {"length-2 axis", Shape(2, 3), Shape(2, 3), kIdentity, Point{0.5, 0.25, 0}, kLengthTwoAxis},
    {"long axis", Shape(3, 40), Shape(2, 40), kIdentity, Point{0.4, 0.25, 0}, kLongAxis},
};

}  // namespace

Q_DECLARE_METATYPE(Shape)

class TestBSpline : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void reproducesSamplesAtIntegers_data() {
    QTest::addColumn<Shape>("shape");
    QTest::newRow("7x9") << Shape(7, 9);
    QTest::newRow("length-1 axis 0") << Shape(1, 6);
    QTest::newRow("length-1 axis 1") << Shape(6, 1);
    QTest::newRow("2x3") << Shape(2, 3);
    QTest::newRow("2x2") << Shape(2, 2);
    QTest::newRow("long axis beyond the exact-sum horizon") << Shape(3, 50);
    QTest::newRow("5x6x4") << Shape(5, 6, 4);
    QTest::newRow("1x1x5") << Shape(1, 1, 5);
    QTest::newRow("2x33x3") << Shape(2, 33, 3);
  }
  void reproducesSamplesAtIntegers() {
    QFETCH(Shape, shape);
    const Grid<double> samples = randomGrid(shape, 11);
    const CubicBSpline spline(samples);
    Index i{0, 0, 0};
    int64_t p = 0;
    do {
      const double v = spline.at(toPoint(i));
      QVERIFY2(std::abs(v - samples[p]) < 1e-12, qPrintable(QString("at %1: %2 vs %3").arg(p).arg(v).arg(samples[p])));
      ++p;
    } while (lightbox::nextIndex(i, shape));
  }

  // Cubic B-splines reproduce polynomials of degree <= 3 per axis; only the mirror boundary breaks this, and its
  // influence decays like |sqrt(3) - 2|^distance, so well inside the grid the reproduction is exact to rounding.
  void reproducesCubicPolynomialsInInterior() {
    const auto cubic = [](double x) { return 0.3 * x * x * x - 0.5 * x * x + 0.2 * x - 1.0; };
    const auto quadratic = [](double x) { return 0.4 * x * x + 0.1 * x + 0.7; };
    const auto f2 = [&](double x, double y) { return cubic(x) + quadratic(y) + cubic(x) * y; };
    const Shape s2(64, 64);
    const CubicBSpline spline2(makeGrid(s2, [&](const Index& i) {
      return f2((static_cast<double>(i[0]) - 32) / 8, (static_cast<double>(i[1]) - 32) / 8);
    }));
    Rng r(5);
    for (int n = 0; n < 200; ++n) {
      const double x = r.uniform(24, 40), y = r.uniform(24, 40);
      const double expected = f2((x - 32) / 8, (y - 32) / 8);
      QVERIFY2(std::abs(spline2.at({x, y, 0}) - expected) < 1e-9,
               qPrintable(QString::number(x) + "," + QString::number(y)));
    }
    const auto f3 = [&](double x, double y, double z) { return cubic(x) * quadratic(z) + cubic(y) - x * y * z; };
    const Shape s3(40, 40, 40);
    const CubicBSpline spline3(makeGrid(s3, [&](const Index& i) {
      return f3((static_cast<double>(i[0]) - 20) / 10, (static_cast<double>(i[1]) - 20) / 10,
                (static_cast<double>(i[2]) - 20) / 10);
    }));
    for (int n = 0; n < 200; ++n) {
      const double x = r.uniform(16, 24), y = r.uniform(16, 24), z = r.uniform(16, 24);
      const double expected = f3((x - 20) / 10, (y - 20) / 10, (z - 20) / 10);
      QVERIFY(std::abs(spline3.at({x, y, z}) - expected) < 1e-8);
    }
  }

  // The mirrored coefficients and the symmetric kernel make the spline itself mirror-symmetric about 0 and n-1.
  void mirrorsOutsideTheGrid() {
    const Shape shape(6, 8);
    const CubicBSpline spline(randomGrid(shape, 3));
    for (double t : {0.3, 0.7, 1.5, 2.25, 4.9}) {
      QVERIFY(std::abs(spline.at({-t, 3.4, 0}) - spline.at({t, 3.4, 0})) < 1e-12);
      QVERIFY(std::abs(spline.at({2.2, 7 + t, 0}) - spline.at({2.2, 7 - t, 0})) < 1e-12);
    }
  }

  void atOrZeroIsZeroOutside() {
    const Shape shape(5, 6);
    const Grid<double> samples = randomGrid(shape, 4);
    const CubicBSpline spline(samples);
    QCOMPARE(spline.atOrZero({-0.5, 2, 0}), 0.0);
    QCOMPARE(spline.atOrZero({2, 5.01, 0}), 0.0);
    QCOMPARE(spline.atOrZero({4.0001, 1, 0}), 0.0);
    QCOMPARE(spline.atOrZero({std::nan(""), 1, 0}), 0.0);
    // Inside, and within the rounding tolerance of the edge, it is the spline.
    QVERIFY(std::abs(spline.atOrZero({-1e-12, 2, 0}) - samples.at({0, 2, 0})) < 1e-10);
    QVERIFY(std::abs(spline.atOrZero({4, 5, 0}) - samples.at({4, 5, 0})) < 1e-12);
    QCOMPARE(spline.atOrZero({1.3, 2.7, 0}), spline.at({1.3, 2.7, 0}));
    QVERIFY(spline.atOrZero({1.3, 2.7, 0}) != 0.0);

    const CubicBSpline spline3(randomGrid(Shape(3, 4, 5), 6));
    QCOMPARE(spline3.atOrZero({1, 1, -0.1}), 0.0);
    QCOMPARE(spline3.atOrZero({2.5, 3.5, 4.5}), 0.0);
    QCOMPARE(spline3.atOrZero({1.5, 2.5, 3.5}), spline3.at({1.5, 2.5, 3.5}));
  }

  void atClampedClampsPositions() {
    const Shape shape(5, 6);
    const Grid<double> samples = randomGrid(shape, 7);
    const CubicBSpline spline(samples);
    QVERIFY(std::abs(spline.atClamped({-3, 7.5, 0}) - samples.at({0, 5, 0})) < 1e-12);
    QVERIFY(std::abs(spline.atClamped({9, -1, 0}) - samples.at({4, 0, 0})) < 1e-12);
    QCOMPARE(spline.atClamped({-2, 2.3, 0}), spline.at({0, 2.3, 0}));
    QCOMPARE(spline.atClamped({1.7, 2.3, 0}), spline.at({1.7, 2.3, 0}));
  }

  void identityResampleReproducesInput() {
    for (const Shape& shape : {Shape(9, 11), Shape(5, 7, 6)}) {
      const Grid<double> input = randomGrid(shape, 8);
      const Grid<double> out = affineResampleCubic(input, identityMatrix(), {0, 0, 0}, shape);
      QVERIFY(out.shape() == shape);
      QVERIFY(maxAbsDiff(out, input) < 1e-12);
    }
  }

  void quarterTurnMapsKnownValues() {
    // 2D: out(o0, o1) = in(o1, 6 - o0).
    const Grid<double> in2 = randomGrid(Shape(5, 7), 9);
    const Matrix m2{{{0, 1, 0}, {-1, 0, 0}, {0, 0, 1}}};
    const Grid<double> out2 = affineResampleCubic(in2, m2, {0, 6, 0}, Shape(7, 5));
    for (int64_t a = 0; a < 7; ++a)
      for (int64_t b = 0; b < 5; ++b) QVERIFY(std::abs(out2.at({a, b, 0}) - in2.at({b, 6 - a, 0})) < 1e-12);
    // 3D: out(o0, o1, o2) = in(o2, o0, 5 - o1).
    const Grid<double> in3 = randomGrid(Shape(4, 5, 6), 10);
    const Matrix m3{{{0, 0, 1}, {1, 0, 0}, {0, -1, 0}}};
    const Grid<double> out3 = affineResampleCubic(in3, m3, {0, 0, 5}, Shape(5, 6, 4));
    Index o{0, 0, 0};
    do QVERIFY(std::abs(out3.at(o) - in3.at({o[2], o[0], 5 - o[1]})) < 1e-12);
    while (lightbox::nextIndex(o, out3.shape()));
  }

  void resampleMatchesPointwiseEvaluation() {
    Rng r(12);
    for (const Shape& shape : {Shape(13, 17), Shape(7, 9, 8)}) {
      const Grid<double> input = randomGrid(shape, 13);
      const CubicBSpline spline(input);
      const int nd = shape.ndim;
      Matrix m{};
      Point offset{};
      for (int d = 0; d < nd; ++d) {
        for (int l = 0; l < nd; ++l) m[d][l] = (d == l ? 1.0 : 0.0) + r.uniform(-0.4, 0.4);
        offset[d] = r.uniform(-2, 2);
      }
      const Shape outShape = nd == 2 ? Shape(15, 14) : Shape(8, 9, 10);
      const Grid<double> out = affineResampleCubic(input, m, offset, outShape);
      Index o{0, 0, 0};
      int64_t p = 0, zeros = 0;
      do {
        Point pos{};
        for (int d = 0; d < nd; ++d) {
          double s = 0;
          for (int l = 0; l < nd; ++l) s += m[d][l] * static_cast<double>(o[l]);
          pos[d] = s + offset[d];
        }
        QVERIFY(std::abs(out[p] - spline.atOrZero(pos)) < 1e-13);
        zeros += out[p] == 0.0;
        ++p;
      } while (lightbox::nextIndex(o, outShape));
      QVERIFY(zeros > 0 && zeros < p);  // the map must reach both inside and outside
    }
  }

  void matchesScipy_data() {
    QTest::addColumn<int>("caseIndex");
    for (int c = 0; c < static_cast<int>(std::size(kScipyCases)); ++c) QTest::newRow(kScipyCases[c].name) << c;
  }
  void matchesScipy() {
    QFETCH(int, caseIndex);
    const ScipyCase& c = kScipyCases[caseIndex];
    const Grid<double> input = makeGrid(c.inShape, [&](const Index& i) { return smoothField(i, c.inShape.ndim); });
    const Grid<double> out = affineResampleCubic(input, c.matrix, c.offset, c.outShape);
    QVERIFY(out.shape() == c.outShape);
    for (int64_t p = 0; p < out.count(); ++p)
      QVERIFY2(
          std::abs(out[p] - c.expected[p]) < 1e-12,
          qPrintable(
              QString("element %1: %2 vs scipy %3").arg(p).arg(out[p], 0, 'g', 17).arg(c.expected[p], 0, 'g', 17)));
  }

  // Deliberate difference from scipy: a position a rounding error outside the grid counts as on the edge. Here output
  // (0, 3, 0) maps to axis-2 position -0.2 * 3 + 0.6 = -1.1e-16, where scipy's affine_transform returns cval.
  void roundingCrumbsAtTheEdgeCountAsInside() {
    const Shape shape(4, 5, 6);
    const Grid<double> input = makeGrid(shape, [&](const Index& i) { return smoothField(i, 3); });
    const Matrix m{{{0.9, 0.2, -0.1}, {-0.15, 1.05, 0.1}, {0.05, -0.2, 0.95}}};
    const double crumb = m[2][1] * 3.0 + 0.6;
    QVERIFY(crumb < 0.0 && crumb > -1e-15);
    const Grid<double> out = affineResampleCubic(input, m, {0.3, -0.4, 0.6}, Shape(3, 4, 5));
    const double edge = CubicBSpline(input).at({0.9, 2.75, 0.0});
    QVERIFY(std::abs(edge) > 0.1);
    QVERIFY(std::abs(out.at({0, 3, 0}) - edge) < 1e-12);
  }

  void rejectsMismatchedAxes() {
    const Grid<double> input = randomGrid(Shape(4, 4), 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             affineResampleCubic(input, identityMatrix(), {0, 0, 0}, Shape(4, 4, 4)));
  }
};

QTEST_APPLESS_MAIN(TestBSpline)
#include "test_bspline.moc"
