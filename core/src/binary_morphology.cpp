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
  const Shape& shape = mask.shape();
  result.labels = Grid<int32_t>(shape, 0);
  if (mask.empty()) return result;
  std::vector<int64_t> stack;
  for (int64_t p = 0; p < mask.count(); ++p) {
    if (!mask[p] || result.labels[p] != 0) continue;
    // A raster scan meets each component first at its first element, so labels come out in scipy's order.
    const int32_t label = ++result.count;
    Index lo = shape.unravel(p), hi = lo;
    floodFill(
        shape, p, stack, [&](int64_t q) { return mask[q] && result.labels[q] == 0; },
        [&](int64_t q) {
          result.labels[q] = label;
          const Index iq = shape.unravel(q);
          for (int d = 0; d < shape.ndim; ++d) {
            lo[d] = std::min(lo[d], iq[d]);
            hi[d] = std::max(hi[d], iq[d]);
          }
        });
    Box box;
    box.corner = lo;
    box.size = shape;
    for (int d = 0; d < shape.ndim; ++d) box.size[d] = hi[d] - lo[d] + 1;
    result.boxes.push_back(box);
  }
  return result;
}

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
