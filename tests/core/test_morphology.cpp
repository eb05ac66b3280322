// Distance transform and binary morphology: hand-made cases with known answers, and the fast algorithms against
// direct brute-force definitions on random 2D and 3D grids.
#include <QtTest>

#include "morphology_reference.h"

using namespace morphology_reference;


class TestMorphology : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // ---- Euclidean distance transform ----

  void edtMatchesBruteForce_data() { addShapes(); }
  void edtMatchesBruteForce() {
    QFETCH(Shape, shape);
    for (double pTrue : {0.7, 0.98}) {
      Mask m = randomMask(shape, pTrue, 21);
      m[m.count() / 2] = 0;  // at least one background element
      const Grid<double> edt = lightbox::euclideanDistanceTransform(m);
      QVERIFY(edt.shape() == shape);
      forEachIndex(shape, [&](const Index& i, int64_t p) {
        double best = std::numeric_limits<double>::infinity();
        if (m[p])
          forEachIndex(shape, [&](const Index& j, int64_t q) {
            if (m[q]) return;
            double d2 = 0;
            for (int d = 0; d < shape.ndim; ++d) d2 += static_cast<double>((i[d] - j[d]) * (i[d] - j[d]));
            best = std::min(best, d2);
          });
        const double expected = m[p] ? std::sqrt(best) : 0.0;
        QVERIFY2(std::abs(edt[p] - expected) < 1e-12, qPrintable(QString("%1 vs %2").arg(edt[p]).arg(expected)));
      });
    }
  }

  // Capped at c, the transform is min(EDT, c) bit for bit, for masks with large blobs (distances beyond the cap),
  // thin ones, no background at all, and caps beyond the grid.
  void cappedEdtEqualsCappedEdt_data() { addShapes(); }
  void cappedEdtEqualsCappedEdt() {
    QFETCH(Shape, shape);
    for (double pTrue : {0.5, 0.97, 1.0}) {
      const Mask m = randomMask(shape, pTrue, 22);
      const Grid<double> full = lightbox::euclideanDistanceTransform(m);
      for (int64_t cap : {1, 2, 3, 5, 40}) {
        const Grid<double> capped = lightbox::cappedDistanceTransform(m, cap);
        for (int64_t p = 0; p < m.count(); ++p) QCOMPARE(capped[p], std::min(full[p], double(cap)));
      }
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lightbox::cappedDistanceTransform(Mask(shape, 1), 0));
  }

  void edtKnownValues() {
    const Grid<double> line = lightbox::euclideanDistanceTransform(maskFromRows({{0, 1, 1, 1, 1, 1, 0}}));
    const double expected[] = {0, 1, 2, 3, 2, 1, 0};
    for (int k = 0; k < 7; ++k) QCOMPARE(line[k], expected[k]);
    // The outside of the grid is not background: distance to the single hole in the middle.
    Mask m(Shape(5, 5), 1);
    m.at({2, 2, 0}) = 0;
    const Grid<double> edt = lightbox::euclideanDistanceTransform(m);
    QCOMPARE(edt.at({0, 0, 0}), std::sqrt(8.0));
    QCOMPARE(edt.at({2, 0, 0}), 2.0);
    QCOMPARE(edt.at({1, 2, 0}), 1.0);
    QCOMPARE(edt.at({2, 2, 0}), 0.0);
  }

  // Our documented choice where scipy is undefined: with no background, distance to the outside of the grid.
  void edtWithoutBackgroundMeasuresToOutside() {
    const Grid<double> edt = lightbox::euclideanDistanceTransform(Mask(Shape(3, 4), 1));
    const double expected[] = {1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1};
    for (int k = 0; k < 12; ++k) QCOMPARE(edt[k], expected[k]);
    const Grid<double> edt3 = lightbox::euclideanDistanceTransform(Mask(Shape(5, 7, 9), 1));
    QCOMPARE(edt3.at({2, 3, 4}), 3.0);
    QCOMPARE(edt3.at({1, 3, 4}), 2.0);
  }

  // ---- binary morphology ----

  void erosionHandMade() {
    const Mask square =
        maskFromRows({{0, 0, 0, 0, 0}, {0, 1, 1, 1, 0}, {0, 1, 1, 1, 0}, {0, 1, 1, 1, 0}, {0, 0, 0, 0, 0}});
    const Mask eroded = lightbox::binaryErosionCross(square);
    QCOMPARE(lightbox::countTrue(eroded), int64_t(1));
    QCOMPARE(eroded.at({2, 2, 0}), uint8_t(1));
    // Outside the grid is background, so a full grid loses its border.
    const Mask full = lightbox::binaryErosionCross(Mask(Shape(4, 4), 1));
    QCOMPARE(lightbox::countTrue(full), int64_t(4));
    QCOMPARE(full.at({1, 1, 0}), uint8_t(1));
    QCOMPARE(full.at({0, 1, 0}), uint8_t(0));
    // A plus keeps its centre; an X does not, because the cross looks at face neighbours only.
    const Mask plus =
        maskFromRows({{0, 0, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 0, 0}});
    const Mask plusEroded = lightbox::binaryErosionCross(plus);
    QCOMPARE(lightbox::countTrue(plusEroded), int64_t(1));
    QCOMPARE(plusEroded.at({2, 2, 0}), uint8_t(1));
    const Mask x = maskFromRows({{0, 0, 0, 0, 0}, {0, 1, 0, 1, 0}, {0, 0, 1, 0, 0}, {0, 1, 0, 1, 0}, {0, 0, 0, 0, 0}});
    QCOMPARE(lightbox::countTrue(lightbox::binaryErosionCross(x)), int64_t(0));
    // 3D: a 3x3x3 block keeps its centre only.
    Mask block(Shape(5, 5, 5), 0);
    forEachIndex(block.shape(), [&](const Index& i, int64_t p) {
      block[p] = (i[0] >= 1 && i[0] <= 3 && i[1] >= 1 && i[1] <= 3 && i[2] >= 1 && i[2] <= 3) ? 1 : 0;
    });
    const Mask blockEroded = lightbox::binaryErosionCross(block);
    QCOMPARE(lightbox::countTrue(blockEroded), int64_t(1));
    QCOMPARE(blockEroded.at({2, 2, 2}), uint8_t(1));
  }

  void erosionMatchesDefinition_data() { addShapes(); }
  void erosionMatchesDefinition() {
    QFETCH(Shape, shape);
    const Mask m = randomMask(shape, 0.8, 22);
    const Mask eroded = lightbox::binaryErosionCross(m);
    forEachIndex(shape, [&](const Index& i, int64_t p) {
      bool keep = m[p] != 0;
      for (int d = 0; d < shape.ndim; ++d)
        for (int64_t step : {-1, 1}) {
          Index q = i;
          q[d] += step;
          keep = keep && shape.contains(q) && m.at(q);
        }
      QCOMPARE(eroded[p], uint8_t(keep ? 1 : 0));
    });
  }

  void labelsHandMade() {
    const Mask m = maskFromRows({{1, 1, 0, 0, 1},  //
                                 {0, 1, 0, 1, 1},
                                 {0, 0, 1, 0, 0},
                                 {1, 0, 0, 1, 1}});
    const Components c = lightbox::labelComponents(m);
    QCOMPARE(c.count, 5);
    QCOMPARE(static_cast<int>(c.boxes.size()), 5);
    const int32_t expected[4][5] = {{1, 1, 0, 0, 2}, {0, 1, 0, 2, 2}, {0, 0, 3, 0, 0}, {4, 0, 0, 5, 5}};
    for (int64_t a = 0; a < 4; ++a)
      for (int64_t b = 0; b < 5; ++b) QCOMPARE(c.labels.at({a, b, 0}), expected[a][b]);
    verifyBox(c.boxes[0], {0, 0, 0}, {2, 2});
    verifyBox(c.boxes[1], {0, 3, 0}, {2, 2});
    verifyBox(c.boxes[2], {2, 2, 0}, {1, 1});
    verifyBox(c.boxes[3], {3, 0, 0}, {1, 1});
    verifyBox(c.boxes[4], {3, 3, 0}, {1, 2});
  }

  void labelsHandMade3D() {
    Mask m(Shape(3, 4, 4), 0);
    // Component 1: a column along axis 0 (face-connected across planes), first element (0, 0, 1).
    for (int64_t a = 0; a < 3; ++a) m.at({a, 0, 1}) = 1;
    // Component 3: a single voxel only edge-diagonal to (2, 0, 1), so not connected to it.
    m.at({2, 1, 2}) = 1;
    // Component 2: first element (0, 3, 3) comes before (2, 1, 2) in raster order.
    m.at({0, 3, 3}) = 1;
    m.at({1, 3, 3}) = 1;
    m.at({1, 3, 2}) = 1;
    const Components c = lightbox::labelComponents(m);
    QCOMPARE(c.count, 3);
    QCOMPARE(c.labels.at({2, 0, 1}), 1);
    QCOMPARE(c.labels.at({1, 3, 2}), 2);
    QCOMPARE(c.labels.at({2, 1, 2}), 3);
    verifyBox(c.boxes[0], {0, 0, 1}, {3, 1, 1});
    verifyBox(c.boxes[1], {0, 3, 2}, {2, 1, 2});
    verifyBox(c.boxes[2], {2, 1, 2}, {1, 1, 1});
  }

  void labelsMatchBruteForce_data() { addShapes(); }
  void labelsMatchBruteForce() {
    QFETCH(Shape, shape);
    for (double pTrue : {0.35, 0.55}) {
      const Mask m = randomMask(shape, pTrue, 23);
      const Components c = lightbox::labelComponents(m);
      const Grid<int32_t> expected = bruteLabels(m);
      QCOMPARE(c.labels.values(), expected.values());
      const int32_t count = *std::max_element(expected.values().begin(), expected.values().end());
      QCOMPARE(c.count, count);
      QCOMPARE(static_cast<int32_t>(c.boxes.size()), count);
      for (int32_t k = 1; k <= count; ++k) {
        Index lo{1 << 30, 1 << 30, 1 << 30}, hi{-1, -1, -1};
        forEachIndex(shape, [&](const Index& i, int64_t p) {
          if (expected[p] != k) return;
          for (int d = 0; d < shape.ndim; ++d) {
            lo[d] = std::min(lo[d], i[d]);
            hi[d] = std::max(hi[d], i[d]);
          }
        });
        const Box& box = c.boxes[static_cast<size_t>(k - 1)];
        for (int d = 0; d < shape.ndim; ++d) {
          QCOMPARE(box.corner[d], lo[d]);
          QCOMPARE(box.size[d], hi[d] - lo[d] + 1);
        }
      }
    }
  }

  // Boxes of the components inside a region (the labeller's use): those of the cropped mask, moved by the corner.
  void componentBoxesOfRegion_data() { addShapes(); }
  void componentBoxesOfRegion() {
    QFETCH(Shape, shape);
    const Mask m = randomMask(shape, 0.55, 24);
    Box region{Index{0, 0, 0}, shape};
    for (int d = 0; d < shape.ndim; ++d) {
      region.corner[d] = shape[d] / 4;
      region.size[d] = std::max<int64_t>(1, shape[d] - shape[d] / 4 - shape[d] / 5);
    }
    Mask cropped(region.size, 0);
    forEachIndex(region.size, [&](const Index& i, int64_t p) {
      Index j = i;
      for (int d = 0; d < shape.ndim; ++d) j[d] += region.corner[d];
      cropped[p] = m.at(j);
    });
    const Components expected = lightbox::labelComponents(cropped);
    const std::vector<Box> boxes = lightbox::componentBoxes(m, region);
    QCOMPARE(static_cast<int32_t>(boxes.size()), expected.count);
    for (size_t k = 0; k < boxes.size(); ++k)
      for (int d = 0; d < shape.ndim; ++d) {
        QCOMPARE(boxes[k].corner[d], expected.boxes[k].corner[d] + region.corner[d]);
        QCOMPARE(boxes[k].size[d], expected.boxes[k].size[d]);
      }
  }

  void fillHolesHandMade() {
    const Mask ring = maskFromRows({{0, 0, 0, 0, 0, 0},
                                    {0, 1, 1, 1, 1, 0},
                                    {0, 1, 0, 0, 1, 0},
                                    {0, 1, 0, 1, 1, 0},
                                    {0, 1, 1, 1, 0, 0},
                                    {0, 0, 0, 0, 0, 0}});
    const Mask filled = lightbox::fillHoles(ring);
    QCOMPARE(filled.at({2, 2, 0}), uint8_t(1));
    QCOMPARE(filled.at({2, 3, 0}), uint8_t(1));
    QCOMPARE(filled.at({3, 2, 0}), uint8_t(1));
    // (4, 4) reaches the border through (4, 5): not a hole.
    QCOMPARE(filled.at({4, 4, 0}), uint8_t(0));
    QCOMPARE(lightbox::countTrue(filled), lightbox::countTrue(ring) + 3);
    // A background element connected to the border only diagonally is a hole (face connectivity).
    const Mask diagonal = maskFromRows({{0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
    QCOMPARE(lightbox::fillHoles(diagonal).at({1, 1, 0}), uint8_t(1));
    // A C-shape open to the border keeps its inside empty; so does background on the border itself.
    const Mask open = maskFromRows({{1, 1, 1}, {1, 0, 0}, {1, 1, 1}});
    QCOMPARE(lightbox::fillHoles(open).values(), open.values());
  }

  void fillHolesHandMade3D() {
    Mask hollow(Shape(5, 5, 5), 0);
    forEachIndex(hollow.shape(), [&](const Index& i, int64_t p) {
      const bool inCube = i[0] >= 1 && i[0] <= 3 && i[1] >= 1 && i[1] <= 3 && i[2] >= 1 && i[2] <= 3;
      hollow[p] = inCube && !(i[0] == 2 && i[1] == 2 && i[2] == 2) ? 1 : 0;
    });
    const Mask filled = lightbox::fillHoles(hollow);
    QCOMPARE(filled.at({2, 2, 2}), uint8_t(1));
    QCOMPARE(lightbox::countTrue(filled), int64_t(27));
    // Pierce one face: the cavity now reaches the outside.
    hollow.at({2, 2, 3}) = 0;
    QCOMPARE(lightbox::fillHoles(hollow).values(), hollow.values());
  }

  void fillHolesMatchesDefinition_data() { addShapes(); }
  void fillHolesMatchesDefinition() {
    QFETCH(Shape, shape);
    const Mask m = randomMask(shape, 0.6, 24);
    // Holes are the background components of the inverted mask that avoid the border.
    Mask background(shape);
    for (int64_t p = 0; p < m.count(); ++p) background[p] = m[p] ? 0 : 1;
    const Components c = lightbox::labelComponents(background);
    std::vector<bool> touchesBorder(static_cast<size_t>(c.count) + 1, false);
    forEachIndex(shape, [&](const Index& i, int64_t p) {
      if (c.labels[p] && onShell(shape, i)) touchesBorder[static_cast<size_t>(c.labels[p])] = true;
    });
    const Mask filled = lightbox::fillHoles(m);
    for (int64_t p = 0; p < m.count(); ++p) {
      const bool expected = m[p] || !touchesBorder[static_cast<size_t>(c.labels[p])];
      QCOMPARE(filled[p], uint8_t(expected ? 1 : 0));
    }
  }

  // ---- grey morphology ----

};

QTEST_APPLESS_MAIN(TestMorphology)
#include "test_morphology.moc"
