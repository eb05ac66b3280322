#pragma once
// Images held in memory for sample generation: the healthy training images (also the intra-dataset blend source)
// and the inter-dataset blend source, each with its optional object mask and cached intensity range.

#include <memory>
#include <utility>
#include <vector>

#include "lightbox/core/image.h"
#include "lightbox/core/random.h"
#include "lightbox/core/range_tracker.h"

namespace lightbox {

struct ImageRecord {
  Image image;
  Mask objectMask;                                  ///< empty = no mask ("anywhere")
  ImageExtremes extremes;                           ///< per-channel range of `image` and where it is attained

  ImageRecord(Image img, Mask mask = {});
  bool hasObjectMask() const { return !objectMask.empty(); }
};

using ImageSet = std::vector<std::shared_ptr<const ImageRecord>>;

inline std::shared_ptr<const ImageRecord> makeRecord(Image image, Mask mask = {}) {
  return std::make_shared<const ImageRecord>(std::move(image), std::move(mask));
}

/// Uniformly random element (the reference's get_random_sample).
const ImageRecord& pickRandom(const ImageSet& set, Rng& rng);

}  // namespace lightbox
