// Stroke -> region on the working grid, without widgets: which voxels a rectangle, an ellipse and a brush stroke
// cover (counted by hand), on a 2D image and on one slice of a volume in each plane, and how a stroke edits a region
// (replace on its slice, paint, erase); the words the findings table shows for a finding's origin.
#include <QtTest>

#include "review/annotation_raster.h"
#include "review/review_logic.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

AnnotationStroke stroke(const SliceLayout& layout, int64_t slice, StrokeShape shape,
                        std::vector<std::array<double, 2>> points, double radius = 0.5, bool erase = false) {
  AnnotationStroke s;
  s.layout = layout;
  s.slice = slice;
  s.shape = shape;
  s.points = std::move(points);
  s.brushRadius = radius;
  s.erase = erase;
  return s;
}

Geometry plain() { return Geometry{}; }

}  // namespace

class TestAnnotationRaster : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void rectangleCoversEveryTouchedPixel() {
    const Shape grid(20, 30);  // 20 rows, 30 columns
    const SliceLayout l = layoutFor(grid, plain(), ViewPlane::Axial, false);
    // From inside pixel (u 3, v 2) to inside pixel (u 7, v 5), dragged backwards: 5 columns x 4 rows.
    const auto r = rasteriseStroke(stroke(l, 0, StrokeShape::Rectangle, {{7.9, 5.1}, {4.2, 3.3}, {3.5, 2.5}}), grid);
    QVERIFY((r.min == std::vector<int64_t>{2, 3}));
    QVERIFY((r.max == std::vector<int64_t>{6, 8}));
    QCOMPARE(r.voxels(), int64_t(20));
    // A click is one pixel; a drag past the edge is clipped to the image.
    QCOMPARE(rasteriseStroke(stroke(l, 0, StrokeShape::Rectangle, {{1.5, 1.5}}), grid).voxels(), int64_t(1));
    const auto edge = rasteriseStroke(stroke(l, 0, StrokeShape::Rectangle, {{27.5, 18.5}, {40, 40}}), grid);
    QVERIFY((edge.max == std::vector<int64_t>{20, 30}));
    QCOMPARE(edge.voxels(), int64_t(2 * 3));
  }

  void ellipseKeepsPixelCentresInside() {
    const Shape grid(20, 30);
    const SliceLayout l = layoutFor(grid, plain(), ViewPlane::Axial, false);
    // A 5 x 5 band: the inscribed circle of radius 2.5 holds the centres within 2.5 of the middle: 21 pixels (the
    // 5 x 5 square less its 4 corners).
    const auto r = rasteriseStroke(stroke(l, 0, StrokeShape::Ellipse, {{10.2, 4.1}, {14.9, 8.9}}), grid);
    QCOMPARE(r.voxels(), int64_t(21));
    QVERIFY((r.min == std::vector<int64_t>{4, 10}));
    QVERIFY(!r.at({4, 10, 0}) && r.at({4, 12, 0}) && r.at({6, 12, 0}));
    // 1 x 3: all three centres lie on the major axis.
    QCOMPARE(rasteriseStroke(stroke(l, 0, StrokeShape::Ellipse, {{1.5, 1.5}, {3.5, 1.5}}), grid).voxels(), int64_t(3));
  }

  void brushPaintsAroundItsPath() {
    const Shape grid(20, 30);
    const SliceLayout l = layoutFor(grid, plain(), ViewPlane::Axial, false);
    // Radius 0.5 along a horizontal line through pixel centres: exactly the pixels on the line.
    auto r = rasteriseStroke(stroke(l, 0, StrokeShape::Brush, {{2.5, 5.5}, {9.5, 5.5}}, 0.5), grid);
    QCOMPARE(r.voxels(), int64_t(8));
    QVERIFY((r.min == std::vector<int64_t>{5, 2}));
    // Radius 1: the line and one row above and below (corner centres at distance sqrt(2) stay out at the ends).
    r = rasteriseStroke(stroke(l, 0, StrokeShape::Brush, {{2.5, 5.5}, {9.5, 5.5}}, 1.0), grid);
    QCOMPARE(r.voxels(), int64_t(8 * 3 + 2));
    // A dab of radius 2.5: 21 pixels, like the circle above.
    QCOMPARE(rasteriseStroke(stroke(l, 0, StrokeShape::Brush, {{15.5, 10.5}}, 2.5), grid).voxels(), int64_t(21));
    // Off the image: nothing.
    QVERIFY(rasteriseStroke(stroke(l, 0, StrokeShape::Brush, {{-5, -5}}, 1.0), grid).values.empty());
  }

  void volumeStrokesLieOnTheirSlice() {
    const Shape grid(6, 10, 12);
    for (ViewPlane plane : {ViewPlane::Axial, ViewPlane::Coronal, ViewPlane::Sagittal}) {
      const SliceLayout l = layoutFor(grid, plain(), plane, true);
      const auto r = rasteriseStroke(stroke(l, 3, StrokeShape::Rectangle, {{1.5, 1.5}, {2.5, 3.5}}), grid);
      QCOMPARE(r.voxels(), int64_t(2 * 3));
      const Index any = l.voxel(1, 1, 3);
      QVERIFY(r.at(any));
      // One voxel thick across the slices.
      QCOMPARE(r.max[size_t(l.sliceAxis)] - r.min[size_t(l.sliceAxis)], int64_t(1));
      QCOMPARE(r.min[size_t(l.sliceAxis)], any[l.sliceAxis]);
    }
  }

  void strokesEditARegion() {
    const Shape grid(6, 10, 12);
    const SliceLayout l = layoutFor(grid, plain(), ViewPlane::Axial, false);  // slices along axis 0
    // A region over slices 2 and 3: a 3 x 3 block on each.
    workflows::RegionMask base;
    base.min = {2, 2, 2};
    base.max = {4, 5, 5};
    base.values.assign(18, 1);
    // The brush adds on slice 3, outside the block: 18 + 1.
    auto r = applyStroke(base, stroke(l, 3, StrokeShape::Brush, {{8.5, 8.5}}, 0.5), grid);
    QCOMPARE(r.voxels(), int64_t(19));
    QVERIFY((r.max == std::vector<int64_t>{4, 9, 9}));
    // Shift-brush erases on slice 3 only.
    r = applyStroke(base, stroke(l, 3, StrokeShape::Brush, {{3.5, 3.5}}, 0.5, true), grid);
    QCOMPARE(r.voxels(), int64_t(17));
    QVERIFY(!r.at({3, 3, 3}) && r.at({2, 3, 3}));
    // A box redraws slice 2 (2 x 2 there now), slice 3 stays: 4 + 9.
    r = applyStroke(base, stroke(l, 2, StrokeShape::Rectangle, {{6.5, 6.5}, {7.5, 7.5}}), grid);
    QCOMPARE(r.voxels(), int64_t(13));
    QVERIFY(r.at({2, 7, 7}) && !r.at({2, 3, 3}) && r.at({3, 3, 3}));
    // Erasing everything on a 2D region leaves nothing.
    const Shape flat(10, 12);
    const SliceLayout l2 = layoutFor(flat, plain(), ViewPlane::Axial, false);
    workflows::RegionMask one;
    one.min = {4, 4};
    one.max = {5, 5};
    one.values = {1};
    QVERIFY(applyStroke(one, stroke(l2, 0, StrokeShape::Brush, {{4.5, 4.5}}, 1.0, true), flat).values.empty());
    // The whole-grid mask of a region (the outline while editing).
    const Mask m = regionOnGrid(base, grid);
    QCOMPARE(int64_t(std::count(m.values().begin(), m.values().end(), uint8_t(1))), int64_t(18));
    QCOMPARE(int(m.at({3, 4, 4})), 1);
  }

  void originWords() {
    workflows::ReviewFinding f;
    QVERIFY(findingOriginText(f).isEmpty());
    f.adjusted = true;
    QCOMPARE(findingOriginText(f), QStringLiteral("✎ adjusted"));
    f.manual = true;
    f.manualShape = "ellipse";
    QCOMPARE(findingOriginText(f), QStringLiteral("✎ manual (ellipse)"));
    QCOMPARE(manualShapeOf(StrokeShape::Brush), workflows::ManualShape::Brush);
    QCOMPARE(manualShapeOf(StrokeShape::Rectangle), workflows::ManualShape::Box);
  }
};

QTEST_GUILESS_MAIN(TestAnnotationRaster)
#include "test_annotation_raster.moc"
