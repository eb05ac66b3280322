// Broken and unsupported DICOM files made here: every one is an ImageReadError naming the file with a specific
// reason, none crashes. Also Siemens mosaic detection and DICOMDIR handling on hand-made files.
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <random>

#include "dicom_writer.h"
#include "lightbox/imageio/dicom.h"
#include "lightbox/imageio/image_reader.h"

using lightbox::imageio::DicomInfo;
using lightbox::imageio::ImageReadError;
using lightbox::imageio::listDicomdirFiles;
using lightbox::imageio::readDicomImage;
using lightbox::imageio::readDicomInfo;
using lightbox::imageio::readImage;
using testdicom::DataSet;
using testdicom::Slice;

namespace {

using Reader = std::function<void(const std::string&)>;
const Reader kPixels = [](const std::string& p) { readDicomImage(p); };
const Reader kHeader = [](const std::string& p) { readDicomInfo(p); };
const Reader kAny = [](const std::string& p) { readImage(p); };

/// A 4x4 slice whose pixel data ends the file.
Slice small() {
  Slice s;
  s.rows = s.cols = 4;
  for (uint32_t i = 0; i < 16; ++i) s.samples.push_back(i * 100);
  s.position = std::array<double, 3>{1, 2, 3};
  s.orientation = std::array<double, 6>{1, 0, 0, 0, 1, 0};
  s.pixelSpacing = std::array<double, 2>{1, 1};
  return s;
}

/// The reason an ImageReadError gives, after checking that it names `file`; "" (and a test failure) otherwise.
std::string reasonFor(const Reader& read, const std::string& file) {
  try {
    read(file);
  } catch (const ImageReadError& e) {
    if (e.path() != file) qWarning("error names %s, not %s", e.path().c_str(), file.c_str());
    return e.path() == file ? e.reason() : std::string();
  } catch (const std::exception& e) {
    qWarning("wrong exception type: %s", e.what());
    return {};
  }
  qWarning("no error reading %s", file.c_str());
  return {};
}

}  // namespace

class TestDicomBroken : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

  std::string path(const std::string& name) const { return dir_.filePath(QString::fromStdString(name)).toStdString(); }
  std::string write(const std::string& name, const QByteArray& bytes) const {
    if (!testdicom::write(QString::fromStdString(path(name)), bytes)) qFatal("cannot write %s", name.c_str());
    return path(name);
  }
  std::string write(const std::string& name, const Slice& s) const { return write(name, testdicom::fileBytes(s)); }

  static void expectError(const Reader& read, const std::string& file, const std::string& part) {
    const std::string reason = reasonFor(read, file);
    QVERIFY2(!reason.empty() && reason.find(part) != std::string::npos,
             qPrintable(QString::fromStdString(file + ": got '" + reason + "', wanted '" + part + "'")));
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void missingEmptyAndFolders() {
    for (const Reader& r : {kPixels, kHeader, kAny}) {
      expectError(r, path("nothing-here.dcm"), "file not found");
      expectError(r, dir_.path().toStdString(), "is a folder");
      expectError(r, write("empty.dcm", QByteArray()), "file is empty");
    }
  }

  void wrongMagic() {
    QByteArray junk(300, '\0');
    for (int i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 37 + 11) % 251);
    const std::string file = write("junk.dcm", junk);
    expectError(kHeader, file, "not a DICOM file");
    expectError(kPixels, file, "not a DICOM file");
    expectError(kAny, file, "not a DICOM, NIfTI or image file");
    QByteArray bytes = testdicom::fileBytes(small());
    bytes.replace(128, 4, "DICX");
    expectError(kAny, write("dicx.dcm", bytes), "not a DICOM, NIfTI or image file");
  }

  void truncatedEverywhere() {
    const QByteArray full = testdicom::fileBytes(small());
    QVERIFY(readDicomImage(write("whole.dcm", full)).voxelCount() == 16);
    // Every prefix: an error naming the file, never a crash and never a silently short image.
    int truncatedReason = 0;
    for (int n = 1; n < full.size(); ++n) {
      const std::string file = write("cut.dcm", full.left(n));
      for (const Reader& r : {kPixels, kAny}) {
        const std::string reason = reasonFor(r, file);
        QVERIFY2(!reason.empty(), qPrintable(QString("prefix of %1 bytes").arg(n)));
        if (reason.find("truncated") != std::string::npos) ++truncatedReason;
      }
    }
    QVERIFY(truncatedReason > full.size());  // most cuts land inside an element and are called what they are
    expectError(kHeader, write("cut.dcm", full.left(full.size() - 7)), "truncated");
    expectError(kPixels, path("cut.dcm"), "truncated");
  }

  void absurdSizes() {
    Slice s = small();
    s.rows = s.cols = 65535;
    s.frames = 1000000;  // ~4 * 10^15 voxels, with 32 bytes of pixel data
    const std::string huge = write("terabytes.dcm", s);
    QCOMPARE(readDicomInfo(huge).numberOfFrames, 1000000);  // the header is only facts...
    expectError(kPixels, huge, "too large");               // ...the image is refused before any allocation
    s.frames = 1;
    s.rows = s.cols = 40000;
    expectError(kAny, write("big-plane.dcm", s), "too large");
    s.rows = s.cols = 1000;
    expectError(kPixels, write("short.dcm", s), "pixel data too short");
    // A pixel data element claiming nearly 4 GiB in a file of a few hundred bytes.
    Slice header = small();
    DataSet d = header.dataSet();
    d.remove(0x7fe0, 0x0010);
    QByteArray bytes = testdicom::fileBytes(d, testdicom::kExplicitLittle);
    bytes.append(QByteArray::fromHex("e07f1000" "4f570000" "f0ffffff") + QByteArray(8, '\x01'));
    expectError(kHeader, write("claims-4gib.dcm", bytes), "truncated");
    expectError(kPixels, path("claims-4gib.dcm"), "truncated");
  }

  void invalidHeaders() {
    Slice s = small();
    s.rows = 0;
    expectError(kHeader, write("rows0.dcm", s), "invalid image size");
    s = small();
    DataSet d = s.dataSet();
    d.text(0x0028, 0x0008, "IS", "-3");
    expectError(kHeader, write("frames-3.dcm", testdicom::fileBytes(d, s.transferSyntax)), "invalid NumberOfFrames");
    s = small();
    s.bitsStored = 20;
    expectError(kPixels, write("bits20.dcm", s), "inconsistent BitsStored");
    d = small().dataSet();
    d.remove(0x7fe0, 0x0010);
    expectError(kHeader, write("nopixels.dcm", testdicom::fileBytes(d, testdicom::kExplicitLittle)), "no pixel data");
    expectError(kAny, path("nopixels.dcm"), "no pixel data");
  }

  void unsupportedContent_data() {
    QTest::addColumn<int>("bitsAllocated");
    QTest::addColumn<int>("samples");
    QTest::addColumn<QString>("photometric");
    QTest::addColumn<QString>("reason");
    QTest::newRow("12-bit packed") << 12 << 1 << "MONOCHROME2" << "unsupported BitsAllocated 12";
    QTest::newRow("palette") << 8 << 1 << "PALETTE COLOR" << "palette colour images are not read";
    QTest::newRow("two samples") << 8 << 2 << "MONOCHROME2" << "unsupported SamplesPerPixel 2";
    QTest::newRow("YBR_PARTIAL_420") << 8 << 3 << "YBR_PARTIAL_420" << "unsupported PhotometricInterpretation";
    QTest::newRow("CMYK") << 8 << 3 << "CMYK" << "unsupported PhotometricInterpretation";
  }
  void unsupportedContent() {
    QFETCH(int, bitsAllocated);
    QFETCH(int, samples);
    QFETCH(QString, photometric);
    QFETCH(QString, reason);
    Slice s = small();
    s.bitsAllocated = bitsAllocated;
    s.bitsStored = bitsAllocated;
    s.highBit = bitsAllocated - 1;
    s.samplesPerPixel = samples;
    s.photometric = photometric.toStdString();
    s.samples.assign(static_cast<size_t>(16 * samples), 1);
    expectError(kPixels, write("unsupported.dcm", s), reason.toStdString());
  }

  void transferSyntaxes() {
    Slice s = small();
    DataSet d = s.dataSet();
    d.raw(0x7fe0, 0x0010, "OB", testdicom::encapsulate({QByteArray("\xff\x4f\xff\x51", 4) + " not really J2K"}), true);
    const std::string j2k = write("j2k.dcm", testdicom::fileBytes(d, testdicom::kJpeg2000));
    for (const Reader& r : {kHeader, kPixels, kAny}) {
      expectError(r, j2k, "JPEG 2000");
      expectError(r, j2k, "DCMTK's open-source codecs cannot decode it");
    }
    expectError(kHeader, write("mpeg2.dcm", testdicom::fileBytes(d, "1.2.840.10008.1.2.4.100")), "no decoder");
    expectError(kHeader, write("unknown-ts.dcm", testdicom::fileBytes(d, "1.2.3.999")),
                "unsupported transfer syntax 1.2.3.999");
    // A JPEG transfer syntax whose fragment is not JPEG: the decoder's failure, named, not a crash.
    expectError(kPixels, write("bad-jpeg.dcm", testdicom::fileBytes(d, testdicom::kJpegBaseline)), "could not decode");
  }

  void randomDamageNeverCrashes() {
    const QByteArray full = testdicom::fileBytes(small());
    std::mt19937 rng(20240601);
    std::uniform_int_distribution<int> at(0, full.size() - 1), byte(0, 255);
    int failures = 0;
    for (int k = 0; k < 300; ++k) {
      QByteArray b = full;
      for (int j = 0; j < 1 + k % 4; ++j) b[at(rng)] = static_cast<char>(byte(rng));
      const std::string file = write("damaged.dcm", b);
      try {
        readImage(file);
      } catch (const ImageReadError& e) {
        QCOMPARE(e.path(), file);
        ++failures;
      }
    }
    QVERIFY(failures > 0);
  }

  void mosaicIsNamed() {
    Slice s = small();
    s.imageType = "ORIGINAL\\PRIMARY\\M\\NORM\\DIS2D\\MOSAIC";
    DataSet d = s.dataSet();
    d.text(0x0019, 0x0010, "LO", "SIEMENS MR HEADER");
    d.us(0x0019, 0x100a, 4);
    const std::string file = write("mosaic.dcm", testdicom::fileBytes(d, s.transferSyntax));
    const DicomInfo info = readDicomInfo(file);
    QVERIFY(info.isMosaic);
    QCOMPARE(info.mosaicImages, 4);
    expectError(kAny, file, "Siemens mosaic: 4 images tiled in one frame; not split yet");
    expectError(kPixels, write("mosaic-typeonly.dcm", s), "Siemens mosaic: several images tiled in one frame");
  }

  void dicomdir() {
    QDir root(dir_.filePath("media"));
    QVERIFY(root.mkpath("sub"));
    const std::string image = dir_.filePath("media/sub/img1").toStdString();
    QVERIFY(testdicom::write(QString::fromStdString(image), testdicom::fileBytes(small())));
    // Records: the image (upper case on the medium, lower case on this disk), one missing file, one that would
    // climb out of the folder (not a valid File ID), one repeated, and a record without a file.
    QByteArray items;
    const auto record = [&](const std::string& type, const std::string& fileId) {
      DataSet r;
      r.text(0x0004, 0x1430, "CS", type);
      if (!fileId.empty()) r.text(0x0004, 0x1500, "CS", fileId);
      const QByteArray body = r.encode(true, false);
      DataSet::put16(items, 0xfffe, false);
      DataSet::put16(items, 0xe000, false);
      DataSet::put32(items, static_cast<uint32_t>(body.size()), false);
      items.append(body);
    };
    record("PATIENT", "");
    record("IMAGE", "SUB\\IMG1");
    record("IMAGE", "SUB\\IMG2");
    record("IMAGE", "..\\ESCAPE");
    record("IMAGE", "SUB\\IMG1");
    DataSet d;
    d.text(0x0004, 0x1130, "CS", "TEST");
    d.raw(0x0004, 0x1220, "SQ", items);
    const std::string dicomdir = dir_.filePath("media/DICOMDIR").toStdString();
    QVERIFY(testdicom::write(QString::fromStdString(dicomdir),
                             testdicom::fileBytes(d, testdicom::kExplicitLittle, true, "1.2.840.10008.1.3.10")));

    QVERIFY(readDicomInfo(dicomdir).isDicomdir);
    expectError(kAny, dicomdir, "DICOMDIR");
    const std::vector<std::string> files = listDicomdirFiles(dicomdir);
    QCOMPARE(files.size(), size_t{2});
    QCOMPARE(files[0], image);
    QCOMPARE(files[1], dir_.filePath("media/sub/IMG2").toStdString());  // listed though missing, to be reported
    expectError([](const std::string& p) { listDicomdirFiles(p); }, image, "not a DICOMDIR");
  }
};

QTEST_APPLESS_MAIN(TestDicomBroken)
#include "test_dicom_broken.moc"
