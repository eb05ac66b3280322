#pragma once
// Internals of grey_morphology.cpp / grey_reconstruction.cpp: the reusable buffers of the connectivity-2 grey
// filters and of reconstruction by erosion. Not part of the public API.

#include <cstdint>
#include <vector>

#include "lightbox/core/grid.h"

namespace lightbox::detail {

/// A grid embedded in a one-element frame of +inf (skimage pads with max(seed): neutral for erosion), so every
/// footprint neighbour is a fixed linear offset. 2D grids get no frame along the (single-plane) axis 0.
template <typename T>
class FramedVolume {
 public:
  std::vector<T> result;  ///< the reconstruction; holds the seed before reconstruct()
  std::vector<T> mask;

  /// Sizes both buffers for `d`, every element (frame included) +inf.
  void reshape(const PlaneView& d);
  const PlaneView& dims() const { return d_; }
  /// Framed index of grid element (a, b, 0).
  int64_t rowOrigin(int64_t a, int64_t b) const { return ((a + frame0_) * size1_ + b + 1) * size2_ + 1; }
  /// Copies a dense grid of dims() into the interior of `target` (result or mask).
  void load(const T* values, std::vector<T>& target) const;
  /// Copies the interior of result into a dense grid.
  void store(T* values) const;
  /// result <- reconstruction by erosion of mask from the seed in result (which must be >= mask).
  void reconstruct();

 private:
  void forwardSweep();
  void backwardSweep();
  void propagate();

  PlaneView d_;
  int64_t frame0_ = 0, size1_ = 0, size2_ = 0;
  // Footprint offsets that precede / follow an element in raster order, without the in-row neighbour (the sweeps
  // handle that one serially), and the whole neighbourhood.
  std::vector<int64_t> before_, after_, all_;
  std::vector<T> line_;
  std::vector<int64_t> fifo_;
};

template <typename T>
struct GreyScratch {
  std::vector<T> a, b;
};

/// Buffers reused across the components of one label map.
template <typename T>
struct GreyWorkspace {
  GreyScratch<T> scratch;
  std::vector<T> in, dilated, closed;
  FramedVolume<T> volume;
};

extern template class FramedVolume<float>;
extern template class FramedVolume<double>;

}  // namespace lightbox::detail
