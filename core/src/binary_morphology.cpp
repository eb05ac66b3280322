// Binary morphology with the face-connected cross: erosion, connected components and hole filling.
#include <algorithm>
#include <vector>

#include "lightbox/core/morphology.h"

namespace lightbox {

namespace {

/// Calls fn(neighbourLinearIndex) for every face neighbour of `i` (linear index `p`) inside the grid.
template <typename F>
inline void forEachFaceNeighbour(const Shape& shape, const Index& i, int64_t p, F&& fn) {
  int64_t stride = 1;
  for (int d = shape.ndim - 1; d >= 0; --d) {
    if (i[d] > 0) fn(p - stride);
    if (i[d] + 1 < shape[d]) fn(p + stride);
    stride *= shape[d];
  }
}

/// Flood fill over face-connected elements for which `member(q)` holds, starting from `start`; `visit(q)` is
/// called once per reached element and must make `member(q)` false from then on.
template <typename Member, typename Visit>
void floodFill(const Shape& shape, int64_t start, std::vector<int64_t>& stack, Member&& member, Visit&& visit) {
  stack.clear();
  stack.push_back(start);
  visit(start);
  while (!stack.empty()) {
    const int64_t p = stack.back();
    stack.pop_back();
    forEachFaceNeighbour(shape, shape.unravel(p), p, [&](int64_t q) {
      if (!member(q)) return;
      visit(q);
      stack.push_back(q);
    });
  }
}

bool onBorder(const Shape& shape, const Index& i) {
  for (int d = 0; d < shape.ndim; ++d)
    if (i[d] == 0 || i[d] == shape[d] - 1) return true;
  return false;
}

/// Face-connected components as runs of true elements along the fastest axis, joined by union-find: the runs of a
/// row only touch the runs of the previous row and of the same row in the previous plane, so no per-element
/// neighbour indexing is needed.
struct ComponentRuns {
  struct Run {
    int64_t row;         // raster index of the row inside the region
    int64_t begin, end;  // [begin, end) along the fastest axis, in region coordinates
    int32_t label;       // 1-based, in scipy order
  };
  std::vector<Run> runs;
  std::vector<Box> boxes;  // per label, in the coordinates of the whole grid
};

int64_t findRoot(std::vector<int64_t>& parent, int64_t i) {
  while (parent[size_t(i)] != i) {
    parent[size_t(i)] = parent[size_t(parent[size_t(i)])];  // path halving
    i = parent[size_t(i)];
  }
  return i;
}

/// Joins the overlapping runs of two rows (runs [a, aEnd) and [b, bEnd), each sorted along the row).
void joinRows(const std::vector<ComponentRuns::Run>& runs, std::vector<int64_t>& parent, int64_t a, int64_t aEnd,
              int64_t b, int64_t bEnd) {
  while (a < aEnd && b < bEnd) {
    const auto& ra = runs[size_t(a)];
    const auto& rb = runs[size_t(b)];
    if (ra.begin < rb.end && rb.begin < ra.end) {
      const int64_t x = findRoot(parent, a), y = findRoot(parent, b);
      if (x != y) parent[size_t(std::max(x, y))] = std::min(x, y);
    }
    // Advance whichever run ends first; the other may still overlap the next run.
    if (ra.end < rb.end) ++a;
    else ++b;
  }
}

/// The runs of `region` in raster order; rowFirst[r] is the index of row r's first run (plus an end marker).
void collectRuns(const Mask& mask, const Box& region, ComponentRuns& out, std::vector<int64_t>& rowFirst) {
  int64_t row = 0;
  forEachRow(mask.shape(), region, [&](int64_t o, int64_t, int64_t n) {
    rowFirst.push_back(int64_t(out.runs.size()));
    const uint8_t* m = mask.data() + o;
    for (int64_t k = 0; k < n;) {
      if (!m[k]) {
        ++k;
        continue;
      }
      const int64_t begin = k;
      while (k < n && m[k]) ++k;
      out.runs.push_back({row, begin, k, 0});
    }
    ++row;
  });
  rowFirst.push_back(int64_t(out.runs.size()));
}

/// Labels the union-find roots in run order and grows each label's bounding box. Runs are in raster order, so a
/// component's first run holds its first element: labels come out in scipy's order.
void labelRuns(const Box& region, int64_t rowsPerPlane, std::vector<int64_t>& parent, ComponentRuns& out) {
  const int nd = region.size.ndim;
  std::vector<int32_t> labelOfRoot(out.runs.size(), 0);
  for (size_t i = 0; i < out.runs.size(); ++i) {
    ComponentRuns::Run& run = out.runs[i];
    int32_t& label = labelOfRoot[size_t(findRoot(parent, int64_t(i)))];
    Index lo{0, 0, 0};
    lo[nd - 1] = run.begin;
    if (nd == 3) {
      lo[0] = run.row / rowsPerPlane;
      lo[1] = run.row % rowsPerPlane;
    } else {
      lo[0] = run.row;
    }
    for (int d = 0; d < nd; ++d) lo[d] += region.corner[d];
    Index hi = lo;
    hi[nd - 1] += run.end - run.begin - 1;
    if (label == 0) {
      label = int32_t(out.boxes.size()) + 1;
      Box box;
      box.corner = lo;
      box.size = region.size;
      for (int d = 0; d < nd; ++d) box.size[d] = hi[d] - lo[d] + 1;
      out.boxes.push_back(box);
    } else {
      Box& box = out.boxes[size_t(label) - 1];
      for (int d = 0; d < nd; ++d) {
        const int64_t end = std::max(box.corner[d] + box.size[d], hi[d] + 1);
        box.corner[d] = std::min(box.corner[d], lo[d]);
        box.size[d] = end - box.corner[d];
      }
    }
    run.label = label;
  }
}

ComponentRuns componentRuns(const Mask& mask, const Box& region) {
  const int nd = mask.ndim();
  const int64_t rowsPerPlane = nd == 3 ? region.size[1] : region.size[0];
  ComponentRuns out;
  std::vector<int64_t> rowFirst;
  collectRuns(mask, region, out, rowFirst);

  std::vector<int64_t> parent(out.runs.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = int64_t(i);
  const int64_t rows = int64_t(rowFirst.size()) - 1;
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t first = rowFirst[size_t(r)], last = rowFirst[size_t(r) + 1];
    if (first == last) continue;
    if (nd == 3 ? r % rowsPerPlane > 0 : r > 0)  // previous row of the same plane
      joinRows(out.runs, parent, first, last, rowFirst[size_t(r) - 1], first);
    if (nd == 3 && r >= rowsPerPlane)  // same row of the previous plane
      joinRows(out.runs, parent, first, last, rowFirst[size_t(r - rowsPerPlane)],
               rowFirst[size_t(r - rowsPerPlane) + 1]);
  }
  labelRuns(region, rowsPerPlane, parent, out);
  return out;
}

}  // namespace

Mask binaryErosionCross(const Mask& mask) {
  const Shape& shape = mask.shape();
  Mask out(shape, 0);
  if (mask.empty()) return out;
  Index i{0, 0, 0};
  int64_t p = 0;
  do {
    // Outside the grid is background, so border elements never survive.
    if (mask[p] && !onBorder(shape, i)) {
      bool keep = true;
      forEachFaceNeighbour(shape, i, p, [&](int64_t q) { keep = keep && mask[q]; });
      out[p] = keep ? 1 : 0;
    }
    ++p;
  } while (nextIndex(i, shape));
  return out;
}

Components labelComponents(const Mask& mask) {
  Components result;
  result.labels = Grid<int32_t>(mask.shape(), 0);
  if (mask.empty()) return result;
  const Box whole{Index{0, 0, 0}, mask.shape()};
  const ComponentRuns runs = componentRuns(mask, whole);
  result.count = int32_t(runs.boxes.size());
  result.boxes = runs.boxes;
  const int64_t rowLength = mask.shape()[mask.ndim() - 1];
  for (const ComponentRuns::Run& r : runs.runs)
    std::fill_n(result.labels.data() + r.row * rowLength + r.begin, r.end - r.begin, r.label);
  return result;
}

std::vector<Box> componentBoxes(const Mask& mask, const Box& region) { return componentRuns(mask, region).boxes; }

Mask fillHoles(const Mask& mask) {
  const Shape& shape = mask.shape();
  if (mask.empty()) return mask;
  // Mark the background reachable from the border; everything else is object or hole.
  Mask outside(shape, 0);
  std::vector<int64_t> stack;
  Index i{0, 0, 0};
  int64_t p = 0;
  do {
    if (!mask[p] && !outside[p] && onBorder(shape, i))
      floodFill(
          shape, p, stack, [&](int64_t q) { return !mask[q] && !outside[q]; }, [&](int64_t q) { outside[q] = 1; });
    ++p;
  } while (nextIndex(i, shape));
  Mask out(shape);
  for (int64_t q = 0; q < mask.count(); ++q) out[q] = outside[q] ? 0 : 1;
  return out;
}

}  // namespace lightbox
