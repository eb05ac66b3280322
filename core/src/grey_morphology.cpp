// Grey-level morphology with the flat "connectivity 2" footprint: closing and reconstruction by erosion.
//
// Everything here is a composition of min and max, so the results are exact selections of input values: the
// double API (tests, general use) and the float path of the labeller share one templated implementation, and
// running the labeller in float gives bit for bit the float rounding of the double computation (rounding is
// monotone, so it commutes with min and max).
#include <algorithm>
#include <limits>
#include <stdexcept>
#include <vector>

#include "grey_morphology_detail.h"
#include "lightbox/core/morphology.h"

namespace lightbox {

namespace {

using detail::FramedVolume;
using detail::GreyScratch;
using detail::GreyWorkspace;

struct Max {
  template <typename T>
  T operator()(T a, T b) const { return a < b ? b : a; }
};
struct Min {
  template <typename T>
  T operator()(T a, T b) const { return b < a ? b : a; }
};

/// Width-3 max/min along one axis with edge replication (= scipy 'reflect' for a 3-wide window).
template <typename T, typename Op>
void filterAxis(const T* in, T* out, const PlaneView& d, int axis, Op op) {
  if (axis == 2) {
    const int64_t n = d.columns;
    for (int64_t row = 0; row < d.planes * d.rows; ++row) {
      const T* s = in + row * n;
      T* o = out + row * n;
      if (n == 1) {
        o[0] = s[0];
        continue;
      }
      o[0] = op(s[0], s[1]);
      for (int64_t k = 1; k + 1 < n; ++k) o[k] = op(op(s[k - 1], s[k]), s[k + 1]);
      o[n - 1] = op(s[n - 2], s[n - 1]);
    }
    return;
  }
  // Slower axes: whole lines side by side, so every access is contiguous.
  const int64_t n = axis == 0 ? d.planes : d.rows;
  const int64_t line = axis == 0 ? d.rows * d.columns : d.columns;
  const int64_t outer = axis == 0 ? 1 : d.planes;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t k = 0; k < n; ++k) {
      const T* base = in + o * n * line;
      const T* prev = base + (k > 0 ? k - 1 : 0) * line;
      const T* here = base + k * line;
      const T* next = base + (k + 1 < n ? k + 1 : n - 1) * line;
      T* dst = out + (o * n + k) * line;
      for (int64_t j = 0; j < line; ++j) dst[j] = op(op(prev[j], here[j]), next[j]);
    }
}

template <typename T, typename Op>
void combine(T* a, const T* b, int64_t count, Op op) {
  for (int64_t p = 0; p < count; ++p) a[p] = op(a[p], b[p]);
}

/// Flat filter over the connectivity-2 footprint. 2D: the 3x3 square is separable. 3D: the 19-element footprint (at
/// least one zero offset) is the union of the three axis-perpendicular 3x3 planes, each separable:
/// planes {(0,b,c)} and {(a,0,c)} = axis-2 filter of op(axis-1, axis-0 filters); plane {(a,b,0)} = axis-1 of axis-0.
template <typename T, typename Op>
void footprintFilter(const T* in, T* out, const PlaneView& d, Op op, GreyScratch<T>& s) {
  const int64_t count = d.count();
  s.a.resize(size_t(count));
  T* a = s.a.data();
  if (!d.is3D()) {
    filterAxis(in, a, d, 2, op);
    filterAxis(a, out, d, 1, op);
    return;
  }
  s.b.resize(size_t(count));
  T* b = s.b.data();
  filterAxis(in, a, d, 0, op);
  filterAxis(in, b, d, 1, op);
  combine(b, a, count, op);
  filterAxis(b, out, d, 2, op);
  filterAxis(a, b, d, 1, op);
  combine(out, b, count, op);
}

void checkGrey(const Shape& s, const char* what) {
  if (s.ndim != 2 && s.ndim != 3) throw std::invalid_argument(std::string(what) + ": only 2D and 3D grids");
}

/// The seed of grey hole filling: the grid's values on its outer shell, its maximum inside.
template <typename T>
void loadHoleFillingSeed(const T* values, const PlaneView& d, FramedVolume<T>& v) {
  const T top = *std::max_element(values, values + d.count());
  v.load(values, v.mask);
  v.load(values, v.result);
  for (int64_t a = 0; a < d.planes; ++a)
    for (int64_t b = 0; b < d.rows; ++b) {
      const bool shellRow = (d.is3D() && (a == 0 || a == d.planes - 1)) || b == 0 || b == d.rows - 1;
      if (shellRow) continue;
      T* row = v.result.data() + v.rowOrigin(a, b);
      std::fill(row + 1, row + d.columns - 1, top);
    }
}

/// SPEC §2 steps 3a-3b on one dense box: grey closing, then grey hole filling (boxes at most 2 thick are only
/// closed: their seed would equal the closed image).
template <typename T>
void closeAndFill(const T* in, T* out, const PlaneView& d, GreyWorkspace<T>& w) {
  const int64_t count = d.count();
  w.dilated.resize(size_t(count));
  w.closed.resize(size_t(count));
  footprintFilter(in, w.dilated.data(), d, Max{}, w.scratch);
  footprintFilter(w.dilated.data(), w.closed.data(), d, Min{}, w.scratch);
  const int64_t thinnest = std::min({d.is3D() ? d.planes : d.rows, d.rows, d.columns});  // (2D: no plane axis)
  if (thinnest <= 2) {
    std::copy(w.closed.begin(), w.closed.end(), out);
    return;
  }
  w.volume.reshape(d);
  loadHoleFillingSeed(w.closed.data(), d, w.volume);
  w.volume.reconstruct();
  w.volume.store(out);
}

}  // namespace

Grid<double> greyClosing(const Grid<double>& image) {
  if (image.empty()) return image;
  checkGrey(image.shape(), "greyClosing");
  const PlaneView d(image.shape());
  GreyScratch<double> scratch;
  Grid<double> dilated(image.shape()), out(image.shape());
  footprintFilter(image.data(), dilated.data(), d, Max{}, scratch);
  footprintFilter(dilated.data(), out.data(), d, Min{}, scratch);
  return out;
}

Grid<double> reconstructionByErosion(const Grid<double>& seed, const Grid<double>& mask) {
  if (!(seed.shape() == mask.shape()))
    throw std::invalid_argument("reconstructionByErosion: seed and mask shapes differ");
  if (mask.empty()) return mask;
  checkGrey(mask.shape(), "reconstructionByErosion");
  for (int64_t p = 0; p < mask.count(); ++p)
    if (seed[p] < mask[p]) throw std::invalid_argument("reconstructionByErosion: seed must be >= mask everywhere");
  FramedVolume<double> v;
  v.reshape(PlaneView(mask.shape()));
  v.load(mask.data(), v.mask);
  v.load(seed.data(), v.result);
  v.reconstruct();
  Grid<double> out(mask.shape());
  v.store(out.data());
  return out;
}

Grid<double> fillGreyHoles(const Grid<double>& image) {
  if (image.empty()) return image;
  checkGrey(image.shape(), "fillGreyHoles");
  if (image.shape().minSize() <= 2) return image;  // no interior: the seed would equal the image
  FramedVolume<double> v;
  v.reshape(PlaneView(image.shape()));
  loadHoleFillingSeed(image.data(), v.dims(), v);
  v.reconstruct();
  Grid<double> out(image.shape());
  v.store(out.data());
  return out;
}

void closeAndFillGreyHoles(Grid<float>& grid, const std::vector<Box>& boxes) {
  if (boxes.empty()) return;
  checkGrey(grid.shape(), "closeAndFillGreyHoles");
  GreyWorkspace<float> w;
  std::vector<float> out;
  for (const Box& box : boxes) {
    const PlaneView d(box.size);
    w.in.resize(size_t(d.count()));
    out.resize(size_t(d.count()));
    float* g = grid.data();
    forEachRow(grid.shape(), box, [&](int64_t o, int64_t i, int64_t n) { std::copy_n(g + o, n, w.in.data() + i); });
    closeAndFill(w.in.data(), out.data(), d, w);
    forEachRow(grid.shape(), box, [&](int64_t o, int64_t i, int64_t n) { std::copy_n(out.data() + i, n, g + o); });
  }
}

}  // namespace lightbox
