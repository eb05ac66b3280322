#include "lightbox/core/patch.h"

#include <algorithm>
#include <stdexcept>

namespace lightbox {

Patch extractPatch(const Image& image, const Box& box) {
  Patch p(image.channels(), box.size);
  for (int c = 0; c < image.channels(); ++c) {
    const float* src = image.channel(c);
    double* dst = p.channel(c);
    forEachRow(image.shape(), box, [&](int64_t io, int64_t po, int64_t n) {
      for (int64_t k = 0; k < n; ++k) dst[po + k] = src[io + k];
    });
  }
  return p;
}

void writePatch(Image& image, const Box& box, const Patch& patch, const Mask* where) {
  for (int c = 0; c < image.channels(); ++c) {
    float* dst = image.channel(c);
    const double* src = patch.channel(c);
    forEachRow(image.shape(), box, [&](int64_t io, int64_t po, int64_t n) {
      for (int64_t k = 0; k < n; ++k)
        if (!where || (*where)[po + k]) dst[io + k] = static_cast<float>(src[po + k]);
    });
  }
}

void clampChannels(Patch& patch, const std::vector<std::pair<float, float>>& ranges) {
  for (int c = 0; c < patch.channels; ++c) {
    double* v = patch.channel(c);
    const double lo = ranges[size_t(c)].first, hi = ranges[size_t(c)].second;
    for (int64_t k = 0; k < patch.shape.count(); ++k) v[k] = std::clamp(v[k], lo, hi);
  }
}

std::vector<std::pair<float, float>> channelRanges(const Image& image) {
  std::vector<std::pair<float, float>> r;
  r.reserve(size_t(image.channels()));
  for (int c = 0; c < image.channels(); ++c) {
    // A plain loop vectorises; std::minmax_element does not.
    const float* p = image.channel(c);
    float lo = p[0], hi = p[0];
    for (int64_t k = 1; k < image.voxelCount(); ++k) {
      lo = std::min(lo, p[k]);
      hi = std::max(hi, p[k]);
    }
    r.emplace_back(lo, hi);
  }
  return r;
}

}  // namespace lightbox
