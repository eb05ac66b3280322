// The viewer's presentation logic without widgets: window/level maths and LUT, slice layouts and extraction,
// orientation labels from direction cosines, screen <-> voxel <-> mm mapping (also for an oblique volume).
#include <QtTest>

#include <cmath>
#include <numbers>

#include "viewer/slice_geometry.h"
#include "viewer/slice_renderer.h"
#include "viewer/viewer_text.h"
#include "viewer/window_level.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

/// An axial DICOM-like volume: rows along +y (posterior), columns along +x (left), slices along +z (superior).
Geometry axialLps() {
  Geometry g;
  g.spacing = {3.0, 0.5, 0.5};  // axis 0 (slices), 1 (rows), 2 (columns)
  g.origin = {-100, -120, 40};
  // Column d = direction of array axis d: axis 0 -> z, axis 1 -> y, axis 2 -> x.
  g.direction = {0, 0, 1,  //
                 0, 1, 0,  //
                 1, 0, 0};
  return g;
}

Image ramp(const Shape& s) {
  Image img(1, s);
  for (int64_t k = 0; k < s.count(); ++k) img.data()[k] = float(k);
  return img;
}

}  // namespace

class TestViewerLogic : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void dicomLinearWindow() {
    const WindowLevel wl{40, 400};
    QCOMPARE(applyWindow(-160.5, wl), 0.0);   // c - 0.5 - (w-1)/2 = -160
    QCOMPARE(applyWindow(-1000, wl), 0.0);
    QCOMPARE(applyWindow(239.6, wl), 255.0);  // above c - 0.5 + (w-1)/2 = 239
    QCOMPARE(applyWindow(39.5, wl), 127.5);   // the centre (c - 0.5) maps to the middle
    QVERIFY(applyWindow(100, wl) > applyWindow(0, wl));
    QCOMPARE(applyWindow(10, {5, 0.5}), 255.0);  // width < 1 is a threshold
    QCOMPARE(applyWindow(4, {5, 0.5}), 0.0);
  }

  void presetsOnKeysOneToFive() {
    const auto& p = windowPresets();
    QCOMPARE(p[0].window, (WindowLevel{40, 400}));    // soft tissue
    QCOMPARE(p[1].window, (WindowLevel{-600, 1500})); // lung
    QCOMPARE(p[2].window, (WindowLevel{90, 150}));    // liver
    QCOMPARE(p[3].window, (WindowLevel{480, 2500}));  // bone
    QCOMPARE(p[4].window, (WindowLevel{40, 80}));     // brain
  }

  void lutMatchesTheWindowFunction() {
    // Integer data (HU): exact, one entry per integer.
    WindowLut hu(-1024, 3071, true);
    QCOMPARE(hu.size(), size_t(4096));
    hu.setWindow({40, 80});
    for (int v = -1024; v <= 3071; v += 7) QCOMPARE(int(hu(float(v))), int(std::lround(applyWindow(v, {40, 80}))));
    QCOMPARE(int(hu(-5000.f)), 0);    // below the data range clamps
    QCOMPARE(int(hu(99999.f)), 255);  // above too
    QCOMPARE(int(hu(std::numeric_limits<float>::quiet_NaN())), 0);
    // Float data: within one grey level of the exact function.
    WindowLut f(-2.5, 7.25, false);
    f.setWindow({1.0, 3.0});
    for (double v = -2.5; v <= 7.25; v += 0.0137)
      QVERIFY(std::abs(int(f(float(v))) - std::lround(applyWindow(v, {1.0, 3.0}, true))) <= 1);
    QVERIFY(f.continuous());
    QCOMPARE(applyWindow(-0.5, {1.0, 3.0}, true), 0.0);  // continuous: [c - w/2, c + w/2] -> [0, 255]
    QCOMPARE(applyWindow(1.0, {1.0, 3.0}, true), 127.5);
    QCOMPARE(applyWindow(2.5, {1.0, 3.0}, true), 255.0);
  }

  void percentileDefaultWindow() {
    std::vector<float> v(100001);
    for (size_t k = 0; k < v.size(); ++k) v[k] = float(k);  // 0..100000
    const WindowLevel w = percentileWindow(v.data(), int64_t(v.size()));
    QVERIFY(std::abs(w.lower() - 100.0) < 2.0);
    QVERIFY(std::abs(w.upper() - 99900.0) < 2.0);
    std::vector<float> flat(50, 3.f);
    const WindowLevel c = percentileWindow(flat.data(), 50);
    QCOMPARE(c.centre, 3.0);
    QVERIFY(c.width > 0);
    QVERIFY(looksIntegerValued(v.data(), int64_t(v.size())));
    flat[10] = 0.5f;
    QVERIFY(!looksIntegerValued(flat.data(), 50));
  }

  void windowLevelShownWithSensibleDigits() {
    QCOMPARE(windowLevelDecimals({0.186845, 1.48579}), 2);
    QCOMPARE(windowLevelDecimals({40, 400}), 0);
    QCOMPARE(windowLevelDecimals({0.005, 0.0123}), 4);
    QCOMPARE(windowLevelDecimals({1e6, 4e6}), 0);
    QCOMPARE(windowLevelDecimals({0, 1e-12}), 6);
    const QLocale before;
    QLocale::setDefault(QLocale::c());
    QCOMPARE(windowLevelText({0.186845, 1.48579}), QString("W 1.49  L 0.19"));
    QCOMPARE(windowLevelText({40, 400}), QString("W 400  L 40"));
    QCOMPARE(windowLevelText({-0.00512, 0.0123}), QString("W 0.0123  L -0.0051"));
    QCOMPARE(windowLevelText({-0.0014112, 1.6364}), QString("W 1.64  L 0.00"));  // not "-0.00"
    QLocale::setDefault(before);
  }

  void dragChangesWidthAndCentre() {
    const WindowLevel w = dragWindow({40, 400}, 10, -4, 2.0);
    QCOMPARE(w.width, 420.0);
    QCOMPARE(w.centre, 32.0);
    QVERIFY(dragWindow({40, 400}, -1000, 0, 2.0).width > 0);
  }

  void orientationLabelsFromCosines() {
    QCOMPARE(orientationLabel({1, 0, 0}), std::string("L"));
    QCOMPARE(orientationLabel({-1, 0, 0}), std::string("R"));
    QCOMPARE(orientationLabel({0, -1, 0}), std::string("A"));
    QCOMPARE(orientationLabel({0, 0, -1}), std::string("I"));
    const double c = std::cos(std::numbers::pi / 6), s = std::sin(std::numbers::pi / 6);
    QCOMPARE(orientationLabel({c, -s, 0}), std::string("LA"));        // 30 degrees off L towards A
    QCOMPARE(orientationLabel({0.995, 0.0998, 0}), std::string("L"));  // small tilts are not labelled
  }

  void axialLpsVolumeLabelsAndLayout() {
    const Shape shape(10, 20, 30);
    const Geometry g = axialLps();
    const SliceLayout ax = layoutFor(shape, g, ViewPlane::Axial);
    QCOMPARE(ax.sliceAxis, 0);
    QCOMPARE(ax.uAxis, 2);
    QCOMPARE(ax.vAxis, 1);
    QVERIFY(!ax.flipU && !ax.flipV && !ax.flipSlice);
    const EdgeLabels e = edgeLabels(ax, g);
    QCOMPARE(e.left, std::string("R"));
    QCOMPARE(e.right, std::string("L"));
    QCOMPARE(e.top, std::string("A"));
    QCOMPARE(e.bottom, std::string("P"));

    const SliceLayout cor = layoutFor(shape, g, ViewPlane::Coronal);
    QCOMPARE(cor.sliceAxis, 1);
    QVERIFY(cor.flipV);  // slices run up the array (+z), the screen runs down
    const EdgeLabels ec = edgeLabels(cor, g);
    QCOMPARE(ec.left, std::string("R"));
    QCOMPARE(ec.top, std::string("S"));
    QCOMPARE(ec.bottom, std::string("I"));
    // Coronal pixels are 0.5 mm wide and 3 mm tall: the aspect comes from the spacing.
    QCOMPARE(cor.spacingU, 0.5);
    QCOMPARE(cor.spacingV, 3.0);
    QCOMPARE(cor.heightMm(), 30.0);

    const SliceLayout sag = layoutFor(shape, g, ViewPlane::Sagittal);
    QCOMPARE(sag.sliceAxis, 2);
    const EdgeLabels es = edgeLabels(sag, g);
    QCOMPARE(es.left, std::string("A"));
    QCOMPARE(es.right, std::string("P"));
    QCOMPARE(es.top, std::string("S"));
  }

  void niftiRasConvertedShowsTheSameWay() {
    // A NIfTI volume stored x-fastest in RAS with identity sform, converted to LPS: axis 2 runs to the right.
    Geometry g;
    // Array axis 0 is NIfTI k (z), axis 2 is NIfTI i (x): in LPS, i -> -x, j -> -y, k -> +z.
    g.direction = {0, 0, -1,  //
                   0, -1, 0,  //
                   1, 0, 0};
    const SliceLayout ax = layoutFor(Shape(5, 6, 7), g, ViewPlane::Axial);
    QVERIFY(ax.flipU);
    QVERIFY(ax.flipV);
    const EdgeLabels e = edgeLabels(ax, g);
    QCOMPARE(e.left, std::string("R"));
    QCOMPARE(e.top, std::string("A"));
  }

  void sliceExtractionFollowsTheLayout() {
    const Shape shape(4, 3, 5);
    const Image img = ramp(shape);
    const Geometry g = axialLps();
    const SliceLayout ax = layoutFor(shape, g, ViewPlane::Axial);
    const auto s = extractSlice(img, 0, ax, 2);
    QCOMPARE(s.size(), size_t(15));
    QCOMPARE(s[0], img.data()[shape.linear({2, 0, 0})]);
    QCOMPARE(s[1 * 5 + 4], img.data()[shape.linear({2, 1, 4})]);
    const SliceLayout cor = layoutFor(shape, g, ViewPlane::Coronal);  // flipped vertically
    const auto c = extractSlice(img, 0, cor, 1);
    QCOMPARE(cor.width, int64_t(5));
    QCOMPARE(cor.height, int64_t(4));
    QCOMPARE(c[0], img.data()[shape.linear({3, 1, 0})]);  // top row = highest slice (superior)
    QCOMPARE(c[3 * 5 + 2], img.data()[shape.linear({0, 1, 2})]);
    // The renderer walks the same pixels through the LUT.
    WindowLut lut(0, 59, true);
    lut.setWindow({30, 60});
    const QImage q = renderSlice(img, 0, cor, 1, lut);
    QCOMPARE(q.width(), 5);
    QCOMPARE(q.height(), 4);
    QCOMPARE(int(q.constScanLine(0)[0]), int(lut(c[0])));
    QCOMPARE(int(q.constScanLine(3)[2]), int(lut(c[3 * 5 + 2])));
    // 2D images: rows down, columns across, as stored.
    const Image flat = ramp(Shape(3, 4));
    const SliceLayout l2 = layoutFor(flat.shape(), Geometry{}, ViewPlane::Coronal);
    QCOMPARE(l2.sliceAxis, -1);
    const auto f = extractSlice(flat, 0, l2, 0);
    QCOMPARE(f, flat.values());
  }

  // A 2D slice with patient geometry is flipped to the radiological convention; a radiograph stays as stored.
  void twoDimensionalPatientSlicesAreFlippedNotRotated() {
    Geometry slice;  // rows run anterior (-y), columns to the patient's right (-x): a NIfTI axial slice in LPS
    slice.direction = {0, -1, 0, -1, 0, 0, 0, 0, 1};
    const SliceLayout a = layoutFor(Shape(4, 6), slice, ViewPlane::Axial);
    QVERIFY(a.flipU && a.flipV);  // now R on the left, A at the top
    Geometry radiograph;  // rows run down the patient (-z), columns to the left (+x)
    radiograph.direction = {0, 1, 0, 0, 0, 1, -1, 0, 0};
    const SliceLayout r = layoutFor(Shape(4, 6), radiograph, ViewPlane::Axial);
    QVERIFY(!r.flipU && !r.flipV);
  }

  void screenVoxelPatientMapping() {
    const Shape shape(10, 20, 30);
    const Geometry g = axialLps();
    const SliceLayout cor = layoutFor(shape, g, ViewPlane::Coronal);  // 15 mm x 30 mm
    ViewTransform t;
    t.viewWidth = 300;
    t.viewHeight = 300;
    QCOMPARE(t.pixelsPerMm(cor), 10.0);
    const auto r = t.imageRect(cor);
    QCOMPARE(r[0], 75.0);  // centred: 150 px wide, 300 px tall
    QCOMPARE(r[2], 150.0);
    const auto uv = t.screenToSlice(cor, 75 + 5 * 3 + 1, 300 - 1);  // inside pixel u = 3 (5 mm), bottom row
    QCOMPARE(int(std::floor(uv[0])), 3);
    QCOMPARE(int(std::floor(uv[1])), 9);
    const auto back = t.sliceToScreen(cor, uv[0], uv[1]);
    QCOMPARE(back[0], 91.0);
    QCOMPARE(back[1], 299.0);
    // Zooming about a point keeps the slice point under it.
    t.zoomAbout(cor, 2.5, 100, 120);
    const auto still = t.screenToSlice(cor, 100, 120);
    const auto before = ViewTransform{300, 300, 1, 0, 0}.screenToSlice(cor, 100, 120);
    QVERIFY(std::abs(still[0] - before[0]) < 1e-9 && std::abs(still[1] - before[1]) < 1e-9);
    // Voxel to patient mm: the bottom row is array slice 0; coronal slice numbers grow anteriorly (-y), so
    // slice 7 of 20 is row 12 of the array.
    const Index v = cor.voxel(3, 9, 7);
    QCOMPARE(v, (Index{0, 12, 3}));
    QCOMPARE(cor.sliceOf(v), int64_t(7));
    const Vec3 p = voxelToPatient(g, v);
    QCOMPARE(p[0], -100 + 3 * 0.5);
    QCOMPARE(p[1], -120 + 12 * 0.5);
    QCOMPARE(p[2], 40.0);
    const Vec3 centre = slicePointToPatient(g, cor, 3.5, 9.5, 7);  // the centre of that pixel
    for (int k = 0; k < 3; ++k) QVERIFY(std::abs(centre[size_t(k)] - p[size_t(k)]) < 1e-9);
  }

  // Selecting a finding already on screen leaves the view where it is; one out of view is centred; zoom is kept.
  void revealPansOnlyWhenTheBoxIsNotWhollyVisible() {
    const SliceLayout l = layoutFor(Shape(100, 200), Geometry{}, ViewPlane::Axial);  // 2D: 200 wide, 100 tall
    ViewTransform t;
    t.viewWidth = 400;
    t.viewHeight = 200;  // 2 px per pixel, the image fills the view
    t.zoom = 2;          // 4 px per pixel: the view shows u 50..150, v 25..75
    const auto r = slicePixelRect(l, Index{40, 60, 0}, Index{50, 80, 1});
    QCOMPARE(r, (std::array<double, 4>{60, 40, 80, 50}));
    QVERIFY(!t.reveal(l, r[0], r[1], r[2], r[3]));  // in view: no jump
    QCOMPARE(t.panX, 0.0);
    QCOMPARE(t.panY, 0.0);
    // Half out of view on the right (u up to 160): centred.
    QVERIFY(t.reveal(l, 140, 40, 160, 50));
    QCOMPARE(t.zoom, 2.0);
    const auto centre = t.sliceToScreen(l, 150, 45);
    QCOMPARE(centre[0], 200.0);
    QCOMPARE(centre[1], 100.0);
    QVERIFY(!t.reveal(l, 140, 40, 160, 50));  // now in view: stays
  }

  void probeValuesWithSensibleDigits() {
    const QLocale before;
    QCOMPARE(voxelValueText(-1024), QStringLiteral("-1024"));
    QCOMPARE(voxelValueText(255), QStringLiteral("255"));
    QCOMPARE(voxelValueText(0.123456789), QStringLiteral("0.1235"));
    QCOMPARE(voxelValueText(3.14159265), QStringLiteral("3.142"));
    QCOMPARE(voxelValueText(1234.5678), QStringLiteral("1234.6"));
    QCOMPARE(voxelValueText(-0.0), QStringLiteral("0"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString german = voxelValueText(0.5);
    QLocale::setDefault(before);
    QCOMPARE(german, QStringLiteral("0,5"));
  }

  void sliceNumbersAreOneBased() {
    QCOMPARE(sliceText(0), QStringLiteral("slice 1"));
    QCOMPARE(sliceText(62, 181), QStringLiteral("slice 63 of 181"));
    QCOMPARE(arrayKindText("slice:0061"), QStringLiteral("slice 62"));
    QCOMPARE(arrayKindText("preprocessed"), QStringLiteral("preprocessed"));
  }

  void obliqueDirectionMatrix() {
    // Axial slices rotated 30 degrees about z: columns run to L and A, rows to P and L.
    const double c = std::cos(std::numbers::pi / 6), s = std::sin(std::numbers::pi / 6);
    Geometry g;
    g.spacing = {2.0, 1.0, 1.0};
    g.origin = {5, -7, 11};
    const Vec3 col{c, -s, 0}, row{s, c, 0}, normal{0, 0, 1};  // axis 2, axis 1, axis 0
    g.direction = {normal[0], row[0], col[0],  //
                   normal[1], row[1], col[1],  //
                   normal[2], row[2], col[2]};
    const Shape shape(6, 8, 9);
    const SliceLayout ax = layoutFor(shape, g, ViewPlane::Axial);
    QCOMPARE(ax.uAxis, 2);
    QCOMPARE(ax.vAxis, 1);
    QVERIFY(!ax.flipU && !ax.flipV);
    const EdgeLabels e = edgeLabels(ax, g);
    QCOMPARE(e.right, std::string("LA"));
    QCOMPARE(e.left, std::string("RP"));
    QCOMPARE(e.bottom, std::string("PL"));
    QCOMPARE(e.top, std::string("AR"));
    // Mapping: voxel (k, j, i) = (2, 3, 4) -> origin + 4 * col + 3 * row + 2 * 2 * normal.
    const Index v = ax.voxel(4, 3, 2);
    const Vec3 p = voxelToPatient(g, v);
    for (int k = 0; k < 3; ++k) {
      const double expected = g.origin[size_t(k)] + 4 * col[size_t(k)] + 3 * row[size_t(k)] + 4 * normal[size_t(k)];
      QVERIFY(std::abs(p[size_t(k)] - expected) < 1e-9);
    }
    // Screen right is the column direction, so one pixel right moves 1 mm along it.
    const Vec3 a = slicePointToPatient(g, ax, 4.5, 3.5, 2), b = slicePointToPatient(g, ax, 5.5, 3.5, 2);
    for (int k = 0; k < 3; ++k) QVERIFY(std::abs((b[size_t(k)] - a[size_t(k)]) - col[size_t(k)]) < 1e-9);
  }

  void heatColours() {
    QCOMPARE(heatColour(0.0), qRgb(0, 0, 0));
    QCOMPARE(heatColour(1.0), qRgb(255, 255, 255));
    QVERIFY(qRed(heatColour(0.5)) > qBlue(heatColour(0.5)));
  }
};

QTEST_GUILESS_MAIN(TestViewerLogic)
#include "test_viewer_logic.moc"
