#include "train_data.h"

#include "held_out_slices.h"

#include <algorithm>
#include <stdexcept>

namespace lightbox::workflows::detail {

ImageRecord downsampleTo(const Image& image, const Mask& mask, const Shape& shape) {
  const Shape& in = image.shape();
  if (in.ndim != shape.ndim) throw std::invalid_argument("has the wrong number of dimensions");
  Index factor{1, 1, 1};
  for (int d = 0; d < in.ndim; ++d) {
    if (in[d] < shape[d] || in[d] % shape[d] != 0)
      throw std::invalid_argument("cannot be brought to the preset's size (not an integer multiple of it)");
    factor[d] = in[d] / shape[d];
  }
  if (in == shape) return ImageRecord(image, mask);
  Image out(image.channels(), shape);
  out.geometry() = image.geometry();
  for (int d = 0; d < in.ndim; ++d) out.geometry().spacing[size_t(d)] *= double(factor[d]);
  Mask outMask = mask.empty() ? Mask() : Mask(shape, 0);
  const int64_t boxVoxels = factor[0] * factor[1] * factor[2];
  for (int c = 0; c < image.channels(); ++c) {
    const float* src = image.channel(c);
    float* dst = out.channel(c);
    Index o{0, 0, 0};
    int64_t k = 0;
    do {
      double sum = 0;
      int64_t object = 0;
      for (int64_t a = 0; a < factor[0]; ++a)
        for (int64_t b = 0; b < factor[1]; ++b)
          for (int64_t e = 0; e < factor[2]; ++e) {
            const Index i{o[0] * factor[0] + a, o[1] * factor[1] + b, o[2] * factor[2] + e};
            int64_t flat = 0;
            for (int d = 0; d < in.ndim; ++d) flat += i[d] * in.stride(d);
            sum += src[flat];
            if (c == 0 && !mask.empty()) object += mask[flat];
          }
      dst[k] = float(sum / double(boxVoxels));
      if (c == 0 && !mask.empty()) outMask[k] = 2 * object >= boxVoxels ? 1 : 0;
      ++k;
    } while (nextIndex(o, shape));
  }
  return ImageRecord(std::move(out), std::move(outMask));
}

std::vector<SourceImage> loadDataset(project::Project& project, const std::string& dataset, const Shape& shape,
                                     int channels) {
  const auto d = project.datasets().findByName(dataset);
  if (!d) throw std::invalid_argument("the project has no dataset named '" + dataset + "'");
  std::vector<project::ImageRecord> rows = project.images().list(d->id);
  std::erase_if(rows, [](const auto& r) { return r.status != project::ImportStatus::Imported || r.excluded; });
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.meta.sourcePath != b.meta.sourcePath ? a.meta.sourcePath < b.meta.sourcePath : a.id < b.id;
  });
  std::vector<SourceImage> out;
  for (const auto& row : rows) {
    std::vector<std::string> kinds = project.arrays().kinds(row.id);
    const bool whole = std::find(kinds.begin(), kinds.end(), "preprocessed") != kinds.end();
    std::erase_if(kinds, [whole](const std::string& k) { return whole ? k != "preprocessed" : k.rfind("slice:", 0) != 0; });
    // Slices that became a simulated-lesion test set never train (held_out_slices.h).
    const std::vector<std::string> heldOut = heldOutKinds(project, row.id);
    std::erase_if(kinds, [&](const std::string& k) { return std::find(heldOut.begin(), heldOut.end(), k) != heldOut.end(); });
    SourceImage img{row.meta.sourcePath, {}};
    for (const std::string& kind : kinds) {  // kinds() is sorted: slice:0001 < slice:0002 ...
      const auto a = project.arrays().load(row.id, kind);
      if (!a) continue;
      if (a->image.channels() != channels)
        throw std::invalid_argument(row.meta.sourcePath + " (" + kind + ") has " + std::to_string(a->image.channels()) +
                                    " channels; the preset takes " + std::to_string(channels));
      try {
        img.arrays.push_back(std::make_shared<const ImageRecord>(downsampleTo(a->image, a->mask, shape)));
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(row.meta.sourcePath + " (" + kind + ") " + e.what());
      }
    }
    if (!img.arrays.empty()) out.push_back(std::move(img));
  }
  if (out.empty()) throw std::invalid_argument("dataset '" + dataset + "' holds no preprocessed images to train on");
  return out;
}

FoldData partitionFold(const std::vector<SourceImage>& images, const FoldTasks& fold) {
  FoldData f;
  // Units of the partition: source images, so that no volume has slices on both sides. A dataset of fewer than
  // five volumes (a demo with one brain) cannot fill five chunks; its slices become the units instead.
  std::vector<std::vector<std::shared_ptr<const ImageRecord>>> units;
  f.bySlice = images.size() < 5;
  for (const auto& i : images) {
    if (f.bySlice)
      for (const auto& a : i.arrays) units.push_back({a});
    else
      units.push_back(i.arrays);
  }
  if (f.bySlice) {
    // Contiguous chunks of slices would be different anatomy (top of the head vs the base), which the network,
    // with its positional encoding, learns as "normal here": interleave instead, slice i into chunk i mod 5.
    std::vector<std::vector<std::shared_ptr<const ImageRecord>>> interleaved;
    for (size_t r = 0; r < 5; ++r)
      for (size_t i = r; i < units.size(); i += 5) interleaved.push_back(units[i]);
    units = std::move(interleaved);
  }
  f.partition = partitionImages(int(units.size()), fold);
  const auto gather = [&](const std::vector<int>& indices) {
    auto set = std::make_shared<ImageSet>();
    for (const int i : indices)
      for (const auto& a : units[size_t(i)]) set->push_back(a);
    return std::shared_ptr<const ImageSet>(std::move(set));
  };
  f.training = gather(f.partition.training);
  f.validation = gather(f.partition.validation);
  if (f.training->empty() || f.validation->empty())
    throw std::invalid_argument("too few images for five chunks: the fold leaves training or validation empty (" +
                                std::to_string(units.size()) + " images or slices; at least 5 are needed)");
  return f;
}

std::shared_ptr<const ImageSet> allArrays(const std::vector<SourceImage>& images) {
  auto set = std::make_shared<ImageSet>();
  for (const auto& i : images)
    for (const auto& a : i.arrays) set->push_back(a);
  return set;
}

}  // namespace lightbox::workflows::detail
