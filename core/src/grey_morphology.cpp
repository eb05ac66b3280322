// Grey-level morphology with the flat "connectivity 2" footprint: closing and reconstruction by erosion.
#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>
#include <vector>

#include "lightbox/core/morphology.h"

namespace lightbox {

namespace {

struct Max {
  double operator()(double a, double b) const { return a < b ? b : a; }
};
struct Min {
  double operator()(double a, double b) const { return b < a ? b : a; }
};

/// Width-3 max/min along one axis with edge replication (= scipy 'reflect' for a 3-wide window).
template <typename Op>
Grid<double> filter3(const Grid<double>& in, int axis, Op op) {
  const Shape& shape = in.shape();
  const int64_t n = shape[axis];
  if (n == 1) return in;
  const int64_t inner = shape.stride(axis);
  const int64_t outer = shape.count() / (n * inner);
  Grid<double> out(shape);
  for (int64_t o = 0; o < outer; ++o) {
    const double* src = in.data() + o * n * inner;
    double* dst = out.data() + o * n * inner;
    if (inner == 1) {
      for (int64_t k = 0; k < n; ++k) dst[k] = op(op(src[k > 0 ? k - 1 : 0], src[k]), src[k + 1 < n ? k + 1 : n - 1]);
      continue;
    }
    // Slower axes: whole rows side by side, so every access is contiguous.
    for (int64_t k = 0; k < n; ++k) {
      const double* prev = src + (k > 0 ? k - 1 : 0) * inner;
      const double* here = src + k * inner;
      const double* next = src + (k + 1 < n ? k + 1 : n - 1) * inner;
      double* row = dst + k * inner;
      for (int64_t j = 0; j < inner; ++j) row[j] = op(op(prev[j], here[j]), next[j]);
    }
  }
  return out;
}

template <typename Op>
void combineInto(Grid<double>& a, const Grid<double>& b, Op op) {
  for (int64_t p = 0; p < a.count(); ++p) a[p] = op(a[p], b[p]);
}

/// Flat filter over the connectivity-2 footprint. 2D: the 3x3 square is separable. 3D: the 19-element footprint (at
/// least one zero offset) is the union of the three axis-perpendicular 3x3 planes, each separable:
/// planes {(0,b,c)} and {(a,0,c)} = axis-2 filter of max(axis-1, axis-0 filters); plane {(a,b,0)} = axis-1 of axis-0.
template <typename Op>
Grid<double> footprintFilter(const Grid<double>& f, Op op) {
  if (f.ndim() == 2) return filter3(filter3(f, 1, op), 0, op);
  const Grid<double> along0 = filter3(f, 0, op);
  Grid<double> either01 = filter3(f, 1, op);
  combineInto(either01, along0, op);
  Grid<double> result = filter3(either01, 2, op);
  combineInto(result, filter3(along0, 1, op), op);
  return result;
}

void checkGrey(const Grid<double>& g, const char* what) {
  if (g.ndim() != 2 && g.ndim() != 3) throw std::invalid_argument(std::string(what) + ": only 2D and 3D grids");
}

/// A grid embedded in a one-element frame of +inf (skimage pads with max(seed): neutral for erosion), seen as 3D
/// (a 2D grid is one plane with no frame along axis 0), so every neighbour is a fixed linear offset.
class FramedVolume {
 public:
  explicit FramedVolume(const Shape& shape) {
    const bool is3D = shape.ndim == 3;
    inner_ = {is3D ? shape[0] : 1, shape[is3D ? 1 : 0], shape[is3D ? 2 : 1]};
    frame0_ = is3D ? 1 : 0;
    size_ = {inner_[0] + 2 * frame0_, inner_[1] + 2, inner_[2] + 2};
    for (int64_t da = -frame0_; da <= frame0_; ++da)
      for (int64_t db = -1; db <= 1; ++db)
        for (int64_t dc = -1; dc <= 1; ++dc) {
          if (da == 0 && db == 0 && dc == 0) continue;
          if (da != 0 && db != 0 && dc != 0) continue;  // the 8 corners are not in the 3D footprint
          const int64_t offset = (da * size_[1] + db) * size_[2] + dc;
          (offset < 0 ? before_ : after_).push_back(offset);
        }
    all_ = before_;
    all_.insert(all_.end(), after_.begin(), after_.end());
  }

  int64_t framedCount() const { return size_[0] * size_[1] * size_[2]; }
  /// Raster-predecessor and raster-successor halves of the neighbourhood.
  const std::vector<int64_t>& before() const { return before_; }
  const std::vector<int64_t>& after() const { return after_; }
  const std::vector<int64_t>& all() const { return all_; }

  /// Calls fn(framedIndex, gridIndex) over the grid in raster order, or in reverse raster order.
  template <typename F>
  void forEach(bool reverse, F&& fn) const {
    if (!reverse) {
      int64_t g = 0;
      for (int64_t a = 0; a < inner_[0]; ++a)
        for (int64_t b = 0; b < inner_[1]; ++b) {
          const int64_t rowStart = rowOrigin(a, b);
          for (int64_t c = 0; c < inner_[2]; ++c) fn(rowStart + c, g++);
        }
      return;
    }
    int64_t g = inner_[0] * inner_[1] * inner_[2] - 1;
    for (int64_t a = inner_[0] - 1; a >= 0; --a)
      for (int64_t b = inner_[1] - 1; b >= 0; --b) {
        const int64_t rowStart = rowOrigin(a, b);
        for (int64_t c = inner_[2] - 1; c >= 0; --c) fn(rowStart + c, g--);
      }
  }

 private:
  /// Framed index of grid element (a, b, 0).
  int64_t rowOrigin(int64_t a, int64_t b) const { return ((a + frame0_) * size_[1] + b + 1) * size_[2] + 1; }

  std::array<int64_t, 3> inner_{};
  std::array<int64_t, 3> size_{};
  int64_t frame0_ = 0;
  std::vector<int64_t> before_, after_, all_;
};

}  // namespace

Grid<double> greyClosing(const Grid<double>& image) {
  if (image.empty()) return image;
  checkGrey(image, "greyClosing");
  return footprintFilter(footprintFilter(image, Max{}), Min{});
}

// Vincent's hybrid algorithm (1993), dualised for erosion: one raster and one anti-raster sweep settle most values,
// then a FIFO propagates the remaining changes from the elements that can still lower a neighbour. The result is the
// fixed point r = max(mask, erosion(r)) reached from the seed, i.e. each element gets the lowest over all paths from a
// seed element of max(seed at the start, mask along the path).
Grid<double> reconstructionByErosion(const Grid<double>& seed, const Grid<double>& mask) {
  if (!(seed.shape() == mask.shape()))
    throw std::invalid_argument("reconstructionByErosion: seed and mask shapes differ");
  if (mask.empty()) return mask;
  checkGrey(mask, "reconstructionByErosion");
  for (int64_t p = 0; p < mask.count(); ++p)
    if (seed[p] < mask[p]) throw std::invalid_argument("reconstructionByErosion: seed must be >= mask everywhere");

  const FramedVolume vol(mask.shape());
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> r(static_cast<size_t>(vol.framedCount()), kInf);
  std::vector<double> m(static_cast<size_t>(vol.framedCount()), kInf);
  vol.forEach(false, [&](int64_t f, int64_t g) {
    r[static_cast<size_t>(f)] = seed[g];
    m[static_cast<size_t>(f)] = mask[g];
  });
  auto R = [&](int64_t f) -> double& { return r[static_cast<size_t>(f)]; };
  auto M = [&](int64_t f) { return m[static_cast<size_t>(f)]; };

  const auto sweep = [&](const std::vector<int64_t>& half, int64_t f) {
    double v = R(f);
    for (int64_t off : half) v = std::min(v, R(f + off));
    R(f) = std::max(v, M(f));
  };
  vol.forEach(false, [&](int64_t f, int64_t) { sweep(vol.before(), f); });

  std::vector<int64_t> fifo;
  vol.forEach(true, [&](int64_t f, int64_t) {
    sweep(vol.after(), f);
    for (int64_t off : vol.after()) {
      const int64_t q = f + off;
      // q could still be lowered through f (frame elements have r == m and never qualify).
      if (R(q) > R(f) && R(q) > M(q)) {
        fifo.push_back(f);
        break;
      }
    }
  });

  const std::vector<int64_t>& neighbours = vol.all();
  for (size_t head = 0; head < fifo.size(); ++head) {
    const int64_t f = fifo[head];
    for (int64_t off : neighbours) {
      const int64_t q = f + off;
      if (R(q) > R(f) && R(q) != M(q)) {
        R(q) = std::max(R(f), M(q));
        fifo.push_back(q);
      }
    }
  }

  Grid<double> out(mask.shape());
  vol.forEach(false, [&](int64_t f, int64_t g) { out[g] = R(f); });
  return out;
}

Grid<double> fillGreyHoles(const Grid<double>& image) {
  if (image.empty()) return image;
  checkGrey(image, "fillGreyHoles");
  const Shape& shape = image.shape();
  if (shape.minSize() <= 2) return image;  // no interior: the seed would equal the image
  const double top = *std::max_element(image.values().begin(), image.values().end());
  Grid<double> seed(shape);
  Index i{0, 0, 0};
  int64_t p = 0;
  do {
    bool shell = false;
    for (int d = 0; d < shape.ndim; ++d) shell = shell || i[d] == 0 || i[d] == shape[d] - 1;
    seed[p] = shell ? image[p] : top;
    ++p;
  } while (nextIndex(i, shape));
  return reconstructionByErosion(seed, image);
}

}  // namespace lightbox
