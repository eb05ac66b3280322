// readImage on real files from the Debian and npm registries (scripts/fetch-data.sh); expected values were read
// from the files' header bytes and voxels independently of nifti_clib.
#include <QtTest>

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "fixtures.h"
#include "lightbox/imageio/image_reader.h"

using lightbox::Image;
using lightbox::Shape;
using lightbox::imageio::ImageReadError;
using lightbox::imageio::readImage;

Q_DECLARE_METATYPE(lightbox::Shape)

namespace {

Image read(const QString& p, std::vector<std::string>* warnings = nullptr) {
  return readImage(p.toStdString(), warnings);
}

double sum(const Image& img) { return std::accumulate(img.values().begin(), img.values().end(), 0.0); }

float at(const Image& img, int64_t z, int64_t y, int64_t x) { return img.data()[img.shape().linear({z, y, x})]; }

bool near(double a, double b, double tol) { return std::fabs(a - b) <= tol; }

bool mentions(const std::vector<std::string>& lines, const char* part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

class TestFixtureImages : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void colin27SkullStripped() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "mricron-data/ch2bet.nii.gz");
    const Image img = read(file);
    QVERIFY(img.shape() == Shape(181, 217, 181));
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{1, 1, 1}));
    QCOMPARE(img.geometry().origin, (std::array<double, 3>{-90, -125, -71}));
    QCOMPARE(img.geometry().direction, (std::array<double, 9>{0, 0, 1, 0, 1, 0, 1, 0, 0}));
    QCOMPARE(at(img, 90, 108, 90), 33.0f);
    QCOMPARE(img.range(0), (std::pair<float, float>{0.0f, 133.0f}));
    QCOMPARE(sum(img), 158526435.0);  // uint8 voxels, unscaled
  }

  void colin27WithSkull() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "mricron-data/ch2.nii.gz");
    const Image img = read(file);
    QVERIFY(img.shape() == Shape(181, 217, 181));
    QCOMPARE(img.range(0).second, 254.0f);
  }

  void mni152IsScaled() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "@niivue/niivue/mni152.nii.gz");
    const Image img = read(file);
    QVERIFY(img.shape() == Shape(215, 256, 207));
    for (double s : img.geometry().spacing) QVERIFY(near(s, 0.7375, 1e-4));
    QVERIFY(near(img.range(0).second, 91.46501, 1e-3));  // uint8 252 x scl_slope 0.36296
    QVERIFY(near(at(img, 107, 128, 103), 48.99911, 1e-3));
  }

  void bigAndLittleEndianAgree() {
    LIGHTBOX_REQUIRE_FIXTURE(big, "nifti-reader-js/big.nii.gz");
    LIGHTBOX_REQUIRE_FIXTURE(little, "nifti-reader-js/little.nii.gz");
    const Image b = read(big), l = read(little);
    QVERIFY(b.shape() == Shape(21, 64, 64));
    QVERIFY(l.shape() == b.shape());
    QVERIFY(b.values() == l.values());
    QVERIFY(near(at(b, 10, 32, 32), -1.2852674, 1e-5));
    QCOMPARE(b.geometry().spacing, (std::array<double, 3>{6, 4, 4}));
    QCOMPARE(b.geometry().direction, l.geometry().direction);
  }

  void nifti2() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "nifti-reader-js/avg152T1_LR_nifti2.nii.gz");
    const Image img = read(file);
    QVERIFY(img.shape() == Shape(91, 109, 91));
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{2, 2, 2}));
    QCOMPARE(img.geometry().origin, (std::array<double, 3>{90, -126, -72}));
    QCOMPARE(img.geometry().direction[2], -1.0);  // x axis runs to the left in this file
    QCOMPARE(at(img, 45, 54, 45), 121.0f);
  }

  void gzippedHeaderImagePair() {
    LIGHTBOX_REQUIRE_FIXTURE(hdr, "nifti-reader-js/air.hdr.gz");
    LIGHTBOX_REQUIRE_FIXTURE(img, "nifti-reader-js/air.img.gz");
    for (const QString& given : {hdr, img}) {
      const Image v = read(given);
      QVERIFY(v.shape() == Shape(64, 67, 79));
      QVERIFY(near(at(v, 32, 33, 39), 51.176853, 1e-4));
      QVERIFY(near(v.geometry().spacing[0], 2.3852, 1e-4));
    }
  }

  void fourDFiles_data() {
    QTest::addColumn<QString>("relative");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<float>("centre");
    QTest::newRow("nibabel example4d (NIfTI-1)") << "python3-nibabel/example4d.nii.gz" << Shape(24, 96, 128) << 265.0f;
    QTest::newRow("nibabel example_nifti2") << "python3-nibabel/example_nifti2.nii.gz" << Shape(12, 20, 32) << 265.0f;
  }
  void fourDFiles() {
    QFETCH(QString, relative);
    QFETCH(Shape, shape);
    QFETCH(float, centre);
    LIGHTBOX_REQUIRE_FIXTURE(file, relative.toUtf8().constData());
    std::vector<std::string> warnings;
    const Image img = read(file, &warnings);
    QVERIFY(img.shape() == shape);
    QCOMPARE(at(img, shape[0] / 2, shape[1] / 2, shape[2] / 2), centre);
    QVERIFY(mentions(warnings, "first of 2 volumes"));
    // The sform is oblique: columns stay unit length.
    const auto& d = img.geometry().direction;
    for (int a = 0; a < 3; ++a) QVERIFY(near(d[a] * d[a] + d[3 + a] * d[3 + a] + d[6 + a] * d[6 + a], 1.0, 1e-9));
    QVERIFY(near(img.geometry().spacing[0], 2.2, 1e-5));
  }

  void bigEndianInt16() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "python3-nibabel/anatomical.nii");
    const Image img = read(file);
    QVERIFY(img.shape() == Shape(25, 41, 33));
    QCOMPARE(img.range(0), (std::pair<float, float>{-610.0f, 30393.0f}));
    QCOMPARE(at(img, 12, 20, 16), 11881.0f);
  }

  void fiveD() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "nifti-reader-js/5D_small.nii");
    std::vector<std::string> warnings;
    const Image img = read(file, &warnings);
    QVERIFY(img.shape() == Shape(3, 2, 1));
    QVERIFY(near(at(img, 1, 1, 0), 0.70853329, 1e-5));
    QVERIFY(mentions(warnings, "first of 3 volumes"));
  }

  void notNifti() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "nifti-reader-js/not-nifti.nii");
    QVERIFY_THROWS_EXCEPTION(ImageReadError, read(file));
  }

  void naturalImages_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<Shape>("shape");
    QTest::newRow("camera") << "camera.png" << Shape(512, 512);
    QTest::newRow("brick") << "brick.png" << Shape(512, 512);
    QTest::newRow("grass") << "grass.png" << Shape(512, 512);
    QTest::newRow("gravel") << "gravel.png" << Shape(512, 512);
    QTest::newRow("moon") << "moon.png" << Shape(512, 512);
    QTest::newRow("coins") << "coins.png" << Shape(303, 384);
    QTest::newRow("text") << "text.png" << Shape(172, 448);
    QTest::newRow("page") << "page.png" << Shape(191, 384);
    QTest::newRow("chelsea (colour)") << "chelsea.png" << Shape(300, 451);
  }
  void naturalImages() {
    QFETCH(QString, name);
    QFETCH(Shape, shape);
    LIGHTBOX_REQUIRE_FIXTURE(file, ("python3-skimage/" + name).toUtf8().constData());
    std::vector<std::string> warnings;
    const Image img = read(file, &warnings);
    QVERIFY2(img.shape() == shape, img.shape().toString().c_str());
    const auto [lo, hi] = img.range(0);
    QVERIFY(lo >= 0.0f && hi <= 255.0f && hi > lo);
    QCOMPARE(mentions(warnings, "luma"), name == "chelsea.png");
  }
};

QTEST_APPLESS_MAIN(TestFixtureImages)
#include "test_fixture_images.moc"
