// The flipped-Gaussian labeller (SPEC §2).
#include <QtTest>

#include <cmath>

#include "lightbox/core/labeller.h"

using namespace lightbox;

class TestLabeller : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void referenceValues() {
    QCOMPARE(flippedGaussian(0.0, 0.2), 0.0);
    const double expected[][2] = {{0.05, 0.031}, {0.1, 0.118}, {0.2, 0.393}, {0.3, 0.675}, {0.4, 0.865}, {0.6, 0.989}};
    for (const auto& e : expected) QVERIFY(std::abs(flippedGaussian(e[0], 0.2) - e[1]) < 5e-4);
  }

  // A uniform change inside the mask gives the flipped Gaussian of it there and 0 outside the components' boxes.
  void labelsOnlyInsideAnomalyBoxes() {
    const Shape s(30, 40);
    Image x(1, s, 0.0f), y(1, s, 0.0f);
    Mask u(s, 0);
    for (int r = 5; r < 12; ++r)
      for (int c = 6; c < 15; ++c) {
        u.at({r, c, 0}) = 1;
        y.channel(0)[s.linear({r, c, 0})] = 0.3f;
      }
    const Grid<float> label = flippedGaussianLabel(y, x, u, Box{Index{5, 6, 0}, Shape(7, 9)}, 0.2);
    for (int r = 0; r < 30; ++r)
      for (int c = 0; c < 40; ++c) {
        const float v = label.at({r, c, 0});
        if (u.at({r, c, 0})) QVERIFY(std::abs(v - flippedGaussian(0.3, 0.2)) < 1e-5);
        else QCOMPARE(v, 0.0f);
      }
  }

  // Change outside U never counts, even if the image differs there.
  void changeOutsideMaskIgnored() {
    const Shape s(10, 10);
    Image x(1, s, 0.0f), y(1, s, 1.0f);
    Mask u(s, 0);
    const Grid<float> label = flippedGaussianLabel(y, x, u, Box{Index{0, 0, 0}, s}, 0.2);
    for (int64_t k = 0; k < label.count(); ++k) QCOMPARE(label[k], 0.0f);
  }

  // A ring of strong change around a weak centre: closing + hole filling raise the basin to the rim, never lower.
  void enclosedBasinRaised_data() {
    QTest::addColumn<int>("ndim");
    QTest::newRow("2D") << 2;
    QTest::newRow("3D") << 3;
  }
  void enclosedBasinRaised() {
    QFETCH(int, ndim);
    const Shape s = ndim == 2 ? Shape(21, 21) : Shape(15, 15, 15);
    Image x(1, s, 0.0f), y(1, s, 0.0f);
    Mask u(s, 0);
    Index i{0, 0, 0};
    do {
      double r2 = 0;
      for (int d = 0; d < ndim; ++d) r2 += std::pow(double(i[d]) - (s[d] - 1) / 2.0, 2);
      const double r = std::sqrt(r2);
      if (r <= 6.0) {
        u.at(i) = 1;
        y.channel(0)[s.linear(i)] = r < 3.0 ? 0.05f : 0.5f;
      }
    } while (nextIndex(i, s));
    const Grid<float> label = flippedGaussianLabel(y, x, u, Box{Index{0, 0, 0}, s}, 0.2);
    const Index centre{s[0] / 2, s[1] / 2, ndim == 3 ? s[2] / 2 : 0};
    QVERIFY(std::abs(label.at(centre) - flippedGaussian(0.5, 0.2)) < 1e-5);
    i = Index{0, 0, 0};
    do {
      if (u.at(i)) {
        const double raw = flippedGaussian(double(y.channel(0)[s.linear(i)]), 0.2);
        QVERIFY(label.at(i) >= raw - 1e-6);
      }
      QVERIFY(label.at(i) >= 0.0f);
    } while (nextIndex(i, s));
  }
};

QTEST_APPLESS_MAIN(TestLabeller)
#include "test_labeller.moc"
