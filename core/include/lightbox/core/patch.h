#pragma once
// Double-precision copies of image boxes: the task maths run in float64 (SPEC §8.16) on boxes only, while the
// image itself stays float32.

#include <vector>

#include "lightbox/core/image.h"

namespace lightbox {

/// Channels-first double patch: `channels` grids of one spatial shape, stored one after the other.
struct Patch {
  int channels = 0;
  Shape shape;
  std::vector<double> values;

  Patch() = default;
  Patch(int c, const Shape& s) : channels(c), shape(s), values(static_cast<size_t>(c) * size_t(s.count()), 0.0) {}
  double* channel(int c) { return values.data() + size_t(c) * size_t(shape.count()); }
  const double* channel(int c) const { return values.data() + size_t(c) * size_t(shape.count()); }
};

/// Copies image[:, box] (the box must lie inside the image).
Patch extractPatch(const Image& image, const Box& box);
/// Writes patch into image[:, box]; with `where`, only the voxels where it is true.
void writePatch(Image& image, const Box& box, const Patch& patch, const Mask* where = nullptr);
/// Clamps every value of channel c to [ranges[c].first, ranges[c].second].
void clampChannels(Patch& patch, const std::vector<std::pair<float, float>>& ranges);
/// Per-channel [min, max] of a whole image.
std::vector<std::pair<float, float>> channelRanges(const Image& image);

}  // namespace lightbox
