#include "lightbox/core/training_samples.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "lightbox/core/positional_encoding.h"

namespace lightbox {

namespace {
template <typename T>
void reverseRows(T* data, int64_t count, int64_t rowLength) {
  for (int64_t start = 0; start < count; start += rowLength) std::reverse(data + start, data + start + rowLength);
}
}  // namespace

Image flipLastAxis(const Image& image) {
  Image out = image;
  reverseRows(out.data(), int64_t(out.values().size()), image.shape()[image.ndim() - 1]);
  return out;
}

Mask flipLastAxis(const Mask& mask) {
  Mask out = mask;
  if (!out.empty()) reverseRows(out.data(), out.count(), mask.shape()[mask.ndim() - 1]);
  return out;
}

TrainingSampleGenerator::TrainingSampleGenerator(std::shared_ptr<const ImageSet> images,
                                                 std::vector<std::shared_ptr<const AnomalyTask>> tasks,
                                                 const TaskSettings& settings, double flipProbability)
    : TrainingSampleGenerator(images, tasks, std::vector<TaskSettings>(tasks.size(), settings), flipProbability) {}

TrainingSampleGenerator::TrainingSampleGenerator(std::shared_ptr<const ImageSet> images,
                                                 std::vector<std::shared_ptr<const AnomalyTask>> tasks,
                                                 std::vector<TaskSettings> perTaskSettings, double flipProbability)
    : images_(std::move(images)),
      tasks_(std::move(tasks)),
      settings_(std::move(perTaskSettings)),
      flipProbability_(flipProbability) {
  if (!images_ || images_->empty()) throw std::invalid_argument("no images to generate samples from");
  if (tasks_.empty()) throw std::invalid_argument("no synthetic tasks selected");
  if (settings_.size() != tasks_.size()) throw std::invalid_argument("one settings per task needed");
}

TrainingSample TrainingSampleGenerator::generate(uint64_t seed, uint64_t index) const {
  return generate(seed, index, size_t(index % images_->size()));
}

TrainingSample TrainingSampleGenerator::generate(uint64_t seed, uint64_t index, size_t imageIndex) const {
  if (imageIndex >= images_->size())
    throw std::out_of_range("image index " + std::to_string(imageIndex) + " out of range (" +
                            std::to_string(images_->size()) + " images)");
  Rng rng = Rng::forItem(seed, index);
  TrainingSample s;
  s.imageIndex = int(imageIndex);
  const std::shared_ptr<const ImageRecord>& recordPtr = (*images_)[size_t(s.imageIndex)];
  const ImageRecord& record = *recordPtr;
  s.flipped = rng.uniform() < flipProbability_;
  const size_t taskIndex = size_t(rng.randint(0, int64_t(tasks_.size()) - 1));
  const AnomalyTask& task = *tasks_[taskIndex];
  const TaskSettings& settings = settings_[taskIndex];
  if (s.flipped) {
    s.normal = std::make_shared<const Image>(flipLastAxis(record.image));
    const ImageExtremes extremes = record.extremes.flippedLastAxis(record.image.shape());
    s.synthetic = synthesise(task, *s.normal, flipLastAxis(record.objectMask), settings, rng, &extremes);
  } else {
    s.normal = std::shared_ptr<const Image>(recordPtr, &record.image);  // aliases the record: no copy
    s.synthetic = synthesise(task, *s.normal, record.objectMask, settings, rng, &record.extremes);
  }
  s.positionalEncoding = cachedPositionalEncoding(record.image.shape());
  return s;
}

}  // namespace lightbox
