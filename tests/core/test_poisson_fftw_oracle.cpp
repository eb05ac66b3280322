// The Poisson solver against FFTW's RODFT00, the transform pie-torch's solver is built on (SPEC §1.5 step 9): the
// library solves with a direct sine transform and a tridiagonal sweep (bit-identical on every machine, no per-call
// allocation); this test keeps FFTW as the oracle that the two agree.
#include <QtTest>

#include <fftw3.h>

#include <cmath>
#include <numbers>

#include "lightbox/core/poisson.h"
#include "lightbox/core/random.h"

using namespace lightbox;
Q_DECLARE_METATYPE(lightbox::Shape)

namespace {

/// pie-torch's algorithm, written out: right-hand side, DST-I on every axis, divide by the Laplacian's
/// eigenvalues, DST-I again, normalise.
std::vector<double> oracle(const Patch& t, const Patch& s, const Mask& m, bool mix) {
  const Shape& g = t.shape;
  const int nd = g.ndim;
  Shape in;
  in.ndim = nd;
  for (int d = 0; d < nd; ++d) in.size[d] = g[d] - 2;
  auto guidance = [&](const Index& p, int a) {
    Index q = p;
    ++q[a];
    const double gt = t.values[size_t(g.linear(q))] - t.values[size_t(g.linear(p))];
    if (!m.at(p)) return gt;
    const double gs = s.values[size_t(g.linear(q))] - s.values[size_t(g.linear(p))];
    return (mix && std::abs(gt) >= std::abs(gs)) ? gt : gs;
  };
  std::vector<double> r(size_t(in.count()));
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    Index p{i[0] + 1, i[1] + 1, nd == 3 ? i[2] + 1 : 0};
    double value = 0;
    for (int a = 0; a < nd; ++a) {
      Index lo = p, hi = p;
      --lo[a];
      ++hi[a];
      value += guidance(p, a) - guidance(lo, a);
      if (i[a] == 0) value -= t.values[size_t(g.linear(lo))];
      if (i[a] == in[a] - 1) value -= t.values[size_t(g.linear(hi))];
    }
    r[size_t(k++)] = value;
  } while (nextIndex(i, in));

  int n[3];
  fftw_r2r_kind kinds[3];
  for (int d = 0; d < nd; ++d) {
    n[d] = int(in[d]);
    kinds[d] = FFTW_RODFT00;
  }
  fftw_plan plan = fftw_plan_r2r(nd, n, r.data(), r.data(), kinds, FFTW_ESTIMATE);
  fftw_execute(plan);
  i = Index{0, 0, 0};
  k = 0;
  do {
    double lambda = 0;
    for (int d = 0; d < nd; ++d) lambda += 2 * std::cos(std::numbers::pi * double(i[d] + 1) / double(g[d] - 1)) - 2;
    r[size_t(k++)] /= lambda;
  } while (nextIndex(i, in));
  fftw_execute(plan);
  fftw_destroy_plan(plan);
  double norm = 1;
  for (int d = 0; d < nd; ++d) norm /= 2.0 * double(in[d] + 1);
  for (double& v : r) v *= norm;
  return r;
}

}  // namespace

class TestPoissonFftwOracle : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void agreesWithFftw_data() {
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<bool>("mix");
    QTest::newRow("2D 31x17 mixed") << Shape(31, 17) << true;
    QTest::newRow("2D 5x64 source") << Shape(5, 64) << false;
    QTest::newRow("3D 13x21x9 mixed") << Shape(13, 21, 9) << true;
    QTest::newRow("3D 3x3x40 source") << Shape(3, 3, 40) << false;
  }
  void agreesWithFftw() {
    QFETCH(Shape, shape);
    QFETCH(bool, mix);
    Rng rng(17);
    Patch t(1, shape), s(1, shape);
    for (double& v : t.values) v = rng.uniform(-1, 1);
    for (double& v : s.values) v = rng.uniform(-2, 2);
    Mask m(shape, 0);
    for (int64_t k = 0; k < m.count(); ++k) m[k] = rng.uniform() < 0.6;
    const Patch f = poissonBlend(t, s, m, mix);  // clears m's shell, as the oracle expects
    const std::vector<double> expected = oracle(t, s, m, mix);
    Shape in;
    in.ndim = shape.ndim;
    for (int d = 0; d < shape.ndim; ++d) in.size[d] = shape[d] - 2;
    Index i{0, 0, 0};
    int64_t k = 0;
    double worst = 0;
    do {
      const Index p{i[0] + 1, i[1] + 1, shape.ndim == 3 ? i[2] + 1 : 0};
      worst = std::max(worst, std::abs(f.values[size_t(shape.linear(p))] - expected[size_t(k++)]));
    } while (nextIndex(i, in));
    QVERIFY2(worst < 1e-10, qPrintable(QString::number(worst)));
  }
};

QTEST_APPLESS_MAIN(TestPoissonFftwOracle)
#include "test_poisson_fftw_oracle.moc"
