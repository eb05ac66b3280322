#include "working_labels.h"

#include <stdexcept>
#include <string>

#include "original_slices.h"

namespace lightbox::workflows::detail {

std::optional<std::vector<uint8_t>> predictionLabels(project::Project& proj, const project::PredictionInfo& prediction) {
  const auto image = proj.images().get(prediction.imageId);
  if (!image) throw std::runtime_error("the image of prediction " + std::to_string(prediction.id) + " is gone");
  const auto mask = proj.groundTruth().loadMask(image->id);
  const auto boxes = mask ? std::nullopt : proj.groundTruth().loadBoxes(image->id);
  if (!mask && !boxes) return std::nullopt;
  std::optional<std::string> mapping;
  for (const auto& kind : proj.arrays().kinds(image->id))
    if (proj.arrays().id(image->id, kind) == prediction.arrayId) mapping = proj.arrays().load(image->id, kind)->mapping;
  if (!mapping) throw std::runtime_error(image->meta.sourcePath + ": the working array of its prediction is gone");
  const OriginalSlices map(proj, *image, *mapping);
  const Shape& shape = prediction.shape;
  std::vector<uint8_t> labels(size_t(shape.count()), 0);
  Index w{0, 0, 0};
  int64_t k = 0;
  do {
    const auto o = map.toOriginal(w, shape.ndim);
    if (!o) throw std::runtime_error(image->meta.sourcePath + ": its working array has no mapping to the original grid");
    if (mask) {
      const Shape& os = mask->labels.shape();
      bool inside = true;
      for (int d = 0; d < os.ndim; ++d) inside = inside && (*o)[d] >= 0 && (*o)[d] < os[d];
      if (inside) labels[size_t(k)] = mask->labels.at(*o) ? 1 : 0;
    } else {
      for (const auto& b : boxes->boxes)
        if (double((*o)[0]) >= b.yMin && double((*o)[0]) <= b.yMax && double((*o)[1]) >= b.xMin &&
            double((*o)[1]) <= b.xMax)
          labels[size_t(k)] = 1;
    }
    ++k;
  } while (nextIndex(w, shape));
  return labels;
}

}  // namespace lightbox::workflows::detail
