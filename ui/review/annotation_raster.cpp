#include "review/annotation_raster.h"

#include <algorithm>
#include <cmath>

namespace lightbox::ui {

namespace {

using Pixel = std::array<int64_t, 2>;

// Covered pixels of the stroke's slice, as (u, v).
std::vector<Pixel> coveredPixels(const AnnotationStroke& s) {
  std::vector<Pixel> out;
  if (s.points.empty()) return out;
  const SliceLayout& l = s.layout;
  const auto inside = [&](int64_t u, int64_t v) { return u >= 0 && v >= 0 && u < l.width && v < l.height; };
  if (s.shape != StrokeShape::Brush) {
    const auto& a = s.points.front();
    const auto& b = s.points.back();
    const int64_t u0 = int64_t(std::floor(std::min(a[0], b[0]))), u1 = int64_t(std::floor(std::max(a[0], b[0])));
    const int64_t v0 = int64_t(std::floor(std::min(a[1], b[1]))), v1 = int64_t(std::floor(std::max(a[1], b[1])));
    // The ellipse inscribed in the band [u0, u1 + 1) x [v0, v1 + 1), tested at pixel centres.
    const double cu = 0.5 * double(u0 + u1 + 1), cv = 0.5 * double(v0 + v1 + 1);
    const double ru = 0.5 * double(u1 + 1 - u0), rv = 0.5 * double(v1 + 1 - v0);
    for (int64_t v = v0; v <= v1; ++v)
      for (int64_t u = u0; u <= u1; ++u) {
        if (!inside(u, v)) continue;
        if (s.shape == StrokeShape::Ellipse) {
          const double du = (double(u) + 0.5 - cu) / ru, dv = (double(v) + 0.5 - cv) / rv;
          if (du * du + dv * dv > 1.0 + 1e-9) continue;
        }
        out.push_back({u, v});
      }
    return out;
  }
  const double r = std::max(0.0, s.brushRadius);
  double umin = s.points[0][0], umax = umin, vmin = s.points[0][1], vmax = vmin;
  for (const auto& q : s.points) umin = std::min(umin, q[0]), umax = std::max(umax, q[0]), vmin = std::min(vmin, q[1]), vmax = std::max(vmax, q[1]);
  const auto distanceToPath = [&](double x, double y) {
    double best = std::hypot(x - s.points[0][0], y - s.points[0][1]);
    for (size_t k = 1; k < s.points.size(); ++k) {
      const auto& a = s.points[k - 1];
      const auto& b = s.points[k];
      const double dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp(((x - a[0]) * dx + (y - a[1]) * dy) / len2, 0.0, 1.0) : 0.0;
      best = std::min(best, std::hypot(x - (a[0] + t * dx), y - (a[1] + t * dy)));
    }
    return best;
  };
  for (int64_t v = int64_t(std::floor(vmin - r)); v <= int64_t(std::floor(vmax + r)); ++v)
    for (int64_t u = int64_t(std::floor(umin - r)); u <= int64_t(std::floor(umax + r)); ++u)
      if (inside(u, v) && distanceToPath(double(u) + 0.5, double(v) + 0.5) <= r) out.push_back({u, v});
  // The pixel under every point is painted, however small the brush.
  for (const auto& q : s.points) {
    const Pixel p{int64_t(std::floor(q[0])), int64_t(std::floor(q[1]))};
    if (inside(p[0], p[1]) && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  return out;
}

Shape boxOf(const workflows::RegionMask& r) {
  std::vector<int64_t> size;
  for (size_t d = 0; d < r.min.size(); ++d) size.push_back(r.max[d] - r.min[d]);
  return Shape::fromVector(size);
}

// The region of the voxels for which `on` holds inside [lo, hi), cropped.
template <typename F>
workflows::RegionMask regionWhere(const Index& lo, const Index& hi, int nd, F on) {
  workflows::RegionMask r;
  Index a{0, 0, 0}, b{-1, -1, -1};
  bool any = false;
  Index i = lo;
  const auto step = [&](Index& x) {
    for (int d = nd - 1; d >= 0; --d) {
      if (++x[d] < hi[d]) return true;
      x[d] = lo[d];
    }
    return false;
  };
  do {
    if (!on(i)) continue;
    if (!any) a = i, b = i, any = true;
    for (int d = 0; d < nd; ++d) a[d] = std::min(a[d], i[d]), b[d] = std::max(b[d], i[d]);
  } while (step(i));
  if (!any) return r;
  for (int d = 0; d < nd; ++d) r.min.push_back(a[d]), r.max.push_back(b[d] + 1);
  r.values.assign(size_t(boxOf(r).count()), 0);
  Index j = a;
  const Index end{b[0] + 1, b[1] + 1, b[2] + 1};
  size_t k = 0;
  const auto stepInner = [&](Index& x) {
    for (int d = nd - 1; d >= 0; --d) {
      if (++x[d] < end[d]) return true;
      x[d] = a[d];
    }
    return false;
  };
  do r.values[k++] = on(j) ? 1 : 0;
  while (stepInner(j));
  return r;
}

}  // namespace

workflows::RegionMask rasteriseStroke(const AnnotationStroke& stroke, const Shape& grid) {
  const int nd = grid.ndim;
  std::vector<Index> voxels;
  for (const Pixel& p : coveredPixels(stroke)) {
    const Index v = stroke.layout.voxel(p[0], p[1], stroke.slice);
    if (grid.contains(v)) voxels.push_back(v);
  }
  if (voxels.empty()) return {};
  Index lo = voxels[0], hi = voxels[0];
  for (const Index& v : voxels)
    for (int d = 0; d < nd; ++d) lo[d] = std::min(lo[d], v[d]), hi[d] = std::max(hi[d], v[d]);
  workflows::RegionMask r;
  for (int d = 0; d < nd; ++d) r.min.push_back(lo[d]), r.max.push_back(hi[d] + 1);
  const Shape box = boxOf(r);
  r.values.assign(size_t(box.count()), 0);
  for (const Index& v : voxels) {
    Index local{0, 0, 0};
    for (int d = 0; d < nd; ++d) local[d] = v[d] - lo[d];
    r.values[size_t(box.linear(local))] = 1;
  }
  return r;
}

workflows::RegionMask applyStroke(const workflows::RegionMask& base, const AnnotationStroke& stroke, const Shape& grid) {
  const workflows::RegionMask drawn = rasteriseStroke(stroke, grid);
  const int nd = grid.ndim;
  const bool hasBase = !base.values.empty() && int(base.min.size()) == nd;
  const bool hasDrawn = !drawn.values.empty();
  if (!hasBase && !hasDrawn) return {};
  Index lo{0, 0, 0}, hi{1, 1, 1};
  bool first = true;
  for (const auto* r : {&base, &drawn}) {
    if (r->values.empty() || int(r->min.size()) != nd) continue;
    for (int d = 0; d < nd; ++d) {
      lo[d] = first ? r->min[size_t(d)] : std::min(lo[d], r->min[size_t(d)]);
      hi[d] = first ? r->max[size_t(d)] : std::max(hi[d], r->max[size_t(d)]);
    }
    first = false;
  }
  // The slice the stroke was drawn on, as an array axis and index (2D: the whole image is the slice).
  const int axis = stroke.layout.sliceAxis;
  const int64_t at = axis >= 0 ? stroke.layout.voxel(0, 0, stroke.slice)[axis] : 0;
  const auto onSlice = [&](const Index& v) { return axis < 0 || v[axis] == at; };
  return regionWhere(lo, hi, nd, [&](const Index& v) -> bool {
    const bool inBase = base.at(v) != 0, inDrawn = drawn.at(v) != 0;
    if (stroke.shape == StrokeShape::Brush) return stroke.erase ? inBase && !inDrawn : inBase || inDrawn;
    return onSlice(v) ? inDrawn : inBase;  // a rectangle or ellipse redraws the region on its slice
  });
}

workflows::ManualShape manualShapeOf(StrokeShape shape) {
  switch (shape) {
    case StrokeShape::Ellipse: return workflows::ManualShape::Ellipse;
    case StrokeShape::Brush: return workflows::ManualShape::Brush;
    case StrokeShape::Rectangle: break;
  }
  return workflows::ManualShape::Box;
}

Mask regionOnGrid(const workflows::RegionMask& region, const Shape& grid) {
  Mask m(grid, 0);
  if (region.values.empty() || int(region.min.size()) != grid.ndim) return m;
  const Shape box = boxOf(region);
  Index i{0, 0, 0};
  size_t k = 0;
  do {
    if (region.values[k++]) {
      Index g{0, 0, 0};
      for (int d = 0; d < grid.ndim; ++d) g[d] = region.min[size_t(d)] + i[d];
      if (grid.contains(g)) m.at(g) = 1;
    }
  } while (nextIndex(i, box));
  return m;
}

}  // namespace lightbox::ui
