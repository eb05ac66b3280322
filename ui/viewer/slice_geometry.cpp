#include "viewer/slice_geometry.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lightbox::ui {

namespace {

Vec3 column(const Geometry& g, int axis) {
  return {g.direction[size_t(axis)], g.direction[size_t(3 + axis)], g.direction[size_t(6 + axis)]};
}

/// Patient axis (0 = x, 1 = y, 2 = z) each array axis is closest to, one-to-one (best of the 6 permutations).
std::array<int, 3> assignPatientAxes(const Geometry& g) {
  std::array<int, 3> perm{0, 1, 2}, best = perm;
  double bestScore = -1.0;
  do {
    double score = 0.0;
    for (int a = 0; a < 3; ++a) score += std::abs(column(g, a)[size_t(perm[size_t(a)])]);
    if (score > bestScore + 1e-12) {
      bestScore = score;
      best = perm;
    }
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;  // best[arrayAxis] = patient axis
}

int axisFor(const std::array<int, 3>& assignment, int patientAxis) {
  for (int a = 0; a < 3; ++a)
    if (assignment[size_t(a)] == patientAxis) return a;
  return 0;
}

Vec3 scaled(const Vec3& v, double s) { return {v[0] * s, v[1] * s, v[2] * s}; }

}  // namespace

Index SliceLayout::voxel(int64_t u, int64_t v, int64_t s) const {
  Index i{0, 0, 0};
  i[size_t(uAxis)] = flipU ? width - 1 - u : u;
  i[size_t(vAxis)] = flipV ? height - 1 - v : v;
  if (sliceAxis >= 0) i[size_t(sliceAxis)] = flipSlice ? sliceCount - 1 - s : s;
  return i;
}

int64_t SliceLayout::sliceOf(const Index& voxel) const {
  if (sliceAxis < 0) return 0;
  const int64_t i = voxel[size_t(sliceAxis)];
  return flipSlice ? sliceCount - 1 - i : i;
}

std::array<int64_t, 2> SliceLayout::pixelOf(const Index& voxel) const {
  const int64_t u = voxel[size_t(uAxis)], v = voxel[size_t(vAxis)];
  return {flipU ? width - 1 - u : u, flipV ? height - 1 - v : v};
}

SliceLayout layoutFor(const Shape& shape, const Geometry& geometry, ViewPlane plane, bool reorient) {
  SliceLayout l;
  l.ndim = shape.ndim;
  if (shape.ndim == 2) {
    l.uAxis = 1;
    l.vAxis = 0;
    l.sliceAxis = -1;
    if (reorient) {
      // Flipped, never rotated, to the convention of the plane the image lies in: +x (L) to the right, +y (P) down
      // (anterior at the top), -z down (superior at the top). Identity geometry and ordinary radiographs stay as stored.
      const auto keepsDirection = [&](int axis) {
        const Vec3 c = column(geometry, axis);
        int dominant = 0;
        for (int k = 1; k < 3; ++k)
          if (std::abs(c[size_t(k)]) > std::abs(c[size_t(dominant)])) dominant = k;
        return c[size_t(dominant)] * (dominant == 2 ? -1.0 : 1.0) >= 0;
      };
      l.flipU = !keepsDirection(l.uAxis);
      l.flipV = !keepsDirection(l.vAxis);
    }
  } else if (!reorient) {
    l.sliceAxis = 0;
    l.vAxis = 1;
    l.uAxis = 2;
  } else {
    const auto assignment = assignPatientAxes(geometry);
    // Target patient axis and sign of screen x, screen y and the slice number, per plane (LPS: +x L, +y P, +z S).
    struct Target {
      int axis;
      double sign;
    };
    Target right{0, 1}, down{1, 1}, slice{2, 1};
    switch (plane) {
      case ViewPlane::Axial: right = {0, +1}; down = {1, +1}; slice = {2, +1}; break;     // R|L, A over P, to S
      case ViewPlane::Coronal: right = {0, +1}; down = {2, -1}; slice = {1, -1}; break;   // R|L, S over I, to A
      case ViewPlane::Sagittal: right = {1, +1}; down = {2, -1}; slice = {0, +1}; break;  // A|P, S over I, to L
    }
    l.uAxis = axisFor(assignment, right.axis);
    l.vAxis = axisFor(assignment, down.axis);
    l.sliceAxis = axisFor(assignment, slice.axis);
    l.flipU = column(geometry, l.uAxis)[size_t(right.axis)] * right.sign < 0;
    l.flipV = column(geometry, l.vAxis)[size_t(down.axis)] * down.sign < 0;
    l.flipSlice = column(geometry, l.sliceAxis)[size_t(slice.axis)] * slice.sign < 0;
  }
  l.width = shape[l.uAxis];
  l.height = shape[l.vAxis];
  l.sliceCount = l.sliceAxis >= 0 ? shape[l.sliceAxis] : 1;
  l.spacingU = geometry.spacing[size_t(l.uAxis)];
  l.spacingV = geometry.spacing[size_t(l.vAxis)];
  if (!(l.spacingU > 0)) l.spacingU = 1.0;
  if (!(l.spacingV > 0)) l.spacingV = 1.0;
  return l;
}

Vec3 screenRight(const SliceLayout& layout, const Geometry& geometry) {
  return scaled(column(geometry, layout.uAxis), layout.flipU ? -1.0 : 1.0);
}

Vec3 screenDown(const SliceLayout& layout, const Geometry& geometry) {
  return scaled(column(geometry, layout.vAxis), layout.flipV ? -1.0 : 1.0);
}

std::string orientationLabel(const Vec3& d, double secondary) {
  static constexpr char kPositive[3] = {'L', 'P', 'S'};
  static constexpr char kNegative[3] = {'R', 'A', 'I'};
  std::array<int, 3> order{0, 1, 2};
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return std::abs(d[size_t(a)]) > std::abs(d[size_t(b)]); });
  std::string label;
  for (size_t k = 0; k < 3; ++k) {
    const double c = d[size_t(order[k])];
    if (k > 0 && std::abs(c) < secondary) break;
    if (c == 0.0) break;
    label += c > 0 ? kPositive[order[k]] : kNegative[order[k]];
  }
  return label;
}

EdgeLabels edgeLabels(const SliceLayout& layout, const Geometry& geometry) {
  const Vec3 r = screenRight(layout, geometry), d = screenDown(layout, geometry);
  return {orientationLabel(scaled(r, -1.0)), orientationLabel(r), orientationLabel(scaled(d, -1.0)),
          orientationLabel(d)};
}

SliceStrides sliceStrides(const Shape& shape, const SliceLayout& layout, int64_t s) {
  SliceStrides st;
  const int64_t su = shape.stride(layout.uAxis), sv = shape.stride(layout.vAxis);
  st.du = layout.flipU ? -su : su;
  st.dv = layout.flipV ? -sv : sv;
  const Index first = layout.voxel(0, 0, s);
  st.base = shape.ndim == 3 ? shape.linear(first) : shape.linear(Index{first[0], first[1], 0});
  return st;
}

std::vector<float> extractSlice(const Image& image, int channel, const SliceLayout& layout, int64_t s) {
  std::vector<float> out(size_t(layout.width * layout.height));
  const SliceStrides st = sliceStrides(image.shape(), layout, s);
  const float* src = image.channel(channel);
  for (int64_t v = 0; v < layout.height; ++v) {
    const float* row = src + st.base + v * st.dv;
    float* dst = out.data() + v * layout.width;
    for (int64_t u = 0; u < layout.width; ++u) dst[u] = row[u * st.du];
  }
  return out;
}

double ViewTransform::pixelsPerMm(const SliceLayout& layout) const {
  const double fit = std::min(viewWidth / layout.widthMm(), viewHeight / layout.heightMm());
  return fit * zoom;
}

std::array<double, 4> ViewTransform::imageRect(const SliceLayout& layout) const {
  const double s = pixelsPerMm(layout);
  const double w = layout.widthMm() * s, h = layout.heightMm() * s;
  return {viewWidth / 2.0 + panX - w / 2.0, viewHeight / 2.0 + panY - h / 2.0, w, h};
}

std::array<double, 2> ViewTransform::screenToSlice(const SliceLayout& layout, double x, double y) const {
  const auto r = imageRect(layout);
  const double s = pixelsPerMm(layout);
  return {(x - r[0]) / (s * layout.spacingU), (y - r[1]) / (s * layout.spacingV)};
}

std::array<double, 2> ViewTransform::sliceToScreen(const SliceLayout& layout, double u, double v) const {
  const auto r = imageRect(layout);
  const double s = pixelsPerMm(layout);
  return {r[0] + u * s * layout.spacingU, r[1] + v * s * layout.spacingV};
}

void ViewTransform::zoomAbout(const SliceLayout& layout, double factor, double x, double y) {
  const auto before = screenToSlice(layout, x, y);
  zoom = std::clamp(zoom * factor, 0.05, 64.0);
  const auto after = sliceToScreen(layout, before[0], before[1]);
  panX += x - after[0];
  panY += y - after[1];
}

bool ViewTransform::reveal(const SliceLayout& layout, double u0, double v0, double u1, double v1) {
  const auto a = sliceToScreen(layout, u0, v0), b = sliceToScreen(layout, u1, v1);
  constexpr double kSlack = 0.5;  // a box touching the view's edge by rounding is visible
  if (a[0] >= -kSlack && a[1] >= -kSlack && b[0] <= viewWidth + kSlack && b[1] <= viewHeight + kSlack) return false;
  panX += viewWidth / 2 - (a[0] + b[0]) / 2;
  panY += viewHeight / 2 - (a[1] + b[1]) / 2;
  return true;
}

std::array<double, 4> slicePixelRect(const SliceLayout& layout, const Index& boxMin, const Index& boxMax) {
  Index last = boxMax;
  for (auto& i : last) i = std::max<int64_t>(0, i - 1);
  for (size_t a = 0; a < last.size(); ++a) last[a] = std::max(last[a], boxMin[a]);
  const auto p = layout.pixelOf(boxMin), q = layout.pixelOf(last);
  return {double(std::min(p[0], q[0])), double(std::min(p[1], q[1])), double(std::max(p[0], q[0]) + 1),
          double(std::max(p[1], q[1]) + 1)};
}

Vec3 voxelToPatient(const Geometry& geometry, const Index& voxel) {
  return geometry.indexToPatient({double(voxel[0]), double(voxel[1]), double(voxel[2])});
}

Vec3 slicePointToPatient(const Geometry& geometry, const SliceLayout& layout, double u, double v, int64_t s) {
  // Continuous array index of the point: pixel centres are at integer indices, so subtract 0.5.
  std::array<double, 3> index{0, 0, 0};
  const double cu = u - 0.5, cv = v - 0.5;
  index[size_t(layout.uAxis)] = layout.flipU ? double(layout.width - 1) - cu : cu;
  index[size_t(layout.vAxis)] = layout.flipV ? double(layout.height - 1) - cv : cv;
  if (layout.sliceAxis >= 0)
    index[size_t(layout.sliceAxis)] = double(layout.flipSlice ? layout.sliceCount - 1 - s : s);
  return geometry.indexToPatient(index);
}

}  // namespace lightbox::ui
