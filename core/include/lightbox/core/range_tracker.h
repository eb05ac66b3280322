#pragma once
// The per-channel [min, max] of an image while anomalies are inserted into it. Several tasks clip to the current
// image range (SPEC §1.4 step 10, §1.7 step 5); recomputing it over a whole 3D volume for every anomaly cost a
// third of the sample time. Only the anomaly boxes change, so the range is rebuilt from the boxes plus the original
// image's extremes, exactly.

#include <memory>
#include <utility>
#include <vector>

#include "lightbox/core/image.h"

namespace lightbox {

/// Where an image attains its per-channel minimum and maximum (a bounded sample of those voxels), and the range of
/// every row along the last axis.
struct ImageExtremes {
  std::vector<std::pair<float, float>> ranges;
  std::vector<std::vector<int64_t>> minVoxels;  ///< per channel, linear indices (at most kMaxStored)
  std::vector<std::vector<int64_t>> maxVoxels;
  /// rowRanges[c * rows + r]: [min, max] of row r (raster order) of channel c. Shared, as it is the same for the
  /// image flipped along its last axis.
  std::shared_ptr<const std::vector<std::pair<float, float>>> rowRanges;
  static constexpr size_t kMaxStored = 64;

  static ImageExtremes of(const Image& image);
  /// The same extremes for the image flipped along its last axis.
  ImageExtremes flippedLastAxis(const Shape& shape) const;
};

class ImageRangeTracker {
 public:
  /// `image` is the image being edited; it must equal the image `extremes` describes until modified() is called.
  ImageRangeTracker(const Image& image, ImageExtremes extremes);

  /// Current per-channel range of the image.
  const std::vector<std::pair<float, float>>& ranges();
  /// Call after the image changed inside `box`.
  void modified(const Box& box);

 private:
  const Image& image_;
  ImageExtremes original_;
  std::vector<Box> boxes_;
  std::vector<std::pair<float, float>> current_;
  bool valid_ = true;

  bool anyOutsideBoxes(const std::vector<int64_t>& voxels) const;
  std::vector<std::pair<float, float>> rangesFromRows() const;
};

}  // namespace lightbox
