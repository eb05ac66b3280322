// groupDicomSeries on headers made here (each rule of dicom.h, one test each), and readDicomSeries on files
// written here: volume values, geometry, per-slice remarks, a failing slice named. No fixtures needed.
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

#include "dicom_writer.h"
#include "lightbox/imageio/dicom.h"
#include "lightbox/imageio/image_reader.h"

using lightbox::Image;
using lightbox::Shape;
using lightbox::imageio::DicomInfo;
using lightbox::imageio::DicomSeries;
using lightbox::imageio::groupDicomSeries;
using lightbox::imageio::ImageReadError;
using lightbox::imageio::readDicomInfo;
using lightbox::imageio::readDicomSeries;

namespace {

bool near(double a, double b, double tol = 1e-6) { return std::fabs(a - b) <= tol; }

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

// An oblique plane: rows along x, columns tilted 0.2 rad from y towards z; the normal is (0, -sin, cos).
const double kC = std::cos(0.2), kS = std::sin(0.2);
const std::array<double, 6> kOblique{1, 0, 0, 0, kC, kS};
const std::array<double, 3> kNormal{0, -kS, kC};

/// A header at distance `t` along the normal from (10, 20, 30).
DicomInfo at(double t, int instance, const std::string& uid = "1.2.3") {
  DicomInfo d;
  d.path = "/data/slice" + std::to_string(instance) + ".dcm";
  d.sopInstanceUid = uid + "." + std::to_string(instance);
  d.seriesInstanceUid = uid;
  d.studyInstanceUid = "1.2";
  d.instanceNumber = instance;
  d.rows = 4;
  d.columns = 5;
  d.imageOrientation = kOblique;
  d.imagePosition = std::array<double, 3>{10 + t * kNormal[0], 20 + t * kNormal[1], 30 + t * kNormal[2]};
  d.pixelSpacing = std::array<double, 2>{0.9, 0.7};
  d.sliceThickness = 5;
  return d;
}

std::vector<int> instances(const DicomSeries& s) {
  std::vector<int> v;
  for (const auto& d : s.slices) v.push_back(d.instanceNumber.value_or(-1));
  return v;
}

}  // namespace

class TestDicomSeries : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void sortsAlongTheNormal() {
    // Instance numbers run against the positions, and the input is shuffled: only positions may decide.
    std::vector<DicomInfo> files;
    for (int k = 0; k < 8; ++k) files.push_back(at(2.5 * k, 8 - k));
    std::shuffle(files.begin(), files.end(), std::mt19937(7));
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries(files, &warnings);
    QCOMPARE(series.size(), size_t{1});
    const DicomSeries& s = series[0];
    QCOMPARE(instances(s), (std::vector<int>{8, 7, 6, 5, 4, 3, 2, 1}));
    QVERIFY(s.sortedByPosition);
    QCOMPARE(s.part, 0);
    QVERIFY(near(s.sliceSpacing, 2.5));
    QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings[0].c_str());
    const auto& g = s.geometry;
    QVERIFY(near(g.origin[0], 10) && near(g.origin[1], 20) && near(g.origin[2], 30));
    QVERIFY(near(g.spacing[0], 2.5) && near(g.spacing[1], 0.9) && near(g.spacing[2], 0.7));
    // Columns: axis 0 = normal, axis 1 = column cosines (down the rows), axis 2 = row cosines.
    const std::array<double, 9> want{kNormal[0], 0, 1, kNormal[1], kC, 0, kNormal[2], kS, 0};
    for (size_t i = 0; i < 9; ++i) QVERIFY(near(g.direction[i], want[i], 1e-12));
    const auto last = g.indexToPatient({7, 0, 0});
    for (size_t i = 0; i < 3; ++i) QVERIFY(near(last[i], (*s.slices[7].imagePosition)[i], 1e-9));
  }

  void fallsBackToInstanceNumber() {
    std::vector<DicomInfo> files{at(0, 3), at(1, 1), at(2, 2)};
    files[1].imagePosition.reset();
    files[0].spacingBetweenSlices = 1.25;
    files[1].spacingBetweenSlices = 1.25;
    files[2].spacingBetweenSlices = 1.25;
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries(files, &warnings);
    QCOMPARE(series.size(), size_t{1});
    QCOMPARE(instances(series[0]), (std::vector<int>{1, 2, 3}));
    QVERIFY(!series[0].sortedByPosition);
    QCOMPARE(series[0].sliceSpacing, 1.25);
    QVERIFY(mentions(warnings, "sorted by InstanceNumber"));
  }

  void splitsMixedSizesAndOrientations() {
    std::vector<DicomInfo> files;
    for (int k = 0; k < 5; ++k) files.push_back(at(k, k + 1));
    DicomInfo big = at(10, 6), turned = at(11, 7), turned2 = at(12, 8), coarse = at(13, 9);
    big.rows = 8;
    turned.imageOrientation = std::array<double, 6>{0, 1, 0, 0, 0, -1};
    turned2.imageOrientation = turned.imageOrientation;
    (*turned2.imagePosition)[0] += 3;  // a second sagittal slice, 3 mm along that plane's normal
    (*coarse.pixelSpacing)[0] = 1.8;
    files.insert(files.end(), {big, turned, turned2, coarse});
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries(files, &warnings);
    QCOMPARE(series.size(), size_t{4});
    QCOMPARE(series[0].slices.size(), size_t{5});  // largest part first
    QCOMPARE(series[1].slices.size(), size_t{2});
    for (size_t k = 0; k < series.size(); ++k) QCOMPARE(series[k].part, static_cast<int>(k) + 1);
    QVERIFY(mentions(warnings, "split into 4 stacks"));
  }

  void dropsDuplicatedPositions() {
    std::vector<DicomInfo> files{at(0, 1), at(1, 3), at(1.001, 2), at(2, 4), at(3, 5)};
    DicomInfo copy = at(3, 5);
    copy.path = "/data/copy-of-5.dcm";
    files.push_back(copy);  // the same SOP instance under another name
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries(files, &warnings);
    QCOMPARE(series.size(), size_t{1});
    QCOMPARE(instances(series[0]), (std::vector<int>{1, 2, 4, 5}));  // of the pair at 1 mm, the lower number stays
    QVERIFY(mentions(warnings, "position already taken"));
    QVERIFY(mentions(warnings, "slice3.dcm"));
    QVERIFY(mentions(warnings, "repeat a SOPInstanceUID"));
    QVERIFY(near(series[0].sliceSpacing, 1.0, 1e-2));
  }

  void splitsAtMissingSlices() {
    std::vector<DicomInfo> files;
    for (double t : {0.0, 1.0, 2.0, 3.0, 6.0, 7.0}) files.push_back(at(t, static_cast<int>(t) + 1));
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries(files, &warnings);
    QCOMPARE(series.size(), size_t{2});
    QCOMPARE(instances(series[0]), (std::vector<int>{1, 2, 3, 4}));
    QCOMPARE(instances(series[1]), (std::vector<int>{7, 8}));
    QCOMPARE(series[0].part, 1);
    QCOMPARE(series[1].part, 2);
    QVERIFY(near(series[1].geometry.origin[2], (*files[4].imagePosition)[2]));
    QVERIFY(mentions(warnings, "slices missing"));
  }

  void reportsIrregularSpacingAndShear() {
    std::vector<std::string> warnings;
    auto series = groupDicomSeries({at(0, 1), at(1, 2), at(2.2, 3), at(3.2, 4)}, &warnings);
    QCOMPARE(series.size(), size_t{1});  // 1.2 mm is irregular, not yet a missing slice
    QVERIFY(mentions(warnings, "slice spacing varies"));
    warnings.clear();
    std::vector<DicomInfo> tilted;
    for (int k = 0; k < 4; ++k) {
      tilted.push_back(at(k, k + 1));
      (*tilted.back().imagePosition)[0] += 0.5 * k;  // sideways along the rows: a gantry tilt
    }
    series = groupDicomSeries(tilted, &warnings);
    QCOMPARE(series.size(), size_t{1});
    QVERIFY(mentions(warnings, "offset sideways"));
  }

  void standaloneFilesAndOrder() {
    DicomInfo multi = at(0, 1, "1.2.9");
    multi.numberOfFrames = 10;
    DicomInfo noUid = at(0, 1, "");
    noUid.seriesInstanceUid.clear();
    DicomInfo dir;
    dir.isDicomdir = true;
    std::vector<std::string> warnings;
    const auto series = groupDicomSeries({at(0, 1, "1.2.8"), multi, at(1, 2, "1.2.8"), noUid, dir}, &warnings);
    QCOMPARE(series.size(), size_t{3});
    QCOMPARE(series[0].seriesInstanceUid, std::string());  // ordered by UID
    QCOMPARE(series[1].seriesInstanceUid, std::string("1.2.8"));
    QCOMPARE(series[1].slices.size(), size_t{2});
    QCOMPARE(series[2].slices.size(), size_t{1});
    QVERIFY(mentions(warnings, "DICOMDIR"));
  }

  void readsAVolume() {
    // Four oblique slices, written in shuffled order; each holds its instance number times 100 plus the index.
    std::vector<DicomInfo> infos;
    for (int k : {3, 1, 4, 2}) {
      testdicom::Slice s;
      s.samplesPerPixel = 3;
      s.photometric = "RGB";
      s.bitsAllocated = s.bitsStored = 8;
      s.highBit = 7;
      for (int i = 0; i < 6; ++i)
        for (int c = 0; c < 3; ++c) s.samples.push_back(static_cast<uint32_t>(10 * k + i));  // grey RGB
      s.instance = k;
      s.sopUid = "1.2.826.0.1.3680043.2.1125.1.1." + std::to_string(k);
      const DicomInfo pos = at(1.5 * k, k);
      s.position = *pos.imagePosition;
      s.orientation = kOblique;
      s.pixelSpacing = std::array<double, 2>{0.9, 0.7};
      const QString file = dir_.filePath(QString("s%1.dcm").arg(k));
      QVERIFY(testdicom::write(file, testdicom::fileBytes(s)));
      infos.push_back(readDicomInfo(file.toStdString()));
    }
    const auto series = groupDicomSeries(infos);
    QCOMPARE(series.size(), size_t{1});
    std::vector<std::string> warnings;
    const Image vol = readDicomSeries(series[0], &warnings);
    QVERIFY(vol.shape() == Shape(4, 2, 3));
    for (int64_t k = 0; k < 4; ++k)
      for (int64_t i = 0; i < 6; ++i) QVERIFY(near(vol.data()[k * 6 + i], 10.0 * (k + 1) + i, 1e-4));
    QCOMPARE(vol.geometry().spacing, series[0].geometry.spacing);
    QVERIFY(near(vol.geometry().spacing[0], 1.5));
    QCOMPARE(warnings.size(), size_t{1});  // one remark for all four slices
    QVERIFY(mentions(warnings, "luma") && mentions(warnings, "(4 slices)"));

    QVERIFY(QFile::remove(dir_.filePath("s3.dcm")));
    try {
      readDicomSeries(series[0]);
      QFAIL("a missing slice must fail the series");
    } catch (const ImageReadError& e) {
      QCOMPARE(e.path(), dir_.filePath("s3.dcm").toStdString());
      QVERIFY(std::string(e.what()).find("slice 3 of 4") != std::string::npos);
    }
    const Image single = readDicomSeries(groupDicomSeries({infos[1]})[0]);
    QVERIFY(single.shape() == Shape(2, 3));  // one file: its own image
  }
};

QTEST_APPLESS_MAIN(TestDicomSeries)
#include "test_dicom_series.moc"
