#include "lightbox/core/range_tracker.h"

#include <algorithm>

#include "lightbox/core/patch.h"

namespace lightbox {

ImageExtremes ImageExtremes::of(const Image& image) {
  ImageExtremes e;
  e.ranges = channelRanges(image);
  e.minVoxels.resize(size_t(image.channels()));
  e.maxVoxels.resize(size_t(image.channels()));
  for (int c = 0; c < image.channels(); ++c) {
    const float* p = image.channel(c);
    const auto [lo, hi] = e.ranges[size_t(c)];
    auto& mins = e.minVoxels[size_t(c)];
    auto& maxs = e.maxVoxels[size_t(c)];
    for (int64_t k = 0; k < image.voxelCount() && (mins.size() < kMaxStored || maxs.size() < kMaxStored); ++k) {
      if (p[k] == lo && mins.size() < kMaxStored) mins.push_back(k);
      if (p[k] == hi && maxs.size() < kMaxStored) maxs.push_back(k);
    }
  }
  return e;
}

ImageExtremes ImageExtremes::flippedLastAxis(const Shape& shape) const {
  ImageExtremes f = *this;
  const int64_t n = shape[shape.ndim - 1];
  auto flip = [n](int64_t k) { return k - (k % n) + (n - 1 - k % n); };
  for (auto* lists : {&f.minVoxels, &f.maxVoxels})
    for (auto& list : *lists) std::transform(list.begin(), list.end(), list.begin(), flip);
  return f;
}

ImageRangeTracker::ImageRangeTracker(const Image& image, ImageExtremes extremes)
    : image_(image), original_(std::move(extremes)), current_(original_.ranges) {}

void ImageRangeTracker::modified(const Box& box) {
  boxes_.push_back(box);
  valid_ = false;
}

bool ImageRangeTracker::anyOutsideBoxes(const std::vector<int64_t>& voxels) const {
  const Shape& s = image_.shape();
  for (const int64_t v : voxels) {
    const Index i = s.unravel(v);
    bool inside = false;
    for (const Box& b : boxes_) {
      bool inThis = true;
      for (int d = 0; d < s.ndim; ++d) inThis &= i[d] >= b.corner[d] && i[d] < b.corner[d] + b.size[d];
      inside |= inThis;
    }
    if (!inside) return true;
  }
  return false;
}

const std::vector<std::pair<float, float>>& ImageRangeTracker::ranges() {
  if (valid_) return current_;
  // Outside the boxes the image is the original, so an original extreme voxel left outside them still holds the
  // original extreme; the boxes contribute whatever they hold now.
  bool exact = true;
  for (int c = 0; c < image_.channels(); ++c)
    exact &= anyOutsideBoxes(original_.minVoxels[size_t(c)]) && anyOutsideBoxes(original_.maxVoxels[size_t(c)]);
  if (!exact) {
    current_ = channelRanges(image_);
  } else {
    current_ = original_.ranges;
    for (const Box& b : boxes_) {
      const Patch p = extractPatch(image_, b);
      for (int c = 0; c < p.channels; ++c) {
        const auto [lo, hi] = std::minmax_element(p.channel(c), p.channel(c) + p.shape.count());
        current_[size_t(c)].first = std::min(current_[size_t(c)].first, float(*lo));
        current_[size_t(c)].second = std::max(current_[size_t(c)].second, float(*hi));
      }
    }
  }
  valid_ = true;
  return current_;
}

}  // namespace lightbox
