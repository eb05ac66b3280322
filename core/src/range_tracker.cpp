#include "lightbox/core/range_tracker.h"

#include <algorithm>
#include <limits>

#include "lightbox/core/patch.h"

namespace lightbox {

namespace {

std::pair<float, float> rowRange(const float* p, int64_t n) {
  float lo = p[0], hi = p[0];
  for (int64_t k = 1; k < n; ++k) {
    lo = std::min(lo, p[k]);
    hi = std::max(hi, p[k]);
  }
  return {lo, hi};
}

}  // namespace

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
  const int64_t rowLength = image.shape()[image.ndim() - 1];
  const int64_t rows = image.voxelCount() / rowLength;
  auto rowRanges = std::make_shared<std::vector<std::pair<float, float>>>(size_t(image.channels() * rows));
  for (int c = 0; c < image.channels(); ++c)
    for (int64_t r = 0; r < rows; ++r) (*rowRanges)[size_t(c * rows + r)] = rowRange(image.channel(c) + r * rowLength, rowLength);
  e.rowRanges = std::move(rowRanges);
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
    current_ = original_.rowRanges ? rangesFromRows() : channelRanges(image_);
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

// Rows that no box touches still hold the original image, whose row ranges are known; only the touched rows are
// scanned. Exact, and a few per cent of a full scan for typical boxes.
std::vector<std::pair<float, float>> ImageRangeTracker::rangesFromRows() const {
  const Shape& s = image_.shape();
  const int nd = s.ndim;
  const int64_t rowLength = s[nd - 1];
  const int64_t rows = s.count() / rowLength;
  std::vector<uint8_t> touched(static_cast<size_t>(rows), 0);
  Shape rowGrid = s;  // the rows as a grid of one fewer axis
  rowGrid.size[nd - 1] = 1;
  for (const Box& b : boxes_) {
    Box rowBox = b;
    rowBox.size[nd - 1] = 1;
    rowBox.corner[nd - 1] = 0;
    forEachRow(rowGrid, rowBox, [&](int64_t o, int64_t, int64_t) { touched[size_t(o)] = 1; });
  }
  std::vector<std::pair<float, float>> out;
  for (int c = 0; c < image_.channels(); ++c) {
    const auto* known = original_.rowRanges->data() + c * rows;
    const float* p = image_.channel(c);
    std::pair<float, float> range{std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};
    for (int64_t r = 0; r < rows; ++r) {
      const auto row = touched[size_t(r)] ? rowRange(p + r * rowLength, rowLength) : known[r];
      range.first = std::min(range.first, row.first);
      range.second = std::max(range.second, row.second);
    }
    out.push_back(range);
  }
  return out;
}

}  // namespace lightbox
