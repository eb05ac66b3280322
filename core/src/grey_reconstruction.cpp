// Reconstruction by erosion on a framed volume: Vincent's hybrid algorithm (1993), dualised for erosion. One raster
// and one anti-raster sweep settle most values, then a FIFO propagates the remaining changes from the elements that
// can still lower a neighbour. The result is the fixed point r = max(mask, erosion(r)) reached from the seed, i.e.
// each element gets the lowest over all paths from a seed element of max(seed at the start, mask along the path).
//
// The sweeps work a row at a time: the neighbours in earlier (later) rows are final when a row is swept, so their
// minimum is taken for the whole row at once (contiguous, vectorised); only the in-row neighbour is serial.
#include <algorithm>
#include <limits>

#include "grey_morphology_detail.h"

namespace lightbox::detail {

template <typename T>
void FramedVolume<T>::reshape(const PlaneView& d) {
  d_ = d;
  frame0_ = d.is3D() ? 1 : 0;
  size1_ = d.rows + 2;
  size2_ = d.columns + 2;
  const int64_t framed = (d.planes + 2 * frame0_) * size1_ * size2_;
  constexpr T kInf = std::numeric_limits<T>::infinity();
  result.assign(size_t(framed), kInf);
  mask.assign(size_t(framed), kInf);
  line_.resize(size_t(d.columns));

  before_.clear();
  after_.clear();
  all_.clear();
  for (int64_t da = -frame0_; da <= frame0_; ++da)
    for (int64_t db = -1; db <= 1; ++db)
      for (int64_t dc = -1; dc <= 1; ++dc) {
        if (da == 0 && db == 0 && dc == 0) continue;
        if (da != 0 && db != 0 && dc != 0) continue;  // the 8 corners are not in the 3D footprint
        const int64_t offset = (da * size1_ + db) * size2_ + dc;
        all_.push_back(offset);
        if (offset < -1) before_.push_back(offset);
        if (offset > 1) after_.push_back(offset);
      }
}

template <typename T>
void FramedVolume<T>::load(const T* values, std::vector<T>& target) const {
  for (int64_t a = 0; a < d_.planes; ++a)
    for (int64_t b = 0; b < d_.rows; ++b)
      std::copy_n(values + (a * d_.rows + b) * d_.columns, d_.columns, target.data() + rowOrigin(a, b));
}

template <typename T>
void FramedVolume<T>::store(T* values) const {
  for (int64_t a = 0; a < d_.planes; ++a)
    for (int64_t b = 0; b < d_.rows; ++b)
      std::copy_n(result.data() + rowOrigin(a, b), d_.columns, values + (a * d_.rows + b) * d_.columns);
}

template <typename T>
void FramedVolume<T>::forwardSweep() {
  const int64_t n = d_.columns;
  T* line = line_.data();
  for (int64_t a = 0; a < d_.planes; ++a)
    for (int64_t b = 0; b < d_.rows; ++b) {
      T* r = result.data() + rowOrigin(a, b);
      const T* m = mask.data() + rowOrigin(a, b);
      std::copy_n(r, n, line);
      for (const int64_t off : before_)
        for (int64_t c = 0; c < n; ++c) line[c] = std::min(line[c], r[c + off]);
      T previous = r[-1];
      for (int64_t c = 0; c < n; ++c) {
        previous = std::max(std::min(line[c], previous), m[c]);
        r[c] = previous;
      }
    }
}

template <typename T>
void FramedVolume<T>::backwardSweep() {
  const int64_t n = d_.columns;
  T* line = line_.data();
  std::vector<uint8_t> lowers(static_cast<size_t>(n));
  for (int64_t a = d_.planes - 1; a >= 0; --a)
    for (int64_t b = d_.rows - 1; b >= 0; --b) {
      T* r = result.data() + rowOrigin(a, b);
      const T* m = mask.data() + rowOrigin(a, b);
      std::copy_n(r, n, line);
      for (const int64_t off : after_)
        for (int64_t c = 0; c < n; ++c) line[c] = std::min(line[c], r[c + off]);
      T next = r[n];
      for (int64_t c = n - 1; c >= 0; --c) {
        next = std::max(std::min(line[c], next), m[c]);
        r[c] = next;
      }
      // Elements through which a following neighbour q could still be lowered (frame elements have r == m and
      // never qualify). The following elements are final for this sweep, so the test can wait for the whole row.
      std::fill(lowers.begin(), lowers.end(), uint8_t(0));
      for (const int64_t off : all_) {
        if (off < 0) continue;
        for (int64_t c = 0; c < n; ++c) lowers[size_t(c)] |= uint8_t((r[c + off] > r[c]) & (r[c + off] > m[c + off]));
      }
      const int64_t origin = rowOrigin(a, b);
      for (int64_t c = n - 1; c >= 0; --c)
        if (lowers[size_t(c)]) fifo_.push_back(origin + c);
    }
}

template <typename T>
void FramedVolume<T>::propagate() {
  T* r = result.data();
  const T* m = mask.data();
  for (size_t head = 0; head < fifo_.size(); ++head) {
    const int64_t f = fifo_[head];
    for (const int64_t off : all_) {
      const int64_t q = f + off;
      if (r[q] > r[f] && r[q] != m[q]) {
        r[q] = std::max(r[f], m[q]);
        fifo_.push_back(q);
      }
    }
  }
}

template <typename T>
void FramedVolume<T>::reconstruct() {
  fifo_.clear();
  forwardSweep();
  backwardSweep();
  propagate();
}

template class FramedVolume<float>;
template class FramedVolume<double>;

}  // namespace lightbox::detail
