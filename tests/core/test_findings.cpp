// Findings: connected regions above a threshold, described in voxels and in patient coordinates. The expected
// centroids in mm are worked out by hand below (oblique directions, anisotropic spacing), not with indexToPatient.
#include <QtTest>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "lightbox/core/eval/findings.h"

using namespace lightbox;
using namespace lightbox::eval;

namespace {

bool near(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); }

bool near3(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return near(a[0], b[0]) && near(a[1], b[1]) && near(a[2], b[2]);
}

// 10 x 12 map: blob A (rows 1-2, cols 2-4, 6 voxels, max 0.9) and blob B (an L of 5 voxels, max 0.95).
std::vector<float> twoBlobs2D() {
  const Shape s(10, 12);
  std::vector<float> map(size_t(s.count()), 0.1f);
  for (int r = 1; r <= 2; ++r)
    for (int c = 2; c <= 4; ++c) map[size_t(s.linear({r, c, 0}))] = 0.7f;
  map[size_t(s.linear({1, 3, 0}))] = 0.9f;
  for (Index i : {Index{6, 8, 0}, Index{7, 8, 0}, Index{8, 8, 0}, Index{8, 9, 0}, Index{8, 10, 0}})
    map[size_t(s.linear(i))] = 0.6f;
  map[size_t(s.linear({8, 10, 0}))] = 0.95f;
  return map;
}

// Axis 0 -> (0.6, 0.8, 0), axis 1 -> (-0.8, 0.6, 0): a rotation by 53.13 degrees about z; spacing 0.5 x 2 mm.
Geometry rotatedGeometry2D() {
  Geometry g;
  g.spacing = {0.5, 2.0, 1.0};
  g.origin = {10.0, -20.0, 5.0};
  g.direction = {0.6, -0.8, 0.0,  //
                 0.8, 0.6, 0.0,   //
                 0.0, 0.0, 1.0};
  return g;
}

// Columns (2,2,-1)/3, (-1,2,2)/3, (2,-1,2)/3: a rotation oblique to every patient axis; spacing 3 x 0.8 x 1.25 mm.
Geometry obliqueGeometry3D() {
  Geometry g;
  g.spacing = {3.0, 0.8, 1.25};
  g.origin = {-100.0, 50.0, 20.0};
  g.direction = {2.0 / 3, -1.0 / 3, 2.0 / 3,  //
                 2.0 / 3, 2.0 / 3, -1.0 / 3,  //
                 -1.0 / 3, 2.0 / 3, 2.0 / 3};
  return g;
}

// 6 x 7 x 8 volume: blob A = the cube [1,2]^3 (8 voxels, 0.6); blob B = (4,5,6), (4,5,7), (5,5,7) with max 0.8.
std::vector<float> twoBlobs3D() {
  const Shape s(6, 7, 8);
  std::vector<float> map(size_t(s.count()), 0.0f);
  for (int z = 1; z <= 2; ++z)
    for (int y = 1; y <= 2; ++y)
      for (int x = 1; x <= 2; ++x) map[size_t(s.linear({z, y, x}))] = 0.6f;
  map[size_t(s.linear({4, 5, 6}))] = 0.7f;
  map[size_t(s.linear({4, 5, 7}))] = 0.8f;
  map[size_t(s.linear({5, 5, 7}))] = 0.7f;
  return map;
}

}  // namespace

class TestFindings : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void twoBlobsIn2D() {
    const std::vector<Finding> f = findFindings(twoBlobs2D(), Shape(10, 12), rotatedGeometry2D(), {0.5, 1});
    QCOMPARE(f.size(), size_t(2));
    // B has the higher max score: id 1.
    QCOMPARE(f[0].id, 1);
    QCOMPARE(f[0].voxels, int64_t(5));
    QCOMPARE(f[0].maxScore, double(0.95f));
    QVERIFY(near(f[0].meanScore, (4 * double(0.6f) + double(0.95f)) / 5));
    QVERIFY(near3(f[0].centroidVoxel, {7.4, 8.6, 0.0}));  // rows (6+7+8+8+8)/5, cols (8+8+8+9+10)/5
    // origin + 0.5 * 7.4 * (0.6, 0.8, 0) + 2 * 8.6 * (-0.8, 0.6, 0) = (10 + 2.22 - 13.76, -20 + 2.96 + 10.32, 5)
    QVERIFY(near3(f[0].centroidPatient, {-1.54, -6.72, 5.0}));
    QVERIFY(near(f[0].physicalSize, 5.0));  // 0.5 x 2 mm^2 per pixel
    QCOMPARE(f[0].boxMin, (Index{6, 8, 0}));
    QCOMPARE(f[0].boxMax, (Index{8, 10, 0}));
    QVERIFY(!f[0].slice);

    QCOMPARE(f[1].id, 2);
    QCOMPARE(f[1].voxels, int64_t(6));
    QCOMPARE(f[1].maxScore, double(0.9f));
    QVERIFY(near3(f[1].centroidVoxel, {1.5, 3.0, 0.0}));
    // origin + 0.5 * 1.5 * (0.6, 0.8, 0) + 2 * 3 * (-0.8, 0.6, 0) = (10 + 0.45 - 4.8, -20 + 0.6 + 3.6, 5)
    QVERIFY(near3(f[1].centroidPatient, {5.65, -15.8, 5.0}));
    QVERIFY(near(f[1].physicalSize, 6.0));
    QCOMPARE(f[1].boxMin, (Index{1, 2, 0}));
    QCOMPARE(f[1].boxMax, (Index{2, 4, 0}));
  }

  void twoBlobsIn3D() {
    Image map(1, Shape(6, 7, 8));
    map.values() = twoBlobs3D();
    map.geometry() = obliqueGeometry3D();
    const std::vector<Finding> f = findFindings(map, {0.5, 1});
    QCOMPARE(f.size(), size_t(2));
    QCOMPARE(f[0].voxels, int64_t(3));
    QCOMPARE(f[0].maxScore, double(0.8f));
    QVERIFY(near3(f[0].centroidVoxel, {13.0 / 3, 5.0, 20.0 / 3}));
    // D (3 * 13/3, 0.8 * 5, 1.25 * 20/3) = D (13, 4, 25/3) = (116/9, 77/9, 35/9)
    QVERIFY(near3(f[0].centroidPatient, {-100.0 + 116.0 / 9, 50.0 + 77.0 / 9, 20.0 + 35.0 / 9}));
    QVERIFY(near(f[0].physicalSize, 3 * 3.0));  // 3 x 0.8 x 1.25 = 3 mm^3 per voxel
    QCOMPARE(f[0].slice.value(), int64_t(4));
    QCOMPARE(f[0].boxMin, (Index{4, 5, 6}));
    QCOMPARE(f[0].boxMax, (Index{5, 5, 7}));

    QCOMPARE(f[1].voxels, int64_t(8));
    QVERIFY(near3(f[1].centroidVoxel, {1.5, 1.5, 1.5}));
    // D (4.5, 1.2, 1.875) = ((9 - 1.2 + 3.75) / 3, (9 + 2.4 - 1.875) / 3, (-4.5 + 2.4 + 3.75) / 3)
    QVERIFY(near3(f[1].centroidPatient, {-100.0 + 3.85, 50.0 + 3.175, 20.0 + 0.55}));
    QVERIFY(near(f[1].physicalSize, 24.0));
    QCOMPARE(f[1].slice.value(), int64_t(2));  // round(1.5) = 2, half to even
    QVERIFY(near(f[1].meanScore, double(0.6f)));
  }

  // A 2D slice tilted out of the patient's xy-plane keeps its true pixel area.
  void tiltedSliceArea() {
    Geometry g;
    g.spacing = {0.5, 2.0, 1.0};
    g.direction = {0.6, 0.0, 0.0,  //
                   0.0, 1.0, 0.0,  //
                   0.8, 0.0, 1.0};
    QVERIFY(near(voxelPhysicalSize(g, 2), 1.0));
    g.direction = {1, 0.5, 0, 0, 1, 0, 0, 0, 1};  // sheared columns (1,0,0), (0.5,1,0): |c0 x c1| = 1
    QVERIFY(near(voxelPhysicalSize(g, 2), 1.0));
  }

  void minimumSizeDropsSmallRegions() {
    const std::vector<Finding> f = findFindings(twoBlobs2D(), Shape(10, 12), rotatedGeometry2D(), {0.5, 6});
    QCOMPARE(f.size(), size_t(1));
    QCOMPARE(f[0].id, 1);
    QCOMPARE(f[0].voxels, int64_t(6));
  }

  // Strictly greater than the threshold: a score equal to it is not part of a finding.
  void thresholdIsStrict() {
    std::vector<float> map(16, 0.0f);
    map[5] = 0.5f;
    QVERIFY(findFindings(map, Shape(4, 4), Geometry{}, {0.5, 1}).empty());
    QCOMPARE(findFindings(map, Shape(4, 4), Geometry{}, {0.4999, 1}).size(), size_t(1));
    QVERIFY(findFindings(map, Shape(4, 4), Geometry{}, {1.0, 1}).empty());
    // Zero background never counts, even at threshold 0.
    QCOMPARE(findFindings(map, Shape(4, 4), Geometry{}, {0.0, 1}).size(), size_t(1));
  }

  void emptyMapHasNoFindings() {
    QVERIFY(findFindings(std::vector<float>(30, 0.0f), Shape(5, 6), Geometry{}, {0.0, 1}).empty());
    QVERIFY(findFindings(std::vector<float>(60, 0.2f), Shape(3, 4, 5), Geometry{}, {0.5, 1}).empty());
  }

  void connectivityFaceVersusFull() {
    // Two diagonal neighbours in 2D, and two voxels touching only at a corner in 3D.
    std::vector<float> map2(9, 0.0f);
    map2[0] = map2[4] = 0.9f;
    QCOMPARE(findFindings(map2, Shape(3, 3), Geometry{}, {0.5, 1, Connectivity::Face}).size(), size_t(2));
    QCOMPARE(findFindings(map2, Shape(3, 3), Geometry{}, {0.5, 1, Connectivity::Full}).size(), size_t(1));
    std::vector<float> map3(27, 0.0f);
    map3[0] = map3[26] = 0.9f;  // (0,0,0) and (2,2,2): not neighbours
    map3[13] = 0.7f;            // (1,1,1): a corner neighbour of both
    QCOMPARE(findFindings(map3, Shape(3, 3, 3), Geometry{}, {0.5, 1, Connectivity::Face}).size(), size_t(3));
    const std::vector<Finding> full = findFindings(map3, Shape(3, 3, 3), Geometry{}, {0.5, 1, Connectivity::Full});
    QCOMPARE(full.size(), size_t(1));
    QCOMPARE(full[0].voxels, int64_t(3));
    QVERIFY(near3(full[0].centroidVoxel, {1.0, 1.0, 1.0}));
  }

  // Equal max scores keep raster order of each region's first voxel; scores above 1 are clipped.
  void tiesAndClipping() {
    std::vector<float> map(20, 0.0f);
    map[2] = 3.0f;   // (0, 2)
    map[15] = 1.0f;  // (3, 0)
    map[9] = 0.99f;  // (1, 4)
    const std::vector<Finding> f = findFindings(map, Shape(4, 5), Geometry{}, {0.5, 1});
    QCOMPARE(f.size(), size_t(3));
    QCOMPARE(f[0].boxMin, (Index{0, 2, 0}));
    QCOMPARE(f[0].maxScore, 1.0);
    QCOMPARE(f[1].boxMin, (Index{3, 0, 0}));
    QCOMPARE(f[2].boxMin, (Index{1, 4, 0}));
    QCOMPARE(f[2].id, 3);
  }

  void badInputIsRejected() {
    const std::vector<float> map(12, 0.0f);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, findFindings(map, Shape(3, 5), Geometry{}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, findFindings(map, Shape(3, 4), Geometry{}, {1.5, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, findFindings(map, Shape(3, 4), Geometry{}, {-0.1, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, findFindings(map, Shape(3, 4), Geometry{}, {0.5, 0}));
    std::vector<float> withNan = map;
    withNan[3] = std::numeric_limits<float>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, findFindings(withNan, Shape(3, 4), Geometry{}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, findFindings(Image(2, Shape(3, 4))));
  }
};

QTEST_GUILESS_MAIN(TestFindings)
#include "test_findings.moc"
