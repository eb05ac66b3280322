#pragma once
// Brute-force reference implementations and random grids for the morphology tests: the fast algorithms in
// core/ are checked against these direct definitions.

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "lightbox/core/morphology.h"
#include "lightbox/core/random.h"

using lightbox::Box;
using lightbox::Components;
using lightbox::Grid;
using lightbox::Index;
using lightbox::Mask;
using lightbox::Rng;
using lightbox::Shape;

Q_DECLARE_METATYPE(lightbox::Shape)

namespace morphology_reference {

inline void forEachIndex(const Shape& shape, const std::function<void(const Index&, int64_t)>& fn) {
  Index i{0, 0, 0};
  int64_t p = 0;
  do fn(i, p++);
  while (lightbox::nextIndex(i, shape));
}

inline Mask maskFromRows(const std::vector<std::vector<int>>& rows) {
  Mask m(Shape(static_cast<int64_t>(rows.size()), static_cast<int64_t>(rows[0].size())));
  forEachIndex(m.shape(), [&](const Index& i, int64_t p) {
    m[p] = static_cast<uint8_t>(rows[static_cast<size_t>(i[0])][static_cast<size_t>(i[1])]);
  });
  return m;
}

inline Mask randomMask(const Shape& shape, double pTrue, uint64_t seed) {
  Rng r(seed);
  Mask m(shape);
  for (auto& v : m.values()) v = r.bernoulli(pTrue) ? 1 : 0;
  return m;
}

inline Grid<double> randomGrid(const Shape& shape, uint64_t seed) {
  Rng r(seed);
  Grid<double> g(shape);
  // Few distinct levels, so that plateaus and ties (the hard cases for queue-based algorithms) are common.
  for (auto& v : g.values()) v = static_cast<double>(r.randint(0, 5)) * 0.25;
  return g;
}

/// Offsets of the connectivity-2 footprint, centre included: 3x3 in 2D, 3x3x3 minus the 8 corners in 3D.
inline std::vector<Index> footprint(int ndim) {
  std::vector<Index> offsets;
  const int64_t r0 = ndim == 3 ? 1 : 0;
  for (int64_t a = -r0; a <= r0; ++a)
    for (int64_t b = -1; b <= 1; ++b)
      for (int64_t c = -1; c <= 1; ++c) {
        if (ndim == 3 && a != 0 && b != 0 && c != 0) continue;
        offsets.push_back(ndim == 3 ? Index{a, b, c} : Index{b, c, 0});
      }
  return offsets;
}

/// Flat max or min over the footprint, with the grid extended by edge replication.
inline Grid<double> bruteFlatFilter(const Grid<double>& g, bool takeMax) {
  const Shape& s = g.shape();
  Grid<double> out(s);
  const auto offsets = footprint(s.ndim);
  forEachIndex(s, [&](const Index& i, int64_t p) {
    double v = g[p];
    for (const Index& o : offsets) {
      Index q = i;
      for (int d = 0; d < s.ndim; ++d) q[d] = std::clamp<int64_t>(i[d] + o[d], 0, s[d] - 1);
      v = takeMax ? std::max(v, g.at(q)) : std::min(v, g.at(q));
    }
    out[p] = v;
  });
  return out;
}

/// The defining fixed point r = max(mask, min of r over the footprint clipped to the grid), iterated from the seed.
inline Grid<double> bruteReconstruction(const Grid<double>& seed, const Grid<double>& mask) {
  const Shape& s = mask.shape();
  const auto offsets = footprint(s.ndim);
  Grid<double> r = seed;
  for (bool changed = true; changed;) {
    changed = false;
    Grid<double> next(s);
    forEachIndex(s, [&](const Index& i, int64_t p) {
      double v = r[p];
      for (const Index& o : offsets) {
        Index q = i;
        for (int d = 0; d < s.ndim; ++d) q[d] = i[d] + o[d];
        if (s.contains(q)) v = std::min(v, r.at(q));
      }
      next[p] = std::max(v, mask[p]);
      changed = changed || next[p] != r[p];
    });
    r = next;
  }
  return r;
}

inline bool onShell(const Shape& s, const Index& i) {
  for (int d = 0; d < s.ndim; ++d)
    if (i[d] == 0 || i[d] == s[d] - 1) return true;
  return false;
}

/// Face-connected labels by repeated min-propagation of unique ids, renumbered in raster order of first element.
inline Grid<int32_t> bruteLabels(const Mask& m) {
  const Shape& s = m.shape();
  Grid<int64_t> id(s, -1);
  for (int64_t p = 0; p < m.count(); ++p)
    if (m[p]) id[p] = p;
  for (bool changed = true; changed;) {
    changed = false;
    forEachIndex(s, [&](const Index& i, int64_t p) {
      if (!m[p]) return;
      for (int d = 0; d < s.ndim; ++d)
        for (int64_t step : {-1, 1}) {
          Index q = i;
          q[d] += step;
          if (s.contains(q) && m.at(q) && id.at(q) < id[p]) {
            id[p] = id.at(q);
            changed = true;
          }
        }
    });
  }
  Grid<int32_t> labels(s, 0);
  std::vector<int64_t> firstSeen;
  for (int64_t p = 0; p < m.count(); ++p) {
    if (!m[p]) continue;
    auto it = std::find(firstSeen.begin(), firstSeen.end(), id[p]);
    if (it == firstSeen.end()) it = firstSeen.insert(firstSeen.end(), id[p]);
    labels[p] = static_cast<int32_t>(it - firstSeen.begin()) + 1;
  }
  return labels;
}

inline void verifyBox(const Box& box, const Index& corner, const std::vector<int64_t>& size) {
  for (size_t d = 0; d < size.size(); ++d) {
    QCOMPARE(box.corner[d], corner[d]);
    QCOMPARE(box.size[static_cast<int>(d)], size[d]);
  }
  QCOMPARE(box.size.ndim, static_cast<int>(size.size()));
}

/// 2D and 3D grid shapes the data-driven morphology tests run over, including 1- and 2-wide axes.
inline void addShapes() {
  QTest::addColumn<Shape>("shape");
  QTest::newRow("17x23") << Shape(17, 23);
  QTest::newRow("1x9") << Shape(1, 9);
  QTest::newRow("30x4") << Shape(30, 4);
  QTest::newRow("9x11x7") << Shape(9, 11, 7);
  QTest::newRow("5x1x6") << Shape(5, 1, 6);
  QTest::newRow("2x8x3") << Shape(2, 8, 3);
  QTest::newRow("40x37") << Shape(40, 37);
  QTest::newRow("14x15x16") << Shape(14, 15, 16);
}

}  // namespace morphology_reference
