#include "lightbox/core/image_set.h"

#include <stdexcept>


namespace lightbox {

ImageRecord::ImageRecord(Image img, Mask mask) : image(std::move(img)), objectMask(std::move(mask)) {
  if (image.empty()) throw std::invalid_argument("ImageRecord: empty image");
  if (!objectMask.empty() && !(objectMask.shape() == image.shape()))
    throw std::invalid_argument("ImageRecord: object mask " + objectMask.shape().toString() +
                                " does not match image " + image.shape().toString());
  extremes = ImageExtremes::of(image);
}

const ImageRecord& pickRandom(const ImageSet& set, Rng& rng) {
  if (set.empty()) throw std::invalid_argument("no images to take a patch from");
  return *set[size_t(rng.randint(0, int64_t(set.size()) - 1))];
}

}  // namespace lightbox
