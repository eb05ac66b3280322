#pragma once
// N-dimensional (2D or 3D) row-major arrays: the common currency of every algorithm in core/.
// Spatial axes follow numpy order (axis 0 slowest), as the method's reference code does.

#include <array>
#include <cassert>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace lightbox {

inline constexpr int kMaxDims = 3;
using Index = std::array<int64_t, kMaxDims>;

struct Shape {
  int ndim = 0;
  Index size{1, 1, 1};

  Shape() = default;
  Shape(int64_t n0, int64_t n1) : ndim(2), size{n0, n1, 1} {}
  Shape(int64_t n0, int64_t n1, int64_t n2) : ndim(3), size{n0, n1, n2} {}
  static Shape fromVector(const std::vector<int64_t>& sizes);

  int64_t operator[](int axis) const { return size[axis]; }
  int64_t& operator[](int axis) { return size[axis]; }
  int64_t count() const {
    int64_t n = 1;
    for (int d = 0; d < ndim; ++d) n *= size[d];
    return n;
  }
  /// Row-major stride of `axis` in elements.
  int64_t stride(int axis) const {
    int64_t s = 1;
    for (int d = ndim - 1; d > axis; --d) s *= size[d];
    return s;
  }
  int64_t minSize() const {
    int64_t m = size[0];
    for (int d = 1; d < ndim; ++d) m = size[d] < m ? size[d] : m;
    return m;
  }
  int64_t linear(const Index& i) const {
    int64_t o = 0;
    for (int d = 0; d < ndim; ++d) o = o * size[d] + i[d];
    return o;
  }
  Index unravel(int64_t linearIndex) const {
    Index i{0, 0, 0};
    for (int d = ndim - 1; d >= 0; --d) {
      i[d] = linearIndex % size[d];
      linearIndex /= size[d];
    }
    return i;
  }
  bool contains(const Index& i) const {
    for (int d = 0; d < ndim; ++d)
      if (i[d] < 0 || i[d] >= size[d]) return false;
    return true;
  }
  bool operator==(const Shape& o) const {
    if (ndim != o.ndim) return false;
    for (int d = 0; d < ndim; ++d)
      if (size[d] != o.size[d]) return false;
    return true;
  }
  std::string toString() const;
};

/// Advances a multi-index over `shape` in row-major order; returns false after the last element.
inline bool nextIndex(Index& i, const Shape& shape) {
  for (int d = shape.ndim - 1; d >= 0; --d) {
    if (++i[d] < shape.size[d]) return true;
    i[d] = 0;
  }
  return false;
}

/// An axis-aligned box inside a larger grid: voxels corner[d] .. corner[d]+size[d]-1.
struct Box {
  Index corner{0, 0, 0};
  Shape size;
};

/// Visits `box` (inside a grid of shape `outer`) one contiguous run along the fastest axis at a time:
/// f(offsetInOuter, offsetInBox, runLength). The hot loops of the tasks use this instead of per-voxel indexing.
template <typename F>
void forEachRow(const Shape& outer, const Box& box, F&& f) {
  const int nd = outer.ndim;
  for (int d = 0; d < nd; ++d)
    if (box.corner[d] < 0 || box.corner[d] + box.size[d] > outer[d])
      throw std::out_of_range("box " + box.size.toString() + " does not fit in grid " + outer.toString());
  Shape rows = box.size;
  rows.size[nd - 1] = 1;
  const int64_t run = box.size[nd - 1];
  Index i{0, 0, 0};
  int64_t inner = 0;
  do {
    Index at{0, 0, 0};
    for (int d = 0; d < nd; ++d) at[d] = box.corner[d] + i[d];
    f(outer.linear(at), inner, run);
    inner += run;
  } while (nextIndex(i, rows));
}

/// A 2D or 3D shape as planes x rows x columns, a 2D shape being a single plane: lets the row loops of the numerics
/// treat both alike.
struct PlaneView {
  int ndim = 2;
  int64_t planes = 1, rows = 1, columns = 1;

  PlaneView() = default;
  explicit PlaneView(const Shape& s)
      : ndim(s.ndim), planes(s.ndim == 3 ? s[0] : 1), rows(s[s.ndim - 2]), columns(s[s.ndim - 1]) {}
  bool is3D() const { return ndim == 3; }
  int64_t count() const { return planes * rows * columns; }
  /// The shape index of (plane, row, column).
  Index index(int64_t plane, int64_t row, int64_t column) const {
    return ndim == 3 ? Index{plane, row, column} : Index{row, column, 0};
  }
};

template <typename T>
class Grid {
 public:
  Grid() = default;
  explicit Grid(const Shape& shape, T fill = T{}) : shape_(shape), data_(static_cast<size_t>(shape.count()), fill) {}

  const Shape& shape() const { return shape_; }
  int ndim() const { return shape_.ndim; }
  int64_t count() const { return static_cast<int64_t>(data_.size()); }
  bool empty() const { return data_.empty(); }

  T* data() { return data_.data(); }
  const T* data() const { return data_.data(); }
  T& operator[](int64_t i) { return data_[static_cast<size_t>(i)]; }
  const T& operator[](int64_t i) const { return data_[static_cast<size_t>(i)]; }
  T& at(const Index& i) { return data_[static_cast<size_t>(shape_.linear(i))]; }
  const T& at(const Index& i) const { return data_[static_cast<size_t>(shape_.linear(i))]; }
  std::vector<T>& values() { return data_; }
  const std::vector<T>& values() const { return data_; }

 private:
  Shape shape_;
  std::vector<T> data_;
};

using Mask = Grid<uint8_t>; // 0 = false, 1 = true

/// Number of true elements.
int64_t countTrue(const Mask& m);

}  // namespace lightbox
