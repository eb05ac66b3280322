// Working-size preprocessing: SPEC §5.5 brain pipeline and the 2D resize, on synthetic images and on Colin27.
#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <string>

#include "fixtures.h"
#include "lightbox/core/grid.h"
#include "lightbox/imageio/image_reader.h"
#include "lightbox/imageio/preprocess.h"

using lightbox::Image;
using lightbox::Index;
using lightbox::Mask;
using lightbox::Shape;
using lightbox::imageio::preprocessBrain3D;
using lightbox::imageio::preprocessImage2D;

namespace {

/// A "brain": an ellipsoid with a smooth intensity gradient, 0 outside, at 1 mm with a non-trivial origin.
Image ellipsoid(const Shape& s, const std::array<double, 3>& semi) {
  Image v(1, s);
  v.geometry().origin = {-70, -100, -60};
  Index i{0, 0, 0};
  int64_t k = 0;
  do {
    double r = 0;
    for (int d = 0; d < 3; ++d) {
      const double u = (static_cast<double>(i[d]) - (static_cast<double>(s[d]) - 1) / 2) / semi[static_cast<size_t>(d)];
      r += u * u;
    }
    if (r <= 1.0) v.data()[k] = static_cast<float>(500 + 3.0 * static_cast<double>(i[0]) + 2.0 * static_cast<double>(i[2]));
    ++k;
  } while (lightbox::nextIndex(i, s));
  return v;
}

struct Moments {
  double mean = 0, std = 0;
  int64_t n = 0;
};

Moments foregroundMoments(const Image& img, const Mask& fg) {
  Moments m;
  double s = 0, s2 = 0;
  for (int64_t j = 0; j < img.voxelCount(); ++j)
    if (fg[j]) {
      s += img.data()[j];
      s2 += double(img.data()[j]) * img.data()[j];
      ++m.n;
    }
  m.mean = s / double(m.n);
  m.std = std::sqrt(s2 / double(m.n) - m.mean * m.mean);
  return m;
}

/// Centre of mass of the mask in patient coordinates (mm).
std::array<double, 3> centroid(const Mask& fg, const lightbox::Geometry& g) {
  std::array<double, 3> c{0, 0, 0};
  Index i{0, 0, 0};
  int64_t k = 0, n = 0;
  do {
    if (fg[k++]) {
      const auto p = g.indexToPatient({double(i[0]), double(i[1]), double(i[2])});
      for (int d = 0; d < 3; ++d) c[static_cast<size_t>(d)] += p[static_cast<size_t>(d)];
      ++n;
    }
  } while (lightbox::nextIndex(i, fg.shape()));
  for (double& x : c) x /= double(n);
  return c;
}

Mask positive(const Image& v) {
  Mask m(v.shape(), 0);
  for (int64_t j = 0; j < v.voxelCount(); ++j) m[j] = v.data()[j] > 0;
  return m;
}

}  // namespace

class TestPreprocess : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void syntheticBrain() {
    const Image v = ellipsoid(Shape(150, 190, 150), {60, 80, 55});
    const auto out = preprocessBrain3D(v);
    QVERIFY(out.image.shape() == Shape(80, 112, 80));
    QVERIFY(out.foreground.shape() == out.image.shape());
    QCOMPARE(out.image.geometry().spacing, (std::array<double, 3>{2, 2, 2}));
    const Moments m = foregroundMoments(out.image, out.foreground);
    QVERIFY2(std::fabs(m.mean) < 0.05, qPrintable(QString::number(m.mean)));
    QVERIFY2(std::fabs(m.std - 1.0) < 0.1, qPrintable(QString::number(m.std)));
    // Bounding box 121 x 161 x 111 -> even 122 x 162 x 112 -> 61 x 81 x 56 -> padded (9, 15, 12) before.
    QCOMPARE(out.foreground.at({8, 56, 40}), uint8_t(0));
    QCOMPARE(out.foreground.at({9 + 30, 15 + 40, 12 + 28}), uint8_t(1));
    // The object stays where it was in patient space.
    const auto before = centroid(positive(v), v.geometry()), after = centroid(out.foreground, out.image.geometry());
    for (int d = 0; d < 3; ++d) QVERIFY2(std::fabs(before[d] - after[d]) < 0.75, qPrintable(QString::number(after[d])));
    QVERIFY(out.description.find("z-normalised") != std::string::npos);
    QVERIFY(out.description.find("centre-cropped") == std::string::npos);
  }

  // Gaussian sigma 0.5 with scipy's 'mirror' extension, then 2-sample means, as skimage resize does for factor 2:
  // x = [1, 2, 3, 4] z-normalised, filtered to [-1.15027, -0.44674, 0.44674, 1.15027], averaged in pairs.
  void downsamplingMatchesSkimageRule() {
    Image v(1, Shape(2, 2, 4));
    for (int64_t j = 0; j < v.voxelCount(); ++j) v.data()[j] = float(1 + j % 4);
    const auto out = preprocessBrain3D(v, Shape(1, 1, 2));
    QVERIFY(out.image.shape() == Shape(1, 1, 2));
    QVERIFY(std::fabs(out.image.data()[0] + 0.79850669) < 1e-5);
    QVERIFY(std::fabs(out.image.data()[1] - 0.79850669) < 1e-5);
  }

  void tooLongAxisIsCentreCropped() {
    const Image v = ellipsoid(Shape(100, 260, 100), {40, 125, 40});
    const auto out = preprocessBrain3D(v);
    QVERIFY(out.image.shape() == Shape(80, 112, 80));
    // |y - 129.5| <= 125 holds for y = 5..254: 250 voxels -> 125 after down-sampling.
    QVERIFY(out.description.find("axis 1 is 125 long after down-sampling: centre-cropped to 112") != std::string::npos);
    const auto before = centroid(positive(v), v.geometry()), after = centroid(out.foreground, out.image.geometry());
    QVERIFY(std::fabs(before[1] - after[1]) < 0.75);
  }

  void rejectsWhatItCannotUse() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, preprocessBrain3D(Image(1, Shape(8, 8))));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, preprocessBrain3D(Image(1, Shape(8, 8, 8), 0.0f)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, preprocessBrain3D(Image(2, Shape(8, 8, 8), 1.0f)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, preprocessImage2D(Image(1, Shape(8, 8, 8))));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, preprocessImage2D(Image(1, Shape(8, 8)), 0));
  }

  void colin27() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "mricron-data/ch2bet.nii.gz");
    const Image v = lightbox::imageio::readImage(file.toStdString());
    const auto out = preprocessBrain3D(v);
    QVERIFY(out.image.shape() == Shape(80, 112, 80));
    QCOMPARE(out.image.geometry().spacing, (std::array<double, 3>{2, 2, 2}));
    // Real cortex has texture finer than 2 mm, which the anti-aliasing removes: the std drops below 1 (0.84 here),
    // unlike on the smooth synthetic volume.
    const Moments m = foregroundMoments(out.image, out.foreground);
    QVERIFY2(std::fabs(m.mean) < 0.1, qPrintable(QString::number(m.mean)));
    QVERIFY2(m.std > 0.75 && m.std < 1.0, qPrintable(QString::number(m.std)));
    QVERIFY(out.description.find("centre-cropped") == std::string::npos);
    // 1.74 M brain voxels at 1 mm would make 217 k at 2 mm; the Gaussian spreads the brain by about one 2 mm voxel
    // across its folded surface, hence the ~20 % more.
    const double kept = double(lightbox::countTrue(out.foreground)) * 8 / double(lightbox::countTrue(positive(v)));
    QVERIFY2(kept > 1.0 && kept < 1.35, qPrintable(QString::number(kept)));
    const auto before = centroid(positive(v), v.geometry()), after = centroid(out.foreground, out.image.geometry());
    for (int d = 0; d < 3; ++d) QVERIFY(std::fabs(before[d] - after[d]) < 1.0);
  }

  void image2DShrinks() {
    Image img(1, Shape(512, 300));
    for (int64_t j = 0; j < img.voxelCount(); ++j) img.data()[j] = float(j % 300) + float(j / 300);
    const auto out = preprocessImage2D(img);
    QVERIFY(out.image.shape() == Shape(256, 256));
    QCOMPARE(out.image.range(0), (std::pair<float, float>{-1.0f, 1.0f}));
    QCOMPARE(lightbox::countTrue(out.foreground), int64_t{256 * 256});
    QCOMPARE(out.image.geometry().spacing[0], 2.0);
    QVERIFY(std::fabs(out.image.geometry().spacing[1] - 300.0 / 256) < 1e-12);
    QCOMPARE(out.image.geometry().origin[0], 0.5);
    QVERIFY(out.description.find("area") != std::string::npos);
  }

  void image2DGrowsAndConstant() {
    Image small(1, Shape(100, 120));
    for (int64_t j = 0; j < small.voxelCount(); ++j) small.data()[j] = float(j % 7);
    const auto grown = preprocessImage2D(small, 128);
    QVERIFY(grown.image.shape() == Shape(128, 128));
    QVERIFY(grown.description.find("bicubic") != std::string::npos);
    QCOMPARE(grown.image.range(0), (std::pair<float, float>{-1.0f, 1.0f}));
    const auto flat = preprocessImage2D(Image(1, Shape(40, 40), 9.0f), 16);
    QCOMPARE(flat.image.range(0), (std::pair<float, float>{0.0f, 0.0f}));
  }
};

QTEST_APPLESS_MAIN(TestPreprocess)
#include "test_preprocess.moc"
