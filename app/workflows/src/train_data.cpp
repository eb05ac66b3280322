#include "train_data.h"

#include "held_out_slices.h"

#include <algorithm>
#include <map>
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

std::vector<ImageSelection> selectDatasetImages(project::Project& project, const std::string& dataset) {
  const auto d = project.datasets().findByName(dataset);
  if (!d) throw std::invalid_argument("the project has no dataset named '" + dataset + "'");
  std::vector<project::ImageRecord> rows = project.images().list(d->id);
  std::erase_if(rows, [](const auto& r) { return r.status != project::ImportStatus::Imported || r.excluded; });
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.meta.sourcePath != b.meta.sourcePath ? a.meta.sourcePath < b.meta.sourcePath : a.id < b.id;
  });
  std::vector<ImageSelection> out;
  for (const auto& row : rows) {
    std::vector<std::string> kinds = project.arrays().kinds(row.id);  // sorted: slice:0001 < slice:0002 ...
    const bool whole = std::find(kinds.begin(), kinds.end(), "preprocessed") != kinds.end();
    std::erase_if(kinds, [whole](const std::string& k) { return whole ? k != "preprocessed" : k.rfind("slice:", 0) != 0; });
    // Slices that became a simulated-lesion test set, or that a user excluded, never train (held_out_slices.h).
    const std::vector<std::string> heldOut = kindsLeftOutOfTraining(project, row.id);
    std::erase_if(kinds, [&](const std::string& k) { return std::find(heldOut.begin(), heldOut.end(), k) != heldOut.end(); });
    if (!kinds.empty()) out.push_back({row.id, row.meta.sourcePath, std::move(kinds)});
  }
  return out;
}

nlohmann::json selectionToJson(const std::vector<ImageSelection>& selection) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : selection) out.push_back({{"id", s.imageId}, {"path", s.path}, {"arrays", s.kinds}});
  return out;
}

std::optional<std::vector<ImageSelection>> selectionFromRunConfig(const nlohmann::json& config) {
  const auto it = config.find("images");
  if (it == config.end()) return std::nullopt;
  if (!it->is_array()) throw std::invalid_argument("the run's stored image list is not a list");
  std::vector<ImageSelection> out;
  for (const auto& e : *it) {
    if (!e.is_object() || !e.contains("id") || !e.at("id").is_number_integer() || !e.contains("arrays") ||
        !e.at("arrays").is_array())
      throw std::invalid_argument("the run's stored image list has an entry without an id or arrays");
    out.push_back({e.at("id").get<int64_t>(), e.value("path", std::string()), e.at("arrays").get<std::vector<std::string>>()});
  }
  return out;
}

std::vector<SourceImage> loadSelection(project::Project& project, const std::vector<ImageSelection>& selection,
                                       const Shape& shape, int channels, const std::string& dataset) {
  std::vector<SourceImage> out;
  for (const auto& sel : selection) {
    SourceImage img{sel.path, {}, sel.imageId, {}};
    for (const std::string& kind : sel.kinds) {
      const auto a = project.arrays().load(sel.imageId, kind);
      if (!a)
        throw std::invalid_argument(sel.path + " (image " + std::to_string(sel.imageId) + ", " + kind +
                                    ") is no longer in the project");
      if (a->image.channels() != channels)
        throw std::invalid_argument(sel.path + " (" + kind + ") has " + std::to_string(a->image.channels()) +
                                    " channels; the preset takes " + std::to_string(channels));
      try {
        img.arrays.push_back(std::make_shared<const ImageRecord>(downsampleTo(a->image, a->mask, shape)));
        img.kinds.push_back(kind);
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(sel.path + " (" + kind + ") " + e.what());
      }
    }
    if (!img.arrays.empty()) out.push_back(std::move(img));
  }
  if (out.empty()) throw std::invalid_argument("dataset '" + dataset + "' holds no preprocessed images to train on");
  return out;
}

std::vector<SourceImage> loadDataset(project::Project& project, const std::string& dataset, const Shape& shape,
                                     int channels) {
  return loadSelection(project, selectDatasetImages(project, dataset), shape, channels, dataset);
}

RunImages loadRunImages(project::Project& project, const nlohmann::json& runConfig, const Shape& shape, int channels) {
  const std::string dataset = runConfig.at("dataset").get<std::string>();
  auto recorded = selectionFromRunConfig(runConfig);
  if (!recorded) return {loadDataset(project, dataset, shape, channels), false};
  // Image ids are the project's own; a run merged from a copy made elsewhere is found again by source path.
  const auto d = project.datasets().findByName(dataset);
  if (!d) throw std::invalid_argument("the project has no dataset named '" + dataset + "'");
  std::vector<project::ImageRecord> rows = project.images().list(d->id);
  for (auto& sel : *recorded) {
    const auto same = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.id == sel.imageId; });
    if (same != rows.end() && (sel.path.empty() || same->meta.sourcePath == sel.path)) continue;
    const auto byPath = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.meta.sourcePath == sel.path; });
    if (byPath == rows.end())
      throw std::invalid_argument(sel.path + " (image " + std::to_string(sel.imageId) + "), which the run trained on, "
                                  "is no longer in dataset '" + dataset + "'");
    sel.imageId = byPath->id;
  }
  return {loadSelection(project, *recorded, shape, channels, dataset), true};
}

FoldData partitionFold(const std::vector<SourceImage>& images, const FoldTasks& fold) {
  FoldData f;
  // Units of the partition: source images, so that no volume has slices on both sides. A dataset of fewer than
  // five volumes (a demo with one brain) cannot fill five chunks; its slices become the units instead.
  struct Unit {
    std::vector<std::shared_ptr<const ImageRecord>> arrays;
    std::vector<ArrayRef> refs;
  };
  std::vector<Unit> units;
  f.bySlice = images.size() < 5;
  const auto refOf = [](const SourceImage& i, size_t a) {
    return ArrayRef{i.imageId, a < i.kinds.size() ? i.kinds[a] : std::string()};
  };
  for (const auto& i : images) {
    if (f.bySlice) {
      for (size_t a = 0; a < i.arrays.size(); ++a) units.push_back({{i.arrays[a]}, {refOf(i, a)}});
    } else {
      Unit u{i.arrays, {}};
      for (size_t a = 0; a < i.arrays.size(); ++a) u.refs.push_back(refOf(i, a));
      units.push_back(std::move(u));
    }
  }
  if (f.bySlice) {
    // Contiguous chunks of slices would be different anatomy (top of the head vs the base), which the network,
    // with its positional encoding, learns as "normal here": interleave instead, slice i into chunk i mod 5.
    std::vector<Unit> interleaved;
    for (size_t r = 0; r < 5; ++r)
      for (size_t i = r; i < units.size(); i += 5) interleaved.push_back(units[i]);
    units = std::move(interleaved);
  }
  f.partition = partitionImages(int(units.size()), fold);
  const auto gather = [&](const std::vector<int>& indices, std::vector<ArrayRef>& refs) {
    auto set = std::make_shared<ImageSet>();
    for (const int i : indices) {
      for (const auto& a : units[size_t(i)].arrays) set->push_back(a);
      for (const auto& r : units[size_t(i)].refs) refs.push_back(r);
    }
    return std::shared_ptr<const ImageSet>(std::move(set));
  };
  f.training = gather(f.partition.training, f.trainingRefs);
  f.validation = gather(f.partition.validation, f.validationRefs);
  if (f.training->empty() || f.validation->empty())
    throw std::invalid_argument("too few images for five chunks: the fold leaves training or validation empty (" +
                                std::to_string(units.size()) + " images or slices; at least 5 are needed)");
  return f;
}

void dropUserExcludedSlices(project::Project& project, std::vector<FoldData>& partitions, const std::vector<int>& folds) {
  std::map<int64_t, std::vector<std::string>> excluded;
  const auto isExcluded = [&](const ArrayRef& r) {
    auto it = excluded.find(r.imageId);
    if (it == excluded.end()) {
      std::vector<std::string> kinds;
      // An image excluded as a whole since the run is left out like each of its slices ("*" stands for all).
      const auto image = project.images().get(r.imageId);
      if (image && image->excluded) kinds.push_back("*");
      for (const auto& s : userExcludedSlices(project, r.imageId)) kinds.push_back(s.arrayKind);
      it = excluded.emplace(r.imageId, std::move(kinds)).first;
    }
    return std::find_if(it->second.begin(), it->second.end(),
                        [&](const std::string& k) { return k == "*" || k == r.kind; }) != it->second.end();
  };
  for (size_t f = 0; f < partitions.size(); ++f) {
    FoldData& data = partitions[f];
    auto kept = std::make_shared<ImageSet>();
    std::vector<ArrayRef> keptRefs;
    for (size_t i = 0; i < data.validation->size(); ++i) {
      const ArrayRef ref = i < data.validationRefs.size() ? data.validationRefs[i] : ArrayRef{};
      if (isExcluded(ref)) continue;
      kept->push_back((*data.validation)[i]);
      keptRefs.push_back(ref);
    }
    if (kept->empty())
      throw std::invalid_argument("every array fold " + std::to_string(f < folds.size() ? folds[f] : int(f)) +
                                  " held out has been excluded since the run: nothing healthy is left to judge it on");
    data.validation = std::move(kept);
    data.validationRefs = std::move(keptRefs);
  }
}

std::shared_ptr<const ImageSet> allArrays(const std::vector<SourceImage>& images) {
  auto set = std::make_shared<ImageSet>();
  for (const auto& i : images)
    for (const auto& a : i.arrays) set->push_back(a);
  return set;
}

}  // namespace lightbox::workflows::detail
