// readImage / writePng on files written here with known bytes: values, shape, geometry, and every way to be broken.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "lightbox/imageio/image_reader.h"
#include "lightbox/imageio/png_writer.h"
#include "test_files.h"

using lightbox::Image;
using lightbox::Shape;
using lightbox::imageio::ImageReadError;
using lightbox::imageio::readImage;
using testfiles::Nifti;

namespace {

bool contains(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

bool near(double a, double b, double tol = 1e-6) { return std::fabs(a - b) <= tol; }

/// A 4x3x2 int16 volume with a flipped-x sform, scaled by 2 and shifted by -1.
Nifti scaledVolume(int version, bool bigEndian) {
  Nifti n;
  n.version = version;
  n.bigEndian = bigEndian;
  n.dims = {4, 3, 2};
  n.pixdim = {1, 1.5, 2, 3, 1, 1, 1, 1};
  n.slope = 2;
  n.inter = -1;
  n.sform = 1;
  n.srow = {{{-1.5, 0, 0, 10}, {0, 2, 0, -20}, {0, 0, 3, 30}}};
  return n;
}

std::vector<double> ramp(int n, double start = -5) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(start + i);
  return v;
}

}  // namespace

class TestImageReaders : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::string path(const char* name) const { return dir_.filePath(QString::fromUtf8(name)).toStdString(); }

  std::string writeNifti(const char* name, const Nifti& n, const std::vector<double>& values) {
    const std::string p = path(name);
    const QByteArray bytes = testfiles::niftiHeader(n) + testfiles::niftiData(n, values);
    const QString qp = QString::fromStdString(p);
    const bool ok = qp.endsWith(".gz") ? testfiles::writeGzip(qp, bytes) : testfiles::writeBytes(qp, bytes);
    if (!ok) qFatal("cannot write %s", p.c_str());
    return p;
  }

  /// Reading must throw ImageReadError whose message names the file and contains `reason`.
  static void expectError(const std::string& file, const std::string& reason) {
    try {
      readImage(file);
    } catch (const ImageReadError& e) {
      const std::string what = e.what();
      if (what.find(file) == std::string::npos || what.find(reason) == std::string::npos)
        QFAIL(qPrintable(QString::fromStdString("unexpected message: " + what + " (wanted: " + reason + ")")));
      return;
    } catch (const std::exception& e) {
      QFAIL(qPrintable(QString("wrong exception type: ") + e.what()));
    }
    QFAIL(qPrintable(QString::fromStdString("no error reading " + file)));
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void niftiValuesShapeGeometry_data() {
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("bigEndian");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("nifti1 little") << 1 << false << false;
    QTest::newRow("nifti1 big") << 1 << true << false;
    QTest::newRow("nifti1 little gz") << 1 << false << true;
    QTest::newRow("nifti2 little") << 2 << false << false;
    QTest::newRow("nifti2 big gz") << 2 << true << true;
  }
  void niftiValuesShapeGeometry() {
    QFETCH(int, version);
    QFETCH(bool, bigEndian);
    QFETCH(bool, gzip);
    const std::string name = "vol_" + std::to_string(version) + (bigEndian ? "be" : "le") + (gzip ? ".nii.gz" : ".nii");
    const std::string file = writeNifti(name.c_str(), scaledVolume(version, bigEndian), ramp(24));
    std::vector<std::string> warnings;
    const Image img = readImage(file, &warnings);
    QCOMPARE(img.channels(), 1);
    QVERIFY(img.shape() == Shape(2, 3, 4));
    for (int i = 0; i < 24; ++i) QCOMPARE(img.data()[i], float(2 * (i - 5) - 1));
    const auto& g = img.geometry();
    QCOMPARE(g.spacing, (std::array<double, 3>{3, 2, 1.5}));
    QCOMPARE(g.origin, (std::array<double, 3>{10, -20, 30}));
    // Column a is array axis a: axis 0 = k (+z), axis 1 = j (+y), axis 2 = i (-x, as the sform says).
    QCOMPARE(g.direction, (std::array<double, 9>{0, 0, -1, 0, 1, 0, 1, 0, 0}));
    const auto p = g.indexToPatient({1, 2, 3});
    QVERIFY(near(p[0], 10 - 1.5 * 3) && near(p[1], -20 + 2 * 2) && near(p[2], 30 + 3 * 1));
    QVERIFY(warnings.empty());
  }

  void qformWithQfacWhenNoSform() {
    Nifti n;
    n.dims = {2, 2, 2};
    n.pixdim = {-1, 1, 1, 1, 1, 1, 1, 1};  // qfac -1 flips k
    n.qform = 1;
    n.quat = {0, 0, 1};  // 180 degrees about z
    n.qoffset = {5, 6, 7};
    const Image img = readImage(writeNifti("qform.nii", n, ramp(8, 0)));
    QCOMPARE(img.geometry().origin, (std::array<double, 3>{5, 6, 7}));
    QCOMPARE(img.geometry().direction, (std::array<double, 9>{0, 0, -1, 0, -1, 0, -1, 0, 0}));
  }

  void sformWinsOverQform() {
    Nifti n;
    n.dims = {2, 2, 2};
    n.qform = 1;
    n.quat = {0, 0, 1};
    n.sform = 2;
    n.srow = {{{1, 0, 0, -1}, {0, 1, 0, -2}, {0, 0, 1, -3}}};
    const Image img = readImage(writeNifti("both.nii", n, ramp(8, 0)));
    QCOMPARE(img.geometry().origin, (std::array<double, 3>{-1, -2, -3}));
    // The identity sform, seen from numpy axis order (z, y, x).
    QCOMPARE(img.geometry().direction, (std::array<double, 9>{0, 0, 1, 0, 1, 0, 1, 0, 0}));
  }

  void noTransformWarns() {
    Nifti n;
    n.dims = {2, 2, 2};
    n.pixdim = {1, 0.5, 0.5, 4, 1, 1, 1, 1};
    std::vector<std::string> warnings;
    const Image img = readImage(writeNifti("bare.nii", n, ramp(8, 0)), &warnings);
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{4, 0.5, 0.5}));
    QVERIFY(contains(warnings, "neither sform nor qform"));
  }

  void flatNiftiIs2D() {
    Nifti n;
    n.dims = {3, 2, 1};
    n.datatype = testfiles::kUInt8;
    n.pixdim = {1, 0.5, 0.25, 7, 1, 1, 1, 1};
    const Image img = readImage(writeNifti("flat.nii", n, ramp(6, 10)));
    QCOMPARE(img.ndim(), 2);
    QVERIFY(img.shape() == Shape(2, 3));
    QCOMPARE(img.data()[5], 15.0f);
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{0.25, 0.5, 7}));
  }

  void fourDGivesFirstVolume() {
    Nifti n;
    n.dims = {2, 2, 2, 3};
    n.datatype = testfiles::kFloat32;
    std::vector<std::string> warnings;
    const Image img = readImage(writeNifti("fmri.nii.gz", n, ramp(24, 100)), &warnings);
    QVERIFY(img.shape() == Shape(2, 2, 2));
    for (int i = 0; i < 8; ++i) QCOMPARE(img.data()[i], float(100 + i));
    QVERIFY(contains(warnings, "first of 3 volumes"));
  }

  void slopeZeroMeansUnscaled() {
    Nifti n;
    n.dims = {2, 2, 2};
    n.datatype = testfiles::kUInt16;
    n.slope = 0;
    n.inter = 5;
    const Image img = readImage(writeNifti("unscaled.nii", n, {0, 1, 2, 3, 60000, 5, 6, 7}));
    QCOMPARE(img.data()[4], 60000.0f);
    QCOMPARE(img.data()[0], 0.0f);
  }

  void nonFiniteBecomesZero() {
    Nifti n;
    n.dims = {2, 2, 2};
    n.datatype = testfiles::kFloat64;
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    const Image img = readImage(writeNifti("nan.nii", n, {1, nan, 3, inf, 5, 6, 7, 8}));
    QCOMPARE(img.data()[1], 0.0f);
    QCOMPARE(img.data()[3], 0.0f);
    QCOMPARE(img.data()[7], 8.0f);
  }

  void headerImagePair_data() {
    QTest::addColumn<bool>("gzip");
    QTest::newRow("plain") << false;
    QTest::newRow("gz") << true;
  }
  void headerImagePair() {
    QFETCH(bool, gzip);
    Nifti n = scaledVolume(1, true);
    n.pair = true;
    const QString base = dir_.filePath(gzip ? "pairgz" : "pair"), sfx = gzip ? ".gz" : "";
    const auto write = gzip ? testfiles::writeGzip : testfiles::writeBytes;
    QVERIFY(write(base + ".hdr" + sfx, testfiles::niftiHeader(n)));
    QVERIFY(write(base + ".img" + sfx, testfiles::niftiData(n, ramp(24))));
    for (const QString& given : {base + ".hdr" + sfx, base + ".img" + sfx}) {
      const Image img = readImage(given.toStdString());
      QVERIFY(img.shape() == Shape(2, 3, 4));
      QCOMPARE(img.data()[23], float(2 * 18 - 1));
      QCOMPARE(img.geometry().origin, (std::array<double, 3>{10, -20, 30}));
    }
  }

  void pngRoundTripGrey() {
    const int w = 5, h = 3;
    std::vector<uint8_t> px;
    for (int i = 0; i < w * h; ++i) px.push_back(static_cast<uint8_t>(i * 17));
    const std::string file = path("grey.png");
    lightbox::imageio::writePng(file, w, h, 1, px.data());
    const Image img = readImage(file);
    QVERIFY(img.shape() == Shape(h, w));
    for (int i = 0; i < w * h; ++i) QCOMPARE(img.data()[i], float(i * 17));
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{1, 1, 1}));
  }

  void pngRgbBecomesLuma() {
    const std::vector<uint8_t> px = {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};  // R, G, B, mixed
    const std::string file = path("rgb.png");
    lightbox::imageio::writePng(file, 2, 2, 3, px.data());
    std::vector<std::string> warnings;
    const Image img = readImage(file, &warnings);
    QVERIFY(img.shape() == Shape(2, 2));
    QVERIFY(near(img.data()[0], 0.299 * 255, 1e-3));
    QVERIFY(near(img.data()[1], 0.587 * 255, 1e-3));
    QVERIFY(near(img.data()[2], 0.114 * 255, 1e-3));
    QVERIFY(near(img.data()[3], 0.299 * 10 + 0.587 * 20 + 0.114 * 30, 1e-3));
    QVERIFY(contains(warnings, "luma"));
  }

  void png16KeepsFullRange() {
    const std::vector<uint16_t> v = {0, 1, 1000, 4095, 40000, 65535};
    const QString file = dir_.filePath("deep.png");
    QVERIFY(testfiles::writeBytes(file, testfiles::png16(3, 2, v)));
    const Image img = readImage(file.toStdString());
    QVERIFY(img.shape() == Shape(2, 3));
    for (size_t i = 0; i < v.size(); ++i) QCOMPARE(img.data()[i], float(v[i]));
  }

  void tiff16BothByteOrders_data() {
    QTest::addColumn<bool>("bigEndian");
    QTest::newRow("II") << false;
    QTest::newRow("MM") << true;
  }
  void tiff16BothByteOrders() {
    QFETCH(bool, bigEndian);
    const std::vector<uint16_t> v = {7, 300, 65535, 12345, 0, 2, 4, 8};
    const QString file = dir_.filePath(bigEndian ? "mm.tif" : "ii.tiff");
    QVERIFY(testfiles::writeBytes(file, testfiles::tiff16(4, 2, v, bigEndian)));
    const Image img = readImage(file.toStdString());
    QVERIFY(img.shape() == Shape(2, 4));
    for (size_t i = 0; i < v.size(); ++i) QCOMPARE(img.data()[i], float(v[i]));
  }

  void writePngFailsClearly() {
    const uint8_t px[3] = {1, 2, 3};
    const std::string bad = path("no/such/folder/x.png");
    try {
      lightbox::imageio::writePng(bad, 1, 1, 3, px);
      QFAIL("writing into a missing folder succeeded");
    } catch (const std::runtime_error& e) {
      QVERIFY(std::string(e.what()).find(bad) != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, lightbox::imageio::writePng(path("c2.png"), 1, 1, 2, px));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, lightbox::imageio::writePng(path("z.png"), 0, 1, 1, px));
  }

  void missingAndUnreadablePaths() {
    expectError(path("does-not-exist.nii"), "file not found");
    expectError(dir_.path().toStdString(), "is a folder");
  }

  void emptyFile() {
    for (const char* name : {"empty.nii", "empty.png", "empty"}) {
      QVERIFY(testfiles::writeBytes(dir_.filePath(name), {}));
      expectError(path(name), "file is empty");
    }
  }

  void wrongMagic() {
    QByteArray junk(600, '\0');
    for (int i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 37 + 11) % 251);
    QVERIFY(testfiles::writeBytes(dir_.filePath("junk.nii"), junk));
    expectError(path("junk.nii"), "not a NIfTI file");
    QVERIFY(testfiles::writeBytes(dir_.filePath("junk.bin"), junk));
    expectError(path("junk.bin"), "not a DICOM, NIfTI or image file");
    QVERIFY(testfiles::writeGzip(dir_.filePath("junk.nii.gz"), junk));
    expectError(path("junk.nii.gz"), "gzip-compressed, but not a NIfTI file");
    // NIfTI-2 size field without the magic that must follow it.
    QByteArray fake = testfiles::niftiHeader(scaledVolume(2, false));
    fake[4] = 'x';
    QVERIFY(testfiles::writeBytes(dir_.filePath("fake2.nii"), fake + QByteArray(48, '\0')));
    expectError(path("fake2.nii"), "magic is missing");
  }

  void truncatedData() {
    const Nifti n = scaledVolume(1, false);
    QVERIFY(testfiles::writeBytes(dir_.filePath("short.nii"), testfiles::niftiHeader(n) + QByteArray(10, '\1')));
    expectError(path("short.nii"), "truncated: expected 48 bytes of voxel data");
    QVERIFY(testfiles::writeGzip(dir_.filePath("short.nii.gz"), testfiles::niftiHeader(n) + QByteArray(10, '\1')));
    expectError(path("short.nii.gz"), "truncated: expected 48 bytes of voxel data");
    QVERIFY(testfiles::writeBytes(dir_.filePath("header-only.nii"), testfiles::niftiHeader(n).left(200)));
    expectError(path("header-only.nii"), "truncated header");
  }

  void truncatedGzipStream() {
    const std::string full = writeNifti("cut.nii.gz", scaledVolume(1, false), ramp(24));
    QFile f(QString::fromStdString(full));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray gz = f.readAll();
    f.close();
    QVERIFY(testfiles::writeBytes(QString::fromStdString(full), gz.left(gz.size() / 2)));
    expectError(full, "");
  }

  void absurdDimensions() {
    Nifti huge = scaledVolume(1, false);
    huge.dims = {32767, 32767, 32767};
    QVERIFY(testfiles::writeBytes(dir_.filePath("huge.nii"), testfiles::niftiHeader(huge)));
    expectError(path("huge.nii"), "too large");

    Nifti overflow = scaledVolume(2, false);
    overflow.dims = {int64_t{1} << 40, int64_t{1} << 40, 1, 1 << 20};
    QVERIFY(testfiles::writeBytes(dir_.filePath("overflow.nii"), testfiles::niftiHeader(overflow)));
    expectError(path("overflow.nii"), "dimensions overflow");

    Nifti negative = scaledVolume(1, true);
    negative.dims = {4, -3, 2};
    QVERIFY(testfiles::writeBytes(dir_.filePath("negative.nii"), testfiles::niftiHeader(negative) + QByteArray(48, 0)));
    expectError(path("negative.nii"), "dim[2] = -3");

    QByteArray noDims = testfiles::niftiHeader(scaledVolume(1, false)) + QByteArray(48, 0);
    testfiles::putAt<int16_t>(noDims, 40, 0, false);
    QVERIFY(testfiles::writeBytes(dir_.filePath("nodims.nii"), noDims));
    expectError(path("nodims.nii"), "dim[0] = 0");
  }

  void unsupportedDatatype() {
    Nifti n = scaledVolume(1, false);
    n.datatype = 1234;
    QVERIFY(testfiles::writeBytes(dir_.filePath("dt.nii"), testfiles::niftiHeader(n) + QByteArray(200, 0)));
    expectError(path("dt.nii"), "unsupported NIfTI datatype 1234");
    n.datatype = 32;  // complex64
    QVERIFY(testfiles::writeBytes(dir_.filePath("complex.nii"), testfiles::niftiHeader(n) + QByteArray(200, 0)));
    expectError(path("complex.nii"), "unsupported NIfTI datatype 32");
  }

  void missingImageOfPair() {
    Nifti n = scaledVolume(1, false);
    n.pair = true;
    QVERIFY(testfiles::writeBytes(dir_.filePath("lonely.hdr"), testfiles::niftiHeader(n)));
    expectError(path("lonely.hdr"), "not found");
    QVERIFY(testfiles::writeBytes(dir_.filePath("orphan.img"), QByteArray(48, '\2')));
    expectError(path("orphan.img"), "header was not found");
  }

  void gzipUnderPlainName() {
    const std::string gz = writeNifti("packed.nii.gz", scaledVolume(1, false), ramp(24));
    QVERIFY(QFile::copy(QString::fromStdString(gz), dir_.filePath("packed.nii")));
    expectError(path("packed.nii"), "rename it");
  }

  void niftiUnderForeignName() {
    const std::string nii = writeNifti("named.nii", scaledVolume(1, false), ramp(24));
    QVERIFY(QFile::copy(QString::fromStdString(nii), dir_.filePath("named.dat")));
    expectError(path("named.dat"), "needs the name to end in .nii");
  }

  void corruptRaster() {
    const std::vector<uint16_t> v(64 * 64, 500);
    const QByteArray png = testfiles::png16(64, 64, v);
    QVERIFY(testfiles::writeBytes(dir_.filePath("cut.png"), png.left(40)));
    expectError(path("cut.png"), "could not decode PNG");
    QVERIFY(testfiles::writeBytes(dir_.filePath("cut.tif"), testfiles::tiff16(64, 64, v, false).left(30)));
    expectError(path("cut.tif"), "TIFF");
    QVERIFY(testfiles::writeBytes(dir_.filePath("cut.jpg"), QByteArray("\xff\xd8\xff\xe0 not really", 15)));
    expectError(path("cut.jpg"), "could not decode JPEG");
  }
};

QTEST_APPLESS_MAIN(TestImageReaders)
#include "test_image_readers.moc"
